import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { preparingClient, StatementNames } from './prepared-statements.ts'

const PG_NAME_TYPE = 19
const PG_TEXT_TYPE = 25

/**
 * A pool whose results report `name` columns as `text`. Prisma 6.19's migrate commands cannot
 * deserialize `name` (prisma/orm#27403); catalog queries return it. Only the CLI needs this.
 */
class NameAsTextPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded query signature cannot be restated
  override query(...args: any[]): any {
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const result = (super.query as any)(...args)
    if (!(result instanceof Promise)) return result
    return result.then((res: pg.QueryResult) => {
      for (const field of res.fields ?? []) {
        if (field.dataTypeID === PG_NAME_TYPE) field.dataTypeID = PG_TEXT_TYPE
      }
      return res
    })
  }
}

/** Adapter factory for the Prisma CLI against PostgreSQL (used by prisma.config.ts). */
export function pgAdapterFactory(url: string) {
  // allowExitOnIdle: the CLI exits when done instead of waiting out the idle connections.
  return new PrismaPg(new NameAsTextPool({ connectionString: url, allowExitOnIdle: true }))
}

export interface PoolOptions {
  max?: number
  connectionTimeoutMillis?: number
  idleTimeoutMillis?: number
  statementTimeoutMillis?: number
  /** Names the hub's sessions in pg_stat_activity, so operators (and the fault tests) can tell them apart. */
  applicationName?: string
  /** Told when the pool drops a broken idle connection (the hub logs it); stderr by default. */
  onConnectionLost?: (error: Error) => void
  /**
   * Name the SQL sent again and again, so PostgreSQL plans it once per connection (prepared-statements.ts);
   * the embedded database too (pglite-named-statements.ts). On unless false.
   */
  preparedStatements?: boolean
}

export const APPLICATION_NAME = 'minsheng-hub'

export function createPool(url: string, options: PoolOptions = {}) {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    idleTimeoutMillis: options.idleTimeoutMillis ?? 30_000,
    statement_timeout: options.statementTimeoutMillis ?? 10_000,
    application_name: options.applicationName ?? APPLICATION_NAME,
    // Queries sent together go out together (node-postgres's pipelining): a SQL transaction sends
    // BEGIN with its first statement (sql-transaction.ts). One query at a time runs as before.
    pipeline: true,
    ...(options.preparedStatements === false ? {} : { Client: preparingClient(new StatementNames()) }),
  })
  // An idle connection dropped by the server (restart, pg_terminate_backend) must not crash the
  // process: the pool discards it and the next query opens a new one.
  pool.on(
    'error',
    options.onConnectionLost ?? ((error) => console.error(`PostgreSQL connection lost: ${error.message}`)),
  )
  return pool
}
