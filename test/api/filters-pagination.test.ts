// Filters, search, sort and pages of the root connections, on records made for the purpose in a
// township of their own (scenarios/filters.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import {
  filterCareFacilities,
  filterEnterprises,
  filterPark,
  filterPlaces,
  filterSettlements,
  settlementFilterCases,
  sortedFixture,
} from './scenarios/filters.ts'
import { fieldErrorsOf, onlyError, type SeededRefs, seededRefs, sortedNames } from './support.ts'

let t: TestHub
let refs: SeededRefs
const place: Record<keyof typeof filterPlaces, string> = { town: '', village: '' }
const settlementIds: string[] = []

async function create(typename: string, input: Record<string, unknown>): Promise<string> {
  const data = await t.data(`mutation ($input: ${typename}CreateInput!) { create${typename}(input: $input) { id } }`, {
    input,
  })
  return data[`create${typename}`].id
}

beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
  place.town = await create('Division', { ...filterPlaces.town, parentId: refs.zhenxiong })
  place.village = await create('Division', { ...filterPlaces.village, parentId: place.town })
  for (const { place: at, ...fields } of filterSettlements) {
    settlementIds.push(await create('Settlement', { ...fields, divisionId: place[at] }))
  }
  const park = await create('IndustrialPark', { ...filterPark, divisionId: place.town })
  for (const { inPark, ...fields } of filterEnterprises) {
    await create('Enterprise', { ...fields, divisionId: place.town, parkId: inPark ? park : null })
  }
  for (const facility of filterCareFacilities) await create('CareFacility', { ...facility, divisionId: place.town })
})
afterAll(() => t?.close())

const names = (list: { nameZh: string }[]) => list.map((s) => s.nameZh)
const settlementsQuery = `query ($where: SettlementWhere, $search: String, $orderBy: [SettlementOrderBy!], $first: Int, $after: String, $last: Int, $before: String, $offset: Int) {
  settlements(where: $where, search: $search, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before, offset: $offset) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { nameZh }
  }
}`

/** Settlements of the township (and its village) meeting `where`. */
async function inTown(variables: Record<string, unknown> = {}) {
  const where = { AND: [{ withinDivision: place.town }, variables.where ?? {}] }
  const data = await t.data(settlementsQuery, { first: 200, ...variables, where })
  return data.settlements
}

describe('where on settlements', () => {
  it.each(settlementFilterCases)('$operator', async ({ where, holds }) => {
    const result = await inTown({ where })
    const expected = names(filterSettlements.filter(holds)).sort()
    expect(sortedNames(result)).toEqual(expected)
    expect(result.totalCount).toBe(expected.length)
  })

  it('by reference: divisionId equals and in', async () => {
    const inVillage = await inTown({ where: { divisionId: { equals: place.village } } })
    expect(sortedNames(inVillage)).toEqual(names(filterSettlements.filter((s) => s.place === 'village')))
    const both = await inTown({ where: { divisionId: { in: [place.town, place.village] } } })
    expect(both.totalCount).toBe(filterSettlements.length)
  })

  it('by the record itself: id in and not', async () => {
    const [first, second] = settlementIds
    const picked = await inTown({ where: { id: { in: [first, second] } } })
    expect(sortedNames(picked)).toEqual(names(filterSettlements.slice(0, 2)).sort())
    const others = await inTown({ where: { id: { not: first } } })
    expect(sortedNames(others)).toEqual(names(filterSettlements.slice(1)).sort())
  })

  it('refuses a reference filter given the ID of another type', async () => {
    const result = await t.gql(
      `query ($id: ID!) { settlements(where: { divisionId: { equals: $id } }) { totalCount } }`,
      {
        id: refs.maojiawan,
      },
    )
    expect(fieldErrorsOf(result).divisionId).toMatchObject({ code: 'invalid_id' })
  })
})

