import { z } from 'zod'
import { builder } from '../builder.ts'
import { addRecordApi } from '../records/api.ts'
import { defineFamily, link, nodeOptions, recordFields } from '../records/family.ts'
import { count, date, decimal, enumOf, ref, text, textList } from '../records/fields.ts'
import { decimalString, parseList } from '../records/nested.ts'
import { distinctAges } from '../rules/prices.ts'
import { CareFacilityKind, CareTargetGroup } from './enums.ts'

const CarePriceInput = builder.inputType('CarePriceInput', {
  description: 'A price from a minimum age up (e.g. 5 yuan a meal from 60; 0 = free from 90).',
  fields: (t) => ({
    minAge: t.int({ required: true, description: 'Youngest age the price applies to (0–150).' }),
    priceYuan: t.field({ type: 'Decimal', required: true, description: 'Price in yuan; 0 means free.' }),
    unitZh: t.string({ required: true, description: 'What the price buys, in Chinese (e.g. 一餐).' }),
    unitEn: t.string({ description: 'What the price buys, in English (e.g. a meal).' }),
  }),
})

const priceSchema = z.object({
  minAge: z.number().int().min(0).max(150),
  priceYuan: decimalString(0),
  unitZh: z.string().trim().min(1).max(50),
  unitEn: z.string().trim().max(50).nullish(),
})

export const careFacilities = defineFamily({
  typename: 'CareFacility',
  plural: 'careFacilities',
  labelZh: '一老一小设施',
  description: 'Elderly and child care facilities ("一老一小").',
  within: 'relation',
  yearField: 'openedOn',
  fields: {
    divisionId: ref('Division', 'division', 'The division the facility is in.', { required: true }),
    settlementId: ref('Settlement', 'settlement', 'The settlement it serves.'),
    communityId: ref('Community', 'community', 'The community it serves.'),
    kind: enumOf('CareFacilityKind', CareFacilityKind.values, 'Kind of facility.', { required: true }),
    targetGroup: enumOf('CareTargetGroup', CareTargetGroup.values, 'Who it serves.', { required: true }),
    floorAreaM2: decimal('Floor area in square metres.'),
    services: textList('Services offered (e.g. 助餐, 阅览室).'),
    contactPhone: text(40, 'Contact telephone.', { restricted: true, sort: false, filter: false }),
    peopleServed: count('People served (person-times where the source counts visits).'),
    openedOn: date('When it opened.'),
  },
  // Where children gather is not published: exact coordinates of children's homes are restricted.
  restrictCoordinates: {
    when: (facility) => facility.kind === 'CHILDRENS_HOME',
    select: { kind: true },
    where: { kind: 'CHILDRENS_HOME' },
    description: "Restricted for children's homes.",
  },
  nestedSchemas: { prices: z.array(priceSchema) },
  extraInputFields: (t) => ({
    prices: t.field({ type: [CarePriceInput], description: 'Prices by age band; on update, replaces the list.' }),
  }),
  nestedData(input, mode, ctx) {
    if (input.prices == null) return {}
    const prices = distinctAges(parseList(priceSchema, input.prices, 'prices', ctx.locale), ctx.locale)
    return { prices: mode === 'create' ? { create: prices } : { deleteMany: {}, create: prices } }
  },
})

builder.prismaObject('CarePrice', {
  description: 'A price a care facility charges from a minimum age up.',
  fields: (t) => ({
    minAge: t.exposeInt('minAge', { description: 'Youngest age the price applies to.' }),
    priceYuan: t.expose('priceYuan', { type: 'Decimal', description: 'Price in yuan; 0 means free.' }),
    unitZh: t.exposeString('unitZh', { description: 'What the price buys (e.g. 一餐).' }),
    unitEn: t.exposeString('unitEn', { nullable: true, description: 'What the price buys, in English.' }),
  }),
})

builder.prismaNode('CareFacility', {
  ...nodeOptions(careFacilities),
  description: 'An elderly or child care facility.',
  fields: (t) => ({
    ...recordFields(t, careFacilities),
    division: t.relation('division', { description: 'The division the facility is in.' }),
    settlement: link(t, 'settlement', 'Settlement', 'The settlement it serves.', true),
    community: link(t, 'community', 'Community', 'The community it serves.', true),
    prices: t.relation('prices', {
      description: 'Prices by age band, youngest first.',
      query: { orderBy: { minAge: 'asc' } },
    }),
  }),
})

addRecordApi(careFacilities)
