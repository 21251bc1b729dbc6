import { builder } from '../builder.ts'
import { addRecordApi } from '../records/api.ts'
import { defineFamily, link, nodeOptions, recordFields, relatedRecords } from '../records/family.ts'
import { ref } from '../records/fields.ts'
import { populationFields } from './settlement.ts'

export const communities = defineFamily({
  typename: 'Community',
  plural: 'communities',
  labelZh: '安置社区',
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
  ...nodeOptions(communities),
  description: 'A community (社区) of a relocation settlement.',
  fields: (t) => ({
    ...recordFields(t, communities),
    division: t.relation('division', { description: 'The division the community is in.' }),
    settlement: link(t, 'settlement', 'Settlement', 'The settlement it belongs to.', true),
    careFacilities: relatedRecords(t, 'careFacilities', 'CareFacility', 'Care facilities of the community.'),
    enterprises: relatedRecords(t, 'enterprises', 'Enterprise', 'Workshops and enterprises in the community.'),
  }),
})

addRecordApi(communities)
