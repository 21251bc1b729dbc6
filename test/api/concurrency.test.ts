// Many editors changing one record at once lose no change: every attempt either commits on the
// version it saw or is told CONFLICT, and the audit trail holds exactly the committed changes.
// PostgreSQL only: the embedded database serves one connection, so nothing would run concurrently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseKind, startTestHub, type TestHub } from '../setup/hub.ts'
import { scenarioOf } from './scenarios/records.ts'
import { type SeededRefs, seededRefs, sessionOfNewOperator } from './support.ts'

const WRITERS = 20
const EDITS_PER_WRITER = 50

describe.skipIf(databaseKind !== 'postgres')('concurrent editors of one record', () => {
  let t: TestHub
  let refs: SeededRefs
  let id: string
  /** Session cookies of the writers, each a different editor. */
  const cookies: string[] = []

  beforeAll(async () => {
    t = await startTestHub()
    refs = await seededRefs(t)
    for (let i = 0; i < WRITERS; i++) cookies.push(await sessionOfNewOperator(t, `concurrent-editor-${i}`, 'EDITOR'))
    const created = await t.data(`mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`, {
      input: { ...scenarioOf('Hospital').create(refs), nameZh: '并发测试医院', openBeds: 0, plannedBeds: 100_000 },
    })
    id = created.createHospital.id
  })
  afterAll(() => t?.close())

  async function request(cookie: string, query: string, variables: Record<string, unknown>) {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    })
    return (await response.json()) as {
      data?: Record<string, any> | null
      errors?: { extensions?: { code?: string } }[]
    }
  }

  const READ = `query ($id: ID!) { node(id: $id) { ... on Hospital { version } } }`
  const UPDATE = `mutation ($id: ID!, $version: Int!, $openBeds: Int!) {
    updateHospital(id: $id, version: $version, input: { openBeds: $openBeds }) { version openBeds }
  }`

  /** One editor: 50 edits, each on the version last seen; on CONFLICT, reads the record again. */
  async function writer(index: number) {
    const cookie = cookies[index] as string
    const tally = { successes: 0, conflicts: 0, other: [] as unknown[] }
    let version = (await request(cookie, READ, { id })).data?.node.version as number
    for (let edit = 1; edit <= EDITS_PER_WRITER; edit++) {
      const result = await request(cookie, UPDATE, { id, version, openBeds: index * 1000 + edit })
      const code = result.errors?.[0]?.extensions?.code
      if (!result.errors && result.data?.updateHospital.version === version + 1) {
        tally.successes++
        version = result.data.updateHospital.version
      } else if (code === 'CONFLICT' && result.errors?.length === 1) {
        tally.conflicts++
        version = (await request(cookie, READ, { id })).data?.node.version as number
      } else {
        tally.other.push(result)
      }
    }
    return tally
  }

  it(`${WRITERS} editors × ${EDITS_PER_WRITER} edits: no lost update, one audit event per committed edit`, async () => {
    const started = Date.now()
    const tallies = await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)))
    const elapsed = Date.now() - started

    // Every attempt ended as a commit or a CONFLICT: nothing failed otherwise.
    expect(tallies.flatMap((tally) => tally.other)).toEqual([])
    const successes = tallies.reduce((sum, tally) => sum + tally.successes, 0)
    const conflicts = tallies.reduce((sum, tally) => sum + tally.conflicts, 0)
    expect(successes + conflicts).toBe(WRITERS * EDITS_PER_WRITER)
    expect(successes).toBeGreaterThan(0)
    // Concurrency happened: some writers were refused because another one got there first.
    expect(conflicts).toBeGreaterThan(0)

    const final = await t.data(`query ($id: ID!) { node(id: $id) { ... on Hospital { version openBeds } } }`, { id })
    expect(final.node.version).toBe(1 + successes)

    const rowId = Number(Buffer.from(id, 'base64').toString().split(':')[1])
    const updates = await t.hub.database.prisma.auditEvent.findMany({
      where: { recordType: 'Hospital', recordId: rowId, action: 'UPDATE' },
      orderBy: { id: 'asc' },
    })
    expect(updates).toHaveLength(successes)
    // One event per version, in order, each starting where the one before ended.
    expect(updates.map((event) => event.version)).toEqual(Array.from({ length: successes }, (_, i) => i + 2))
    let openBeds = 0
    for (const event of updates) {
      // Every attempt wrote a value of its own, so every commit changed openBeds.
      const change = (event.changes as { openBeds: { before: number; after: number } }).openBeds
      expect(change.before).toBe(openBeds)
      openBeds = change.after
      expect((event.snapshot as { openBeds: number }).openBeds).toBe(openBeds)
    }
    expect(updates.at(-1)?.snapshot).toMatchObject({ nameZh: '并发测试医院', openBeds: final.node.openBeds })
    expect(new Set(updates.map((event) => event.actorName)).size).toBeGreaterThan(1)
    console.info(
      `concurrency: ${successes} commits, ${conflicts} conflicts from ${WRITERS} editors in ${(elapsed / 1000).toFixed(1)} s`,
    )
  }, 90_000)
})
