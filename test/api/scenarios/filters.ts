// A township of its own under 镇雄县 with a village beneath it, holding settlements, a park with its
// enterprises and care facilities whose figures exercise every filter, sort and page. Expectations
// are computed from these records, so each case states only its condition.

export const filterPlaces = {
  town: { nameZh: '筛选镇', nameEn: 'Filter Town', level: 'TOWNSHIP' },
  village: { nameZh: '筛选村', nameEn: 'Filter Village', level: 'COMMUNITY' },
} as const

export interface SettlementFixture {
  place: keyof typeof filterPlaces
  nameZh: string
  nameEn: string | null
  relocatedPopulation: number
  households: number | null
  openedOn: string | null
}

/** In creation order, which is also id order. */
export const filterSettlements: SettlementFixture[] = [
  {
    place: 'town',
    nameZh: '甲安置区',
    nameEn: 'Alpha Settlement',
    relocatedPopulation: 1200,
    households: 300,
    openedOn: '2019-06-01',
  },
  {
    place: 'town',
    nameZh: '乙安置区',
    nameEn: 'Beta Settlement',
    relocatedPopulation: 5000,
    households: 1200,
    openedOn: '2020-01-15',
  },
  {
    place: 'town',
    nameZh: '丙安置区',
    nameEn: 'Gamma Settlement',
    relocatedPopulation: 5000,
    households: 900,
    openedOn: '2020-09-30',
  },
  {
    place: 'town',
    nameZh: '丁安置区',
    nameEn: 'DELTA SETTLEMENT',
    relocatedPopulation: 800,
    households: null,
    openedOn: '2021-03-01',
  },
  {
    place: 'village',
    nameZh: '戊安置点',
    nameEn: 'Epsilon Site',
    relocatedPopulation: 15000,
    households: 3600,
    openedOn: null,
  },
  {
    place: 'town',
    nameZh: '己安置点',
    nameEn: null,
    relocatedPopulation: 2600,
    households: null,
    openedOn: '2018-12-31',
  },
  {
    place: 'town',
    nameZh: '庚安置区',
    nameEn: 'Zeta Settlement',
    relocatedPopulation: 5000,
    households: 1100,
    openedOn: '2022-07-01',
  },
]

export const filterPark = { nameZh: '筛选园区', nameEn: 'Filter Park' }

export const filterEnterprises = [
  { nameZh: '筛选园区甲公司', inPark: true },
  { nameZh: '筛选园区乙公司', inPark: true },
  { nameZh: '筛选镇丙作坊', inPark: false },
]

export const filterCareFacilities = [
  { nameZh: '筛选镇长者食堂', kind: 'ELDERLY_CANTEEN', targetGroup: 'ELDERLY', floorAreaM2: '120.5' },
  { nameZh: '筛选镇儿童之家', kind: 'CHILDRENS_HOME', targetGroup: 'CHILDREN', floorAreaM2: '300' },
  { nameZh: '筛选镇敬老院', kind: 'NURSING_HOME', targetGroup: 'ELDERLY', floorAreaM2: null },
]

const lower = (text: string | null) => text?.toLowerCase() ?? null

export interface FilterCase {
  operator: string
  where: Record<string, unknown>
  holds(s: SettlementFixture): boolean
}

