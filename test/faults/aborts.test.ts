// Many clients giving up mid-request (reads and multi-row imports, held up inside PostgreSQL): once
// the dust settles the hub holds no open transaction, its pool is idle, and it still answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Cluster, startCluster } from './cluster.ts'
import { holdLock, hubSessions, waitFor } from './db-locks.ts'
import { type HubProcess, prepareDatabase, startHubProcess } from './hub-process.ts'
import { IMPORT, schoolRows, schoolsNamed } from './imports.ts'

const CLIENTS = 50
const POOL_SIZE = 5
const ROWS_PER_IMPORT = 20

let cluster: Cluster
let hub: HubProcess
beforeAll(async () => {
  cluster = await startCluster()
  await prepareDatabase({ databaseUrl: cluster.url() })
  // Every client is let in to wait (admission control would otherwise refuse the excess with
  // OVERLOADED before it could give up, which is the hardening tests' subject, not this one's).
  hub = await startHubProcess({
    DATABASE_URL: cluster.url(),
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    MAX_QUEUED_OPERATIONS: String(CLIENTS),
  })
})
afterAll(async () => {
  await hub?.kill()
  await cluster?.destroy()
})

describe(`${CLIENTS} clients aborting mid-request`, () => {
  it('leaves no transaction open and no connection taken, and the hub still answers', async () => {
    const divisions = await hub.gql('{ divisions(first: 1) { nodes { id } } }')
    const prefixOf = (client: number) => `中止导入${client}号校`
    const lock = await holdLock(cluster.url(), { Hospital: 'ACCESS EXCLUSIVE', AuditEvent: 'SHARE' })
    try {
      const controllers = Array.from({ length: CLIENTS }, () => new AbortController())
      const outcomes = Promise.all(
        controllers.map(async (controller, client) => {
          // Every other client imports (a transaction that waits mid-way); the rest read.
          const [query, variables] =
            client % 2 === 0
              ? [
                  IMPORT,
                  { type: 'School', rows: schoolRows(divisions, ROWS_PER_IMPORT, prefixOf(client)), dryRun: false },
                ]
              : ['{ hospitals(first: 5) { nodes { nameZh } } }', {}]
          try {
            await hub.gql(query, variables, { signal: controller.signal })
            return 'answered'
          } catch (error) {
            return (error as Error).name
          }
        }),
      )
      // The pool is full of requests held up inside PostgreSQL, imports among them mid-transaction;
      // the other requests wait for a connection. Then every client gives up, one after another.
      const held = await waitFor(
        'the pool to fill with requests waiting on the lock',
        () => hubSessions(cluster.sql),
        (sessions) => sessions.filter((s) => s.waitEvent === 'Lock').length === POOL_SIZE,
      )
      expect(held.some((s) => s.inTransaction && s.wrote)).toBe(true)
      for (const controller of controllers) {
        controller.abort()
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      expect((await outcomes).filter((o) => o === 'AbortError')).toHaveLength(CLIENTS)
    } finally {
      await lock.release()
    }

    const settled = await waitFor(
      'the hub’s sessions to be idle, outside any transaction',
      () => hubSessions(cluster.sql),
      (sessions) => sessions.every((s) => s.state === 'idle' && !s.inTransaction),
      15_000,
    )
    expect(settled.length).toBeLessThanOrEqual(POOL_SIZE)
    expect(hub.alive(), hub.output()).toBe(true)

    // Each abandoned import was applied whole or not at all.
    let applied = 0
    for (let client = 0; client < CLIENTS; client += 2) {
      const count = await schoolsNamed(hub, prefixOf(client))
      expect([0, ROWS_PER_IMPORT]).toContain(count)
      if (count) applied += 1
    }
    console.log(`aborts: ${applied} of ${CLIENTS / 2} abandoned imports were applied whole, the rest not at all`)
    // Every pooled connection is usable again: twice the pool's size at once, all answered.
    const again = await Promise.all(
      Array.from({ length: POOL_SIZE * 2 }, () => hub.gql('{ hospitals(first: 5) { totalCount } }')),
    )
    for (const answer of again) expect(answer.status).toBe(200)
    expect(await hubSessions(cluster.sql)).not.toContainEqual(expect.objectContaining({ inTransaction: true }))
  })
})
