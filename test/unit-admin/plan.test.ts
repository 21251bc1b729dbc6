import { describe, expect, it } from 'vitest'
import { csvColumns } from '../../admin/src/import/columns.ts'
import { type Lookup, planImport } from '../../admin/src/import/plan.ts'
import { resourceApi } from '../../admin/src/providers/resources.ts'
import { hubSchema } from './schema.ts'

const divisions: Record<string, string[]> = { '530602': ['D-zhaoyang'], 昭阳区: ['D-zhaoyang'], 新村: ['D-a', 'D-b'] }
const lookup: Lookup = async (_reference, _by, values) =>
  new Map(values.filter((value) => divisions[value]).map((value) => [value, divisions[value] as string[]]))

describe('CSV columns', () => {
  it('offer an ID, a code and a name for the division', () => {
    const names = csvColumns(hubSchema, resourceApi('hospitals')).map((column) => column.name)
    expect(names.slice(0, 2)).toEqual(['id', 'version'])
    expect(names).toEqual(expect.arrayContaining(['divisionId', 'divisionCode', 'divisionName', 'plannedBeds', 'role']))
  })
})

describe('the import dry run', () => {
  const headers = ['id', 'version', 'nameZh', 'divisionCode', 'divisionName', 'role', 'plannedBeds', 'specialtyCentres']

  it('sorts rows into creates, updates and bad rows with reasons', async () => {
    const plan = await planImport(
      hubSchema,
      resourceApi('hospitals'),
      [
        {
          nameZh: '新医院',
          divisionCode: '530602',
          role: 'GENERAL_HOSPITAL',
          plannedBeds: '300',
          specialtyCentres: '心血管|肿瘤',
        },
        { id: 'H1', version: '2', plannedBeds: '450' },
        { nameZh: '', divisionCode: '999999', role: 'CLINIC', plannedBeds: '-1' },
        { nameZh: '重名', divisionName: '新村', role: 'TCM_HOSPITAL' },
      ],
      [...headers, 'colour'],
      lookup,
    )
    expect(plan.unknownColumns).toEqual(['colour'])
    expect(plan.creates).toEqual([
      {
        line: 2,
        data: {
          nameZh: '新医院',
          divisionId: 'D-zhaoyang',
          role: 'GENERAL_HOSPITAL',
          plannedBeds: '300',
          specialtyCentres: ['心血管', '肿瘤'],
        },
      },
    ])
    expect(plan.updates).toEqual([{ line: 3, id: 'H1', version: 2, data: { plannedBeds: '450' } }])
    const bad = Object.fromEntries(
      plan.bad.map((row) => [row.line, row.reasons.map((reason) => [reason.column, reason.problem.message])]),
    )
    expect(bad[4]).toEqual(
      expect.arrayContaining([
        ['nameZh', 'ra.validation.required'],
        ['divisionCode', 'hub.import.unknownReference'],
        ['role', 'ra.validation.oneOf'],
        ['plannedBeds', 'ra.validation.minValue'],
      ]),
    )
    expect(bad[5]).toEqual([['divisionName', 'hub.import.ambiguousReference']])
  })

  it('checks nested JSON lists against their input type', async () => {
    const plan = await planImport(
      hubSchema,
      resourceApi('careFacilities'),
      [
        {
          nameZh: '食堂',
          divisionCode: '530602',
          kind: 'ELDERLY_CANTEEN',
          targetGroup: 'ELDERLY',
          prices: '[{"minAge":60,"priceYuan":"5","unitZh":"一餐"}]',
        },
        {
          nameZh: '食堂二',
          divisionCode: '530602',
          kind: 'ELDERLY_CANTEEN',
          targetGroup: 'ELDERLY',
          prices: '[{"minAge":200}]',
        },
        { nameZh: '食堂三', divisionCode: '530602', kind: 'ELDERLY_CANTEEN', targetGroup: 'ELDERLY', prices: '{oops' },
      ],
      ['nameZh', 'divisionCode', 'kind', 'targetGroup', 'prices'],
      lookup,
    )
    expect(plan.creates.map((row) => row.line)).toEqual([2])
    expect(plan.bad.map((row) => [row.line, row.reasons[0]?.problem.message])).toEqual([
      [3, 'ra.validation.maxValue'],
      [4, 'hub.import.badJson'],
    ])
  })
})
