// Grouped counts and figures, and the dashboard overview, on records with known figures
// (scenarios/aggregates.ts) and on the seed (scenarios/seed.ts).

import { readOfficialTree } from '@minsheng/db/ops'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import {
  aggregateCareFacilities,
  aggregateHospitals,
  aggregateSchools,
  aggregateTown,
  countyOf,
  type Figures,
  figuresOf,
  groupedFigures,
  NAME_PREFIX,
  type Place,
  yearOf,
} from './scenarios/aggregates.ts'
import { seededCityIndicatorCount, seededDivisionLevels, seededOverview } from './scenarios/seed.ts'
import { divisionId } from './support.ts'

let t: TestHub
const places = {} as Record<Place, string>
let overviewBefore: Record<string, unknown>

const overviewFields = `settlementCount communityCount industrialParkCount enterpriseCount hospitalCount schoolCount
  careFacilityCount relocatedPopulation parkDirectJobs enterpriseJobCapacity enterpriseEmployees hospitalPlannedBeds
  hospitalOpenBeds schoolSeats peopleServedByCare careFacilitiesByKind { kind count }`

beforeAll(async () => {
  t = await startTestHub()
  overviewBefore = (await t.data(`{ overview { ${overviewFields} indicators { code } } }`)).overview
  for (const code of ['530628', '530629', '530600'] as const) places[code] = await divisionId(t, code)
  const { parentCode, ...town } = aggregateTown
  places.town = await create('Division', { ...town, parentId: await divisionId(t, parentCode) })
  for (const { place, ...fields } of aggregateHospitals)
    await create('Hospital', { ...fields, divisionId: places[place] })
  for (const { place, ...fields } of aggregateSchools) await create('School', { ...fields, divisionId: places[place] })
  for (const { place, ...fields } of aggregateCareFacilities) {
    await create('CareFacility', { ...fields, divisionId: places[place] })
  }
})
afterAll(() => t?.close())

async function create(typename: string, input: Record<string, unknown>): Promise<string> {
  const data = await t.data(`mutation ($input: ${typename}CreateInput!) { create${typename}(input: $input) { id } }`, {
    input,
  })
  return data[`create${typename}`].id
}

const ours = { nameZh: { startsWith: NAME_PREFIX } }

interface Group extends Figures {
  division?: { nameZh: string } | null
  [key: string]: unknown
}

/** API groups keyed like `groupedFigures`, figures only. */
function byKey(groups: Group[], keyOf: (g: Group) => unknown) {
  return Object.fromEntries(
    groups.map(({ count, sum, avg, min, max, ...key }) => [
      JSON.stringify(keyOf(key as Group)),
      { count, sum, avg, min, max },
    ]),
  )
}

const hospitalFigures =
  'count sum { plannedBeds openBeds } avg { plannedBeds openBeds } min { plannedBeds openBeds } max { plannedBeds openBeds }'
const hospitalFields: ('plannedBeds' | 'openBeds')[] = ['plannedBeds', 'openBeds']

async function hospitalGroups(groupBy: Record<string, unknown> | null, where: Record<string, unknown> = ours) {
  const data = await t.data(
    `query ($where: HospitalWhere, $groupBy: HospitalGroupBy) {
      hospitalsAggregate(where: $where, groupBy: $groupBy) { division { nameZh } role year ${hospitalFigures} }
    }`,
    { where, groupBy },
  )
  return data.hospitalsAggregate as Group[]
}

