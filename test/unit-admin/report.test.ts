import { describe, expect, it } from 'vitest'
import { type Lookup, planImport } from '../../admin/src/import/plan.ts'
import { idsWithoutVersion, mergeReport, serverRows } from '../../admin/src/import/report.ts'
import { resourceApi } from '../../admin/src/providers/resources.ts'
import { hubSchema } from './schema.ts'

const lookup: Lookup = async (_reference, _by, values) =>
  new Map(values.filter((value) => value === '530602').map((value) => [value, ['D-zhaoyang']]))

const plan = await planImport(
  hubSchema,
  resourceApi('hospitals'),
  [
    { nameZh: '新医院', divisionCode: '530602', role: 'GENERAL_HOSPITAL', plannedBeds: '300' },
    { id: 'H1', plannedBeds: '450' },
    { nameZh: '', divisionCode: '999999', role: 'SPECIALTY_HOSPITAL', plannedBeds: '10' },
    { nameZh: '重名医院', divisionCode: '530602', role: 'SPECIALTY_HOSPITAL', plannedBeds: '20' },
  ],
  ['id', 'version', 'nameZh', 'divisionCode', 'role', 'plannedBeds'],
  lookup,
)

describe("the hub's dry run of an import", () => {
  it('gets every row of the file in order, updates with their current version', () => {
    expect(idsWithoutVersion(plan)).toEqual(['H1'])
    const sent = serverRows(plan, new Map([['H1', 7]]))
    expect(sent.lines).toEqual([2, 3, 4, 5])
    expect(sent.rows).toEqual([
      { nameZh: '新医院', divisionId: 'D-zhaoyang', role: 'GENERAL_HOSPITAL', plannedBeds: '300' },
      { id: 'H1', version: 7, plannedBeds: '450' },
      { role: 'SPECIALTY_HOSPITAL', plannedBeds: '10' },
      { nameZh: '重名医院', divisionId: 'D-zhaoyang', role: 'SPECIALTY_HOSPITAL', plannedBeds: '20' },
    ])
  })

  it("merges the hub's reasons with the browser's by line, without repeating a field", () => {
    const sent = serverRows(plan, new Map([['H1', 7]]))
    const merged = mergeReport(
      plan,
      {
        dryRun: true,
        applied: false,
        created: 1,
        updated: 1,
        errors: [
          { row: 3, field: 'nameZh', code: 'required', message: '必填' },
          { row: 3, field: 'divisionId', code: 'required', message: '必填' },
          { row: 4, field: 'nameZh', code: 'unique', message: '名称已存在' },
        ],
      },
      sent.lines,
    )
    expect(merged.creates.map((row) => row.line)).toEqual([2])
    expect(merged.updates.map((row) => row.line)).toEqual([3])
    expect(
      merged.bad.map((row) => [row.line, row.reasons.map((reason) => [reason.column, reason.server ?? false])]),
    ).toEqual([
      [
        4,
        [
          ['divisionCode', false],
          ['nameZh', false],
        ],
      ],
      [5, [['nameZh', true]]],
    ])
  })
})
