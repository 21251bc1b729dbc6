// The database the process serves. main.ts (or a test) opens it once and hands it over here;
// resolvers import `db()` rather than finding the client on the GraphQL context.
import { type Database, type PrismaClient, PUBLISHED_SCHEMA, type ReadOptions } from '@minsheng/db'
import type { Reading } from './governance/reading.ts'
import { readsGoToPrimary } from './read-your-writes.ts'

let current: Database | undefined

export function useDatabase(database: Database) {
  current = database
}

export function database(): Database {
  if (!current) throw new Error('The database has not been opened yet')
  return current
}

/** The client for the current request: reads go to a replica unless they must see its writes. */
export function db(): PrismaClient {
  const open = database()
  return readsGoToPrimary() ? open.primary : open.prisma
}

/**
 * The client that reads records for a request: the working copy, the published copy, or the
 * published copy as of a moment (governance/reading.ts decides which before execution).
 */
export function readDb(ctx: { reading?: Reading }): PrismaClient {
  const reading = ctx.reading
  if (!reading || reading.view === 'WORKING') return db()
  const open = database()
  if (reading.asOf && reading.asOf.schema !== PUBLISHED_SCHEMA) return open.clientOfSchema(reading.asOf.schema)
  return readsGoToPrimary() ? open.published.primary : open.published.prisma
}

/**
 * The rows of a read statement of the hub's own (compiled reads), sent past Prisma's client: the
 * statement names the copy it reads (readSchema), so only the connection is chosen here — a
 * replica, when there are any, unless the request must see its own writes.
 */
export function readRows(
  sql: string,
  params: unknown[],
  options?: Pick<ReadOptions, 'customPlan'>,
): Promise<Record<string, unknown>[]> {
  return database().readRows(sql, params, { ...options, primary: readsGoToPrimary() })
}

/** The PostgreSQL schema a request's records are read from (for the statements Prisma cannot express). */
export function readSchema(ctx: { reading?: Reading }): string {
  const reading = ctx.reading
  if (!reading || reading.view === 'WORKING') return 'public'
  return reading.asOf?.schema ?? PUBLISHED_SCHEMA
}
