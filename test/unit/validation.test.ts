// parseInput: the one validation every create and update goes through.
import type { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import { recordKind } from '../../server/src/records/errors.ts'
import {
  commonFields,
  count,
  date,
  decimal,
  enumOf,
  type FieldMap,
  ref,
  text,
  textList,
} from '../../server/src/records/fields.ts'
import { encodeGlobalID } from '../../server/src/records/ids.ts'
import { parseInput } from '../../server/src/records/validation.ts'

const hospital: FieldMap = {
  ...commonFields,
  divisionId: ref('Division', 'division', 'Division', { required: true }),
  role: enumOf('HospitalRole', { GENERAL_HOSPITAL: '', TCM_HOSPITAL: '' }, 'Role', { required: true }),
  grade: text(50, 'Grade'),
  plannedBeds: count('Planned beds'),
  specialtyCentres: textList('Centres', 3, 10),
  wage: decimal('Wage'),
  openedOn: date('Opened'),
}

// Messages name a type of record by the Chinese name its family gives (schema/division.ts).
recordKind('Division', '行政区划')

const division = encodeGlobalID('Division', 10)
const valid = { nameZh: '医院', divisionId: division, role: 'GENERAL_HOSPITAL' }

function fieldErrorsOf(run: () => unknown) {
  try {
    run()
  } catch (error) {
    const e = error as GraphQLError
    expect(e.extensions?.code).toBe('BAD_USER_INPUT')
    return {
      message: e.message,
      errors: e.extensions?.fieldErrors as { field: string; code: string; message: string }[],
    }
  }
  throw new Error('expected a BAD_USER_INPUT error')
}

describe('parseInput on create', () => {
  it('returns the data to write, references decoded and every optional field set', () => {
    const openedOn = new Date('2020-01-01')
    expect(
      parseInput(
        hospital,
        { ...valid, nameZh: '  医院  ', plannedBeds: 800, specialtyCentres: [' 心血管 '], wage: '4000.5', openedOn },
        'create',
        'en',
      ),
    ).toEqual({
      nameZh: '医院',
      nameEn: null,
      latitude: null,
      longitude: null,
      datum: null,
      note: null,
      divisionId: 10,
      role: 'GENERAL_HOSPITAL',
      grade: null,
      plannedBeds: 800,
      specialtyCentres: ['心血管'],
      wage: '4000.5',
      openedOn,
    })
  })

  it('requires the required fields, naming each', () => {
    const { errors } = fieldErrorsOf(() => parseInput(hospital, {}, 'create', 'en'))
    expect(errors).toEqual([
      { field: 'nameZh', code: 'required', message: 'Required' },
      { field: 'divisionId', code: 'required', message: 'Required' },
      { field: 'role', code: 'required', message: 'Required' },
    ])
  })

  it('treats a required text of blanks as missing, an optional one as empty', () => {
    const { errors } = fieldErrorsOf(() => parseInput(hospital, { ...valid, nameZh: ' \n ' }, 'create', 'en'))
    expect(errors).toEqual([{ field: 'nameZh', code: 'required', message: 'Required' }])
    expect(parseInput(hospital, { ...valid, grade: '   ' }, 'create', 'en').grade).toBeNull()
  })

  it.each([
    ['a count below 0', { plannedBeds: -1 }, 'plannedBeds', 'too_small'],
    ['a count above 100000000', { plannedBeds: 100_000_001 }, 'plannedBeds', 'too_big'],
    ['a fraction for a count', { plannedBeds: 1.5 }, 'plannedBeds', 'invalid_type'],
    ['a text over its limit', { grade: 'x'.repeat(51) }, 'grade', 'too_big'],
    ['a latitude above 90', { latitude: 90.5 }, 'latitude', 'too_big'],
    ['a longitude below −180', { longitude: -181 }, 'longitude', 'too_small'],
    ['a decimal below its minimum', { wage: '-0.01' }, 'wage', 'too_small'],
    ['an enum value it does not know', { role: 'CLINIC' }, 'role', 'invalid_value'],
    ['too many list items', { specialtyCentres: ['a', 'b', 'c', 'd'] }, 'specialtyCentres', 'too_big'],
    ['a list item over its limit', { specialtyCentres: ['a', 'x'.repeat(11)] }, 'specialtyCentres.1', 'too_big'],
    ['an empty list item', { specialtyCentres: ['  '] }, 'specialtyCentres.0', 'too_small'],
    ['a reference of another type', { divisionId: encodeGlobalID('Settlement', 10) }, 'divisionId', 'invalid_id'],
    ['a reference that is no global ID', { divisionId: 'x' }, 'divisionId', 'invalid_id'],
  ])('refuses %s', (_what, patch, field, code) => {
    const { errors } = fieldErrorsOf(() => parseInput(hospital, { ...valid, ...patch }, 'create', 'en'))
    expect(errors.map((e) => [e.field, e.code])).toEqual([[field, code]])
  })

  it('names every failing field in one error, in English or Chinese', () => {
    const input = { ...valid, nameZh: '', plannedBeds: -1, latitude: 91, divisionId: encodeGlobalID('Hospital', 1) }
    const en = fieldErrorsOf(() => parseInput(hospital, input, 'create', 'en'))
    expect(en.message).toBe('Invalid input: nameZh, latitude, divisionId, plannedBeds')
    expect(en.errors.find((e) => e.field === 'divisionId')?.message).toBe('Not the ID of a Division')
    const zh = fieldErrorsOf(() => parseInput(hospital, input, 'create', 'zh'))
    expect(zh.message).toBe('输入有误：nameZh、latitude、divisionId、plannedBeds')
    expect(zh.errors.map((e) => e.message)).toEqual([
      '必填',
      expect.stringMatching(/[\u4e00-\u9fff].*90/),
      '不是有效的行政区划记录 ID',
      expect.stringMatching(/[\u4e00-\u9fff].*0/),
    ])
  })
})

describe('parseInput on update', () => {
  it('leaves out the fields the input leaves out', () => {
    expect(parseInput(hospital, { plannedBeds: 5 }, 'update', 'en')).toEqual({ plannedBeds: 5 })
  })

  it('clears optional fields given null, lists to empty', () => {
    expect(parseInput(hospital, { grade: null, plannedBeds: null, specialtyCentres: null }, 'update', 'en')).toEqual({
      grade: null,
      plannedBeds: null,
      specialtyCentres: [],
    })
  })

  it('refuses to clear a required field', () => {
    const { errors } = fieldErrorsOf(() => parseInput(hospital, { role: null, nameZh: '' }, 'update', 'zh'))
    expect(errors).toEqual([
      { field: 'nameZh', code: 'required', message: '必填' },
      { field: 'role', code: 'required', message: '必填' },
    ])
  })
})
