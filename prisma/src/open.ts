import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from '../generated/client/client.ts'
import { applyMigrations } from './migrate.ts'
import { cacheReadPlans } from './plan-cache.ts'
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
  migrate?: boolean
}

// pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils; at run time the
// two factories are interchangeable, so both are accepted as PrismaPg's type.
function countingClient(adapter: PrismaPg) {
  cacheReadPlans()
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
        await applyMigrations({
          exec: (sql) => client.query(sql),
          query: (sql, params) => client.query(sql, params) as never,
        })
      } finally {
        client.release()
      }
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
  const pglite = new PGlite(options.dataDir ?? 'memory://', {
    // Extensions the migrations create must be loaded into the WebAssembly build up front.
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  })
  await pglite.waitReady
  if (migrate) await applyMigrations(pglite)
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
