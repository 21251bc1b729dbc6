import type { Prisma, PrismaClient } from '../../generated/client/client.ts'
import type { UnitScale } from '../../generated/client/enums.ts'
import type { Budget } from './budget.ts'
import { INDICATORS, type IndicatorDefinition, LATEST_YEAR } from './catalog.ts'
import type { Citable } from './citations.ts'
import { located, type Point, SYNTHETIC_NOTE } from './common.ts'
import { insertRows } from './insert.ts'
import type { Random } from './random.ts'
import type { County } from './world.ts'
import { CITY, type DivisionRef } from './zhaotong.ts'

/** A division that publishes statistics, with its share of the city's people. */
interface Reporter extends Point {
  id: number
  nameZh: string
  share: number
  /** How far its per-person figures and rates sit from the city's. */
  spread: number
  /** Provinces rank cities and counties, not townships. */
  rankedAmong: number | null
}

const SCALE_PREFIX: Record<UnitScale, string> = { ONE: '', TEN_THOUSAND: '万', HUNDRED_MILLION: '亿' }

/**
 * Synthetic series get codes of their own (synthetic_gdp), so they never merge with a real series of
 * the same division, whichever seed runs first.
 */
export const SYNTHETIC_CODE_PREFIX = 'synthetic_'
const codeOf = (definition: IndicatorDefinition) => SYNTHETIC_CODE_PREFIX + definition.code

/**
 * Yearly indicators, until the budget is spent: every indicator for the city, then for the counties,
 * then the township-level ones for the townships.
 */
export async function seedIndicators(
  prisma: PrismaClient,
  rng: Random,
  budget: Budget,
  city: DivisionRef,
  world: County[],
  cite: Citable[],
): Promise<{ indicators: number; observations: number }> {
  const population = world.reduce((sum, county) => sum + county.info.population, 0)
  const cityReporter: Reporter = {
    id: city.id,
    nameZh: CITY.nameZh,
    lat: CITY.seat[0],
    lon: CITY.seat[1],
    share: 1,
    spread: 0,
    rankedAmong: 16,
  }
  const countyReporters = world.map((county) => ({
    id: county.ref.id,
    nameZh: county.info.nameZh,
    lat: county.lat,
    lon: county.lon,
    share: county.info.population / population,
    spread: 0.12,
    rankedAmong: 129,
  }))
  const townshipReporters = world.flatMap((county) => {
    const weight = county.townships.reduce((sum, township) => sum + township.weight, 0)
    return county.townships.map((township) => ({
      id: township.id,
      nameZh: township.name.zh,
      lat: township.lat,
      lon: township.lon,
      share: ((county.info.population / population) * township.weight) / weight,
      spread: 0.2,
      rankedAmong: null,
    }))
  })

  // Only an earlier run's indicator whose note someone edited survives the cleanup; skip those.
  const existing = new Set(
    (
      await prisma.indicator.findMany({
        where: { code: { startsWith: SYNTHETIC_CODE_PREFIX } },
        select: { code: true, divisionId: true },
      })
    ).map((row) => `${row.code}|${row.divisionId}`),
  )
  const pairs: { definition: IndicatorDefinition; reporter: Reporter }[] = []
  // The city's whole set first (variety for small data sets), then county by county, then townships.
  const tiers = [
    { definitions: INDICATORS, reporters: [cityReporter] },
    { definitions: INDICATORS, reporters: countyReporters },
    { definitions: INDICATORS.filter((definition) => definition.townships), reporters: townshipReporters },
  ]
  for (const { definitions, reporters } of tiers) {
    for (const definition of definitions) {
      for (const reporter of reporters) {
        if (pairs.length < budget.indicators && !existing.has(`${codeOf(definition)}|${reporter.id}`)) {
          pairs.push({ definition, reporter })
        }
      }
    }
  }

  const indicatorRows = pairs.map(
    ({ definition, reporter }): Prisma.IndicatorCreateManyInput => ({
      divisionId: reporter.id,
      code: codeOf(definition),
      nameZh: definition.nameZh,
      nameEn: definition.nameEn,
      unitZh: definition.unitZh,
      unitEn: definition.unitEn,
      scale: definition.scale,
      ...located(reporter),
      note: SYNTHETIC_NOTE,
    }),
  )
  const indicators = await insertRows(prisma, 'Indicator', indicatorRows, ['code', 'divisionId'])

  const firstYear = LATEST_YEAR - budget.years + 1
  const observationRows: Prisma.IndicatorObservationCreateManyInput[] = []
  const observed: { definition: IndicatorDefinition; reporter: Reporter; year: number; value: number }[] = []
  for (const [index, { definition, reporter }] of pairs.entries()) {
    const indicator = indicators[index]
    if (indicator?.code !== codeOf(definition) || indicator.divisionId !== reporter.id) {
      throw new Error(`Inserted indicators came back out of order at ${index}`)
    }
    const { model } = definition
    const factor = 1 + rng.normal(0, reporter.spread)
    const offset = model.kind === 'rate' ? rng.normal(0, reporter.spread * model.base) : 0
    const rank = reporter.rankedAmong && rng.chance(0.4) ? rng.int(1, reporter.rankedAmong) : null
    for (let year = firstYear; year <= LATEST_YEAR; year++) {
      const age = year - LATEST_YEAR
      const raw =
        model.kind === 'amount'
          ? model.base * reporter.share * factor * (1 + model.growth) ** age * (1 + rng.normal(0, 0.02))
          : model.kind === 'level'
            ? model.base * factor * (1 + model.growth) ** age * (1 + rng.normal(0, 0.01))
            : Math.min(
                model.max,
                Math.max(model.min, model.base + offset + model.slope * age + rng.normal(0, model.deviation)),
              )
      const value = Number(Math.max(model.kind === 'rate' ? model.min : 0, raw).toFixed(definition.decimals))
      observed.push({ definition, reporter, year, value })
      observationRows.push({
        indicatorId: indicator.id,
        periodKind: 'YEAR' as const,
        year,
        quarter: null,
        value,
        provincialRank: rank === null ? null : Math.min(reporter.rankedAmong ?? 1, Math.max(1, rank + rng.int(-2, 2))),
        status: year === LATEST_YEAR ? ('PRELIMINARY' as const) : ('FINAL' as const),
      })
    }
  }
  const observations = await insertRows(prisma, 'IndicatorObservation', observationRows, ['indicatorId', 'year'])
  observations.forEach((row, index) => {
    const { definition, reporter, year, value } = observed[index] as (typeof observed)[number]
    const sent = observationRows[index]
    if (sent?.indicatorId !== row.indicatorId || sent.year !== row.year) {
      throw new Error(`Inserted observations came back out of order at ${index}`)
    }
    const statedAs = `${value}${SCALE_PREFIX[definition.scale]}${definition.unitZh}`
    cite.push(() => ({
      indicatorObservationId: row.id,
      field: 'value',
      statedAs,
      qualifier: 'EXACT',
      quote: `${year}年，${reporter.nameZh}${definition.nameZh}${definition.unitZh === '%' ? '为' : '达'}${statedAs}。`,
    }))
  })
  return { indicators: indicators.length, observations: observations.length }
}
