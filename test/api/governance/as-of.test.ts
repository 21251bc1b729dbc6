// "As of" reads (时点查询): a partner key records what it read during a run of edits, creations,
// trashings, restores and purges; asked again with `asOf` afterwards, the hub answers each read byte
// for byte as it was. And a moment before the first publication, or in the future, is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller, TestHub } from '../../setup/hub.ts'
import { matrixInput } from '../scenarios/permissions.ts'
import type { SeededRefs } from '../support.ts'
import { approveRecord, codeOf, startReviewSuite } from './support.ts'

let t: TestHub
let refs: SeededRefs
let key: Caller

beforeAll(async () => {
  ;({ t, refs, key } = await startReviewSuite())
})
afterAll(() => t?.close())

// What a partner's nightly report reads: a list with nested records, a record by ID, aggregates and
// the overview, all at one moment (`asOf: null` is now).
const REPORT = `query Report($asOf: DateTime, $zx: ID!, $ids: [ID!]!) {
  hospitals(first: 200, asOf: $asOf, where: { divisionId: { equals: $zx } }, orderBy: [{ field: NAME_ZH }]) {
    totalCount
    nodes { id nameZh nameEn openBeds plannedBeds version division { code nameZh } }
  }
  nodes(ids: $ids, asOf: $asOf) { id ... on Hospital { nameEn version } }
  hospitalsAggregate(asOf: $asOf, groupBy: { divisionLevel: COUNTY }) { count sum { openBeds plannedBeds } division { code } }
  overview(asOf: $asOf, withinDivision: $zx) { hospitalCount hospitalOpenBeds schoolCount careFacilityCount }
}`

interface Reading {
  at: Date
  body: string
}

async function read(ids: string[], asOf: Date | null): Promise<string> {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...t.headersOf(key) },
    body: JSON.stringify({ query: REPORT, variables: { asOf: asOf?.toISOString() ?? null, zx: refs.zhenxiong, ids } }),
  })
  expect(response.status).toBe(200)
  return response.text()
}

/** Reads the report now, and notes the moment: nothing is published while it is read. */
async function recordReading(ids: string[]): Promise<Reading> {
  const body = await read(ids, null)
  expect(JSON.parse(body).errors).toBeUndefined()
  return { at: new Date(), body }
}

async function hospitalIn(tag: string) {
  const created = await t.gqlAs(
    'editor',
    `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`,
    { input: { ...matrixInput(refs, 'Hospital', tag), divisionId: refs.zhenxiong, openBeds: 40, plannedBeds: 80 } },
  )
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined()
  return created.data?.createHospital.id as string
}

async function change(id: string, mutation: string, variables: Record<string, unknown> = {}) {
  const result = await t.gqlAs('editor', mutation, { id, ...variables })
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined()
  await approveRecord(t, 'reviewer', id)
}

describe('asOf', () => {
  it('answers every read a key made during a week of changes exactly as it was answered then', async () => {
    const readings: Reading[] = []
    const a = await hospitalIn('as-of-a')
    await approveRecord(t, 'reviewer', a)
    const b = await hospitalIn('as-of-b')
    const ids = [a, b]
    readings.push(await recordReading(ids)) // b awaits review: absent for the key
    await approveRecord(t, 'reviewer', b)
    readings.push(await recordReading(ids))
    await change(
      a,
      `mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { nameEn: "Renamed", openBeds: 55 }) { id } }`,
    )
    readings.push(await recordReading(ids))
    // A change still in review is not part of any published moment.
    await t.gqlAs(
      'editor',
      `mutation ($id: ID!) { updateHospital(id: $id, version: 2, input: { openBeds: 77 }) { id } }`,
      {
        id: a,
      },
    )
    readings.push(await recordReading(ids))
    await approveRecord(t, 'reviewer', a)
    readings.push(await recordReading(ids))
    await change(b, `mutation ($id: ID!) { deleteHospital(id: $id, version: 1) { id } }`)
    readings.push(await recordReading(ids))
    await change(b, `mutation ($id: ID!) { restoreHospital(id: $id, version: 2) { id } }`)
    readings.push(await recordReading(ids))
    await change(a, `mutation ($id: ID!) { deleteHospital(id: $id, version: 3) { id } }`)
    readings.push(await recordReading(ids))
    const purged = await t.gqlAs('admin', `mutation ($id: ID!) { purgeHospital(id: $id, version: 4) }`, { id: a })
    expect(purged.errors, JSON.stringify(purged.errors)).toBeUndefined()
    readings.push(await recordReading(ids))

    expect(new Set(readings.map((r) => r.body)).size).toBeGreaterThanOrEqual(7)
    for (const [n, reading] of readings.entries()) {
      expect(await read(ids, reading.at), `reading ${n + 1} at ${reading.at.toISOString()}`).toBe(reading.body)
    }
  }, 180_000) // each moment's copy is rebuilt from the log once (a schema of its own): seconds on PostgreSQL

  it('is refused before the first publication and in the future, and with the working view', async () => {
    const early = await t.gqlAs(key, `{ hospitals(asOf: "2001-01-01T00:00:00Z") { totalCount } }`)
    expect(codeOf(early)).toBe('BAD_USER_INPUT')
    expect(early.errors?.[0]?.extensions?.fieldErrors).toEqual([
      expect.objectContaining({ field: 'asOf', code: 'before_first_record' }),
    ])
    const future = await t.gqlAs(key, `{ overview(asOf: "2999-01-01T00:00:00Z") { hospitalCount } }`)
    expect(future.errors?.[0]?.extensions?.fieldErrors).toEqual([
      expect.objectContaining({ field: 'asOf', code: 'in_future' }),
    ])
    const working = await t.gqlAs(
      'editor',
      `{ hospitals(asOf: "${new Date().toISOString()}", view: WORKING) { totalCount } }`,
    )
    expect(codeOf(working)).toBe('BAD_USER_INPUT')
  })
})
