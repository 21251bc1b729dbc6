import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from '../generated/client/client.ts'
import { isFileDataDir, lockDataDir } from './data-dir-lock.ts'
import { applyMigrations, PendingMigrationsError, pendingMigrations, type SqlRunner } from './migrate.ts'
import { PUBLISHED_SCHEMA } from './mirror.ts'
import { withNamedStatements } from './pglite-named-statements.ts'
import { PGliteThread } from './pglite-thread.ts'
import { cacheReadPlans } from './plan-cache.ts'
import { createPool, type PoolOptions } from './postgres.ts'
import { openReplicas, routeReadsToReplicas } from './replicas.ts'
import { pgliteTransaction, poolTransaction, type SqlQuery } from './sql-transaction.ts'

export type DatabaseKind = 'pglite' | 'postgres'

/** A statement one of the clients sent, as Prisma's query log gives it. */
export type StatementListener = (statement: { query: string; durationMs: number }) => void

export interface Database {
  /** The client to use: with replicas, its reads go to them and everything else to the primary. */
  prisma: PrismaClient
  /** The primary alone (what the replicas extension's `$primary()` returns): reads that must see writes. */
  primary: PrismaClient
  /** The published copy of the records (schema "published", see mirror.ts): what partners read. */
  published: { prisma: PrismaClient; primary: PrismaClient }
  /**
   * A client of another mirror schema (the published state as of a moment). Clients are kept for
   * the few schemas asked most recently; `release` is told of each one dropped.
   */
  clientOfSchema(schema: string): PrismaClient
  /** Number of read replicas (PostgreSQL only). */
  replicaCount: number
  kind: DatabaseKind
  /** The embedded database itself (for dumps and backups); absent on PostgreSQL. */
  pglite?: PGlite
  /** Number of SQL statements Prisma has sent so far; tests and the bench diff it per request. */
  statementCount(): number
  /**
   * Calls `listener` with each statement any of the database's clients sends (the working copy's,
   * the published copy's, other schemas'); the bench lists them. Returns a function that stops it.
   */
  onStatement(listener: StatementListener): () => void
  /**
   * The rows of one read statement, sent straight to the driver (the pool, or the embedded
   * database's session) past Prisma's client, its extensions and its result mapping: the hub's own
   * read statements (compiled reads, aggregates), whose fully qualified names say which copy they
   * read, answering JSON, numbers and texts the driver parses. The parameters go as the driver prints them: texts and numbers (where-sql.ts
   * writes instants, dates and decimals as text, cast in the statement). Counted and listened to as the
   * clients' statements are. It goes to a replica, when there are any, unless `primary` is asked for.
   */
  readRows(sql: string, params: unknown[], options?: ReadOptions): Promise<Record<string, unknown>[]>
  /**
   * `work` in a transaction on the primary sent straight to the driver, past Prisma's interactive
   * transaction: its statements' rows typed as Prisma's $queryRaw types them (sql-transaction.ts).
   * Counted and listened to as the clients' statements are.
   */
  sqlTransaction<T>(work: (query: SqlQuery) => Promise<T>): Promise<T>
  /** Connections of the PostgreSQL pool (for metrics); absent on the embedded database. */
  poolStats?(): { total: number; idle: number; waiting: number }
  /** True when the database (the primary and every replica) answers a trivial query. */
  ping(): Promise<boolean>
  /** Which of the primary and the replicas answer a trivial query. */
  checkConnections(): Promise<{ primary: boolean; replicas: boolean[] }>
  close(): Promise<void>
}

export interface ReadOptions {
  /** On the primary, not a replica: the request must see its own writes. */
  primary?: boolean
  /**
   * Planned for its values every time: sent unnamed instead of as a prepared statement, whose
   * generic plan (after five runs) PostgreSQL keeps when its estimate is close, for any values.
   * For a statement whose best plan depends on them: a page of a list within a county (1,845
   * canteens) ran 2× slower on the generic plan than on one made for that county.
   */
  customPlan?: boolean
}

