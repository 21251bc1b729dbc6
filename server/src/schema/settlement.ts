import { builder } from '../builder.ts'
import { addRecordApi } from '../records/api.ts'
import { defineFamily, nodeOptions, recordFields, relatedRecords } from '../records/family.ts'
import { count, date, ref } from '../records/fields.ts'

/** Population figures settlements and their communities share. */
export const populationFields = {
  relocatedPopulation: count('Relocated residents (搬迁群众).'),
  households: count('Relocated households (户).'),
  elderly: count('Residents aged 60 and over (老年人).'),
  leftBehindElderly: count('Left-behind elderly (留守老人).'),
  children: count('Children (儿童).'),
  openedOn: date('When residents moved in.'),
}

export const settlements = defineFamily({
  typename: 'Settlement',
  plural: 'settlements',
  labelZh: '安置区',
  description: 'Relocation settlements for poverty alleviation (易地扶贫搬迁安置区).',
  within: 'relation',
  yearField: 'openedOn',
  fields: {
    divisionId: ref('Division', 'division', 'The division the settlement is in.', { required: true }),
    ...populationFields,
  },
})

builder.prismaNode('Settlement', {
  ...nodeOptions(settlements),
  description: 'A relocation settlement (易地扶贫搬迁安置区).',
  fields: (t) => ({
    ...recordFields(t, settlements),
    division: t.relation('division', { description: 'The division the settlement is in.' }),
    communities: relatedRecords(t, 'communities', 'Community', 'Communities of the settlement.'),
    schools: relatedRecords(t, 'schools', 'School', 'Schools serving the settlement.'),
    careFacilities: relatedRecords(t, 'careFacilities', 'CareFacility', 'Care facilities of the settlement.'),
    supportingParks: relatedRecords(
      t,
      'supportingParks',
      'IndustrialPark',
      'Industrial parks built to employ its residents.',
    ),
  }),
})

addRecordApi(settlements)
