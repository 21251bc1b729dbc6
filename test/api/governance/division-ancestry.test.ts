// "Within a division" reads each copy's DivisionAncestry (ancestor, division), which triggers keep
// in step with the copy's divisions (migration 20261207010000_division_ancestry). A township moved
// to another county must move its hospitals' pages in the working copy at once, in the published
// copy when the move is approved, and not in a copy as of a moment before that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller, TestHub } from '../../setup/hub.ts'
import { matrixInput } from '../scenarios/permissions.ts'
import type { SeededRefs } from '../support.ts'
import { approveRecord, startReviewSuite } from './support.ts'

let t: TestHub
let refs: SeededRefs
let key: Caller
beforeAll(async () => {
  ;({ t, refs, key } = await startReviewSuite())
})
afterAll(() => t?.close())

/** Rows of a copy's DivisionAncestry that its divisions' ancestorIds do not say, and the reverse. */
async function ancestryDrift(schema: string): Promise<{ extra: number; missing: number; rows: number }> {
  const [row] = await t.hub.database.primary.$queryRawUnsafe<{ extra: number; missing: number; rows: number }[]>(
    `WITH stated AS (SELECT DISTINCT a AS "ancestorId", d.id AS "divisionId" FROM "${schema}"."Division" d, unnest(d."ancestorIds") a),
          kept AS (SELECT "ancestorId", "divisionId" FROM "${schema}"."DivisionAncestry")
     SELECT (SELECT count(*)::int FROM (SELECT * FROM kept EXCEPT SELECT * FROM stated) x) AS extra,
            (SELECT count(*)::int FROM (SELECT * FROM stated EXCEPT SELECT * FROM kept) x) AS missing,
            (SELECT count(*)::int FROM kept) AS rows`,
  )
  return row as { extra: number; missing: number; rows: number }
}

const COUNT = `query ($d: ID!, $asOf: DateTime) { hospitals(first: 3, asOf: $asOf, where: { withinDivision: $d }) { totalCount nodes { id } } }`

const DIVISIONS = `query ($d: ID!) { divisions(first: 1, where: { withinDivision: $d }) { totalCount nodes { id } } }`

/** Divisions within a division (it included), as `caller` reads them. */
async function divisionsWithin(caller: Caller, division: string): Promise<number> {
  const result = await t.gqlAs(caller, DIVISIONS, { d: division })
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined()
  return result.data?.divisions.totalCount
}

/** Hospitals within a division, as an operator (the working copy) or a key (published) reads them. */
async function within(caller: Caller, division: string, asOf: Date | null = null): Promise<number> {
  const result = await t.gqlAs(caller, COUNT, { d: division, asOf: asOf?.toISOString() ?? null })
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined()
  return result.data?.hospitals.totalCount
}

describe('the ancestry of divisions', () => {
  it('says what every division’s ancestorIds say, in the working and the published copy', async () => {
    for (const schema of ['public', 'published']) {
      const drift = await ancestryDrift(schema)
      expect(drift.rows, schema).toBeGreaterThan(1000)
      expect(drift, schema).toMatchObject({ extra: 0, missing: 0 })
    }
  })

  it('follows a township to another county: at once for operators, on approval for partners, never in the past', async () => {
    const { divisions } = await t.data(
      `query ($d: ID!) { divisions(first: 1, where: { level: { equals: TOWNSHIP }, withinDivision: $d }) { nodes { id version } } }`,
      { d: refs.ludian },
    )
    const township = divisions.nodes[0] as { id: string; version: number }
    // Two published hospitals of its own, so the move has something to carry.
    for (const tag of ['a', 'b']) {
      const created = await t.gqlAs(
        'editor',
        `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`,
        { input: { ...matrixInput(refs, 'Hospital', `ancestry ${tag}`), divisionId: township.id } },
      )
      expect(created.errors, JSON.stringify(created.errors)).toBeUndefined()
      await approveRecord(t, 'reviewer', created.data?.createHospital.id)
    }
    const held = await within('admin', township.id)
    expect(held).toBeGreaterThanOrEqual(2)
    const tree = await divisionsWithin('admin', township.id)
    expect(tree, 'the township and the villages and communities beneath it').toBeGreaterThan(1)
    const divisionsBefore = {
      ludian: await divisionsWithin('admin', refs.ludian),
      zhenxiong: await divisionsWithin('admin', refs.zhenxiong),
    }
    const before = {
      ludian: await within('admin', refs.ludian),
      zhenxiong: await within('admin', refs.zhenxiong),
      city: await within('admin', refs.city),
    }
    expect(await within(key, refs.ludian)).toBe(before.ludian)
    const beforeMove = new Date()

    const moved = await t.gqlAs(
      'editor',
      `mutation ($id: ID!, $version: Int!, $parent: ID!) { updateDivision(id: $id, version: $version, input: { parentId: $parent }) { id } }`,
      { id: township.id, version: township.version, parent: refs.zhenxiong },
    )
    expect(moved.errors, JSON.stringify(moved.errors)).toBeUndefined()
    // The working copy at once; the city holds the township either way.
    expect(await within('admin', refs.ludian)).toBe(before.ludian - held)
    expect(await within('admin', refs.zhenxiong)).toBe(before.zhenxiong + held)
    expect(await within('admin', refs.city)).toBe(before.city)
    expect(await within('admin', township.id)).toBe(held)
    // Everything beneath the township went with it (their paths in one statement).
    expect(await divisionsWithin('admin', refs.ludian)).toBe(divisionsBefore.ludian - tree)
    expect(await divisionsWithin('admin', refs.zhenxiong)).toBe(divisionsBefore.zhenxiong + tree)
    expect(await divisionsWithin(key, refs.zhenxiong)).toBe(divisionsBefore.zhenxiong)
    // Partners read the published copy: unchanged until review approves the move.
    expect(await within(key, refs.ludian)).toBe(before.ludian)
    expect(await within(key, refs.zhenxiong)).toBe(before.zhenxiong)
    expect(await ancestryDrift('public')).toMatchObject({ extra: 0, missing: 0 })

    await approveRecord(t, 'reviewer', township.id)
    expect(await within(key, refs.ludian)).toBe(before.ludian - held)
    expect(await within(key, refs.zhenxiong)).toBe(before.zhenxiong + held)
    expect(await ancestryDrift('published')).toMatchObject({ extra: 0, missing: 0 })
    expect(await divisionsWithin(key, refs.ludian)).toBe(divisionsBefore.ludian - tree)
    expect(await divisionsWithin(key, refs.zhenxiong)).toBe(divisionsBefore.zhenxiong + tree)
    // A copy as of the moment before (rebuilt from the publication log) has it where it was.
    expect(await within(key, refs.ludian, beforeMove)).toBe(before.ludian)
    expect(await within(key, refs.zhenxiong, beforeMove)).toBe(before.zhenxiong)
  })
})
