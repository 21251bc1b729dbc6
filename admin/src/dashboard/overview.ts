import type { Scale } from '../format.ts'

export const OVERVIEW_QUERY = `query Dashboard($view: RecordView, $asOf: DateTime) {
  overview(view: $view, asOf: $asOf) {
    relocatedPopulation parkDirectJobs hospitalPlannedBeds hospitalOpenBeds schoolSeats
    settlementCount careFacilityCount enterpriseEmployees
    indicators { id code nameZh nameEn unitZh unitEn scale observations { year quarter periodKind value } }
  }
  careFacilitiesAggregate(groupBy: { divisionLevel: COUNTY, kind: true }, view: $view, asOf: $asOf) {
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
  /** Sums are null when no record states the figure: unknown, shown as "—", never 0. */
  overview: {
    relocatedPopulation: number | null
    parkDirectJobs: number | null
    hospitalPlannedBeds: number | null
    hospitalOpenBeds: number | null
    schoolSeats: number | null
    settlementCount: number
    careFacilityCount: number
    enterpriseEmployees: number | null
    indicators: IndicatorSeries[]
  }
  careFacilitiesAggregate: FacilityGroup[]
}

/** Rows of the facilities chart: one per county (its ID kept, to open its list), one count per kind. */
export function facilitiesByCounty(groups: FacilityGroup[], chinese: boolean) {
  const counties = new Map<string, Record<string, number | string | null>>()
  const kinds = new Set<string>()
  for (const group of groups) {
    if (!group.kind) continue
    const name = group.division
      ? chinese
        ? group.division.nameZh
        : (group.division.nameEn ?? group.division.nameZh)
      : '—'
    const row = counties.get(name) ?? { county: name, divisionId: group.division?.id ?? null }
    row[group.kind] = ((row[group.kind] as number | undefined) ?? 0) + group.count
    counties.set(name, row)
    kinds.add(group.kind)
  }
  return { rows: [...counties.values()], kinds: [...kinds].sort() }
}

/** Whole-number ticks from 0 past the largest stacked total, about five of them. */
export function countTicks(rows: Record<string, unknown>[], kinds: string[]): number[] {
  const largest = Math.max(0, ...rows.map((row) => kinds.reduce((sum, kind) => sum + Number(row[kind] ?? 0), 0)))
  const step = Math.max(1, Math.ceil(largest / 5))
  const ticks: number[] = []
  for (let tick = 0; tick <= largest || ticks.length < 2; tick += step) ticks.push(tick)
  return ticks
}
