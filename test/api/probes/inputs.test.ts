// Probes of what a caller may send: malformed global IDs, text PostgreSQL cannot store, lists and
// nesting without end, and LIKE wildcards. Each is refused as BAD_USER_INPUT (or matched literally),
// never an internal error or the wrong record.
import { schema } from '@minsheng/server/schema'
import { parse } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operationCost } from '../../../server/src/plugins/hardening/cost.ts'
import { HARDENING_DEFAULTS } from '../../../server/src/plugins/hardening/index.ts'
import { startTestHub, type TestHub } from '../../setup/hub.ts'
import { scenarioOf } from '../scenarios/records.ts'
import { type SeededRefs, seededRefs } from '../support.ts'

const D = HARDENING_DEFAULTS
const base64 = (text: string) => Buffer.from(text).toString('base64')

let t: TestHub
let refs: SeededRefs
let hospitalOne: string
beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
  const data = await t.data('{ hospitals(first: 1) { nodes { id } } }')
  hospitalOne = data.hospitals.nodes[0].id
})
afterAll(() => t?.close())

const codes = (result: { errors?: { extensions?: Record<string, any> }[] }) =>
  (result.errors ?? []).map((error) => error.extensions?.code)

describe('malformed global IDs are BAD_USER_INPUT wherever an ID is accepted', () => {
  const malformed = [
    ['letters for the number', base64('Hospital:abc')],
    ['a second colon', base64('Hospital:1:extra')],
    ['20 digits', base64('Hospital:12345678901234567890')],
    ['a fraction', base64('Hospital:1.5')],
    ['a negative number', base64('Hospital:-1')],
    ['zero', base64('Hospital:0')],
    ['a leading zero', base64('Hospital:01')],
    ['beyond 32 bits', base64('Hospital:2147483648')],
    ['no type', base64(':1')],
    ['an unknown type', base64('Spaceship:1')],
    ['not base64', 'Hospital:1'],
    ['empty', ''],
  ]

  it.each(malformed)('%s: node, nodes, a mutation, a filter and a reference input refuse it', async (_name, id) => {
    const paths = [
      ['query ($id: ID!) { node(id: $id) { id } }', { id }],
      ['query ($id: ID!) { nodes(ids: [$id]) { id } }', { id }],
      ['query ($id: ID!) { hospitals(where: { id: { equals: $id } }) { totalCount } }', { id }],
      ['query ($id: ID!) { hospitals(where: { divisionId: { in: [$id] } }) { totalCount } }', { id }],
      ['query ($id: ID!) { hospitals(where: { withinDivision: $id }) { totalCount } }', { id }],
      ['mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { plannedBeds: 1 }) { id } }', { id }],
      [
        'mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }',
        { input: { ...scenarioOf('Hospital').create(refs), divisionId: id } },
      ],
    ] as const
    for (const [query, variables] of paths) {
      const result = await t.gql(query, variables)
      expect(codes(result), `${query} ${JSON.stringify(result)}`).toEqual(['BAD_USER_INPUT'])
      expect(result.errors?.[0]?.extensions?.fieldErrors?.[0]?.code).toBe('invalid_id')
    }
  })

  it('`Hospital:1.5` does not resolve to Hospital 1, and `Hospital:1` itself still does', async () => {
    const one = Buffer.from(hospitalOne, 'base64').toString()
    const fraction = base64(`${one}.5`)
    expect(codes(await t.gql('query ($id: ID!) { node(id: $id) { id } }', { id: fraction }))).toEqual([
      'BAD_USER_INPUT',
    ])
    expect((await t.data('query ($id: ID!) { node(id: $id) { id } }', { id: hospitalOne })).node.id).toBe(hospitalOne)
  })

  it('a well-formed ID that finds nothing is still null for node and nodes', async () => {
    const none = base64('Hospital:2147483647')
    expect(await t.data('query ($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }', { id: none })).toEqual({
      node: null,
      nodes: [null],
    })
  })

  it('says which ID is at fault, in Chinese too', async () => {
    const result = await t.gql(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: [hospitalOne, base64('Hospital:abc')] },
      { 'accept-language': 'zh-CN' },
    )
    expect(result.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { field: 'nodes.ids.1', code: 'invalid_id', message: '不是本系统的全局 ID' },
    ])
  })
})

