// One plain SQL connection for the db:* commands: no pool and no statement timeout (they are batch
// jobs), and one session so a transaction or a cursor spans every statement.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import pg from 'pg'
import { lockDataDir } from '../src/data-dir-lock.ts'
import type { SqlRunner } from '../src/migrate.ts'
import { describeTarget, type Target } from './target.ts'

export interface Connection extends SqlRunner {
  target: Target
  /** The embedded database itself, for data-directory dumps. */
  pglite?: PGlite
  close(): Promise<void>
}

export interface ConnectOptions {
  /** Refuse an embedded data directory that does not exist yet instead of creating a database there. */
  mustExist?: boolean
  /** Start an embedded database from a data-directory dump. */
  loadDataDir?: Blob
}

export async function connect(target: Target, options: ConnectOptions = {}): Promise<Connection> {
  if (target.kind === 'postgres') {
    const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 10_000 })
    try {
      await client.connect()
    } catch (error) {
      throw new Error(`Cannot reach the ${describeTarget(target)}: ${reason(error)}`)
    }
    // A dropped connection surfaces on the next query; without a listener it would crash the process.
    client.on('error', () => {})
    return {
      target,
      exec: (sql) => client.query(sql),
      query: (sql, params) => client.query(sql, params) as never,
      close: () => client.end(),
    }
  }
  if (options.mustExist && !existsSync(path.join(target.dataDir, 'PG_VERSION'))) {
    throw new Error(
      `There is no embedded database in ${target.dataDir} (set DATA_DIR, or DATABASE_URL for PostgreSQL).`,
    )
  }
  const unlock = lockDataDir(target.dataDir)
  const pglite = new PGlite(target.dataDir, {
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  })
  try {
    await pglite.waitReady
  } catch (error) {
    unlock()
    throw new Error(`Cannot open the ${describeTarget(target)}: ${reason(error)}`)
  }
  return {
    target,
    pglite,
    exec: (sql) => pglite.exec(sql),
    query: (sql, params) => pglite.query(sql, params) as never,
    async close() {
      await pglite.close()
      unlock()
    },
  }
}

function reason(error: unknown) {
  const { code, message } = error as { code?: string; message?: string }
  // AggregateError (IPv4 and IPv6 both refused) has an empty message but a code.
  return message || code || String(error)
}
