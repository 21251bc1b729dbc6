// What the numbers were measured on: machine, runtimes and the versions of the packages involved.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..')

export interface Machine {
  date: string
  nproc: string
  cpu: string
  memory: string
  node: string
  postgres: string
  kernel: string
  /** The code measured: the commit, and whether server/ or prisma/ had uncommitted changes. */
  revision: string
  packages: Record<string, string>
}

const sh = (command: string, args: string[]) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

// Each package as the workspace package that depends on it sees it.
const PACKAGES: [string, string][] = [
  ['server', 'graphql-yoga'],
  ['server', 'graphql'],
  ['server', '@pothos/core'],
  ['server', '@pothos/plugin-prisma'],
  ['server', '@pothos/plugin-relay'],
  ['prisma', '@prisma/client'],
  ['prisma', '@prisma/adapter-pg'],
  ['prisma', 'pg'],
  ['prisma', '@electric-sql/pglite'],
  ['prisma', 'pglite-prisma-adapter'],
  ['bench', 'postgraphile'],
  ['bench', 'postgraphile-plugin-connection-filter'],
  ['bench', 'autocannon'],
  ['bench', 'tsx'],
]

function revision() {
  // Set when the bench runs from a copy of the repository rather than the repository itself.
  if (process.env.BENCH_REVISION) return process.env.BENCH_REVISION
  const commit = sh('git', ['-C', REPO_ROOT, 'rev-parse', '--short', 'HEAD'])
  const dirty = sh('git', ['-C', REPO_ROOT, 'status', '--porcelain', '--', 'server', 'prisma'])
  return dirty && dirty !== 'unknown' ? `${commit} with uncommitted changes in server/ or prisma/` : commit
}

export function describeMachine(postgresVersion: string): Machine {
  const packages: Record<string, string> = {}
  for (const [owner, name] of PACKAGES) {
    try {
      const file = path.join(REPO_ROOT, owner, 'node_modules', name, 'package.json')
      packages[name] = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
    } catch {
      packages[name] = 'not installed'
    }
  }
  return {
    date: new Date().toISOString(),
    nproc: sh('nproc', []),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memory: sh('free', ['-h']),
    node: process.version,
    postgres: postgresVersion,
    kernel: `${os.type()} ${os.release()}`,
    revision: revision(),
    packages,
  }
}
