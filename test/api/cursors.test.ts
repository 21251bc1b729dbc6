// What a cursor is to a caller: a position in one list's order that stays valid while records change,
// refused with a clear code when it is malformed or belongs to another list or order; and the page
// arguments around it (first with last, offset), on root and nested lists alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import { CHINESE, divisionId, fieldErrorsOf, onlyError } from './support.ts'

let t: TestHub
let place: string
const HOSPITALS = [
  { nameZh: '游标丙医院', plannedBeds: 300 },
  { nameZh: '游标甲医院', plannedBeds: 100 },
  { nameZh: '游标丁医院', plannedBeds: null },
  { nameZh: '游标乙医院', plannedBeds: 200 },
]

beforeAll(async () => {
  t = await startTestHub()
  const county = await divisionId(t, '530627')
  const town = await t.data(`mutation ($input: DivisionCreateInput!) { createDivision(input: $input) { id } }`, {
    input: { nameZh: '游标镇', level: 'TOWNSHIP', parentId: county },
  })
  place = town.createDivision.id
  for (const hospital of HOSPITALS) {
    await t.data(`mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`, {
      input: { ...hospital, role: 'GENERAL_HOSPITAL', divisionId: place },
    })
  }
})
afterAll(() => t?.close())

type List = 'root' | 'nested'
const lists: List[] = ['root', 'nested']
const selection = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id nameZh }`

/** The hospitals of the township, as the root list (filtered) or the township's own list. */
function hospitals(list: List, args: string) {
  const cursors = [...new Set(args.match(/\$\w+/g) ?? [])].map((name) => `, ${name}: String`).join('')
  return list === 'root'
    ? `query ($place: ID!${cursors}) { list: hospitals(where: { divisionId: { equals: $place } }, ${args}) { ${selection} } }`
    : `query ($place: ID!${cursors}) { node(id: $place) { ... on Division { list: hospitals(${args}) { ${selection} } } } }`
}

async function run(
  list: List,
  args: string,
  variables: Record<string, unknown> = {},
  headers?: Record<string, string>,
) {
  return t.gql(hospitals(list, args), { place, ...variables }, headers)
}
const listOf = (list: List, data: any) => (list === 'root' ? data.list : data.node.list)

async function cursorOf(list: List, args: string): Promise<string> {
  const result = await run(list, args)
  const cursor = listOf(list, result.data).pageInfo.endCursor
  expect(cursor).toBeTruthy()
  return cursor
}

describe.each(lists)('cursors on the %s list', (list) => {
  it.each(['after', 'before'])('refuses a malformed %s with BAD_USER_INPUT naming it', async (argument) => {
    const real = await cursorOf(list, 'first: 1')
    // The same cursor with the id turned into text, as a hand-edited cursor might be.
    const parts = JSON.parse(Buffer.from(real, 'base64url').toString())
    parts[parts.length - 1] = parts.at(-1).map(() => 'x')
    const tampered = Buffer.from(JSON.stringify(parts)).toString('base64url')
    for (const bad of ['garbage', '', 'eyJ4IjoxfQ', real.slice(0, -4), tampered]) {
      const size = argument === 'before' ? 'last' : 'first'
      const result = await run(list, `${size}: 2, ${argument}: $cursor`, { cursor: bad })
      expect(fieldErrorsOf(result)[argument], `${argument}: ${bad}`).toMatchObject({ code: 'invalid_cursor' })
    }
  })

  it('refuses a cursor of another list with cursor_mismatch', async () => {
    const schools = await t.data(`{ schools(first: 1) { pageInfo { endCursor } } }`)
    const result = await run(list, 'first: 2, after: $cursor', { cursor: schools.schools.pageInfo.endCursor })
    expect(fieldErrorsOf(result).after).toMatchObject({ code: 'cursor_mismatch' })
    expect(onlyError(result).message).toMatch(/another list|order/)
  })

  it('refuses a cursor of another order with cursor_mismatch, in Chinese when asked', async () => {
    const cursor = await cursorOf(list, 'first: 1, orderBy: [{ field: NAME_ZH }]')
    const result = await run(
      list,
      'last: 2, before: $cursor, orderBy: [{ field: NAME_ZH, direction: DESC }]',
      { cursor },
      {
        'accept-language': 'zh-CN',
      },
    )
    expect(fieldErrorsOf(result).before).toMatchObject({ code: 'cursor_mismatch' })
    expect(onlyError(result).message).toMatch(CHINESE)
  })

  it('accepts a cursor of the same order, whatever the conditions', async () => {
    const orderBy = 'orderBy: [{ field: PLANNED_BEDS, direction: DESC }]'
    const cursor = await cursorOf(list, `first: 1, ${orderBy}`)
    const result = await run(list, `first: 2, after: $cursor, search: "乙", ${orderBy}`, { cursor })
    expect(listOf(list, result.data).nodes.map((n: any) => n.nameZh)).toEqual(['游标乙医院'])
  })

  it('refuses first together with last', async () => {
    const result = await run(list, 'first: 2, last: 2')
    expect(fieldErrorsOf(result).last).toMatchObject({ code: 'first_with_last' })
  })

  it('keeps the records between after and before (Relay: both bound the page)', async () => {
    const all = listOf(list, (await run(list, 'first: 200, orderBy: [{ field: NAME_ZH }]')).data)
    expect(all.nodes.length).toBeGreaterThanOrEqual(3)
    const first = await cursorOf(list, 'first: 1, orderBy: [{ field: NAME_ZH }]')
    const upToLast = listOf(list, (await run(list, `last: 1, orderBy: [{ field: NAME_ZH }]`)).data).pageInfo.startCursor
    const between = listOf(
      list,
      (await run(list, 'after: $a, before: $b, orderBy: [{ field: NAME_ZH }]', { a: first, b: upToLast })).data,
    )
    expect(between.nodes.map((n: any) => n.id)).toEqual(all.nodes.slice(1, -1).map((n: any) => n.id))
  })

  it('takes the first records before a cursor, and the last after one', async () => {
    const all = listOf(list, (await run(list, 'first: 200, orderBy: [{ field: NAME_ZH }]')).data).nodes.map(
      (n: any) => n.id,
    )
    const last = listOf(list, (await run(list, 'last: 1, orderBy: [{ field: NAME_ZH }]')).data).pageInfo.startCursor
    const firstBefore = listOf(
      list,
      (await run(list, 'first: 1, before: $b, orderBy: [{ field: NAME_ZH }]', { b: last })).data,
    )
    expect(firstBefore.nodes.map((n: any) => n.id)).toEqual(all.slice(0, 1))
    expect(firstBefore.pageInfo.hasNextPage).toBe(true)
    const first = await cursorOf(list, 'first: 1, orderBy: [{ field: NAME_ZH }]')
    const lastAfter = listOf(
      list,
      (await run(list, 'last: 1, after: $a, orderBy: [{ field: NAME_ZH }]', { a: first })).data,
    )
    expect(lastAfter.nodes.map((n: any) => n.id)).toEqual(all.slice(-1))
    expect(lastAfter.pageInfo.hasPreviousPage).toBe(true)
  })
})

describe('offset', () => {
  it('says a page past the first has a previous page', async () => {
    const second = (await run('root', 'first: 1, offset: 1')).data?.list
    expect(second.nodes).toHaveLength(1)
    expect(second.pageInfo.hasPreviousPage).toBe(true)
    const first = (await run('root', 'first: 1, offset: 0')).data?.list
    expect(first.pageInfo.hasPreviousPage).toBe(false)
  })

  it('is refused with last, which counts from the end', async () => {
    const result = await run('root', 'last: 1, offset: 1')
    expect(fieldErrorsOf(result).offset).toMatchObject({ code: 'invalid' })
  })
})
