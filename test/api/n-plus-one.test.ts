// The SQL statements a request costs must not grow with the number of records it returns: nested
// selections are loaded per level, not per record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import { divisionId } from './support.ts'

let t: TestHub
/** Statements every request costs before its operation runs: identifying the caller by its session. */
let identification: number
beforeAll(async () => {
  t = await startTestHub()
  // Identifying a session also writes its lastSeenAt, at most once a minute; a lastSeenAt ahead of the
  // clock keeps that write out of the measurements, which would otherwise count it as the query's.
  await t.hub.database.prisma.session.updateMany({ data: { lastSeenAt: new Date(Date.now() + 3_600_000) } })
  identification = await t.countStatements(() => t.data('{ __typename }'))
})
afterAll(() => t?.close())

/**
 * Counties → settlements → communities → care facilities (with prices), and parks → enterprises.
 * Pages are as large as the records below need (rowsOf checks none is cut off) and small enough for
 * the cost limit.
 */
const nested = `{
  divisions(where: { level: { equals: COUNTY } }, first: 11) {
    totalCount
    nodes {
      nameZh
      settlements(first: 10) {
        totalCount
        nodes {
          nameZh
          communities(first: 4) {
            nodes {
              nameZh
              careFacilities(first: 4) { nodes { nameZh kind prices { minAge priceYuan } } }
            }
          }
        }
      }
      industrialParks(first: 4) {
        nodes { nameZh enterprises(first: 10) { totalCount nodes { nameZh employees } } }
      }
    }
  }
}`

/** The rows `nested` returns at each level, to be sure the second measurement saw the new ones. */
function rowsOf(data: Record<string, any>) {
  const counties = data.divisions.nodes
  const settlements = counties.flatMap((c: any) => c.settlements.nodes)
  const communities = settlements.flatMap((s: any) => s.communities.nodes)
  const facilities = communities.flatMap((c: any) => c.careFacilities.nodes)
  const prices = facilities.flatMap((f: any) => f.prices)
  const enterprises = counties.flatMap((c: any) => c.industrialParks.nodes.flatMap((p: any) => p.enterprises.nodes))
  return {
    settlements: settlements.length,
    communities: communities.length,
    facilities: facilities.length,
    prices: prices.length,
    enterprises: enterprises.length,
  }
}

/** The statements of the operation itself, without those of identifying the caller. */
async function measure(query: string, variables?: Record<string, unknown>) {
  let data: Record<string, any> = {}
  const statements = await t.countStatements(async () => {
    data = await t.data(query, variables)
  })
  return { statements: statements - identification, data }
}

/** Creates many records in one request per level, as aliased mutations. */
async function createMany(typename: string, inputs: Record<string, unknown>[]): Promise<string[]> {
  const fields = inputs.map((_, i) => `r${i}: create${typename}(input: $i${i}) { id }`).join('\n')
  const params = inputs.map((_, i) => `$i${i}: ${typename}CreateInput!`).join(', ')
  const variables = Object.fromEntries(inputs.map((input, i) => [`i${i}`, input]))
  const data = await t.data(`mutation (${params}) { ${fields} }`, variables)
  return inputs.map((_, i) => data[`r${i}`].id)
}

const MORE = { settlements: 30, facilitiesPerCommunity: 2, parks: 6, enterprisesPerPark: 5 }
const countyCodes = ['530602', '530621', '530622', '530623', '530624', '530625', '530626', '530627', '530628', '530629']

