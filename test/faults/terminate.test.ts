// Every connection of the hub killed (pg_terminate_backend) while a multi-row import is half done:
// the import's transaction rolls back (no partial rows), and the hub goes on serving.
import { APPLICATION_NAME } from '@minsheng/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Cluster, startCluster } from './cluster.ts'
import { holdLock, hubSessions, waitFor } from './db-locks.ts'
import { type HubProcess, prepareDatabase, startHubProcess } from './hub-process.ts'
import { IMPORT, schoolRows, schoolsNamed } from './imports.ts'

let cluster: Cluster
let hub: HubProcess
beforeAll(async () => {
  cluster = await startCluster()
  await prepareDatabase({ databaseUrl: cluster.url() })
  hub = await startHubProcess({ DATABASE_URL: cluster.url(), DATABASE_POOL_SIZE: '4' })
})
afterAll(async () => {
  await hub?.kill()
  await cluster?.destroy()
})

describe('pg_terminate_backend on all the hub’s connections mid-transaction', () => {
  it('rolls the import back entirely and keeps serving', async () => {
    const prefix = '断连导入学校'
    const rows = schoolRows(await hub.gql('{ divisions(first: 1) { nodes { id } } }'), 1_200, prefix)
    // The import writes its first 500 schools, then waits on the audit table the test holds.
    const lock = await holdLock(cluster.url(), { AuditEvent: 'SHARE' })
    try {
      const importing = hub.gql(IMPORT, { type: 'School', rows, dryRun: false })
      const waiting = await waitFor(
        'the import to wait on the lock inside its transaction',
        () => hubSessions(cluster.sql),
        (sessions) => sessions.some((s) => s.inTransaction && s.waitEvent === 'Lock'),
      )
      // Half done: the waiting transaction has already written (its first chunk of schools).
      expect(waiting.find((s) => s.waitEvent === 'Lock')?.wrote).toBe(true)
      const killed = await cluster.sql(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [APPLICATION_NAME],
      )
      expect(killed.length).toBeGreaterThanOrEqual(1)
      const { status, body } = await importing
      expect(status).toBe(503)
      expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE')
    } finally {
      await lock.release()
    }
    expect(hub.alive(), hub.output()).toBe(true)
    // Nothing of the import remains, and the next requests (a read, then the same import) succeed.
    expect(await schoolsNamed(hub, prefix)).toBe(0)
    const again = await hub.gql(IMPORT, { type: 'School', rows: rows.slice(0, 50), dryRun: false })
    expect(again.body.data?.importRecords).toMatchObject({ applied: true, created: 50 })
    expect(await schoolsNamed(hub, prefix)).toBe(50)
  })
})
