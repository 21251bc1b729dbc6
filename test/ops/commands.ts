// Runs a db:* command as `pnpm db:…` does: a separate Node.js process with tsx, from the database
// package, with the caller's directory in INIT_CWD (where relative file names are resolved).
import { spawn } from 'node:child_process'
import path from 'node:path'

const DB_PACKAGE = path.resolve(import.meta.dirname, '../../prisma')

export interface CommandResult {
  code: number | null
  stdout: string
  stderr: string
}

export function dbCommand(
  command: 'migrate' | 'export' | 'import' | 'backup' | 'restore' | 'divisions',
  args: string[],
  env: { DATABASE_URL?: string; DATA_DIR?: string; INIT_CWD: string },
): Promise<CommandResult> {
  // Only the database the test names: none of the caller's own DATABASE_URL or DATA_DIR.
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...inherited } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', `ops/cli/${command}.ts`, ...args], {
    cwd: DB_PACKAGE,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => {
    stdout += chunk
  })
  child.stderr.on('data', (chunk) => {
    stderr += chunk
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}