describe('text PostgreSQL cannot store is BAD_USER_INPUT', () => {
  const bad = [
    ['a NUL byte', '医院\u0000名'],
    ['a lone high surrogate', '医院\ud800'],
    ['a lone low surrogate', '\udc00医院'],
  ]

  it.each(bad)('%s in a create input, a search, a filter and a login', async (_name, text) => {
    const paths = [
      [
        'mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }',
        { input: { ...scenarioOf('Hospital').create(refs), nameZh: text } },
      ],
      ['query ($s: String) { hospitals(search: $s) { totalCount } }', { s: text }],
      ['query ($s: String) { hospitals(where: { nameZh: { contains: $s } }) { totalCount } }', { s: text }],
      ['query ($s: String) { hospitalsAggregate(search: $s) { count } }', { s: text }],
      ['mutation ($u: String!) { login(username: $u, password: "whatever-it-is") { username } }', { u: text }],
    ] as const
    for (const [query, variables] of paths) {
      const result = await t.gql(query, variables)
      expect(codes(result), `${query} ${JSON.stringify(result)}`).toEqual(['BAD_USER_INPUT'])
      expect(result.errors?.[0]?.extensions?.fieldErrors?.[0]?.code).toBe('invalid_text')
    }
  })

  it('a NUL written as an escape in the document itself', async () => {
    const result = await t.gql('{ hospitals(search: "a\\u0000b") { totalCount } }')
    expect(codes(result)).toEqual(['BAD_USER_INPUT'])
  })

  it('well-formed text outside the Basic Multilingual Plane (𠀀, emoji) is accepted', async () => {
    const result = await t.gql('query ($s: String) { hospitals(search: $s) { totalCount } }', { s: '𠀀😀' })
    expect(result.errors).toBeUndefined()
  })
})

/**
 * Checks that text one character over `limit` is refused as too long at `field`, then answers the
 * same operation with text at the limit, written in characters outside the BMP: PostgreSQL counts
 * code points, and so must the check.
 */
async function overAndAtLimit(
  query: string,
  field: string,
  limit: number,
  variables: (text: string) => Record<string, unknown> = (text) => ({ v: text }),
) {
  const result = await t.gqlAs('admin', query, variables('长'.repeat(limit + 1)))
  expect(codes(result), JSON.stringify(result)).toEqual(['BAD_USER_INPUT'])
  expect(result.errors?.[0]?.extensions?.fieldErrors).toEqual([
    { field, code: 'too_long', message: `At most ${limit} characters` },
  ])
  return t.gqlAs('admin', query, variables('𠀀'.repeat(limit)))
}

describe('free text longer than its column is BAD_USER_INPUT, not an internal error', () => {
  // Found by the fuzz suite: a 3,000-character note on createChangeSet reached the INSERT and came
  // back as INTERNAL_SERVER_ERROR (PostgreSQL: value too long for type character varying(2000)).
  it.each([
    ['a change set’s note', 'mutation ($v: String) { createChangeSet(note: $v) { id } }', 'createChangeSet.note', 2000],
    [
      'a change’s reason',
      'mutation ($id: ID!, $v: String) { updateHospital(id: $id, version: 1, input: { note: "x" }, reason: $v) { id } }',
      'updateHospital.reason',
      1000,
    ],
    [
      'a period lock’s reason, a field of its input',
      'mutation ($v: String) { lockPeriod(input: { year: 1950, reason: $v }) { id } }',
      'lockPeriod.input.reason',
      1000,
    ],
    [
      'a key rotation’s reason',
      `mutation ($v: String) { rotateApiKey(id: "${base64('ApiKey:999999')}", overlapHours: 0, reason: $v) { previousSecretValidUntil } }`,
      'rotateApiKey.reason',
      1000,
    ],
  ])('%s', async (_name, query, field, limit) => {
    const atLimit = await overAndAtLimit(query, field, limit, (text) => ({ v: text, id: hospitalOne }))
    // The mutations may still be refused for other reasons (no such key), but not for this text.
    expect(codes(atLimit)).not.toContain('BAD_USER_INPUT')
    expect(codes(atLimit)).not.toContain('INTERNAL_SERVER_ERROR')
  })
})

