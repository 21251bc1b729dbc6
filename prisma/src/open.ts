import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from '../generated/client/client.ts'
import { isFileDataDir, lockDataDir } from './data-dir-lock.ts'
import { applyMigrations, PendingMigrationsError, pendingMigrations, type SqlRunner } from './migrate.ts'
import { createPool, type PoolOptions } from './postgres.ts'

export type DatabaseKind = 'pglite' | 'postgres'

export interface Database {
  prisma: PrismaClient
  kind: DatabaseKind
  /** The embedded database itself (for dumps and backups); absent on PostgreSQL. */
  pglite?: PGlite
  /** Number of SQL statements Prisma has sent so far; tests and the bench diff it per request. */
  statementCount(): number
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>
  close(): Promise<void>
}

export interface OpenOptions {
  /** postgresql://… to use PostgreSQL; otherwise the embedded database. */
  databaseUrl?: string
  /** PGlite data directory; `memory://` for a throwaway database. */
  dataDir?: string
  /** A PGlite dump (from `dumpDataDir`) to start from, so tests skip initdb and migrations. */
  loadDataDir?: Blob | File
  pool?: PoolOptions
  /** true (default) applies pending migrations; 'verify' refuses to open with any pending (MIGRATE=off). */
  migrate?: boolean | 'verify'
}

async function migrateOrVerify(db: SqlRunner, mode: boolean | 'verify') {
  if (mode === 'verify') {
    const pending = await pendingMigrations(db)
    if (pending.length > 0) throw new PendingMigrationsError(pending)
  } else if (mode) {
    await applyMigrations(db)
  }
}

// pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils; at run time the
// two factories are interchangeable, so both are accepted as PrismaPg's type.
function countingClient(adapter: PrismaPg) {
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] as const })
  let statements = 0
  prisma.$on('query', () => {
    statements += 1
  })
  return { prisma, statementCount: () => statements }
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const migrate = options.migrate ?? true
  if (options.databaseUrl) {
    const pool = createPool(options.databaseUrl, options.pool)
    if (migrate) {
      const client = await pool.connect()
      try {
        await migrateOrVerify(
          {
            exec: (sql) => client.query(sql),
            query: (sql, params) => client.query(sql, params) as never,
          },
          migrate,
        )
      } catch (error) {
        client.release()
        await pool.end()
        throw error
      }
      client.release()
    }
    const { prisma, statementCount } = countingClient(new PrismaPg(pool))
    return {
      prisma,
      kind: 'postgres',
      statementCount,
      ping: () => ping(prisma),
      async close() {
        await prisma.$disconnect()
        await pool.end()
      },
    }
  }
  const dataDir = options.dataDir ?? 'memory://'
  const unlock = isFileDataDir(dataDir) ? lockDataDir(dataDir) : () => {}
  const pglite = new PGlite(dataDir, {
    // Extensions the migrations create must be loaded into the WebAssembly build up front.
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  })
  try {
    await pglite.waitReady
    await migrateOrVerify(pglite, migrate)
  } catch (error) {
    await pglite.close().catch(() => {})
    unlock()
    throw error
  }
  const { prisma, statementCount } = countingClient(new PrismaPGlite(pglite) as unknown as PrismaPg)
  return {
    prisma,
    kind: 'pglite',
    pglite,
    statementCount,
    ping: () => ping(prisma),
    async close() {
      await prisma.$disconnect()
      await pglite.close()
      unlock()
    },
  }
}

async function ping(prisma: PrismaClient) {
  try {
    await prisma.$queryRawUnsafe('SELECT 1')
    return true
  } catch {
    return false
  }
}