describe('hospitalsAggregate', () => {
  it('without groupBy gives one group of all the records, empty values left out of the figures', async () => {
    const groups = await hospitalGroups(null)
    expect(groups).toHaveLength(1)
    expect(byKey(groups, () => null)).toEqual({ null: figuresOf(aggregateHospitals, hospitalFields) })
  })

  it('groups by county, rolling a township’s records up into its county and leaving city records in no county', async () => {
    const groups = await hospitalGroups({ divisionLevel: 'COUNTY' })
    expect(byKey(groups, (g) => g.division?.nameZh ?? null)).toEqual(
      groupedFigures(aggregateHospitals, (h) => countyOf[h.place], hospitalFields),
    )
  })

  it('groups by role', async () => {
    const groups = await hospitalGroups({ role: true })
    expect(byKey(groups, (g) => g.role)).toEqual(groupedFigures(aggregateHospitals, (h) => h.role, hospitalFields))
  })

  it('groups by the year of openedOn, records without a date in a group of their own', async () => {
    const groups = await hospitalGroups({ year: true })
    expect(byKey(groups, (g) => g.year)).toEqual(
      groupedFigures(aggregateHospitals, (h) => yearOf(h.openedOn), hospitalFields),
    )
  })

  it('groups by county and role together', async () => {
    const groups = await hospitalGroups({ divisionLevel: 'COUNTY', role: true })
    expect(byKey(groups, (g) => [g.division?.nameZh ?? null, g.role])).toEqual(
      groupedFigures(aggregateHospitals, (h) => [countyOf[h.place], h.role], hospitalFields),
    )
  })

  it('takes the same where as the list, withinDivision included', async () => {
    const within = { AND: [ours, { withinDivision: places['530628'] }] }
    const groups = await hospitalGroups(null, within)
    const expected = aggregateHospitals.filter((h) => countyOf[h.place] === '彝良县')
    expect(byKey(groups, () => null)).toEqual({ null: figuresOf(expected, hospitalFields) })
    const list = await t.data(`query ($where: HospitalWhere) { hospitals(where: $where) { totalCount } }`, {
      where: within,
    })
    expect(list.hospitals.totalCount).toBe(expected.length)
  })

  it('counts what the list counts, for the same where and search', async () => {
    const cases = [
      { where: { AND: [ours, { plannedBeds: { gte: 200 } }] }, search: null },
      { where: { role: { in: ['GENERAL_HOSPITAL', 'SPECIALTY_HOSPITAL'] } }, search: null },
      { where: null, search: NAME_PREFIX },
      { where: { openedOn: { lt: '2020-01-01' } }, search: '院' },
    ]
    for (const { where, search } of cases) {
      const data = await t.data(
        `query ($where: HospitalWhere, $search: String) {
          hospitals(where: $where, search: $search) { totalCount }
          hospitalsAggregate(where: $where, search: $search, groupBy: { role: true }) { count }
        }`,
        { where, search },
      )
      const counted = data.hospitalsAggregate.reduce((sum: number, g: { count: number }) => sum + g.count, 0)
      expect(counted, JSON.stringify({ where, search })).toBe(data.hospitals.totalCount)
      expect(counted).toBeGreaterThan(0)
    }
  })
})

describe('the statement computes only the figures the query asks for', () => {
  /** The grouped statements the database received while `run` ran. */
  async function groupedStatements(run: () => Promise<unknown>) {
    const seen: string[] = []
    const stop = t.hub.database.onStatement(({ query }) => {
      if (query.includes('count(*)::int AS "count"')) seen.push(query)
    })
    try {
      await run()
    } finally {
      stop()
    }
    return seen
  }
  const figuresIn = (statement: string) =>
    [...statement.matchAll(/\b(sum|avg|min|max)\("rec"\."(\w+)"\)/g)].map(([, metric, field]) => `${metric} ${field}`)
  const full = () => hospitalGroups({ role: true })

  it('counts alone: no sums, averages or extremes', async () => {
    let data: { hospitalsAggregate: Group[] } | undefined
    const statements = await groupedStatements(async () => {
      data = await t.data(
        'query ($w: HospitalWhere) { hospitalsAggregate(where: $w, groupBy: { role: true }) { role count } }',
        {
          w: ours,
        },
      )
    })
    expect(statements).toHaveLength(1)
    expect(figuresIn(statements[0] ?? '')).toEqual([])
    const expected = byKey(await full(), (g) => g.role)
    expect(Object.fromEntries((data?.hospitalsAggregate ?? []).map((g) => [JSON.stringify(g.role), g.count]))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([key, figures]) => [key, figures.count])),
    )
  })

  it('each metric and field asked for, through aliases and fragments, and no other; @skip is honoured', async () => {
    let data: { hospitalsAggregate: Group[] } | undefined
    // Twelve times: a document runs compiled (graphql-jit) from its eleventh execution on.
    const statements = await groupedStatements(async () => {
      for (let run = 0; run < 12; run++)
        data = await t.data(
          `query ($w: HospitalWhere, $no: Boolean!) {
          hospitalsAggregate(where: $w, groupBy: { role: true }) {
            role count total: sum { plannedBeds } ...Extremes ... on HospitalAggregateGroup { avg { openBeds } }
            min @skip(if: $no) { openBeds }
          }
        }
        fragment Extremes on HospitalAggregateGroup { max { openBeds plannedBeds } }`,
          { w: ours, no: true },
        )
    })
    expect(statements).toHaveLength(12)
    for (const statement of statements) {
      expect(figuresIn(statement).sort()).toEqual(
        ['sum plannedBeds', 'max openBeds', 'max plannedBeds', 'avg openBeds'].sort(),
      )
    }
    const expected = byKey(await full(), (g) => g.role)
    const got = Object.fromEntries(
      (data?.hospitalsAggregate ?? []).map((g) => [
        JSON.stringify(g.role),
        { count: g.count, total: g.total, max: g.max, avg: g.avg, min: g.min },
      ]),
    )
    expect(got).toEqual(
      Object.fromEntries(
        Object.entries(expected).map(([key, f]) => [
          key,
          {
            count: f.count,
            total: { plannedBeds: f.sum.plannedBeds },
            max: f.max,
            avg: { openBeds: f.avg.openBeds },
            min: undefined,
          },
        ]),
      ),
    )
  })
})