describe('withinDivision: a division and everything beneath it', () => {
  const withinQuery = `query ($id: ID!) { settlements(where: { withinDivision: $id }, first: 200) { totalCount nodes { nameZh } } }`

  it('finds the township’s and its village’s settlements by the township', async () => {
    const data = await t.data(withinQuery, { id: place.town })
    expect(sortedNames(data.settlements)).toEqual(names(filterSettlements).sort())
  })

  it('finds them by their county, along with the county’s own settlement', async () => {
    const data = await t.data(withinQuery, { id: refs.zhenxiong })
    expect(sortedNames(data.settlements)).toEqual([...names(filterSettlements), '呢噜坪易地扶贫搬迁安置区'].sort())
  })

  it('finds them by the city, with every seeded settlement', async () => {
    const data = await t.data(withinQuery, { id: refs.city })
    const seeded = ['卯家湾易地扶贫搬迁安置区', '呢噜坪易地扶贫搬迁安置区', '福兴社区（易地扶贫搬迁安置）']
    expect(sortedNames(data.settlements)).toEqual([...names(filterSettlements), ...seeded].sort())
  })

  it('does not find them by another county', async () => {
    const data = await t.data(withinQuery, { id: refs.ludian })
    expect(sortedNames(data.settlements)).toEqual(['卯家湾易地扶贫搬迁安置区'])
  })

  it('on divisions includes the division itself', async () => {
    const data = await t.data(`query ($id: ID!) { divisions(where: { withinDivision: $id }) { nodes { nameZh } } }`, {
      id: refs.zhenxiong,
    })
    expect(sortedNames(data.divisions)).toEqual(
      ['镇雄县', filterPlaces.town.nameZh, filterPlaces.village.nameZh].sort(),
    )
  })

  it('applies to the other families too (enterprises, care facilities)', async () => {
    const data = await t.data(
      `query ($id: ID!) {
        enterprises(where: { withinDivision: $id }) { nodes { nameZh } }
        careFacilities(where: { withinDivision: $id }) { nodes { nameZh } }
      }`,
      { id: place.town },
    )
    expect(sortedNames(data.enterprises)).toEqual(names(filterEnterprises).sort())
    expect(sortedNames(data.careFacilities)).toEqual(names(filterCareFacilities).sort())
  })
})

describe('relation filters', () => {
  it('enterprises by their park’s name', async () => {
    const data = await t.data(
      `query ($name: String!) { enterprises(where: { park: { nameZh: { equals: $name } } }) { nodes { nameZh } } }`,
      {
        name: filterPark.nameZh,
      },
    )
    expect(sortedNames(data.enterprises)).toEqual(names(filterEnterprises.filter((e) => e.inPark)).sort())
  })

  it('enterprises by their park’s division’s code, two relations deep', async () => {
    const data = await t.data(
      `{ enterprises(where: { park: { division: { code: { equals: "530627" } } } }) { nodes { nameZh } } }`,
    )
    expect(sortedNames(data.enterprises)).toEqual(['镇雄县纺织服装产业园某服饰有限公司'])
  })

  it('settlements by their division’s name', async () => {
    const data = await t.data(
      `query ($name: String!) { settlements(where: { division: { nameZh: { equals: $name } } }) { nodes { nameZh } } }`,
      {
        name: filterPlaces.village.nameZh,
      },
    )
    expect(sortedNames(data.settlements)).toEqual(names(filterSettlements.filter((s) => s.place === 'village')))
  })

  it('communities by a figure of their settlement', async () => {
    const data = await t.data(
      `{ communities(where: { settlement: { relocatedPopulation: { gte: 10000 } } }) { nodes { nameZh } } }`,
    )
    expect(sortedNames(data.communities)).toEqual(['雨露社区'])
  })
})