export interface OpenOptions {
  /** postgresql://… to use PostgreSQL; otherwise the embedded database. */
  databaseUrl?: string
  /** PGlite data directory; `memory://` for a throwaway database. */
  dataDir?: string
  /** A PGlite dump (from `dumpDataDir`) to start from, so tests skip initdb and migrations. */
  loadDataDir?: Blob | File
  pool?: PoolOptions
  /** postgresql://… URLs of read replicas of `databaseUrl` (same pool options). */
  replicaUrls?: string[]
  /**
   * The embedded database on a thread of its own (default), so its statements run beside the hub's
   * JavaScript instead of taking turns with it (pglite-thread.ts); false runs PGlite on the caller's thread.
   */
  thread?: boolean
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
/** Makes clients that add every statement they send to one shared count. */
function statementCounter() {
  cacheReadPlans()
  let statements = 0
  const listeners = new Set<StatementListener>()
  const record = (query: string, durationMs: number) => {
    statements += 1
    for (const listener of listeners) listener({ query, durationMs })
  }
  return {
    makeClient(adapter: PrismaPg) {
      const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] as const })
      prisma.$on('query', (event) => record(event.query, Number(event.duration)))
      return prisma
    },
    /** Runs a statement sent past Prisma's client, counting it as the clients' own are counted. */
    async counted<T>(query: string, run: () => Promise<T>): Promise<T> {
      const started = performance.now()
      try {
        return await run()
      } finally {
        record(query, performance.now() - started)
      }
    },
    statementCount: () => statements,
    onStatement(listener: StatementListener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const migrate = options.migrate ?? true
  const replicaUrls = options.replicaUrls ?? []
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
    const { makeClient, statementCount, onStatement, counted } = statementCounter()
    const primary = makeClient(new PrismaPg(pool))
    const replicas = openReplicas(replicaUrls, options.pool ?? {}, makeClient)
    const clientsOf = (schema: string) => {
      const schemaPrimary = makeClient(new PrismaPg(pool, { schema }))
      const schemaReplicas = replicas.map((replica) => ({
        ...replica,
        client: makeClient(new PrismaPg(replica.pool, { schema })),
      }))
      return { prisma: routeReadsToReplicas(schemaPrimary, schemaReplicas), primary: schemaPrimary }
    }
    const published = clientsOf(PUBLISHED_SCHEMA)
    const others = schemaClients((schema) => clientsOf(schema).prisma)
    const checkConnections = async () => ({
      primary: await ping(primary),
      replicas: await Promise.all(replicas.map((replica) => ping(replica.client))),
    })
    return {
      prisma: routeReadsToReplicas(primary, replicas),
      primary,
      published,
      clientOfSchema: others.get,
      replicaCount: replicas.length,
      kind: 'postgres',
      statementCount,
      onStatement,
      readRows(sql, params, options) {
        const replica = options?.primary ? undefined : replicas[Math.floor(Math.random() * replicas.length)]
        const target = replica?.pool ?? pool
        // prepared-statements.ts names a config object's text once it is hot, never a plain string's.
        return counted(sql, async () => {
          const result = options?.customPlan ? target.query(sql, params) : target.query({ text: sql, values: params })
          return (await result).rows
        })
      },
      sqlTransaction: (work) => poolTransaction(pool, counted, work),
      checkConnections,
      ping: async () => {
        const { primary, replicas } = await checkConnections()
        return primary && replicas.every(Boolean)
      },
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      async close() {
        await primary.$disconnect()
        await published.primary.$disconnect()
        await others.closeAll()
        await pool.end()
        for (const replica of replicas) {
          await replica.client.$disconnect()
          await replica.pool.end()
        }
      },
    }
  }
  if (replicaUrls.length > 0) {
    throw new Error('Read replicas need a PostgreSQL primary (DATABASE_URL); the embedded database has none.')
  }
  const dataDir = options.dataDir ?? 'memory://'
  const unlock = isFileDataDir(dataDir) ? lockDataDir(dataDir) : () => {}
  let pglite: PGlite
  try {
    pglite = await openPGlite(dataDir, options)
  } catch (error) {
    unlock()
    throw error
  }
  try {
    await migrateOrVerify(pglite, migrate)
  } catch (error) {
    await pglite.close().catch(() => {})
    unlock()
    throw error
  }
  const { makeClient, statementCount, onStatement, counted } = statementCounter()
  // Every client's statements go to the one PGlite session, so they share its statement names.
  const named = options.pool?.preparedStatements === false ? undefined : withNamedStatements(pglite)
  const session = named ?? pglite
  const queryUnnamed = named?.queryUnnamed ?? ((sql: string, params?: unknown[]) => session.query(sql, params))
  const prisma = makeClient(new PrismaPGlite(session) as unknown as PrismaPg)
  const clientOf = (schema: string) => makeClient(pgliteWithSchema(session, schema))
  const published = clientOf(PUBLISHED_SCHEMA)
  const others = schemaClients(clientOf)
  return {
    prisma,
    primary: prisma,
    published: { prisma: published, primary: published },
    clientOfSchema: others.get,
    replicaCount: 0,
    kind: 'pglite',
    pglite,
    statementCount,
    onStatement,
    readRows: (sql, params, options) =>
      counted(sql, async () => {
        // PGlite itself sends every statement unnamed; the session names the hot ones.
        const result = await (options?.customPlan ? queryUnnamed(sql, params) : session.query(sql, params))
        return result.rows as Record<string, unknown>[]
      }),
    sqlTransaction: (work) => pgliteTransaction(pglite, counted, work),
    ping: () => ping(prisma),
    checkConnections: async () => ({ primary: await ping(prisma), replicas: [] }),
    async close() {
      await prisma.$disconnect()
      await published.$disconnect()
      await others.closeAll()
      await pglite.close()
      unlock()
    },
  }
}

/** The embedded database, ready: on its own thread unless `thread` is false (see OpenOptions). */
async function openPGlite(dataDir: string, options: OpenOptions): Promise<PGlite> {
  if (options.thread !== false) return PGliteThread.open(dataDir, { loadDataDir: options.loadDataDir })
  const pglite = new PGlite(dataDir, {
    // Extensions the migrations create must be loaded into the WebAssembly build up front.
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  })
  try {
    await pglite.waitReady
  } catch (error) {
    await pglite.close().catch(() => {})
    throw error
  }
  return pglite
}

/**
 * PGlite's adapter reads the schema its queries name from options its factory never sets: the
 * adapter it makes is given them, so one embedded database serves clients of several schemas.
 */
function pgliteWithSchema(pglite: PGlite, schema: string): PrismaPg {
  const factory = new PrismaPGlite(pglite)
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = (await factory.connect()) as unknown as { options?: { schema?: string } }
      adapter.options = { ...adapter.options, schema }
      return adapter
    },
  } as unknown as PrismaPg
}

/** The clients of the few other schemas asked for most recently; older ones are disconnected. */
function schemaClients(make: (schema: string) => PrismaClient, keep = 3) {
  const clients = new Map<string, PrismaClient>()
  return {
    get(schema: string) {
      let client = clients.get(schema)
      if (client) clients.delete(schema)
      else client = make(schema)
      clients.set(schema, client)
      for (const [name, old] of clients) {
        if (clients.size <= keep) break
        clients.delete(name)
        void old.$disconnect()
      }
      return client
    },
    async closeAll() {
      for (const client of clients.values()) await client.$disconnect()
      clients.clear()
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
