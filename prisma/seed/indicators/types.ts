// Shapes and shorthands for the indicator data files. Every indicator the text gives is a city figure.
import type { ObservationStatus, PeriodKind, UnitScale } from '../../src/index.ts'
import { type Cited, cite } from '../cite.ts'

export interface Period {
  periodKind: PeriodKind
  year: number
  quarter: number | null
  status: ObservationStatus
}

export interface ObservationSeed extends Period {
  /** In the indicator's unit and scale, as a decimal string so no digit is lost. */
  value: string
  provincialRank: number | null
  cites: Cited[]
}

export interface IndicatorSeed {
  division: string
  code: string
  nameZh: string
  nameEn: string
  unitZh: string
  unitEn: string
  scale: UnitScale
  note: string | null
  observations: ObservationSeed[]
}

export const YEAR_2023: Period = { periodKind: 'YEAR', year: 2023, quarter: null, status: 'FINAL' }
/** A 2024 figure the text gives as "this year" (今年) before the year ended. */
export const YEAR_2024_SO_FAR: Period = { periodKind: 'YEAR', year: 2024, quarter: null, status: 'PRELIMINARY' }
export const Q1_TO_Q3_2024: Period = { periodKind: 'YEAR_TO_QUARTER', year: 2024, quarter: 3, status: 'PRELIMINARY' }
/** A stock (or a total since a past date) the text states without a date: as of its writing, 2024. */
export const AS_OF_2024: Period = { periodKind: 'POINT', year: 2024, quarter: null, status: 'FINAL' }

export function observation(period: Period, value: string, cited: Cited, rank?: Cited): ObservationSeed {
  return { ...period, value, provincialRank: rank ? rankOf(rank) : null, cites: rank ? [cited, rank] : [cited] }
}

/** Citation of an observation's value. */
export function value(statedAs: string, quote: string, qualifier: Cited['qualifier'] = 'EXACT'): Cited {
  return cite('value', statedAs, qualifier, quote)
}

const RANKS: Record<string, number> = { 第一位: 1, 第二位: 2, 第三位: 3 }

/** Citation of a provincial rank stated as "全省第N位". */
export function provincialRank(statedAs: string, quote: string): Cited {
  return cite('provincialRank', statedAs, 'EXACT', quote)
}

function rankOf(cited: Cited): number {
  const rank = RANKS[cited.statedAs.replace('全省', '')]
  if (rank === undefined) throw new Error(`Cannot read a provincial rank from "${cited.statedAs}"`)
  return rank
}

interface IndicatorDefinition {
  code: string
  nameZh: string
  nameEn: string
  unit: [zh: string, en: string]
  scale?: UnitScale
  note?: string
}

export function cityIndicator(definition: IndicatorDefinition, ...observations: ObservationSeed[]): IndicatorSeed {
  const { unit, scale, note, ...names } = definition
  return {
    division: '昭通市',
    ...names,
    unitZh: unit[0],
    unitEn: unit[1],
    scale: scale ?? 'ONE',
    note: note ?? null,
    observations,
  }
}
