// One valid record of every family, as a create input and a later change, plus the nested lists
// (prices, supported settlements, observations) some families write along with the record.
// Values are written in the form the API returns them (decimals as canonical strings, dates as
// YYYY-MM-DD), so what was sent is what must come back.
import { allFamilies } from '@minsheng/server/records'
import '@minsheng/server/schema'
import type { SeededRefs } from '../support.ts'

export type Input = Record<string, unknown>

export interface RecordScenario {
  typename: string
  /** Root connection, e.g. `hospitals`. */
  plural: string
  create(refs: SeededRefs): Input
  /** A change to some fields; the others must stay as created. */
  update(refs: SeededRefs): Input
}

/** Reference inputs and the object field they come back as (`divisionId` → `division`), from the families. */
export const REFERENCE_FIELDS: Record<string, string> = Object.fromEntries(
  allFamilies().flatMap((f) =>
    Object.entries(f.fields).flatMap(([name, spec]) => (spec.kind === 'ref' ? [[name, spec.relation]] : [])),
  ),
)

/** Nested lists checked by their own tests rather than by the generic read-back. */
export const NESTED_INPUTS = new Set(['prices', 'supportedSettlementIds', 'observations'])

export const recordScenarios: RecordScenario[] = [
  {
    typename: 'Division',
    plural: 'divisions',
    create: (refs) => ({
      nameZh: '测试镇',
      nameEn: 'Test Town',
      code: '530627901',
      level: 'TOWNSHIP',
      parentId: refs.zhenxiong,
      latitude: 27.44,
      longitude: 104.87,
      datum: 'WGS84',
      note: '测试用的乡镇',
    }),
    update: () => ({ nameEn: 'Renamed Test Town', code: '530627902' }),
  },
  {
    typename: 'Settlement',
    plural: 'settlements',
    create: (refs) => ({
      nameZh: '测试安置区',
      nameEn: 'Test Settlement',
      divisionId: refs.zhenxiong,
      relocatedPopulation: 12000,
      households: 3100,
      elderly: 1500,
      leftBehindElderly: 120,
      children: 2800,
      openedOn: '2020-06-30',
      latitude: 27.45,
      longitude: 104.88,
      datum: 'GCJ02',
    }),
    update: () => ({ relocatedPopulation: 12500, children: null }),
  },
  {
    typename: 'Community',
    plural: 'communities',
    create: (refs) => ({
      nameZh: '测试社区',
      nameEn: 'Test Community',
      divisionId: refs.ludian,
      settlementId: refs.maojiawan,
      // Small enough that the dozens of these the permission matrix makes still add up to no more
      // than 卯家湾's 39,000 (a save breaking that rule is refused).
      relocatedPopulation: 420,
      households: 100,
      elderly: 60,
      leftBehindElderly: 45,
      children: 90,
      openedOn: '2020-01-01',
    }),
    update: () => ({ households: 1010, note: '户数已核对' }),
  },
  {
    typename: 'IndustrialPark',
    plural: 'industrialParks',
    create: (refs) => ({
      nameZh: '测试产业园',
      nameEn: 'Test Industrial Park',
      divisionId: refs.zhenxiong,
      phase: 2,
      areaMu: '120.5',
      settledEnterprises: 4,
      directJobs: 650,
      managingBody: '测试园区管委会',
      openedOn: '2023-03-15',
      supportedSettlementIds: [refs.niluping],
    }),
    update: () => ({ settledEnterprises: 6, areaMu: '130.25' }),
  },
  {
    typename: 'Enterprise',
    plural: 'enterprises',
    create: (refs) => ({
      nameZh: '测试服饰有限公司',
      nameEn: 'Test Apparel Co.',
      divisionId: refs.zhenxiong,
      parkId: refs.textilePark,
      sector: '纺织服装',
      products: ['衬衫', '校服'],
      markets: ['国内市场'],
      productionLines: 4,
      jobCapacity: 320,
      employees: 150,
      averageMonthlyWage: '4200.5',
      annualOutputAtFull: '30000000',
      openedOn: '2022-11-01',
    }),
    update: (refs) => ({ employees: 180, parkId: null, communityId: refs.yulu, products: ['衬衫'] }),
  },
  {
    typename: 'Hospital',
    plural: 'hospitals',
    create: (refs) => ({
      nameZh: '测试县人民医院',
      nameEn: 'Test County People’s Hospital',
      divisionId: refs.zhenxiong,
      role: 'GENERAL_HOSPITAL',
      grade: '二级甲等',
      plannedBeds: 800,
      openBeds: 650,
      specialtyCentres: ['胸痛', '卒中'],
      managingInstitution: '测试医科大学',
      managedSince: '2023-01-01',
      advancedTechniques: 12,
      newTechniques: 3,
      patientsReturned: 150,
      openedOn: '2015-09-01',
    }),
    update: () => ({ openBeds: 700, role: 'MEDICAL_COMMUNITY_HEAD_HOSPITAL' }),
  },
  {
    typename: 'School',
    plural: 'schools',
    create: (refs) => ({
      nameZh: '测试小学',
      nameEn: 'Test Primary School',
      divisionId: refs.ludian,
      settlementId: refs.maojiawan,
      stage: 'PRIMARY',
      seats: 1350,
      openedOn: '2019-09-01',
    }),
    update: () => ({ stage: 'NINE_YEAR', seats: 2100 }),
  },
  {
    typename: 'CareFacility',
    plural: 'careFacilities',
    create: (refs) => ({
      nameZh: '测试长者食堂',
      nameEn: 'Test Elderly Canteen',
      divisionId: refs.ludian,
      settlementId: refs.maojiawan,
      communityId: refs.yulu,
      kind: 'ELDERLY_CANTEEN',
      targetGroup: 'ELDERLY',
      floorAreaM2: '180',
      services: ['助餐', '送餐'],
      peopleServed: 5200,
      openedOn: '2024-05-01',
      prices: [{ minAge: 60, priceYuan: '6', unitZh: '一餐', unitEn: 'a meal' }],
    }),
    update: () => ({ peopleServed: 6100, services: ['助餐'] }),
  },
  {
    typename: 'Indicator',
    plural: 'indicators',
    create: (refs) => ({
      nameZh: '测试指标',
      nameEn: 'Test indicator',
      divisionId: refs.zhenxiong,
      code: 'test_indicator',
      unitZh: '人',
      unitEn: 'persons',
      // Given explicitly: leaving it out is a known server bug (see the errors suite).
      scale: 'TEN_THOUSAND',
      observations: [{ periodKind: 'YEAR', year: 2023, value: '1.25' }],
    }),
    update: () => ({ unitEn: 'people', note: '按户籍人口' }),
  },
  {
    typename: 'Source',
    plural: 'sources',
    create: () => ({
      nameZh: '测试来源',
      nameEn: 'Test source',
      publisher: '测试日报',
      publishedOn: '2024-12-01',
      file: 'test-source.txt',
      url: 'https://example.org/test-source',
    }),
    update: () => ({ publisher: '测试晚报', url: null }),
  },
]

