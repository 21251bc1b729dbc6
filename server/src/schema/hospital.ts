import { builder } from '../builder.ts'
import { addRecordApi } from '../records/api.ts'
import { defineFamily, nodeOptions, recordFields } from '../records/family.ts'
import { count, date, enumOf, ref, text, textList } from '../records/fields.ts'
import { HospitalRole } from './enums.ts'

export const hospitals = defineFamily({
  typename: 'Hospital',
  plural: 'hospitals',
  labelZh: '医院',
  description: 'Hospitals and health centres.',
  within: 'relation',
  yearField: 'openedOn',
  fields: {
    divisionId: ref('Division', 'division', 'The division the hospital is in.', { required: true }),
    role: enumOf('HospitalRole', HospitalRole.values, 'Role in the health system.', { required: true }),
    grade: text(50, 'Grade under the national hospital grading (e.g. 三级甲等), when known.', { sort: false }),
    plannedBeds: count('Beds planned when fully built (规划床位).'),
    openBeds: count('Beds open today (开放床位).'),
    specialtyCentres: textList('Specialty centres built or being built (e.g. 心血管, 肿瘤).'),
    managingInstitution: text(200, 'Institution that runs the hospital under a management agreement (托管).'),
    managedSince: date('Since when the managing institution runs it.'),
    advancedTechniques: count('Complex diagnostic and treatment techniques introduced (高难度诊疗技术).'),
    newTechniques: count('Techniques new to the region (区域新技术).'),
    contactPhone: text(40, 'Contact telephone.', { restricted: true, sort: false, filter: false }),
    patientsReturned: count('Patients who had sought care outside the city and now are treated here.'),
    openedOn: date('When the hospital (or its first phase) opened.'),
  },
})

builder.prismaNode('Hospital', {
  ...nodeOptions(hospitals),
  description: 'A hospital or health centre.',
  fields: (t) => ({
    ...recordFields(t, hospitals),
    division: t.relation('division', { description: 'The division the hospital is in.' }),
  }),
})

addRecordApi(hospitals)
