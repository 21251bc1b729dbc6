import { userInputError } from '../records/errors.ts'
import type { Locale } from '../records/validation.ts'

interface Period {
  periodKind: string
  year: number
  quarter?: number | null
}

/** Observations are identified by their period: kind, year and (for quarterly kinds) quarter. */
export function periodKey(period: Period) {
  return `${period.periodKind}:${period.year}:${period.quarter ?? ''}`
}

/** A series has one value per period. */
export function uniquePeriods<T extends Period>(observations: T[], locale: Locale): T[] {
  const seen = new Set<string>()
  observations.forEach((observation, index) => {
    const key = periodKey(observation)
    if (seen.has(key)) {
      const message = locale === 'zh' ? `期间 ${key} 重复` : `Period ${key} appears twice`
      throw userInputError(message, [{ field: `observations.${index}.year`, code: 'duplicate', message }])
    }
    seen.add(key)
  })
  return observations
}
