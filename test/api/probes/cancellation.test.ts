// Probes of bounded work: once an operation's time is up, or its client has gone, the hub stops
// sending SQL for it; on PostgreSQL no statement may outlive the execution timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseKind, startTestHub, type TestHub } from '../../setup/hub.ts'

const IMPORT = `mutation ($rows: [JSON!]!) {
  importRecords(recordType: Hospital, rows: $rows, dryRun: true) { created updated errors { row code } }
}`

let t: TestHub
let rows: Record<string, unknown>[]
beforeAll(async () => {
  // Imports may run 400 ms here instead of 5 minutes.
  t = await startTestHub({ config: { IMPORT_TIMEOUT_MS: 400 } })
  const hospitals = (await t.data('{ hospitals(first: 20) { nodes { id version } } }')).hospitals.nodes as {
    id: string
    version: number
  }[]
  // Updates go row by row, several statements each: thousands of statements, seconds of work.
  rows = Array.from({ length: 3_000 }, (_, i) => {
    const hospital = hospitals[i % hospitals.length] as { id: string; version: number }
    return { id: hospital.id, version: hospital.version, plannedBeds: 100 + i }
  })
})
afterAll(() => t?.close())

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Statements sent in the `ms` after `since`. */
async function statementsDuring(ms: number) {
  const before = t.hub.database.statementCount()
  await sleep(ms)
  return t.hub.database.statementCount() - before
}

describe('work stops with its request', () => {
  it('past the execution timeout: 503 EXECUTION_TIMEOUT, and no more SQL for it', async () => {
    const started = Date.now()
    const result = await t.gql(IMPORT, { rows })
    expect(result.status).toBe(503)
    expect(result.errors?.[0]?.extensions?.code).toBe('EXECUTION_TIMEOUT')
    expect(Date.now() - started).toBeLessThan(3_000)
    // A statement in flight and the transaction's ROLLBACK may still arrive; nothing more.
    await sleep(100)
    expect(await statementsDuring(1_500)).toBeLessThanOrEqual(3)
  })

  it('when the client disconnects, no more SQL for it', async () => {
    const slow = await startTestHub()
    try {
      const abort = new AbortController()
      const sent = fetch(slow.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...slow.headersOf('admin') },
        body: JSON.stringify({ query: IMPORT, variables: { rows } }),
        signal: abort.signal,
      }).catch(() => undefined)
      // Wait until the import is writing, then hang up.
      const before = slow.hub.database.statementCount()
      await expect.poll(() => slow.hub.database.statementCount() - before, { timeout: 10_000 }).toBeGreaterThan(50)
      abort.abort()
      await sent
      await sleep(300)
      const after = slow.hub.database.statementCount()
      await sleep(1_500)
      expect(slow.hub.database.statementCount() - after).toBeLessThanOrEqual(3)
    } finally {
      await slow.close()
    }
  })

  it.skipIf(databaseKind !== 'postgres')(
    'PostgreSQL’s statement_timeout is no longer than the execution timeout',
    async () => {
      const [row] =
        await t.hub.database.primary.$queryRawUnsafe<{ statement_timeout: string }[]>('SHOW statement_timeout')
      // The test hub asks for 15 s; the execution timeout is 10 s.
      expect(row?.statement_timeout).toBe('10s')
    },
  )
})