describe('enum and decimal filters (care facilities)', () => {
  const query = `query ($id: ID!, $where: CareFacilityWhere!) {
    careFacilities(where: { AND: [{ withinDivision: $id }, $where] }) { nodes { nameZh } }
  }`
  const cases = [
    {
      name: 'enum equals',
      where: { kind: { equals: 'NURSING_HOME' } },
      holds: (f: Facility) => f.kind === 'NURSING_HOME',
    },
    {
      name: 'enum in',
      where: { kind: { in: ['ELDERLY_CANTEEN', 'CHILDRENS_HOME'] } },
      holds: (f: Facility) => f.kind === 'ELDERLY_CANTEEN' || f.kind === 'CHILDRENS_HOME',
    },
    {
      name: 'enum not',
      where: { targetGroup: { not: 'ELDERLY' } },
      holds: (f: Facility) => f.targetGroup !== 'ELDERLY',
    },
    {
      name: 'decimal gt',
      where: { floorAreaM2: { gt: '200' } },
      holds: (f: Facility) => f.floorAreaM2 != null && Number(f.floorAreaM2) > 200,
    },
    {
      name: 'decimal lte',
      where: { floorAreaM2: { lte: '120.5' } },
      holds: (f: Facility) => f.floorAreaM2 != null && Number(f.floorAreaM2) <= 120.5,
    },
  ]
  type Facility = (typeof filterCareFacilities)[number]

  it.each(cases)('$name', async ({ where, holds }) => {
    const data = await t.data(query, { id: place.town, where })
    expect(sortedNames(data.careFacilities)).toEqual(names(filterCareFacilities.filter(holds)).sort())
  })
})

describe('orderBy', () => {
  it('sorts by several keys in order of precedence', async () => {
    const orderBy = [
      { field: 'RELOCATED_POPULATION', direction: 'DESC' },
      { field: 'NAME_EN', direction: 'ASC' },
    ]
    const result = await inTown({ orderBy })
    const expected = sortedFixture([
      { key: 'relocatedPopulation', direction: 'desc' },
      { key: 'nameEn', direction: 'asc' },
    ])
    expect(names(result.nodes)).toEqual(names(expected))
  })

  it.each(['ASC', 'DESC'] as const)('puts empty values last sorting %s', async (direction) => {
    const result = await inTown({ orderBy: [{ field: 'HOUSEHOLDS', direction }] })
    const expected = sortedFixture([{ key: 'households', direction: direction === 'ASC' ? 'asc' : 'desc' }])
    expect(names(result.nodes)).toEqual(names(expected))
    expect(result.nodes.at(-1).nameZh).toBe(filterSettlements.filter((s) => s.households == null).at(-1)?.nameZh)
  })

  it('sorts by id (creation order) when no key is given', async () => {
    const result = await inTown()
    expect(names(result.nodes)).toEqual(names(filterSettlements))
  })
})

describe('cursor pagination', () => {
  const orderBy = [{ field: 'RELOCATED_POPULATION', direction: 'DESC' }]
  const expected = () => names(sortedFixture([{ key: 'relocatedPopulation', direction: 'desc' }]))

  it('forward with first/after walks every record once, in order', async () => {
    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    for (;;) {
      const page = await inTown({ orderBy, first: 2, after })
      pages += 1
      expect(page.totalCount).toBe(filterSettlements.length)
      seen.push(...names(page.nodes))
      if (!page.pageInfo.hasNextPage) break
      expect(page.nodes).toHaveLength(2)
      after = page.pageInfo.endCursor
    }
    expect(seen).toEqual(expected())
    expect(pages).toBe(Math.ceil(filterSettlements.length / 2))
  })

  it('backward with last/before walks every record once, in order', async () => {
    const seen: string[] = []
    let before: string | null = null
    for (;;) {
      const page = await inTown({ orderBy, first: null, last: 2, before })
      expect(page.totalCount).toBe(filterSettlements.length)
      seen.unshift(...names(page.nodes))
      if (!page.pageInfo.hasPreviousPage) break
      expect(page.nodes).toHaveLength(2)
      before = page.pageInfo.startCursor
    }
    expect(seen).toEqual(expected())
  })

  it('gives the cursors of the first and last record of the page', async () => {
    const data = await t.data(
      `query ($where: SettlementWhere) { settlements(where: $where, first: 3) { edges { cursor } pageInfo { startCursor endCursor } } }`,
      { where: { withinDivision: place.town } },
    )
    const { edges, pageInfo } = data.settlements
    expect(pageInfo.startCursor).toBe(edges[0].cursor)
    expect(pageInfo.endCursor).toBe(edges[2].cursor)
  })
})

