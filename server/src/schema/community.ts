import { builder } from '../builder.ts'
import { addRecordApi, defineFamily, recordFields, relatedRecords } from '../records/family.ts'
import { ref } from '../records/fields.ts'
import { populationFields } from './settlement.ts'

export const communities = defineFamily({
  typename: 'Community',
  plural: 'communities',
  description: 'Communities (社区) where relocated residents live.',
  within: 'relation',
  yearField: 'openedOn',
  fields: {
    divisionId: ref('Division', 'division', 'The division the community is in.', { required: true }),
    settlementId: ref('Settlement', 'settlement', 'The settlement the community belongs to.'),
    ...populationFields,
  },
})

builder.prismaNode('Community', {
  id: { field: 'id' },
  // node(id:) answers null for an ID that finds nothing.
  nullable: true,
  description: 'A community (社区) of a relocation settlement.',
  fields: (t) => ({
    ...recordFields(t, communities),
    division: t.relation('division', { description: 'The division the community is in.' }),
    settlement: t.relation('settlement', { nullable: true, description: 'The settlement it belongs to.' }),
    careFacilities: relatedRecords(t, 'careFacilities', 'CareFacility', 'Care facilities of the community.'),
    enterprises: relatedRecords(t, 'enterprises', 'Enterprise', 'Workshops and enterprises in the community.'),
  }),
})

addRecordApi(communities)
