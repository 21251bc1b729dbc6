// Read replicas: each is a PrismaClient with its own pool, and Prisma's read-replicas extension sends
// the primary client's reads (find*, count, aggregate, groupBy outside a transaction) to one of them
// at random. Writes, transactions and raw SQL stay on the primary.
import { PrismaPg } from '@prisma/adapter-pg'
import { readReplicas } from '@prisma/extension-read-replicas'
import type pg from 'pg'
import type { PrismaClient } from '../generated/client/client.ts'
import { createPool, type PoolOptions } from './postgres.ts'

export interface Replica {
  client: PrismaClient
  pool: pg.Pool
}

export function openReplicas(
  urls: string[],
  options: PoolOptions,
  makeClient: (adapter: PrismaPg) => PrismaClient,
): Replica[] {
  return urls.map((url) => {
    const pool = createPool(url, options)
    return { pool, client: makeClient(new PrismaPg(pool)) }
  })
}

/**
 * The client the hub reads through. The extension keeps the client's API (it only routes), so the
 * result is typed as the primary's client; the primary itself is what the extension's `$primary()`
 * returns, and the hub keeps it at hand for reads that must see its own writes.
 */
export function routeReadsToReplicas(primary: PrismaClient, replicas: Replica[]): PrismaClient {
  if (replicas.length === 0) return primary
  return primary.$extends(
    readReplicas({ replicas: replicas.map((replica) => replica.client) }),
  ) as unknown as PrismaClient
}
