import { describe, expect, it } from 'vitest'
import { nestErrors } from '../../admin/src/providers/errors.ts'
import {
  changedFields,
  createInput,
  deleteManyMutation,
  deleteMutation,
  historyQuery,
  restoreMutation,
  selection,
  toOrderBy,
  toRecord,
  toWhere,
  updateInput,
  updateMutation,
} from '../../admin/src/providers/queries.ts'
import { globalId, resourceApi, resourceOfType } from '../../admin/src/providers/resources.ts'
import { hubSchema } from './schema.ts'

const hospitals = resourceApi('hospitals')
const parks = resourceApi('industrialParks')

describe('the schema description', () => {
  it('reads the limits the hub publishes as data (server/schema.rules.json)', () => {
    expect(hubSchema.inputs.HospitalCreateInput?.plannedBeds).toMatchObject({ min: 0, max: 100_000_000 })
    expect(hubSchema.inputs.HospitalUpdateInput?.plannedBeds).toMatchObject({ min: 0, max: 100_000_000 })
    expect(hubSchema.inputs.HospitalCreateInput?.latitude).toMatchObject({ min: -90, max: 90 })
    expect(hubSchema.inputs.HospitalCreateInput?.nameEn).toMatchObject({ maxLength: 200 })
    expect(hubSchema.inputs.HospitalCreateInput?.specialtyCentres).toMatchObject({ maxItems: 50, maxLength: 200 })
    // Nested lists' items: their own input type.
    expect(hubSchema.inputs.CarePriceInput?.minAge).toMatchObject({ min: 0, max: 150 })
    expect(hubSchema.inputs.IndicatorObservationInput?.year).toMatchObject({ min: 1949, max: 2100 })
  })

  it('knows required inputs and enums', () => {
    expect(hubSchema.inputs.HospitalCreateInput?.nameZh).toMatchObject({ required: true, maxLength: 200 })
    expect(hubSchema.enums.HospitalRole).toContain('GENERAL_HOSPITAL')
  })
})

describe('selections', () => {
  it('lists scalars and references, and adds citations for one record', () => {
    const list = selection(hubSchema, hospitals, 'list')
    expect(list).toContain('plannedBeds')
    expect(list).toContain('division { id }')
    expect(list).not.toContain('citations')
    expect(selection(hubSchema, hospitals, 'one')).toContain(
      'citations { id field statedAs qualifier quote matchesRecord source',
    )
  })

  it('leaves the audit trail to the history tab', () => {
    expect(selection(hubSchema, hospitals, 'one')).not.toContain('history')
    expect(selection(hubSchema, hospitals, 'list')).not.toContain('history')
    expect(historyQuery('Hospital')).toContain('... on Hospital { id version history { id at actorKind actorName')
  })

  it('reads many-to-many IDs through their connection', () => {
    expect(selection(hubSchema, parks, 'one')).toContain('supportedSettlementIds: supportedSettlements(first: 200)')
    expect(selection(hubSchema, parks, 'list')).not.toContain('supportedSettlements')
  })
})

describe('records', () => {
  it('flattens references into IDs', () => {
    const record = toRecord(hubSchema, parks, {
      id: 'P1',
      division: { id: 'D1' },
      supportedSettlementIds: { nodes: [{ id: 'S1' }, { id: 'S2' }] },
    })
    expect(record).toEqual({ id: 'P1', divisionId: 'D1', supportedSettlementIds: ['S1', 'S2'] })
  })

  it('creates with typed values and without empty ones', () => {
    const input = createInput(hubSchema, hospitals, {
      id: 'ignored',
      nameZh: ' 新医院 ',
      nameEn: '',
      plannedBeds: '120',
      divisionId: 'D1',
      role: 'GENERAL_HOSPITAL',
      openedOn: '2024-05-01T00:00:00.000Z',
      specialtyCentres: ['心血管', ''],
      citations: [],
    })
    expect(input).toEqual({
      nameZh: '新医院',
      plannedBeds: 120,
      divisionId: 'D1',
      role: 'GENERAL_HOSPITAL',
      openedOn: '2024-05-01',
      specialtyCentres: ['心血管'],
    })
  })

  it('updates only what changed, and clears with null', () => {
    const previous = { id: 'H1', version: 3, nameZh: '甲', plannedBeds: 100, grade: '三级甲等', divisionId: 'D1' }
    const input = updateInput(hubSchema, hospitals, { ...previous, plannedBeds: 150, grade: '' }, previous)
    expect(input).toEqual({ plannedBeds: 150, grade: null })
  })

  it('keeps nested inputs to their input fields', () => {
    const input = updateInput(
      hubSchema,
      resourceApi('indicators'),
      { observations: [{ id: 'O1', version: 1, periodKind: 'YEAR', year: 2024, value: 5, citations: [] }] },
      undefined,
    )
    expect(input).toEqual({ observations: [{ periodKind: 'YEAR', year: 2024, value: '5' }] })
  })
})