/** One case per operator kind on settlements; each keeps some records and drops others. */
export const settlementFilterCases: FilterCase[] = [
  {
    operator: 'Int equals',
    where: { relocatedPopulation: { equals: 5000 } },
    holds: (s) => s.relocatedPopulation === 5000,
  },
  {
    operator: 'Int in',
    where: { relocatedPopulation: { in: [800, 1200] } },
    holds: (s) => [800, 1200].includes(s.relocatedPopulation),
  },
  { operator: 'Int not', where: { relocatedPopulation: { not: 5000 } }, holds: (s) => s.relocatedPopulation !== 5000 },
  { operator: 'Int lt', where: { relocatedPopulation: { lt: 1200 } }, holds: (s) => s.relocatedPopulation < 1200 },
  { operator: 'Int lte', where: { relocatedPopulation: { lte: 1200 } }, holds: (s) => s.relocatedPopulation <= 1200 },
  { operator: 'Int gt', where: { relocatedPopulation: { gt: 5000 } }, holds: (s) => s.relocatedPopulation > 5000 },
  { operator: 'Int gte', where: { relocatedPopulation: { gte: 5000 } }, holds: (s) => s.relocatedPopulation >= 5000 },
  {
    operator: 'Int range (gte and lt together)',
    where: { relocatedPopulation: { gte: 1000, lt: 5000 } },
    holds: (s) => s.relocatedPopulation >= 1000 && s.relocatedPopulation < 5000,
  },
  {
    operator: 'Date gte',
    where: { openedOn: { gte: '2020-01-15' } },
    holds: (s) => s.openedOn != null && s.openedOn >= '2020-01-15',
  },
  {
    operator: 'Date lt',
    where: { openedOn: { lt: '2020-01-15' } },
    holds: (s) => s.openedOn != null && s.openedOn < '2020-01-15',
  },
  { operator: 'String equals', where: { nameZh: { equals: '乙安置区' } }, holds: (s) => s.nameZh === '乙安置区' },
  {
    operator: 'String equals is exact about case',
    where: { nameEn: { equals: 'delta settlement' } },
    holds: (s) => s.nameEn === 'delta settlement',
  },
  {
    operator: 'String in',
    where: { nameEn: { in: ['Alpha Settlement', 'Zeta Settlement'] } },
    holds: (s) => s.nameEn === 'Alpha Settlement' || s.nameEn === 'Zeta Settlement',
  },
  { operator: 'String not', where: { nameZh: { not: '甲安置区' } }, holds: (s) => s.nameZh !== '甲安置区' },
  {
    operator: 'String contains, ignoring case',
    where: { nameEn: { contains: 'SETTLE' } },
    holds: (s) => lower(s.nameEn)?.includes('settle') ?? false,
  },
  {
    operator: 'String contains (Chinese)',
    where: { nameZh: { contains: '安置点' } },
    holds: (s) => s.nameZh.includes('安置点'),
  },
  {
    operator: 'String startsWith, ignoring case',
    where: { nameEn: { startsWith: 'delta' } },
    holds: (s) => lower(s.nameEn)?.startsWith('delta') ?? false,
  },
  {
    operator: 'AND',
    where: { AND: [{ relocatedPopulation: { gte: 5000 } }, { nameEn: { contains: 'settlement' } }] },
    holds: (s) => s.relocatedPopulation >= 5000 && (lower(s.nameEn)?.includes('settlement') ?? false),
  },
  {
    operator: 'OR',
    where: { OR: [{ relocatedPopulation: { lt: 1000 } }, { nameZh: { equals: '戊安置点' } }] },
    holds: (s) => s.relocatedPopulation < 1000 || s.nameZh === '戊安置点',
  },
  {
    operator: 'NOT',
    where: { NOT: { relocatedPopulation: { equals: 5000 } } },
    holds: (s) => s.relocatedPopulation !== 5000,
  },
  {
    operator: 'NOT of an OR',
    where: { NOT: { OR: [{ relocatedPopulation: { gte: 5000 } }, { nameZh: { contains: '甲' } }] } },
    holds: (s) => !(s.relocatedPopulation >= 5000 || s.nameZh.includes('甲')),
  },
]

type Order = { key: 'relocatedPopulation' | 'households' | 'nameEn'; direction: 'asc' | 'desc' }

/** The fixture sorted as the API promises: keys in order, empty values last, then creation order. */
export function sortedFixture(orders: Order[]): SettlementFixture[] {
  return filterSettlements
    .map((s, index) => ({ s, index }))
    .sort((a, b) => {
      for (const { key, direction } of orders) {
        const x = a.s[key]
        const y = b.s[key]
        if (x === y) continue
        if (x == null) return 1
        if (y == null) return -1
        const cmp = x < y ? -1 : 1
        return direction === 'asc' ? cmp : -cmp
      }
      return a.index - b.index
    })
    .map(({ s }) => s)
}
