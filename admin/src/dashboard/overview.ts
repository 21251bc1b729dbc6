import type { Scale } from '../format.ts'

export const OVERVIEW_QUERY = `query Dashboard {
  overview {
    relocatedPopulation parkDirectJobs hospitalPlannedBeds hospitalOpenBeds schoolSeats
    settlementCount careFacilityCount enterpriseEmployees
    indicators { id code nameZh nameEn unitZh unitEn scale observations { year quarter periodKind value } }
  }
  careFacilitiesAggregate(groupBy: { divisionLevel: COUNTY, kind: true }) {
    division { id nameZh nameEn } kind count
  }
}`

export interface IndicatorSeries {
  id: string
  code: string
  nameZh: string
  nameEn: string | null
  unitZh: string
  unitEn: string | null
  scale: Scale | null
  observations: { year: number; quarter: number | null; periodKind: string; value: string }[]
}

export interface FacilityGroup {
  division: { id: string; nameZh: string; nameEn: string | null } | null
  kind: string | null
  count: number
}

export interface DashboardData {
  overview: {
    relocatedPopulation: number
    parkDirectJobs: number
    hospitalPlannedBeds: number
    hospitalOpenBeds: number
    schoolSeats: number
    settlementCount: number
    careFacilityCount: number
    enterpriseEmployees: number
    indicators: IndicatorSeries[]
  }
  careFacilitiesAggregate: FacilityGroup[]
}

/** Rows of the facilities chart: one per county, one count per kind. */
export function facilitiesByCounty(groups: FacilityGroup[], chinese: boolean) {
  const counties = new Map<string, Record<string, number | string>>()
  const kinds = new Set<string>()
  for (const group of groups) {
    if (!group.kind) continue
    const name = group.division
      ? chinese
        ? group.division.nameZh
        : (group.division.nameEn ?? group.division.nameZh)
      : '—'
    const row = counties.get(name) ?? { county: name }
    row[group.kind] = ((row[group.kind] as number | undefined) ?? 0) + group.count
    counties.set(name, row)
    kinds.add(group.kind)
  }
  return { rows: [...counties.values()], kinds: [...kinds].sort() }
}