describe('versions', () => {
  it('are required by every change, with an optional reason', () => {
    expect(updateMutation(hubSchema, hospitals)).toContain('$version: Int!')
    expect(updateMutation(hubSchema, hospitals)).toContain('version: $version, input: $input, reason: $reason')
    expect(deleteMutation(hospitals)).toContain('deleteHospital(id: $id, version: $version, reason: $reason)')
    expect(restoreMutation('School')).toContain('restoreSchool(id: $id, version: $version, toVersion: $toVersion')
  })

  it('go with each record of a bulk delete, which answers their versions in the trash (for undo)', () => {
    const document = deleteManyMutation(hospitals, 2)
    expect(document).toContain('$id0: ID!, $v0: Int!, $id1: ID!, $v1: Int!, $reason: String')
    expect(document).toContain('d1: deleteHospital(id: $id1, version: $v1, reason: $reason) { id version }')
  })

  it('name the fields a form changed (for the conflict dialog)', () => {
    const previous = { id: 'H1', version: 3, nameZh: '甲', plannedBeds: 100, openBeds: 10 }
    expect(changedFields(hubSchema, hospitals, { ...previous, plannedBeds: '150', reason: '调整' }, previous)).toEqual([
      'plannedBeds',
    ])
  })
})

describe('record types', () => {
  it('map to resources, and database ids to global IDs as the hub encodes them', () => {
    expect(resourceOfType('CareFacility')).toBe('careFacilities')
    expect(resourceOfType('User')).toBeUndefined()
    expect(globalId('Hospital', 1)).toBe('SG9zcGl0YWw6MQ==')
  })
})

describe('filters', () => {
  it('maps search, subtree, enums, ranges and text', () => {
    const { where, search } = toWhere(hubSchema, hospitals, {
      q: ' 中心 ',
      withinDivision: 'D2',
      role: 'GENERAL_HOSPITAL',
      plannedBeds_gte: '100',
      plannedBeds_lte: 500,
      grade: '三级',
      openedOn_gte: '2020-01-01',
      unknownField: 'x',
      nameEn: '',
    })
    expect(search).toBe('中心')
    expect(where).toEqual({
      withinDivision: 'D2',
      role: { equals: 'GENERAL_HOSPITAL' },
      plannedBeds: { gte: 100, lte: 500 },
      grade: { contains: '三级' },
      openedOn: { gte: '2020-01-01' },
    })
  })

  it('turns a list into `in` and a reference into `equals`', () => {
    expect(toWhere(hubSchema, resourceApi('divisions'), { code_in: ['530602'], parentId: 'D1' }).where).toEqual({
      code: { in: ['530602'] },
      parentId: { equals: 'D1' },
    })
  })

  it('sorts by order fields only', () => {
    expect(toOrderBy(hubSchema, hospitals, { field: 'plannedBeds', order: 'DESC' })).toEqual([
      { field: 'PLANNED_BEDS', direction: 'DESC' },
    ])
    expect(toOrderBy(hubSchema, hospitals, { field: 'id', order: 'ASC' })).toBeUndefined()
    expect(toOrderBy(hubSchema, hospitals, { field: 'role', order: 'ASC' })).toBeUndefined()
  })
})

describe('server field errors', () => {
  it('nest dotted paths for the form', () => {
    expect(
      nestErrors([
        { field: 'plannedBeds', message: '数值过小' },
        { field: 'prices.1.minAge', message: '起始年龄 60 重复' },
      ]),
    ).toEqual({ plannedBeds: '数值过小', prices: { 1: { minAge: '起始年龄 60 重复' } } })
  })
})
