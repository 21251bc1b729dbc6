// Indicators and their observations. Natural keys: (code, division) for an indicator, its period for
// an observation.
import { syncCitations } from '../cite.ts'
import type { SeedContext } from '../context.ts'
import { save } from '../save.ts'
import { CARE_INDICATORS } from './care.ts'
import { EMPLOYMENT_INDICATORS } from './employment.ts'
import { HEALTH_EDUCATION_INDICATORS } from './health-education.ts'
import { INCOME_INDICATORS } from './income.ts'
import type { IndicatorSeed, ObservationSeed } from './types.ts'

export const INDICATORS: IndicatorSeed[] = [
  ...INCOME_INDICATORS,
  ...EMPLOYMENT_INDICATORS,
  ...HEALTH_EDUCATION_INDICATORS,
  ...CARE_INDICATORS,
]

export async function seedIndicators(ctx: SeedContext) {
  const { tx, tally } = ctx
  for (const { division, observations, ...fields } of INDICATORS) {
    const data = { divisionId: tally.idOf('division', division), ...fields }
    const key = { code: data.code, divisionId: data.divisionId }
    const found = await tx.indicator.findUnique({ where: { code_divisionId: key } })
    const row = await save(ctx, 'indicator', `${division} ${data.code}`, found, data, {
      create: () => tx.indicator.create({ data }),
      update: (id) => tx.indicator.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
    })
    for (const observation of observations) await seedObservation(ctx, row.id, `${division} ${data.code}`, observation)
  }
}

async function seedObservation(ctx: SeedContext, indicatorId: number, indicatorKey: string, seed: ObservationSeed) {
  const { tx } = ctx
  const { cites, ...fields } = seed
  const data = { indicatorId, ...fields }
  // The unique key treats a null quarter as a value (NULLS NOT DISTINCT), which Prisma's typed
  // where-unique input cannot express, hence findFirst.
  const found = await tx.indicatorObservation.findFirst({
    where: { indicatorId, periodKind: data.periodKind, year: data.year, quarter: data.quarter },
  })
  const period = `${data.periodKind} ${data.year}${data.quarter ? ` Q${data.quarter}` : ''}`
  const row = await save(ctx, 'indicatorObservation', `${indicatorKey} ${period}`, found, data, {
    create: () => tx.indicatorObservation.create({ data }),
    update: (id) => tx.indicatorObservation.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
  })
  await syncCitations(ctx, { indicatorObservationId: row.id }, cites)
}
