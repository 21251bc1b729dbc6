// A private PostgreSQL cluster for the fault tests: created with initdb in a temporary directory on a
// free port, so a test may stop, start and kill it without disturbing the shared server other runs use.
import { execFile } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

/** Where initdb and pg_ctl live: PG_BIN, else Debian's PostgreSQL 15. */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'
/** PostgreSQL refuses to run as root; the server runs as this system user. */
const PG_USER = 'postgres'

export interface Cluster {
  port: number
  /** postgresql:// URL of a database in the cluster (the `postgres` one by default). */
  url(database?: string): string
  /** Runs one statement on the cluster's `postgres` database, on a connection of its own. */
  sql<Row extends pg.QueryResultRow = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<Row[]>
  /** `pg_ctl stop -m fast`: terminates every session and shuts down. */
  stop(): Promise<void>
  start(): Promise<void>
  /** Stops the server (immediately) and removes its directory; safe to call twice. */
  destroy(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

// Only root needs to switch user; anyone else runs the binaries as themselves.
const asPgUser = (command: string, args: string[]) =>
  process.getuid?.() === 0 ? run('runuser', ['-u', PG_USER, '--', command, ...args]) : run(command, args)

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-faults-pg-'))
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', PG_USER])
    const { stdout: gid } = await run('id', ['-g', PG_USER])
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()))
  }
  const data = path.join(dir, 'data')
  const port = await freePort()
  await asPgUser(path.join(PG_BIN, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ])
  // Durability does not matter for a throwaway cluster; speed does. The socket goes in our directory.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
  const pgCtl = (...args: string[]) => asPgUser(path.join(PG_BIN, 'pg_ctl'), ['-D', data, ...args])
  const start = async () => {
    await pgCtl('start', '-w', '-t', '30', '-l', path.join(dir, 'server.log'), '-o', options)
  }
  let destroyed = false
  const url = (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`
  await start()
  return {
    port,
    url,
    async sql(statement, params) {
      const client = new pg.Client({ connectionString: url() })
      await client.connect()
      try {
        return (await client.query(statement, params)).rows
      } finally {
        await client.end()
      }
    },
    stop: async () => {
      await pgCtl('stop', '-w', '-m', 'fast')
    },
    start,
    async destroy() {
      if (destroyed) return
      destroyed = true
      await pgCtl('stop', '-w', '-m', 'immediate').catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
