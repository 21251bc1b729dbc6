// The database the process serves. main.ts (or a test) opens it once and hands it over here;
// resolvers import `db()` rather than finding the client on the GraphQL context.
import type { Database, PrismaClient } from '@minsheng/db'

let current: Database | undefined

export function useDatabase(database: Database) {
  current = database
}

export function database(): Database {
  if (!current) throw new Error('The database has not been opened yet')
  return current
}

export function db(): PrismaClient {
  return database().prisma
}
