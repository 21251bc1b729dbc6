import { describe, expect, it } from 'vitest'
import type { ImportPlan } from '../../admin/src/import/plan.ts'
import { type ImportReport, mergeReport, serverRows } from '../../admin/src/import/report.ts'

const plan: ImportPlan = {
  creates: [
    { line: 2, data: { nameZh: '新医院', divisionId: 'D-zhaoyang', role: 'GENERAL_HOSPITAL', plannedBeds: 300 } },
    { line: 5, data: { nameZh: '重名医院', divisionId: 'D-zhaoyang', role: 'SPECIALTY_HOSPITAL', plannedBeds: 20 } },
  ],
  updates: [{ line: 3, id: 'H1', version: 7, data: { plannedBeds: 450 } }],
  unchanged: [6],
  bad: [
    {
      line: 4,
      data: { role: 'SPECIALTY_HOSPITAL', plannedBeds: 10, divisionId: undefined },
      reasons: [
        { column: '所在区划代码', field: 'divisionId', problem: { message: 'hub.import.unknownReference' } },
        { column: '中文名称', field: 'nameZh', problem: { message: 'ra.validation.required' } },
      ],
    },
  ],
  unknownColumns: [],
  repeatedColumns: [],
  fieldHeaders: { nameZh: '中文名称', divisionId: '所在区划代码', plannedBeds: '规划床位' },
}

type Issues = ImportReport['errors']

/** The plan after the hub's dry run of its rows found these errors and warnings. */
const afterDryRun = (errors: Issues, warnings: Issues = []) =>
  mergeReport(plan, { dryRun: true, applied: false, created: 0, updated: 0, errors, warnings }, serverRows(plan).lines)

describe("the hub's dry run of an import", () => {
  it('gets every row that would write, in file order, updates at their version', () => {
    const sent = serverRows(plan)
    expect(sent.lines).toEqual([2, 3, 4, 5])
    expect(sent.rows).toEqual([
      { nameZh: '新医院', divisionId: 'D-zhaoyang', role: 'GENERAL_HOSPITAL', plannedBeds: 300 },
      { id: 'H1', version: 7, plannedBeds: 450 },
      { role: 'SPECIALTY_HOSPITAL', plannedBeds: 10 },
      { nameZh: '重名医院', divisionId: 'D-zhaoyang', role: 'SPECIALTY_HOSPITAL', plannedBeds: 20 },
    ])
  })

  it("merges the hub's reasons with the browser's by line, without repeating a field", () => {
    const merged = afterDryRun(
      [
        { row: 3, field: 'nameZh', code: 'required', message: '必填' },
        { row: 3, field: 'divisionId', code: 'required', message: '必填' },
        { row: 4, field: 'nameZh', code: 'unique', message: '名称已存在' },
      ],
      [
        { row: 1, field: 'nameEn', code: 'MISSING_ENGLISH_NAME', message: '新医院没有英文名称。' },
        { row: 3, field: 'nameEn', code: 'MISSING_ENGLISH_NAME', message: '没有英文名称。' },
      ],
    )
    // The quality warnings of rows that would be written, by line; a refused row's are moot.
    expect(merged.warnings).toEqual([{ line: 2, code: 'MISSING_ENGLISH_NAME', message: '新医院没有英文名称。' }])
    expect(merged.creates.map((row) => row.line)).toEqual([2])
    expect(merged.updates.map((row) => row.line)).toEqual([3])
    expect(merged.unchanged).toEqual([6])
    expect(
      merged.bad.map((row) => [row.line, row.reasons.map((reason) => [reason.column, reason.server ?? false])]),
    ).toEqual([
      [
        4,
        [
          ['所在区划代码', false],
          ['中文名称', false],
        ],
      ],
      // The hub's reason under the file's own header, as the browser's are.
      [5, [['中文名称', true]]],
    ])
  })

  it("names a field the file has no column for as the hub does, and keeps a nested field's path", () => {
    const merged = afterDryRun([
      { row: 1, field: 'code', code: 'unique', message: '已有其他记录使用该值。' },
      { row: 1, field: 'plannedBeds.0', code: 'too_small', message: '太小' },
    ])
    expect(merged.bad.find((row) => row.line === 2)?.reasons.map((reason) => reason.column)).toEqual([
      'code',
      '规划床位.0',
    ])
  })
})