describe('offset pagination', () => {
  const orderBy = [{ field: 'RELOCATED_POPULATION', direction: 'DESC' }]
  const expected = () => names(sortedFixture([{ key: 'relocatedPopulation', direction: 'desc' }]))

  it('skips the given number of records', async () => {
    const page = await inTown({ orderBy, first: 3, offset: 3 })
    expect(names(page.nodes)).toEqual(expected().slice(3, 6))
    expect(page.totalCount).toBe(filterSettlements.length)
    expect(page.pageInfo.hasNextPage).toBe(true)
  })

  it('says the last page has no next page', async () => {
    const page = await inTown({ orderBy, first: 3, offset: 6 })
    expect(names(page.nodes)).toEqual(expected().slice(6))
    expect(page.pageInfo.hasNextPage).toBe(false)
  })

  it('gives an empty page past the end, still counting all records', async () => {
    const page = await inTown({ orderBy, first: 3, offset: 50 })
    expect(page.nodes).toEqual([])
    expect(page.totalCount).toBe(filterSettlements.length)
  })

  it('refuses a negative offset', async () => {
    const result = await t.gql(`{ settlements(offset: -1) { nodes { id } } }`)
    expect(fieldErrorsOf(result).offset).toMatchObject({ code: 'too_small' })
  })
})

describe('search', () => {
  it('finds by part of the Chinese name', async () => {
    const result = await inTown({ search: '乙安置' })
    expect(names(result.nodes)).toEqual(['乙安置区'])
  })

  it('finds by part of the English name, ignoring case', async () => {
    const result = await inTown({ search: 'gAMMA' })
    expect(names(result.nodes)).toEqual(['丙安置区'])
  })

  it('combines with where', async () => {
    const result = await inTown({ search: 'settlement', where: { relocatedPopulation: { gte: 5000 } } })
    const expected = filterSettlements.filter(
      (s) => s.relocatedPopulation >= 5000 && (s.nameEn?.toLowerCase().includes('settlement') ?? false),
    )
    expect(sortedNames(result)).toEqual(names(expected).sort())
  })

  it('finds seeded records across the hub', async () => {
    const data = await t.data(
      `{ settlements(search: "卯家湾") { nodes { nameZh } } hospitals(search: "northeast yunnan") { nodes { nameZh } } }`,
    )
    expect(names(data.settlements.nodes)).toEqual(['卯家湾易地扶贫搬迁安置区'])
    expect(names(data.hospitals.nodes)).toEqual(['云南省滇东北中心医院'])
  })

  it('ignores a blank search', async () => {
    const result = await inTown({ search: '   ' })
    expect(result.totalCount).toBe(filterSettlements.length)
  })
})

describe('page size', () => {
  it('is 20 by default', async () => {
    const data = await t.data(`{ indicators { totalCount nodes { id } } }`)
    expect(data.indicators.totalCount).toBeGreaterThan(20)
    expect(data.indicators.nodes).toHaveLength(20)
  })

  it('may be 200', async () => {
    const data = await t.data(`{ indicators(first: 200) { totalCount nodes { id } } }`)
    expect(data.indicators.nodes).toHaveLength(data.indicators.totalCount)
  })

  it.each(['first', 'last'])('refuses %s over 200 with BAD_USER_INPUT', async (argument) => {
    const result = await t.gql(`{ settlements(${argument}: 201) { nodes { id } } }`)
    expect(onlyError(result).message).toContain('200')
    expect(fieldErrorsOf(result)[argument]).toMatchObject({ code: 'out_of_range' })
  })
})

// The page-size limit holds everywhere: when only totalCount is asked for, on nested connections,
// and for negative sizes, with the same error code.
describe('page size limits everywhere', () => {
  it('refuses first over 200 even when only totalCount is asked for', async () => {
    const result = await t.gql(`{ settlements(first: 201) { totalCount } }`)
    expect(fieldErrorsOf(result).first).toMatchObject({ code: 'out_of_range' })
  })

  it('refuses first over 200 on a nested connection', async () => {
    const result = await t.gql(`{ divisions(first: 1) { nodes { children(first: 201) { nodes { id } } } } }`)
    expect(fieldErrorsOf(result).first).toMatchObject({ code: 'out_of_range' })
  })

  it('refuses a negative first with BAD_USER_INPUT like any other out-of-range size', async () => {
    const result = await t.gql(`{ settlements(first: -1) { nodes { id } } }`)
    expect(fieldErrorsOf(result).first).toMatchObject({ code: 'out_of_range' })
  })
})