describe('search text and a text filter are no longer than the text they look in', () => {
  // Found by probing: a 60,000-character `search` (360 KB, inside the body limit) made PostgreSQL
  // look up 60,000 trigrams in the name indexes: 24 s of a core on the 100k fill, for one request.
  // A name holds at most 200 characters (a source's 300), so a longer search or `contains` can never match.
  it.each([
    ['search', 'query ($v: String) { careFacilities(search: $v) { totalCount } }', 'careFacilities.search', 200],
    [
      'search among sources, whose names hold 300',
      'query ($v: String) { sources(search: $v) { totalCount } }',
      'sources.search',
      300,
    ],
    [
      'search in an aggregate',
      'query ($v: String) { hospitalsAggregate(search: $v) { count } }',
      'hospitalsAggregate.search',
      200,
    ],
    [
      'search in a nested list',
      'query ($v: String) { divisions(first: 1) { nodes { hospitals(search: $v) { totalCount } } } }',
      'hospitals.search',
      200,
    ],
    [
      'contains on a name',
      'query ($v: String) { hospitals(where: { nameZh: { contains: $v } }) { totalCount } }',
      'hospitals.where.nameZh.contains',
      200,
    ],
    [
      'startsWith on a relation’s name',
      'query ($v: String) { enterprises(where: { park: { nameEn: { startsWith: $v } } }) { totalCount } }',
      'enterprises.where.park.nameEn.startsWith',
      200,
    ],
    [
      'an item of `in` on a grade',
      'query ($v: String!) { hospitals(where: { grade: { in: ["三甲", $v] } }) { totalCount } }',
      'hospitals.where.grade.in.1',
      50,
    ],
    [
      'equals on a source’s address',
      'query ($v: String) { sources(where: { url: { equals: $v } }) { totalCount } }',
      'sources.where.url.equals',
      1000,
    ],
  ])('%s', async (_name, query, field, limit) => {
    const atLimit = await overAndAtLimit(query, field, limit)
    expect(atLimit.errors, JSON.stringify(atLimit)).toBeUndefined()
  })

  it('says so in Chinese too', async () => {
    const result = await t.gqlAs(
      'admin',
      'query ($v: String) { hospitals(search: $v) { totalCount } }',
      { v: 'x'.repeat(201) },
      { 'accept-language': 'zh-CN' },
    )
    expect(result.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { field: 'hospitals.search', code: 'too_long', message: '最多 200 个字符' },
    ])
  })
})

