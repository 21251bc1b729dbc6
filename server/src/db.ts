// The database the process serves. main.ts (or a test) opens it once and hands it over here;
// resolvers import `db()` rather than finding the client on the GraphQL context.
import type { Database, PrismaClient } from '@minsheng/db'
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