export function scenarioOf(typename: string): RecordScenario {
  const found = recordScenarios.find((s) => s.typename === typename)
  if (!found) throw new Error(`No scenario for ${typename}`)
  return found
}

/** A GraphQL selection reading back every non-nested field of an input, references by their id. */
export function selectionFor(input: Input): string {
  return Object.keys(input)
    .filter((key) => !NESTED_INPUTS.has(key))
    .map((key) => (REFERENCE_FIELDS[key] ? `${REFERENCE_FIELDS[key]} { id }` : key))
    .join(' ')
}

/** What `selectionFor(input)` must return for a record written with `input`. */
export function readBackOf(input: Input): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input)
      .filter(([key]) => !NESTED_INPUTS.has(key))
      .map(([key, value]) => {
        const relation = REFERENCE_FIELDS[key]
        if (relation) return [relation, value == null ? null : { id: value }]
        return [key, value]
      }),
  )
}

// ——— Nested writes ————————————————————————————————————————————————————————————————

/** Canteen prices sent out of order: the API returns them youngest first. */
export const canteenPrices = {
  created: [
    { minAge: 90, priceYuan: '0', unitZh: '一餐', unitEn: 'a meal' },
    { minAge: 60, priceYuan: '5', unitZh: '一餐', unitEn: 'a meal' },
    { minAge: 75, priceYuan: '3.5', unitZh: '一餐', unitEn: null },
  ],
  /** Replaces the whole list. */
  replaced: [
    { minAge: 65, priceYuan: '4', unitZh: '一餐', unitEn: null },
    { minAge: 80, priceYuan: '0', unitZh: '一餐', unitEn: 'a meal' },
  ],
}

export const byMinAge = <T extends { minAge: number }>(prices: T[]) => [...prices].sort((a, b) => a.minAge - b.minAge)

/** A series written in full, then edited: one period changed, one kept, one dropped, one added. */
export const observationSeries = {
  created: [
    { periodKind: 'YEAR', year: 2022, quarter: null, value: '7.1', provincialRank: 4, status: 'FINAL' },
    { periodKind: 'YEAR', year: 2023, quarter: null, value: '7.6', provincialRank: 3, status: 'FINAL' },
    { periodKind: 'YEAR_TO_QUARTER', year: 2024, quarter: 3, value: '8.3', provincialRank: 2, status: 'PRELIMINARY' },
  ],
  edited: [
    // unchanged
    { periodKind: 'YEAR', year: 2022, quarter: null, value: '7.1', provincialRank: 4, status: 'FINAL' },
    // value revised
    { periodKind: 'YEAR', year: 2023, quarter: null, value: '7.7', provincialRank: 3, status: 'FINAL' },
    // 2024 Q1–Q3 dropped; the full year added
    { periodKind: 'YEAR', year: 2024, quarter: null, value: '8.1', provincialRank: 2, status: 'PRELIMINARY' },
  ],
}

/** The periods of `edited` that already existed in `created`: their observations keep their ids. */
export const keptPeriods = ['YEAR:2022:', 'YEAR:2023:']

export const periodOf = (o: { periodKind: string; year: number; quarter: number | null }) =>
  `${o.periodKind}:${o.year}:${o.quarter ?? ''}`
