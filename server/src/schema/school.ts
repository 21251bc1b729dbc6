import { builder } from '../builder.ts'
import { addRecordApi, defineFamily, recordFields } from '../records/family.ts'
import { count, date, enumOf, ref } from '../records/fields.ts'
import { SchoolStage } from './enums.ts'

export const schools = defineFamily({
  typename: 'School',
  plural: 'schools',
  description: 'Schools and kindergartens.',
  within: 'relation',
  yearField: 'openedOn',
  fields: {
    divisionId: ref('Division', 'division', 'The division the school is in.', { required: true }),
    settlementId: ref('Settlement', 'settlement', 'The settlement the school serves.'),
    stage: enumOf('SchoolStage', SchoolStage.values, 'Stage of education.', { required: true }),
    seats: count('School places (学位).'),
    openedOn: date('When the school opened.'),
  },
})

builder.prismaNode('School', {
  id: { field: 'id' },
  // node(id:) answers null for an ID that finds nothing.
  nullable: true,
  description: 'A school or kindergarten.',
  fields: (t) => ({
    ...recordFields(t, schools),
    division: t.relation('division', { description: 'The division the school is in.' }),
    settlement: t.relation('settlement', { nullable: true, description: 'The settlement it serves.' }),
  }),
})

addRecordApi(schools)
