import { builder } from '../builder.ts'
import { addRecordApi } from '../records/api.ts'
import { defineFamily, link, nodeOptions, recordFields } from '../records/family.ts'
import { count, date, enumOf, ref, text } from '../records/fields.ts'
import { SchoolStage } from './enums.ts'

export const schools = defineFamily({
  typename: 'School',
  plural: 'schools',
  labelZh: '学校',
  description: 'Schools and kindergartens.',
  within: 'relation',
  yearField: 'openedOn',
  fields: {
    divisionId: ref('Division', 'division', 'The division the school is in.', { required: true }),
    settlementId: ref('Settlement', 'settlement', 'The settlement the school serves.'),
    stage: enumOf('SchoolStage', SchoolStage.values, 'Stage of education.', { required: true }),
    contactPhone: text(40, 'Contact telephone.', { restricted: true, sort: false, filter: false }),
    seats: count('School places (学位).'),
    openedOn: date('When the school opened.'),
  },
})

builder.prismaNode('School', {
  ...nodeOptions(schools),
  description: 'A school or kindergarten.',
  fields: (t) => ({
    ...recordFields(t, schools),
    division: t.relation('division', { description: 'The division the school is in.' }),
    settlement: link(t, 'settlement', 'Settlement', 'The settlement it serves.', true),
  }),
})

addRecordApi(schools)