describe('the grouped statement filters as the list does', () => {
  // Aggregates run as one SQL statement of their own (server/src/records/where-sql.ts); every filter
  // operator must keep the meaning it has in the list, which Prisma runs.
  // Built inside the test: the places exist only once beforeAll has run.
  const enterpriseWheres = (): Record<string, unknown>[] => [
    { park: { nameZh: { contains: '园' } } },
    { NOT: { park: { nameZh: { contains: '园' } } } },
    { parkId: { equals: null } },
    { sector: { not: '食品加工' } },
    { sector: { in: [] } },
    { OR: [{ employees: { gte: 100 } }, { averageMonthlyWage: { lt: '3000.5' } }] },
    { nameZh: { contains: '%' } },
    { nameEn: { startsWith: 'zhaotong', equals: 'ZHAOTONG' } },
    { openedOn: { gte: '2018-01-01', lte: '2030-12-31' } },
    { createdAt: { lt: '2100-01-01T00:00:00Z' } },
    { division: { nameZh: { in: ['镇雄县', '彝良县'] } } },
    { community: { settlement: { division: { withinDivision: places['530628'] } } } },
  ]

  it('counts what the list counts, at every division level and in total', async () => {
    let total = 0
    for (const where of [...enterpriseWheres(), { withinDivision: places['530628'] }]) {
      const data = await t
        .data(
          `query ($where: EnterpriseWhere) {
          enterprises(where: $where) { totalCount }
          all: enterprisesAggregate(where: $where) { count }
          byCounty: enterprisesAggregate(where: $where, groupBy: { divisionLevel: COUNTY, year: true }) { count }
        }`,
          { where },
        )
        .catch((error) => {
          throw new Error(`${JSON.stringify(where)}: ${error.message}`)
        })
      const sum = (groups: { count: number }[]) => groups.reduce((n, g) => n + g.count, 0)
      expect(data.all[0].count, JSON.stringify(where)).toBe(data.enterprises.totalCount)
      expect(sum(data.byCounty), JSON.stringify(where)).toBe(data.enterprises.totalCount)
      total += data.enterprises.totalCount
    }
    expect(total).toBeGreaterThan(0)
  })
})

describe('other families', () => {
  it('schools by stage', async () => {
    const data = await t.data(
      `query ($where: SchoolWhere) {
        schoolsAggregate(where: $where, groupBy: { stage: true }) { stage count sum { seats } avg { seats } min { seats } max { seats } }
      }`,
      { where: ours },
    )
    expect(byKey(data.schoolsAggregate, (g) => g.stage)).toEqual(
      groupedFigures(aggregateSchools, (s) => s.stage, ['seats']),
    )
  })

  it('care facilities by kind and county, decimals summed exactly', async () => {
    const fields = 'peopleServed floorAreaM2'
    const data = await t.data(
      `query ($where: CareFacilityWhere) {
        careFacilitiesAggregate(where: $where, groupBy: { kind: true, divisionLevel: COUNTY }) {
          kind division { nameZh } count sum { ${fields} } avg { ${fields} } min { ${fields} } max { ${fields} }
        }
      }`,
      { where: ours },
    )
    expect(byKey(data.careFacilitiesAggregate, (g) => [g.kind, g.division?.nameZh ?? null])).toEqual(
      groupedFigures(aggregateCareFacilities, (f) => [f.kind, countyOf[f.place]], ['peopleServed', 'floorAreaM2']),
    )
  })

  it("reads the groups' divisions in a statement per selection, with the relations asked of them", async () => {
    const query = `{ careFacilitiesAggregate(groupBy: { kind: true, divisionLevel: COUNTY }) {
      kind count division { nameZh parent { nameZh } } place: division { code } } }`
    let data: {
      careFacilitiesAggregate: {
        division: { nameZh: string; parent: { nameZh: string } } | null
        place: { code: string } | null
      }[]
    } = { careFacilitiesAggregate: [] }
    // The groups, then their divisions with their parents (and once more for the alias, which
    // selects other fields): a statement or two each, however many groups.
    const statements = await t.countStatements(async () => {
      data = await t.data(query)
    })
    const divisions = data.careFacilitiesAggregate.map((g) => g.division).filter((d) => d !== null)
    expect(new Set(divisions.map((d) => d.nameZh)).size).toBeGreaterThan(1)
    expect(divisions.length).toBeGreaterThan(new Set(divisions.map((d) => d.nameZh)).size)
    for (const division of divisions) expect(division.parent.nameZh).toBe('昭通市')
    for (const group of data.careFacilitiesAggregate) {
      expect(group.place?.code ?? '').toMatch(group.division ? /^5306\d{2}$/ : /^$/)
    }
    expect(statements).toBeLessThanOrEqual(5)
  })

  it('divisions by level, the seed’s and the new township', async () => {
    const data = await t.data(`{ divisionsAggregate(groupBy: { level: true }) { level count } }`)
    const counts = Object.fromEntries(
      data.divisionsAggregate.map((g: { level: string; count: number }) => [g.level, g.count]),
    )
    expect(counts).toEqual({ ...seededDivisionLevels, TOWNSHIP: seededDivisionLevels.TOWNSHIP + 1 })
  })

  it('divisions grouped by county count each county with what lies beneath it', async () => {
    const data = await t.data(
      `query ($id: ID!) { divisionsAggregate(where: { withinDivision: $id }, groupBy: { divisionLevel: COUNTY }) { division { nameZh } count } }`,
      { id: places['530628'] },
    )
    // The county, its official townships, villages and communities, and the town the suite added.
    const beneath = (await readOfficialTree('530628')).descendants.length
    expect(data.divisionsAggregate).toEqual([{ division: { nameZh: '彝良县' }, count: 1 + beneath + 1 }])
  })
})

