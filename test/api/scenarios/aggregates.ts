// Records with known figures in counties the seed leaves empty (彝良县, 威信县), one of them in a
// township so it must roll up into its county, one at city level so it belongs to no county.
// Every name starts with 聚合 so a filter can single them out from the seed.

/** Where a record is placed: a division code, or the township made for the scenario. */
export type Place = '530628' | '530629' | '530600' | 'town'

export const aggregateTown = { nameZh: '聚合镇', nameEn: 'Aggregate Town', level: 'TOWNSHIP', parentCode: '530628' }

/** The county each place lies in, by Chinese name; null above county level. */
export const countyOf: Record<Place, string | null> = {
  town: '彝良县',
  '530628': '彝良县',
  '530629': '威信县',
  '530600': null,
}

export const NAME_PREFIX = '聚合'

export const aggregateHospitals = [
  {
    place: 'town',
    nameZh: '聚合一院',
    role: 'GENERAL_HOSPITAL',
    plannedBeds: 500,
    openBeds: 420,
    openedOn: '2018-03-01',
  },
  {
    place: '530628',
    nameZh: '聚合二院',
    role: 'GENERAL_HOSPITAL',
    plannedBeds: 300,
    openBeds: null,
    openedOn: '2020-06-01',
  },
  {
    place: '530628',
    nameZh: '聚合中医院',
    role: 'TCM_HOSPITAL',
    plannedBeds: 200,
    openBeds: 150,
    openedOn: '2020-01-01',
  },
  {
    place: '530629',
    nameZh: '聚合卫生院',
    role: 'TOWNSHIP_HEALTH_CENTRE',
    plannedBeds: 60,
    openBeds: 45,
    openedOn: '2018-11-11',
  },
  {
    place: '530629',
    nameZh: '聚合专科医院',
    role: 'SPECIALTY_HOSPITAL',
    plannedBeds: null,
    openBeds: null,
    openedOn: null,
  },
  {
    place: '530600',
    nameZh: '聚合市妇幼保健院',
    role: 'SPECIALTY_HOSPITAL',
    plannedBeds: 700,
    openBeds: 600,
    openedOn: '2020-12-31',
  },
] as const satisfies readonly {
  place: Place
  nameZh: string
  role: string
  plannedBeds: number | null
  openBeds: number | null
  openedOn: string | null
}[]

export const aggregateSchools = [
  { place: 'town', nameZh: '聚合小学', stage: 'PRIMARY', seats: 900 },
  { place: '530629', nameZh: '聚合二小', stage: 'PRIMARY', seats: 1200 },
  { place: '530629', nameZh: '聚合幼儿园', stage: 'KINDERGARTEN', seats: 300 },
] as const satisfies readonly { place: Place; nameZh: string; stage: string; seats: number }[]

export const aggregateCareFacilities = [
  {
    place: 'town',
    nameZh: '聚合敬老院',
    kind: 'NURSING_HOME',
    targetGroup: 'ELDERLY',
    floorAreaM2: '450.5',
    peopleServed: 80,
  },
  {
    place: '530629',
    nameZh: '聚合失能照护院',
    kind: 'NURSING_HOME',
    targetGroup: 'DISABLED_ELDERLY',
    floorAreaM2: '300',
    peopleServed: 120,
  },
  {
    place: '530629',
    nameZh: '聚合托育中心',
    kind: 'CHILDCARE_CENTRE',
    targetGroup: 'INFANTS',
    floorAreaM2: '200',
    peopleServed: 60,
  },
] as const satisfies readonly {
  place: Place
  nameZh: string
  kind: string
  targetGroup: string
  floorAreaM2: string
  peopleServed: number
}[]

export interface Figures {
  count: number
  sum: Record<string, number | null>
  avg: Record<string, number | null>
  min: Record<string, number | null>
  max: Record<string, number | null>
}

/** What an aggregate must report for these records: empty values are left out of every figure. */
export function figuresOf<T>(records: readonly T[], fields: (keyof T & string)[]): Figures {
  const figures: Figures = { count: records.length, sum: {}, avg: {}, min: {}, max: {} }
  for (const field of fields) {
    const values = records
      .map((r) => r[field])
      .filter((v) => v != null)
      .map(Number)
    const sum = values.reduce((a, b) => a + b, 0)
    figures.sum[field] = values.length ? sum : null
    figures.avg[field] = values.length ? sum / values.length : null
    figures.min[field] = values.length ? Math.min(...values) : null
    figures.max[field] = values.length ? Math.max(...values) : null
  }
  return figures
}

/** Records grouped by a key, each group with its figures, keyed by JSON of the key. */
export function groupedFigures<T>(records: readonly T[], keyOf: (r: T) => unknown, fields: (keyof T & string)[]) {
  const groups = new Map<string, T[]>()
  for (const record of records) {
    const key = JSON.stringify(keyOf(record))
    groups.set(key, [...(groups.get(key) ?? []), record])
  }
  return Object.fromEntries([...groups].map(([key, members]) => [key, figuresOf(members, fields)]))
}

export const yearOf = (date: string | null) => (date == null ? null : Number(date.slice(0, 4)))
