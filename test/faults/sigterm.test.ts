// SIGTERM while requests are in flight: they get their answers, new connections are refused, and
// the process exits 0 within 10 s.
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Cluster, startCluster } from './cluster.ts'
import { holdLock, hubSessions, waitFor } from './db-locks.ts'
import { type HubProcess, prepareDatabase, startHubProcess } from './hub-process.ts'
import { IMPORT, schoolRows } from './imports.ts'

const EXIT_BOUND_MS = 10_000
const SLOW_READS = 3

let cluster: Cluster
let hub: HubProcess
beforeAll(async () => {
  cluster = await startCluster()
  await prepareDatabase({ databaseUrl: cluster.url() })
  hub = await startHubProcess({ DATABASE_URL: cluster.url(), DATABASE_POOL_SIZE: '6' })
})
afterAll(async () => {
  await hub?.kill()
  await cluster?.destroy()
})

/** Whether a new TCP connection to the hub's port is refused. */
function refusesConnections(url: string) {
  const { hostname, port } = new URL(url)
  return new Promise<boolean>((resolve) => {
    const socket = connect(Number(port), hostname)
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })
}

describe('SIGTERM with slow requests in flight', () => {
  it('finishes them, refuses new connections, and exits 0 within 10 s', async () => {
    const prefix = '停机导入学校'
    const rows = schoolRows(await hub.gql('{ divisions(first: 1) { nodes { id } } }'), 600, prefix)
    // Reads of hospitals wait on the test's lock; the import waits on it mid-transaction.
    const lock = await holdLock(cluster.url(), { Hospital: 'ACCESS EXCLUSIVE', AuditEvent: 'SHARE' })
    let exitedAt = 0
    try {
      const reads = Array.from({ length: SLOW_READS }, () =>
        hub.gql('{ hospitals(first: 3) { totalCount nodes { nameZh } } }'),
      )
      const importing = hub.gql(IMPORT, { type: 'School', rows, dryRun: false })
      await waitFor(
        'the requests to wait on the lock',
        () => hubSessions(cluster.sql),
        (sessions) => sessions.filter((s) => s.waitEvent === 'Lock').length === SLOW_READS + 1,
      )
      const signalledAt = Date.now()
      void hub.exited.then(() => {
        exitedAt = Date.now()
      })
      hub.child.kill('SIGTERM')
      await waitFor('new connections to be refused', () => refusesConnections(hub.url), Boolean, 3_000)
      expect(hub.alive()).toBe(true)

      // The slow requests are still running; once the lock goes they finish and are answered.
      await new Promise((resolve) => setTimeout(resolve, 500))
      await lock.release()
      for (const read of await Promise.all(reads)) {
        expect(read.status).toBe(200)
        expect(read.body.data?.hospitals.totalCount).toBeGreaterThan(0)
      }
      const imported = await importing
      expect(imported.body.data?.importRecords).toMatchObject({ applied: true, created: rows.length })
      expect(await hub.exited).toBe(0)
      expect(exitedAt - signalledAt).toBeLessThan(EXIT_BOUND_MS)
      console.log(`SIGTERM: exit 0 after ${exitedAt - signalledAt} ms`)
    } finally {
      await lock.release()
    }
    const [committed] = await cluster.sql<{ count: string }>('SELECT count(*) FROM "School" WHERE "nameZh" LIKE $1', [
      `${prefix}%`,
    ])
    expect(Number(committed?.count)).toBe(rows.length)
    // Nothing of the hub is left connected.
    expect(await hubSessions(cluster.sql)).toEqual([])
  })
})