describe('a nested request', () => {
  let few: { statements: number; rows: ReturnType<typeof rowsOf> }

  it('costs a fixed number of statements on the seed', async () => {
    const { statements, data } = await measure(nested)
    few = { statements, rows: rowsOf(data) }
    // 呢噜坪, the park and its company hang directly under 镇雄县 (卯家湾 and 雨露社区 lie beneath 砚池街道,
    // a township of 鲁甸县, so no county lists them).
    expect(few.rows).toMatchObject({ settlements: 1, communities: 0, enterprises: 1 })
    expect(statements).toBeGreaterThan(0)
  })

  it('costs the same with many times the records at every level', async () => {
    const counties = await Promise.all(countyCodes.map((code) => divisionId(t, code)))
    const countyOf = (i: number) => counties[i % counties.length] as string
    const settlements = await createMany(
      'Settlement',
      Array.from({ length: MORE.settlements }, (_, i) => ({
        nameZh: `批量安置区${i}`,
        divisionId: countyOf(i),
        relocatedPopulation: 100 + i,
      })),
    )
    const communities = await createMany(
      'Community',
      settlements.map((settlementId, i) => ({ nameZh: `批量社区${i}`, divisionId: countyOf(i), settlementId })),
    )
    await createMany(
      'CareFacility',
      communities.flatMap((communityId, i) =>
        Array.from({ length: MORE.facilitiesPerCommunity }, (_, j) => ({
          nameZh: `批量食堂${i}-${j}`,
          kind: 'ELDERLY_CANTEEN',
          targetGroup: 'ELDERLY',
          divisionId: countyOf(i),
          communityId,
          prices: [
            { minAge: 60, priceYuan: '5', unitZh: '一餐' },
            { minAge: 80, priceYuan: '2', unitZh: '一餐' },
          ],
        })),
      ),
    )
    const parks = await createMany(
      'IndustrialPark',
      Array.from({ length: MORE.parks }, (_, i) => ({ nameZh: `批量园区${i}`, divisionId: countyOf(i) })),
    )
    await createMany(
      'Enterprise',
      parks.flatMap((parkId, i) =>
        Array.from({ length: MORE.enterprisesPerPark }, (_, j) => ({
          nameZh: `批量企业${i}-${j}`,
          divisionId: countyOf(i),
          parkId,
          employees: 10 * j,
        })),
      ),
    )

    const { statements, data } = await measure(nested)
    const rows = rowsOf(data)
    expect(rows).toEqual({
      settlements: few.rows.settlements + MORE.settlements,
      communities: few.rows.communities + MORE.settlements,
      facilities: few.rows.facilities + MORE.settlements * MORE.facilitiesPerCommunity,
      prices: few.rows.prices + MORE.settlements * MORE.facilitiesPerCommunity * 2,
      enterprises: few.rows.enterprises + MORE.parks * MORE.enterprisesPerPark,
    })
    expect(statements).toBe(few.statements)
  })
})

describe('simple requests', () => {
  it('identifying the caller by a session costs at most 2 statements', () => {
    expect(identification).toBeGreaterThan(0)
    expect(identification).toBeLessThanOrEqual(2)
  })

  it('a root list with its totalCount costs at most 2 statements', async () => {
    const { statements, data } = await measure(
      `{ settlements(first: 50) { totalCount nodes { nameZh relocatedPopulation } } }`,
    )
    expect(data.settlements.nodes.length).toBeGreaterThan(0)
    expect(statements).toBeLessThanOrEqual(2)
  })

  it('a record by node(id) with its parent costs one statement (relation joins)', async () => {
    const id = await divisionId(t, '530627')
    const { statements, data } = await measure(
      `query ($id: ID!) { node(id: $id) { ... on Division { nameZh parent { nameZh } } } }`,
      {
        id,
      },
    )
    expect(data.node).toEqual({ nameZh: '镇雄县', parent: { nameZh: '昭通市' } })
    expect(statements).toBe(1)
  })

  it('a record with its citations and their source costs a fixed number of statements', async () => {
    const query = `{ hospitals(first: 50) { nodes { nameZh citations { field quote source { nameZh } } } } }`
    const before = await measure(query)
    const divisionIdOfZhaoyang = await divisionId(t, '530602')
    await createMany(
      'Hospital',
      Array.from({ length: 10 }, (_, i) => ({
        nameZh: `批量医院${i}`,
        role: 'GENERAL_HOSPITAL',
        divisionId: divisionIdOfZhaoyang,
      })),
    )
    const after = await measure(query)
    expect(after.data.hospitals.nodes).toHaveLength(before.data.hospitals.nodes.length + 10)
    expect(after.statements).toBe(before.statements)
    // Relation joins: the page, its citations and their sources in one statement.
    expect(after.statements).toBe(1)
  })
})
