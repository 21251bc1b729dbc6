// Data quality through the API: a save an ERROR rule forbids is refused and writes nothing; a save
// with warnings goes through and its result names them; every record carries its issues (one run of
// the rules per page, not per record); `dataQualityIssues` lists and counts them by rule and county;
// the import's dry run refuses rows per ERROR rule and warns per row. Then the map's API:
// `withinBounds` on every located type, `coordinates(datum:)`, and neither gives away a children's
// home's location to a caller who may not see it.
import { toWgs84 } from '@minsheng/server/quality'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Caller, startTestHub, type TestHub } from '../setup/hub.ts'
import { CHINESE, fieldErrorsOf, type SeededRefs, seededRefs } from './support.ts'

let t: TestHub
let refs: SeededRefs
/** 镇雄县's seat in WGS-84: inside 镇雄县, outside 鲁甸县. */
const zhenxiongSeat = { latitude: 27.44, longitude: 104.87 }

beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
})
afterAll(() => t?.close())

async function keyWith(scopes: string[]): Promise<Caller> {
  const data = await t.data(`mutation ($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
    input: { name: `quality ${scopes.join(' ')}`, scopes },
  })
  return { bearer: data.createApiKey.secret }
}

const ISSUE = 'qualityIssues { rule severity message messageZh messageEn field recordType recordName }'

describe('a save', () => {
  it('that an ERROR rule forbids is refused, the field marked, and nothing is written', async () => {
    const created = await t.data(
      `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id version } }`,
      {
        input: {
          nameZh: '质量接口测试医院',
          nameEn: 'Quality API test hospital',
          role: 'GENERAL_HOSPITAL',
          divisionId: refs.zhenxiong,
          plannedBeds: 100,
          openBeds: 80,
        },
      },
    )
    const { id, version } = created.createHospital
    const refused = await t.gql(
      `mutation ($id: ID!, $version: Int!) { updateHospital(id: $id, version: $version, input: { openBeds: 120 }) { id } }`,
      { id, version },
      { 'Accept-Language': 'zh-CN' },
    )
    const openBeds = fieldErrorsOf(refused).openBeds
    expect(openBeds?.code).toBe('OPEN_BEDS_EXCEED_PLANNED')
    expect(openBeds?.message).toMatch(CHINESE)
    expect(refused.errors?.[0]?.extensions?.qualityIssues).toEqual([
      expect.objectContaining({ rule: 'OPEN_BEDS_EXCEED_PLANNED', severity: 'ERROR', recordId: id }),
    ])
    const after = await t.data(`query ($id: ID!) { node(id: $id) { ... on Hospital { version openBeds } } }`, { id })
    expect(after.node).toEqual({ version, openBeds: 80 })
  })

  it("of a community that would outnumber its settlement's residents is refused", async () => {
    const refused = await t.gql(`mutation ($input: CommunityCreateInput!) { createCommunity(input: $input) { id } }`, {
      input: {
        nameZh: '质量接口测试社区',
        divisionId: refs.ludian,
        settlementId: refs.maojiawan,
        relocatedPopulation: 40_000,
      },
    })
    expect(fieldErrorsOf(refused).relocatedPopulation?.code).toBe('COMMUNITY_RESIDENTS_EXCEED_SETTLEMENT')
    const found = await t.data(`{ communities(where: { nameZh: { equals: "质量接口测试社区" } }) { totalCount } }`)
    expect(found.communities.totalCount).toBe(0)
  })

  it('with warnings goes through, and its result names them in both languages', async () => {
    const data = await t.data(`mutation ($input: SchoolCreateInput!) { createSchool(input: $input) { id ${ISSUE} } }`, {
      // No English name, and 镇雄县's seat filed under 鲁甸县.
      input: { nameZh: '质量接口测试学校', stage: 'PRIMARY', divisionId: refs.ludian, ...zhenxiongSeat },
    })
    const issues = data.createSchool.qualityIssues
    expect(issues.map((issue: { rule: string }) => issue.rule).sort()).toEqual([
      'MISSING_ENGLISH_NAME',
      'POINT_OUTSIDE_COUNTY',
    ])
    for (const issue of issues) {
      expect(issue).toMatchObject({ severity: 'WARNING', recordType: 'School', recordName: '质量接口测试学校' })
      expect(issue.messageZh).toMatch(CHINESE)
      expect(issue.messageEn).toMatch(/[A-Za-z]/)
    }
  })
})

describe('qualityIssues on records', () => {
  it('cost the same statements for one record or a whole page', async () => {
    const list = (first: number) => `{ communities(first: ${first}) { nodes { id qualityIssues { rule } } } }`
    const one = await t.countStatements(() => t.data(list(1)))
    const many = await t.countStatements(() => t.data(list(50)))
    expect(many).toBe(one)
  })

  it('are for operators only: a key reads an empty list', async () => {
    const key = await keyWith(['read'])
    const result = await t.gqlAs(
      key,
      `{ schools(where: { nameZh: { equals: "质量接口测试学校" } }) { nodes { ${ISSUE} } } }`,
    )
    expect(result.errors).toBeUndefined()
    expect(result.data?.schools.nodes).toEqual([{ qualityIssues: [] }])
  })
})

describe('dataQualityIssues', () => {
  const QUERY = `query ($where: QualityIssueWhere, $first: Int) {
    dataQualityIssues(where: $where, first: $first) {
      totalCount
      nodes { rule severity recordType recordId recordName title message county { code nameZh } }
      byRule { rule severity title count }
      byCounty { county { code nameZh } count errors }
      byCountyAndRule { county { code } rule count }
    }
  }`

  it('lists and counts the issues by rule and county, and filters them', async () => {
    const all = (await t.data(QUERY, { first: 200 })).dataQualityIssues
    const school = all.nodes.filter((issue: { recordName: string }) => issue.recordName === '质量接口测试学校')
    expect(school).toHaveLength(2)
    for (const issue of school) expect(issue.county).toEqual({ code: '530621', nameZh: '鲁甸县' })
    expect(all.totalCount).toBe(all.nodes.length)
    const sum = (counts: { count: number }[]) => counts.reduce((total, c) => total + c.count, 0)
    expect(sum(all.byRule)).toBe(all.totalCount)
    expect(sum(all.byCounty)).toBe(all.totalCount)
    expect(sum(all.byCountyAndRule)).toBe(all.totalCount)
    expect(all.byRule).toContainEqual(
      expect.objectContaining({ rule: 'POINT_OUTSIDE_COUNTY', severity: 'WARNING', count: 1 }),
    )

    const inLudian = (await t.data(QUERY, { where: { division: refs.ludian, type: 'School' } })).dataQualityIssues
    expect(inLudian.nodes.map((issue: { rule: string }) => issue.rule).sort()).toEqual([
      'MISSING_ENGLISH_NAME',
      'POINT_OUTSIDE_COUNTY',
    ])
    expect(inLudian.byCounty).toEqual([{ county: { code: '530621', nameZh: '鲁甸县' }, count: 2, errors: 0 }])
    const inZhenxiong = (await t.data(QUERY, { where: { division: refs.zhenxiong, type: 'School' } })).dataQualityIssues
    expect(inZhenxiong.totalCount).toBe(0)
    const outside = (await t.data(QUERY, { where: { rule: 'POINT_OUTSIDE_COUNTY' } })).dataQualityIssues
    expect(outside.nodes).toHaveLength(1)
    expect(outside.byRule).toEqual([expect.objectContaining({ rule: 'POINT_OUTSIDE_COUNTY', count: 1 })])
    const errors = (await t.data(QUERY, { where: { severity: 'ERROR' } })).dataQualityIssues
    expect(errors.totalCount).toBe(0)
  })

  it('pages through the issues, counts on every page, and refuses what cannot be a page', async () => {
    const PAGE = `query ($first: Int, $last: Int, $after: String, $before: String) {
      dataQualityIssues(first: $first, last: $last, after: $after, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } nodes { recordId rule field }
      }
    }`
    const all = (await t.data(PAGE, { first: 200 })).dataQualityIssues
    const first = (await t.data(PAGE, { first: 1 })).dataQualityIssues
    expect(first.nodes).toEqual(all.nodes.slice(0, 1))
    expect(first.totalCount).toBe(all.totalCount)
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false })
    const second = (await t.data(PAGE, { first: 1, after: first.pageInfo.endCursor })).dataQualityIssues
    expect(second.nodes).toEqual(all.nodes.slice(1, 2))
    const back = (await t.data(PAGE, { last: 1, before: second.pageInfo.startCursor })).dataQualityIssues
    expect(back.nodes).toEqual(first.nodes)
    for (const variables of [{ first: 1, after: ' ' }, { first: 1, last: 1 }, { first: 201 }, { last: -1 }]) {
      const result = await t.gql(PAGE, variables)
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT')
    }
  })

  it('is for operators only', async () => {
    const result = await t.gqlAs(await keyWith(['read', 'restricted']), `{ dataQualityIssues { totalCount } }`)
    expect(result.errors?.length).toBeGreaterThan(0)
    expect(result.data?.dataQualityIssues ?? null).toBeNull()
  })
})

describe("the import's dry run", () => {
  const IMPORT = `mutation ($rows: [JSON!]!) {
    importRecords(recordType: Hospital, rows: $rows, dryRun: true) {
      applied created errors { row field code message } warnings { row field code message } warningCount
    }
  }`
  const row = (name: string, beds: { plannedBeds: number; openBeds: number }) => ({
    nameZh: name,
    nameEn: `${name} (test)`,
    role: 'TOWNSHIP_HEALTH_CENTRE',
    divisionId: refs.zhenxiong,
    ...beds,
  })

  it('refuses a row an ERROR rule forbids, naming the row and the rule', async () => {
    const report = (
      await t.data(IMPORT, {
        rows: [
          row('导入质量一', { plannedBeds: 50, openBeds: 40 }),
          row('导入质量二', { plannedBeds: 50, openBeds: 60 }),
        ],
      })
    ).importRecords
    expect(report.applied).toBe(false)
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'openBeds', code: 'OPEN_BEDS_EXCEED_PLANNED' }),
    ])
  })

  it('warns per row about what the rules would find, and writes nothing', async () => {
    const report = (
      await t.data(IMPORT, {
        rows: [
          row('导入质量三', { plannedBeds: 50, openBeds: 40 }),
          { ...row('导入质量四', { plannedBeds: 30, openBeds: 30 }), nameEn: null },
        ],
      })
    ).importRecords
    expect(report.errors).toEqual([])
    expect(report.created).toBe(2)
    expect(report.warningCount).toBe(report.warnings.length)
    const codes = (rowNumber: number) =>
      report.warnings
        .filter((w: { row: number }) => w.row === rowNumber)
        .map((w: { code: string; field: string }) => `${w.code}:${w.field}`)
        .sort()
    expect(codes(1)).toEqual(['FIGURE_WITHOUT_CITATION:openBeds', 'FIGURE_WITHOUT_CITATION:plannedBeds'])
    expect(codes(2)).toEqual([
      'FIGURE_WITHOUT_CITATION:openBeds',
      'FIGURE_WITHOUT_CITATION:plannedBeds',
      'MISSING_ENGLISH_NAME:nameEn',
    ])
    const written = await t.data(`{ hospitals(where: { nameZh: { startsWith: "导入质量" } }) { totalCount } }`)
    expect(written.hospitals.totalCount).toBe(0)
  })
})

describe('located records', () => {
  /** A box of ±0.05° around a point, in a datum. */
  const box = (point: { latitude: number; longitude: number }, datum = 'WGS84') => ({
    south: point.latitude - 0.05,
    north: point.latitude + 0.05,
    west: point.longitude - 0.05,
    east: point.longitude + 0.05,
    datum,
  })
  // A place in 水富市 stated in GCJ-02, and the same place in WGS-84: the offset (about 0.003°) is
  // larger than the tight box below is wide.
  const gcjLat = 28.63
  const gcjLon = 104.41
  const [wgsLon, wgsLat] = toWgs84({ latitude: gcjLat, longitude: gcjLon, datum: 'GCJ02' })
  const round = (value: number) => Math.round(value * 1e6) / 1e6
  const place = { latitude: round(wgsLat), longitude: round(wgsLon) }
  const home = { nameZh: '边界测试儿童之家', latitude: gcjLat, longitude: gcjLon, datum: 'GCJ02' }
  const canteen = { nameZh: '边界测试老年食堂', ...place, datum: 'WGS84' }

  beforeAll(async () => {
    for (const [facility, kind, targetGroup] of [
      [home, 'CHILDRENS_HOME', 'CHILDREN'],
      [canteen, 'ELDERLY_CANTEEN', 'ELDERLY'],
    ] as const) {
      await t.data(`mutation ($input: CareFacilityCreateInput!) { createCareFacility(input: $input) { id } }`, {
        input: { ...facility, nameEn: facility.nameZh, kind, targetGroup, divisionId: refs.zhenxiong },
      })
    }
  })

  const within = `query ($bounds: BoundsInput!) {
    careFacilities(where: { withinBounds: $bounds }) {
      totalCount
      nodes { nameZh latitude wgs: coordinates { latitude longitude datum } gcj: coordinates(datum: GCJ02) { latitude longitude } }
    }
  }`
  const tight = (point: { latitude: number; longitude: number }, datum = 'WGS84') => ({
    south: point.latitude - 0.0005,
    north: point.latitude + 0.0005,
    west: point.longitude - 0.0005,
    east: point.longitude + 0.0005,
    datum,
  })

  it('withinBounds compares each record in its own datum', async () => {
    // Both stand at the same place, one stated in GCJ-02: a box of ±0.0005° in either datum finds both.
    for (const bounds of [tight(place), tight({ latitude: gcjLat, longitude: gcjLon }, 'GCJ02')]) {
      const found = (await t.data(within, { bounds })).careFacilities
      expect(found.nodes.map((n: { nameZh: string }) => n.nameZh).sort()).toEqual([home.nameZh, canteen.nameZh].sort())
    }
    // The WGS-84 box, read wrongly as GCJ-02, misses both.
    const missed = (await t.data(within, { bounds: { ...tight(place), datum: 'GCJ02' } })).careFacilities
    expect(missed.totalCount).toBe(0)
  })

  it('coordinates(datum:) converts', async () => {
    const found = (await t.data(within, { bounds: box(place) })).careFacilities.nodes
    const byName = Object.fromEntries(found.map((n: { nameZh: string }) => [n.nameZh, n]))
    expect(byName[canteen.nameZh].wgs).toEqual({ ...place, datum: 'WGS84' })
    expect(byName[home.nameZh].wgs.latitude).toBeCloseTo(place.latitude, 4)
    expect(byName[home.nameZh].wgs.longitude).toBeCloseTo(place.longitude, 4)
    expect(byName[canteen.nameZh].gcj.latitude).toBeCloseTo(gcjLat, 5)
    expect(byName[canteen.nameZh].gcj.longitude).toBeCloseTo(gcjLon, 5)
    expect(byName[home.nameZh].gcj).toEqual({ latitude: gcjLat, longitude: gcjLon })
  })

  it("never reveals a children's home's location to a caller who may not see it", async () => {
    const partner = await t.gqlAs(await keyWith(['read']), within, { bounds: box(place) })
    expect(partner.errors).toBeUndefined()
    expect(partner.data?.careFacilities.nodes.map((n: { nameZh: string }) => n.nameZh)).toEqual([canteen.nameZh])
    expect(partner.data?.careFacilities.totalCount).toBe(1)
    // Listed without the box, its location reads null.
    const listed = await t.gqlAs(
      await keyWith(['read']),
      `{ careFacilities(where: { nameZh: { equals: "${home.nameZh}" } }) { nodes { latitude coordinates { latitude } } } }`,
    )
    expect(listed.data?.careFacilities.nodes).toEqual([{ latitude: null, coordinates: null }])
    const trusted = await t.gqlAs(await keyWith(['read', 'restricted']), within, { bounds: box(place) })
    expect(trusted.data?.careFacilities.totalCount).toBe(2)
  })

  it('withinBounds is on every located type, aggregates too', async () => {
    const result = await t.data(
      `query ($bounds: BoundsInput!) {
        schools(where: { withinBounds: $bounds }) { nodes { nameZh } }
        hospitals(where: { withinBounds: $bounds }) { totalCount }
        careFacilitiesAggregate(where: { withinBounds: $bounds }) { count }
      }`,
      { bounds: box(zhenxiongSeat) },
    )
    expect(result.schools.nodes).toEqual([{ nameZh: '质量接口测试学校' }])
    expect(result.careFacilitiesAggregate).toEqual([{ count: 0 }])
  })

  it('withinBounds holds in aggregates grouped by county (their SQL), restricted records hidden alike', async () => {
    const query = `query ($bounds: BoundsInput!) {
      careFacilitiesAggregate(where: { withinBounds: $bounds }, groupBy: { divisionLevel: COUNTY }) { count division { code } }
    }`
    const admin = await t.data(query, { bounds: box(place) })
    expect(admin.careFacilitiesAggregate).toEqual([{ count: 2, division: { code: '530627' } }])
    const partner = await t.gqlAs(await keyWith(['read']), query, { bounds: box(place) })
    expect(partner.data?.careFacilitiesAggregate).toEqual([{ count: 1, division: { code: '530627' } }])
  })

  it('refuses a box turned inside out', async () => {
    const result = await t.gql(within, { bounds: { south: 28, north: 27, west: 104, east: 105 } })
    expect(fieldErrorsOf(result).withinBounds?.code).toBe('invalid')
  })
})