/** A sum of figures where null is unknown: unknown only when both are. */
const plus = (a: number | null | undefined, b: number | null | undefined) =>
  a == null && b == null ? null : (a ?? 0) + (b ?? 0)

describe('overview', () => {
  it('gives the seed’s figures for the whole city', () => {
    expect(overviewBefore).toMatchObject(seededOverview)
    expect(overviewBefore.indicators).toHaveLength(seededCityIndicatorCount)
  })

  it('adds exactly the new records to the city’s totals', async () => {
    const after = (await t.data(`{ overview { ${overviewFields} } }`)).overview
    const hospitals = figuresOf(aggregateHospitals, hospitalFields)
    const schools = figuresOf(aggregateSchools, ['seats'])
    const care = figuresOf(aggregateCareFacilities, ['peopleServed'])
    expect(after).toMatchObject({
      ...seededOverview,
      hospitalCount: seededOverview.hospitalCount + hospitals.count,
      hospitalPlannedBeds: seededOverview.hospitalPlannedBeds + (hospitals.sum.plannedBeds ?? 0),
      hospitalOpenBeds: plus(seededOverview.hospitalOpenBeds, hospitals.sum.openBeds),
      schoolCount: seededOverview.schoolCount + schools.count,
      schoolSeats: plus(seededOverview.schoolSeats, schools.sum.seats),
      careFacilityCount: seededOverview.careFacilityCount + care.count,
      peopleServedByCare: seededOverview.peopleServedByCare + (care.sum.peopleServed ?? 0),
      careFacilitiesByKind: expect.arrayContaining([
        { kind: 'NURSING_HOME', count: 2 },
        { kind: 'CHILDCARE_CENTRE', count: 1 },
        ...seededOverview.careFacilitiesByKind,
      ]),
    })
  })

  it('within a county counts only what lies in it', async () => {
    const data = await t.data(
      `query ($id: ID!) { overview(withinDivision: $id) { ${overviewFields} indicators { code } } }`,
      {
        id: places['530629'],
      },
    )
    const inCounty = <T extends { place: Place }>(records: readonly T[]) =>
      records.filter((r) => countyOf[r.place] === '威信县')
    const hospitals = figuresOf(inCounty(aggregateHospitals), hospitalFields)
    const schools = figuresOf(inCounty(aggregateSchools), ['seats'])
    const care = figuresOf(inCounty(aggregateCareFacilities), ['peopleServed'])
    expect(data.overview).toEqual({
      settlementCount: 0,
      communityCount: 0,
      industrialParkCount: 0,
      enterpriseCount: 0,
      hospitalCount: hospitals.count,
      schoolCount: schools.count,
      careFacilityCount: care.count,
      // No record in the county states these: unknown, not zero.
      relocatedPopulation: null,
      parkDirectJobs: null,
      enterpriseJobCapacity: null,
      enterpriseEmployees: null,
      hospitalPlannedBeds: hospitals.sum.plannedBeds,
      hospitalOpenBeds: hospitals.sum.openBeds,
      schoolSeats: schools.sum.seats,
      peopleServedByCare: care.sum.peopleServed,
      careFacilitiesByKind: [
        { kind: 'NURSING_HOME', count: 1 },
        { kind: 'CHILDCARE_CENTRE', count: 1 },
      ],
      indicators: [],
    })
  })
})
