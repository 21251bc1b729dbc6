// Rules on indicator series.
import { INDICATOR_JUMP_FACTOR, issue, type QualityIssue } from './rules.ts'

export interface Observation {
  id: number
  periodKind: string
  year: number
  quarter: number | null
  value: number
}

const period = (o: Observation) => (o.quarter == null ? `${o.year}` : `${o.year} Q${o.quarter}`)

/**
 * An observation that differs from the previous period's (same kind of period) by more than `factor`
 * times, up or down, or changes sign. A previous value of zero is not compared.
 */
export function indicatorJumps(
  indicator: { recordType: string; recordId: number; divisionId?: number; nameZh: string },
  observations: readonly Observation[],
  factor = INDICATOR_JUMP_FACTOR,
): QualityIssue[] {
  const issues: QualityIssue[] = []
  const byKind = new Map<string, Observation[]>()
  for (const o of observations) byKind.set(o.periodKind, [...(byKind.get(o.periodKind) ?? []), o])
  for (const series of byKind.values()) {
    series.sort((a, b) => a.year - b.year || (a.quarter ?? 0) - (b.quarter ?? 0))
    for (let i = 1; i < series.length; i++) {
      const previous = series[i - 1] as Observation
      const current = series[i] as Observation
      if (previous.value === 0) continue
      const ratio = current.value / previous.value
      if (ratio > 0 && ratio <= factor && ratio >= 1 / factor) continue
      const { nameZh, ...ref } = indicator
      issues.push(
        issue(
          'INDICATOR_JUMP',
          ref,
          {
            zh: `${nameZh}：${period(current)} 为 ${current.value}，上期（${period(previous)}）为 ${previous.value}，变化超过 ${factor} 倍或正负反转。`,
            en: `${nameZh}: ${current.value} in ${period(current)} against ${previous.value} in ${period(previous)}, more than a ${factor}-fold change or a change of sign.`,
          },
          `observations.${current.id}`,
        ),
      )
    }
  }
  return issues
}
