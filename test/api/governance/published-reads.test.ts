// While an edit waits for review, a partner key reads the published value on every path — lists,
// nested lists, node and nodes, aggregates, the overview, search, sort and filters on the changed
// field, and live events — and operators read the working value unless they ask for the published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller, TestHub } from '../../setup/hub.ts'
import { subscribe } from '../../setup/sse.ts'
import { matrixInput } from '../scenarios/permissions.ts'
import { type SeededRefs, seededRefs } from '../support.ts'
import { approveRecord, codeOf, partnerKey, startReviewHub } from './support.ts'

let t: TestHub
let refs: SeededRefs
let key: Caller
let hospital: string
let otherHospital: string
const BEFORE = '审阅前医院'
const AFTER = '审阅后更名医院'

beforeAll(async () => {
  t = await startReviewHub()
  refs = await seededRefs(t)
  key = await partnerKey(t)
  const create = async (name: string, beds: number) => {
    const input = { ...matrixInput(refs, 'Hospital', 'published-reads'), nameZh: name, plannedBeds: beds, openBeds: 50 }
    const data = await t.gqlAs(
      'editor',
      `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`,
      {
        input,
      },
    )
    const id = data.data?.createHospital.id as string
    await approveRecord(t, 'reviewer', id)
    return id
  }
  hospital = await create(BEFORE, 100)
  otherHospital = await create('审阅对照医院', 200)
  // The edit in review: a new name and more beds, not published.
  const edit = await t.gqlAs(
    'editor',
    `mutation ($id: ID!, $name: String!) { updateHospital(id: $id, version: 1, input: { nameZh: $name, plannedBeds: 900 }) { version } }`,
    { id: hospital, name: AFTER },
  )
  expect(edit.errors).toBeUndefined()
})
afterAll(() => t?.close())

const asKey = (query: string, variables?: Record<string, unknown>) => t.gqlAs(key, query, variables)

describe('a key, while an edit waits for review', () => {
  it('reads the published value in lists, nested lists, node and nodes', async () => {
    const result = await asKey(
      `query ($id: ID!, $ids: [ID!]!, $zx: ID!) {
        hospitals(where: { id: { equals: $id } }) { nodes { nameZh plannedBeds } }
        node(id: $id) { ... on Hospital { nameZh plannedBeds } }
        nodes(ids: $ids) { ... on Hospital { nameZh } }
        division: node(id: $zx) { ... on Division { hospitals(where: { id: { equals: $id } }) { nodes { nameZh } } } }
      }`,
      { id: hospital, ids: [hospital, otherHospital], zx: refs.zhenxiong },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data).toEqual({
      hospitals: { nodes: [{ nameZh: BEFORE, plannedBeds: 100 }] },
      node: { nameZh: BEFORE, plannedBeds: 100 },
      nodes: [{ nameZh: BEFORE }, { nameZh: '审阅对照医院' }],
      division: { hospitals: { nodes: [{ nameZh: BEFORE }] } },
    })
  })

  it('finds it by its published name only, and sorts and filters by the published value', async () => {
    const result = await asKey(
      `query ($before: String!, $after: String!, $zx: ID!) {
        byOld: hospitals(search: $before) { totalCount }
        byNew: hospitals(search: $after) { totalCount }
        big: hospitals(where: { plannedBeds: { gte: 500 }, nameZh: { startsWith: "审阅" } }) { totalCount }
        sorted: hospitals(where: { withinDivision: $zx, nameZh: { startsWith: "审阅" } }, orderBy: [{ field: PLANNED_BEDS, direction: DESC }]) { nodes { nameZh } }
      }`,
      { before: BEFORE, after: AFTER, zx: refs.zhenxiong },
    )
    expect(result.data).toEqual({
      byOld: { totalCount: 1 },
      byNew: { totalCount: 0 },
      big: { totalCount: 0 },
      sorted: { nodes: [{ nameZh: '审阅对照医院' }, { nameZh: BEFORE }] },
    })
    // The operator's working copy has it the other way round.
    const working = await t.data(
      `{ hospitals(where: { nameZh: { startsWith: "审阅" } }, orderBy: [{ field: PLANNED_BEDS, direction: DESC }]) { nodes { nameZh } } }`,
    )
    expect(working.hospitals.nodes).toEqual([{ nameZh: AFTER }, { nameZh: '审阅对照医院' }])
  })

  it('counts and sums the published values in aggregates and the overview', async () => {
    const query = `query ($zx: ID!) {
      hospitalsAggregate(where: { withinDivision: $zx, nameZh: { startsWith: "审阅" } }) { count sum { plannedBeds } }
      overview(withinDivision: $zx) { hospitalPlannedBeds }
    }`
    const published = await asKey(query, { zx: refs.zhenxiong })
    const working = await t.data(query, { zx: refs.zhenxiong })
    expect(published.data?.hospitalsAggregate).toEqual([{ count: 2, sum: { plannedBeds: 300 } }])
    expect(working.hospitalsAggregate).toEqual([{ count: 2, sum: { plannedBeds: 1100 } }])
    expect(working.overview.hospitalPlannedBeds - published.data?.overview.hospitalPlannedBeds).toBe(800)
    const asked = await t.data(
      query
        .replace(/\(where:/, '(view: PUBLISHED, where:')
        .replace('overview(withinDivision: $zx)', 'overview(withinDivision: $zx, view: PUBLISHED)'),
      {
        zx: refs.zhenxiong,
      },
    )
    expect(asked).toEqual(published.data)
  })

  it('may not ask for the working copy; an operator may ask for either, one per request', async () => {
    const forbidden = await asKey(`{ hospitals(view: WORKING) { totalCount } }`)
    expect(codeOf(forbidden)).toBe('FORBIDDEN')
    const anonymous = await t.gqlAs('anonymous', `{ hospitals(view: WORKING) { totalCount } }`)
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED')
    const published = await t.data(
      `query ($id: ID!) { node(id: $id, view: PUBLISHED) { ... on Hospital { nameZh } } }`,
      {
        id: hospital,
      },
    )
    expect(published.node).toEqual({ nameZh: BEFORE })
    const mixed = await t.gql(
      `{ a: hospitals(view: WORKING) { totalCount } b: hospitals(view: PUBLISHED) { totalCount } }`,
    )
    expect(codeOf(mixed)).toBe('BAD_USER_INPUT')
  })
})

describe('live events', () => {
  it('reach a key when a change is published, and operators when it is saved', async () => {
    const subscription = `subscription { recordChanged(types: [Hospital]) { action recordId version record { ... on Hospital { nameZh } } } }`
    const partner = await subscribe(t.url, subscription, {}, t.headersOf(key))
    const operator = await subscribe(t.url, subscription, {}, t.headersOf('editor'))
    try {
      const saved = await t.gqlAs(
        'editor',
        `mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { note: "审阅中" }) { version } }`,
        { id: otherHospital },
      )
      expect(saved.errors).toBeUndefined()
      expect((await operator.next()).data?.recordChanged).toMatchObject({
        action: 'UPDATE',
        recordId: otherHospital,
        version: 2,
      })
      await approveRecord(t, 'reviewer', otherHospital)
      // The key hears of the publication only, and reads the record as now published.
      expect((await partner.next()).data?.recordChanged).toEqual({
        action: 'UPDATE',
        recordId: otherHospital,
        version: 2,
        record: { nameZh: '审阅对照医院' },
      })
    } finally {
      partner.close()
      operator.close()
    }
  })
})
