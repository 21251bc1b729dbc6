import { z } from 'zod'
import { builder } from '../builder.ts'
import { addRecordApi } from '../records/api.ts'
import { defineFamily, nodeOptions, recordFields } from '../records/family.ts'
import { enumOf, ref, text } from '../records/fields.ts'
import { parseList } from '../records/nested.ts'
import { periodKey, uniquePeriods } from '../rules/periods.ts'
import { ObservationStatus, PeriodKind, UnitScale } from './enums.ts'

const ObservationInput = builder.inputType('IndicatorObservationInput', {
  description: 'One value of an indicator for one period.',
  fields: (t) => ({
    periodKind: t.field({ type: PeriodKind.ref, required: true, description: 'Kind of period.' }),
    year: t.int({ required: true, description: 'Year of the period (1949–2100).' }),
    quarter: t.int({ description: 'Last quarter covered (1–4), for quarterly and year-to-quarter periods.' }),
    value: t.field({ type: 'Decimal', required: true, description: "Value in the indicator's unit and scale." }),
    provincialRank: t.int({ description: 'Rank among the prefectures of the province (1 = first).' }),
    status: t.field({ type: ObservationStatus.ref, description: 'PRELIMINARY or FINAL (default FINAL).' }),
  }),
})

const quarterRule = {
  zh: '季度期间必须填写季度（1–4），其他期间不填',
  en: 'quarter is required (1–4) for quarterly periods and must be empty otherwise',
}

const observationSchema = (locale: 'zh' | 'en') =>
  z
    .object({
      periodKind: z.enum(Object.keys(PeriodKind.values) as [keyof typeof PeriodKind.values]),
      year: z.number().int().min(1949).max(2100),
      quarter: z.number().int().min(1).max(4).nullish(),
      value: z.string(),
      provincialRank: z.number().int().min(1).max(100).nullish(),
      status: z.enum(['PRELIMINARY', 'FINAL']).nullish(),
    })
    .refine((o) => (o.periodKind === 'QUARTER' || o.periodKind === 'YEAR_TO_QUARTER') === (o.quarter != null), {
      message: quarterRule[locale],
      path: ['quarter'],
    })

function parseObservations(observations: unknown[], locale: 'zh' | 'en') {
  return uniquePeriods(parseList(observationSchema(locale), observations, 'observations', locale), locale)
}

export const indicators = defineFamily({
  typename: 'Indicator',
  plural: 'indicators',
  labelZh: '统计指标',
  description: 'Statistical indicators, each a time series of one division.',
  within: 'relation',
  fields: {
    divisionId: ref('Division', 'division', 'The division the series describes.', { required: true }),
    code: text(100, 'Stable code shared by all divisions (e.g. rural_income_growth).', { required: true }),
    unitZh: text(50, 'Unit in Chinese (e.g. 人, 元, %).', { required: true, sort: false }),
    unitEn: text(50, 'Unit in English.', { sort: false }),
    scale: enumOf('UnitScale', UnitScale.values, 'Scale of the values (万, 亿); ONE when omitted.', {
      defaultValue: 'ONE',
    }),
  },
  nestedSchemas: { observations: z.array(observationSchema('en')) },
  // Observations belong to reporting periods, which can be locked once published.
  periodPart: 'IndicatorObservation',
  extraInputFields: (t) => ({
    observations: t.field({
      type: [ObservationInput],
      description: 'The series; on update, periods not listed are removed and listed ones created or changed.',
    }),
  }),
  // Validated with the record's own fields, so every error is reported at once; written in afterWrite.
  nestedData(input, _mode, ctx) {
    if (input.observations != null) parseObservations(input.observations, ctx.locale)
    return {}
  },
  // Observations are matched by period so the citations of unchanged periods survive an edit.
  async afterWrite({ tx, id, input, ctx }) {
    if (input.observations == null) return
    const wanted = parseObservations(input.observations, ctx.locale)
    const existing = await tx.indicatorObservation.findMany({ where: { indicatorId: id } })
    const byKey = new Map(existing.map((o: { id: number }) => [periodKey(o as never), o]))
    for (const observation of wanted) {
      const data = { ...observation, quarter: observation.quarter ?? null, status: observation.status ?? 'FINAL' }
      const match = byKey.get(periodKey(observation)) as { id: number } | undefined
      if (match) {
        await tx.indicatorObservation.update({ where: { id: match.id }, data: { ...data, version: { increment: 1 } } })
        byKey.delete(periodKey(observation))
      } else {
        await tx.indicatorObservation.create({ data: { ...data, indicatorId: id } })
      }
    }
    const stale = [...byKey.values()].map((o) => (o as { id: number }).id)
    if (stale.length > 0) await tx.indicatorObservation.deleteMany({ where: { id: { in: stale } } })
  },
})

builder.prismaNode('IndicatorObservation', {
  id: { field: 'id' },
  nullable: true,
  authScopes: { readType: 'IndicatorObservation' },
  description: 'One value of an indicator for one period.',
  fields: (t) => ({
    periodKind: t.expose('periodKind' as never, { type: PeriodKind.ref, description: 'Kind of period.' }),
    year: t.exposeInt('year', { description: 'Year of the period.' }),
    quarter: t.exposeInt('quarter', { nullable: true, description: 'Last quarter covered, for quarterly periods.' }),
    value: t.expose('value', { type: 'Decimal', description: "Value in the indicator's unit and scale." }),
    provincialRank: t.exposeInt('provincialRank', { nullable: true, description: 'Rank in the province.' }),
    status: t.expose('status' as never, { type: ObservationStatus.ref, description: 'Preliminary or final.' }),
    version: t.exposeInt('version', { description: 'Increases with every change.' }),
    indicator: t.relation('indicator', { description: 'The indicator this value belongs to.' }),
    citations: t.relation('citations', {
      description: 'Where the value comes from.',
      query: { orderBy: { id: 'asc' } },
    }),
  }),
})

builder.prismaNode('Indicator', {
  ...nodeOptions(indicators),
  description: 'A statistical indicator of one division: a time series of observations.',
  fields: (t) => ({
    ...recordFields(t, indicators, { citations: false }),
    division: t.relation('division', { description: 'The division the series describes.' }),
    observations: t.relation('observations', {
      description: 'The series, oldest period first.',
      query: { orderBy: [{ year: 'asc' }, { quarter: { sort: 'asc', nulls: 'first' } }] },
    }),
  }),
})

addRecordApi(indicators)
