import { z } from 'zod'
import { builder } from '../builder.ts'
import { addRecordApi } from '../records/api.ts'
import { defineFamily, nodeOptions, recordFields, relatedRecords } from '../records/family.ts'
import { count, date, decimal, int, ref, text } from '../records/fields.ts'
import { idsOf } from '../records/nested.ts'

export const industrialParks = defineFamily({
  typename: 'IndustrialPark',
  plural: 'industrialParks',
  labelZh: '产业园区',
  description: 'Industrial parks (产业园区), often built to employ settlement residents.',
  within: 'relation',
  yearField: 'openedOn',
  fields: {
    divisionId: ref('Division', 'division', 'The division the park is in.', { required: true }),
    phase: int('Construction phase the figures describe (1 = 一期).', 1, 20),
    areaMu: decimal('Land area in mu (亩; 1 亩 ≈ 666.7 m²).'),
    settledEnterprises: count('Enterprises settled in the park (入驻企业).'),
    directJobs: count('Jobs the park provides directly (直接吸纳就业).'),
    managingBody: text(200, 'Body that manages the park (管理委员会).'),
    openedOn: date('When the park (phase) opened.'),
  },
  nestedSchemas: { supportedSettlementIds: z.array(z.string().describe('Global ID of a Settlement')) },
  extraInputFields: (t) => ({
    supportedSettlementIds: t.idList({
      description: 'Settlements the park supports (global IDs); on update, replaces the list.',
    }),
  }),
  nestedData(input, mode, ctx) {
    if (input.supportedSettlementIds == null) return {}
    const ids = idsOf(input.supportedSettlementIds, 'Settlement', 'supportedSettlementIds', ctx.locale)
    const links = ids.map((id) => ({ id }))
    return { supportedSettlements: mode === 'create' ? { connect: links } : { set: links } }
  },
})

builder.prismaNode('IndustrialPark', {
  ...nodeOptions(industrialParks),
  description: 'An industrial park (产业园区).',
  fields: (t) => ({
    ...recordFields(t, industrialParks),
    division: t.relation('division', { description: 'The division the park is in.' }),
    enterprises: relatedRecords(t, 'enterprises', 'Enterprise', 'Enterprises settled in the park.'),
    supportedSettlements: relatedRecords(
      t,
      'supportedSettlements',
      'Settlement',
      'Settlements whose residents the park employs.',
    ),
  }),
})

addRecordApi(industrialParks)