describe('list arguments are capped and priced', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => base64(`Hospital:${i + 1}`))

  it(`nodes(ids:) with more than ${D.maxListItems} IDs is refused at once, before any SQL`, async () => {
    let result: Awaited<ReturnType<TestHub['gql']>> | undefined
    const started = Date.now()
    const statements = await t.countStatements(async () => {
      result = await t.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids(20_000) })
    })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(codes(result ?? {})).toEqual(['BAD_USER_INPUT'])
    expect(result?.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { field: 'nodes.ids', code: 'too_many', message: `At most ${D.maxListItems} items` },
    ])
    // Only the caller's session was looked up.
    expect(statements).toBeLessThanOrEqual(2)
  })

  it('as many as the cap are served', async () => {
    const result = await t.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids(D.maxListItems) })
    expect(result.errors).toBeUndefined()
    expect(result.data?.nodes).toHaveLength(D.maxListItems)
  })

  const tooMany = D.maxListItems + 1
  const lists = [
    ['an `in` list', 'query ($v: [ID!]) { hospitals(where: { id: { in: $v } }) { totalCount } }', ids(tooMany)],
    [
      'an OR list',
      'query ($v: [HospitalWhere!]) { hospitals(where: { OR: $v }) { totalCount } }',
      Array.from({ length: tooMany }, () => ({ plannedBeds: { gt: 1 } })),
    ],
    [
      'an orderBy list',
      'query ($v: [HospitalOrderBy!]) { hospitals(orderBy: $v) { totalCount } }',
      Array.from({ length: tooMany }, () => ({ field: 'NAME_ZH' })),
    ],
    [
      'an in-list written in the document',
      `{ hospitals(where: { plannedBeds: { in: [${Array.from({ length: tooMany }, (_, i) => i).join(',')}] } }) { totalCount } }`,
      undefined,
    ],
  ] as const

  it.each(lists)('%s over the cap is refused', async (_name, query, value) => {
    const result = await t.gql(query, value === undefined ? {} : { v: value })
    expect(codes(result), JSON.stringify(result).slice(0, 300)).toEqual(['BAD_USER_INPUT'])
    expect(result.errors?.[0]?.extensions?.fieldErrors?.[0]?.code).toBe('too_many')
  })

  it('a subscription’s `types` over the cap is refused', async () => {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...t.headersOf('viewer') },
      body: JSON.stringify({
        query: 'subscription ($types: [RecordType!]) { recordChanged(types: $types) { action } }',
        variables: { types: Array.from({ length: tooMany }, () => 'Hospital') },
      }),
    })
    const text = await response.text()
    expect(text).toContain('BAD_USER_INPUT')
    expect(text).toContain('too_many')
  })

  it('input nested without end is refused', async () => {
    let where: Record<string, unknown> = { plannedBeds: { gt: 1 } }
    for (let i = 0; i < 40; i++) where = { NOT: where }
    const result = await t.gql('query ($w: HospitalWhere) { hospitals(where: $w) { totalCount } }', { w: where })
    expect(codes(result)).toEqual(['BAD_USER_INPUT'])
    expect(result.errors?.[0]?.extensions?.fieldErrors?.[0]?.code).toBe('too_deep')
  })

  it('every item of a list argument counts in the cost', () => {
    const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), variables)
    const plain = cost('{ hospitals(first: 1) { totalCount } }')
    expect(
      cost('query ($v: [ID!]) { hospitals(first: 1, where: { id: { in: $v } }) { totalCount } }', { v: ids(300) }),
    ).toBe(plain + 300)
    expect(cost('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids(300) })).toBe(1 + 300 + 300)
  })
})

describe('% and _ match themselves in search, contains and startsWith', () => {
  it('finds only the names that hold them', async () => {
    await t.data('mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }', {
      input: { ...scenarioOf('Hospital').create(refs), nameZh: '百分之百%_医院' },
    })
    const counts = await t.data(`{
      search: hospitals(search: "%") { totalCount }
      underscore: hospitals(search: "_") { totalCount }
      contains: hospitals(where: { nameZh: { contains: "%_" } }) { totalCount }
      startsWith: hospitals(where: { nameZh: { startsWith: "%" } }) { totalCount }
      backslash: hospitals(search: "\\\\") { totalCount }
      aggregate: hospitalsAggregate(search: "%", groupBy: { divisionLevel: COUNTY }) { count }
    }`)
    expect(counts).toEqual({
      search: { totalCount: 1 },
      underscore: { totalCount: 1 },
      contains: { totalCount: 1 },
      startsWith: { totalCount: 0 },
      backslash: { totalCount: 0 },
      aggregate: [expect.objectContaining({ count: 1 })],
    })
  })
})
