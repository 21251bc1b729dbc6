// Probes of starting where the embedded database cannot write: a read-only data directory, a full
// disk and a damaged one each stop the start with one sentence and a non-zero exit code, not a stack
// trace.
// Both need a file system of their own: as root (the project's machines and CI), a tmpfs is mounted
// read-only or 2 MB small; otherwise the read-only case uses a directory without write permission
// and the full disk is skipped.
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, truncateSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, describe, expect, it } from 'vitest'
import { databaseKind } from '../../setup/hub.ts'

const SERVER_DIR = path.resolve(import.meta.dirname, '../../../server')
const isRoot = process.getuid?.() === 0

/** Runs `pnpm start`'s entry with `env` until it exits; its exit code and everything it printed. */
function start(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

const mounted: string[] = []
const made: string[] = []

function tmpfs(options: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-disk-'))
  made.push(dir)
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir])
  mounted.push(dir)
  return dir
}

afterAll(() => {
  for (const dir of mounted) execFileSync('umount', [dir])
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/** What a refusal must look like: one sentence naming the directory, nothing internal. */
function expectOneSentence(output: string, dir: string, about: RegExp) {
  const lines = output.trim().split('\n')
  expect(lines, output).toHaveLength(1)
  expect(lines[0]).toMatch(/^Cannot start: /)
  expect(lines[0]).toContain(dir)
  expect(lines[0]).toMatch(about)
  expect(output).not.toMatch(/ErrnoError|errno|\n\s+at |Error:/)
}

// The embedded database only; one run of these is enough.
describe.skipIf(databaseKind !== 'pglite')('starting where the data directory cannot be written', () => {
  it('a read-only data directory', async () => {
    let dir: string
    if (isRoot) {
      dir = tmpfs('size=1m,ro')
    } else {
      dir = mkdtempSync(path.join(tmpdir(), 'hub-readonly-'))
      made.push(dir)
      chmodSync(dir, 0o555)
    }
    const { code, output } = await start({ DATA_DIR: dir })
    expect(code).not.toBe(0)
    expectOneSentence(output, dir, /read-only or not writable/)
  })

  it.skipIf(!isRoot)('a full disk', async () => {
    const dir = path.join(tmpfs('size=2m'), 'data')
    mkdirSync(dir)
    const { code, output } = await start({ DATA_DIR: dir })
    expect(code).not.toBe(0)
    expectOneSentence(output, dir, /is full/)
  })
})

describe.skipIf(databaseKind !== 'pglite')('starting on a damaged embedded database', () => {
  it("says so in one sentence, with what to do, instead of WebAssembly's abort", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-damaged-'))
    made.push(dir)
    const db = new PGlite(dir)
    await db.query('SELECT 1')
    await db.close()
    // The cluster's control file lost, as a crash mid-write or another program could leave it.
    truncateSync(path.join(dir, 'global', 'pg_control'), 0)
    const { code, output } = await start({ DATA_DIR: dir })
    expect(code).not.toBe(0)
    expectOneSentence(output, dir, /damaged.*db:restore/)
    expect(output).not.toMatch(/RuntimeError|Aborted|wasm/)
  })
})

describe.skipIf(databaseKind !== 'pglite')('starting on a port another program holds', () => {
  it('ends with one sentence saying which port and what to do, for the main and the metrics port', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const { port } = taken.address() as AddressInfo
    try {
      for (const [env, variable] of [
        [{ PORT: String(port) }, 'PORT'],
        [{ METRICS_PORT: String(port), METRICS_HOST: '127.0.0.1' }, 'METRICS_PORT'],
      ] as const) {
        const dir = mkdtempSync(path.join(tmpdir(), 'hub-port-'))
        made.push(dir)
        const { code, output } = await start({ DATA_DIR: dir, ...env })
        expect(code).not.toBe(0)
        // After what the start said before it came to listen (the first operator's notice).
        const refusal = output.trim().split('\n').at(-1) ?? ''
        expect(refusal, output).toContain(`port ${port}`)
        expect(refusal).toContain(`set ${variable} to a free port`)
        expect(output).not.toMatch(/\n\s+at |EADDRINUSE|Error:/)
      }
    } finally {
      taken.close()
    }
    // Two starts, each seeding a new embedded database before it comes to listen.
  }, 120_000)
})

describe.skipIf(databaseKind !== 'pglite')('starting with a setting the hub cannot use', () => {
  it('names each variable at fault and what it takes, without a stack trace', async () => {
    const { code, output } = await start({ HEAP_GROWING_PERCENT: 'lots', PORT: 'eighty' })
    expect(code).not.toBe(0)
    expect(output.trim().split('\n')).toEqual([
      'Invalid configuration:',
      expect.stringMatching(/^ {2}PORT: /),
      '  HEAP_GROWING_PERCENT: HEAP_GROWING_PERCENT must be a whole number from 0 to 300',
    ])
    expect(output).not.toMatch(/\n\s+at |Error:/)
  })
})
