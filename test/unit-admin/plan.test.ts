import { describe, expect, it } from 'vitest'
import type { Cell } from '../../admin/src/import/cells.ts'
import { layoutOf, matchHeaders } from '../../admin/src/import/layout.ts'
import { planImport, sameValue } from '../../admin/src/import/plan.ts'
import type { FindRecords, RefRecord } from '../../admin/src/import/references.ts'
import { globalId, resourceApi } from '../../admin/src/providers/resources.ts'
import { languages } from './languages.ts'
import { hubSchema } from './schema.ts'

const DIVISIONS: RefRecord[] = [
  { id: 'D-city', nameZh: '昭通市', code: '530600', parentId: null, level: 'CITY' },
  { id: 'D-sj', nameZh: '绥江县', code: '530626', parentId: 'D-city', level: 'COUNTY' },
  { id: 'D-ld', nameZh: '鲁甸县', code: '530621', parentId: 'D-city', level: 'COUNTY' },
  { id: 'D-zc', nameZh: '中城镇', code: null, parentId: 'D-sj', level: 'TOWN' },
  { id: 'D-zc2', nameZh: '中城镇', code: null, parentId: 'D-ld', level: 'TOWN' },
  { id: 'D-fx', nameZh: '福兴社区', code: null, parentId: 'D-zc', level: 'COMMUNITY' },
]

/** The records a file may name, found as the hub would: by code or Chinese name. */
const find: FindRecords = async (reference, by, values) =>
  reference === 'divisions' ? DIVISIONS.filter((division) => values.includes(String(division[by]))) : []

const hospitals = resourceApi('hospitals')
const careFacilities = resourceApi('careFacilities')
const H1 = globalId('Hospital', 1)
const existing = {
  id: H1,
  version: 3,
  nameZh: '绥江县人民医院',
  divisionId: 'D-sj',
  role: 'GENERAL_HOSPITAL',
  plannedBeds: 450,
  specialtyCentres: ['心血管', '肿瘤'],
}
const current = async (ids: string[]) => new Map(ids.filter((id) => id === H1).map((id) => [id, existing]))

const plan = (api: typeof hospitals, headers: string[], rows: Cell[][]) =>
  planImport({ schema: hubSchema, api, languages, headers, rows, find, current })

describe('file columns', () => {
  it('are headed by the labels the console shows, the record number first', () => {
    const columns = layoutOf(hubSchema, hospitals, languages)
    expect(columns.slice(0, 6).map((column) => column.headers.zh)).toEqual([
      '编号',
      '中文名称',
      '英文名称',
      '所在区划',
      '所在区划代码',
      '所在区划 ID',
    ])
    expect(columns.at(-1)?.headers).toEqual({ zh: '版本', en: 'Version' })
    expect(columns.find((column) => column.field === 'plannedBeds')?.headers).toEqual({
      zh: '规划床位',
      en: 'Planned beds',
    })
  })

  it('are found by label in either language, by field name, and despite full-width brackets or a star', () => {
    const columns = layoutOf(hubSchema, careFacilities, languages)
    const match = matchHeaders(columns, ['中文名称*', 'Division code', 'floorAreaM2', '建筑面积(平方米)', '颜色', ' '])
    expect(match.columns.map((column) => column?.key)).toEqual([
      'nameZh',
      'divisionCode',
      'floorAreaM2',
      undefined,
      undefined,
      undefined,
    ])
    expect(match.repeated).toEqual(['建筑面积(平方米)'])
    expect(match.unknown).toEqual(['颜色'])
  })
})

describe('the import dry run in the browser', () => {
  it('reads Chinese headers, labels in either language, and divisions by code, name or path', async () => {
    const result = await plan(
      hospitals,
      ['中文名称', '所在区划', '所在区划代码', '类型', '规划床位', '专科中心', '启用日期'],
      [
        ['新医院一', '', '530626', '综合医院', 300, '心血管|肿瘤', new Date(Date.UTC(2022, 6, 1))],
        ['新医院二', '绥江县/中城镇/福兴社区', '', 'Specialty hospital', '1,200', '', '2022年7月1日'],
        ['新医院三', '中城镇', '', 'GENERAL_HOSPITAL', '', '', ''],
        ['新医院四', '绥江县/新城镇', '', '乡镇卫生院', '-1', '', ''],
      ],
    )
    expect(result.creates).toEqual([
      {
        line: 2,
        title: '新医院一',
        data: {
          nameZh: '新医院一',
          divisionId: 'D-sj',
          role: 'GENERAL_HOSPITAL',
          plannedBeds: 300,
          specialtyCentres: ['心血管', '肿瘤'],
          openedOn: '2022-07-01',
        },
      },
      {
        line: 3,
        title: '新医院二',
        data: {
          nameZh: '新医院二',
          divisionId: 'D-fx',
          role: 'SPECIALTY_HOSPITAL',
          plannedBeds: 1200,
          openedOn: '2022-07-01',
        },
      },
    ])
    const reasons = Object.fromEntries(
      result.bad.map((row) => [row.line, row.reasons.map((reason) => [reason.column, reason.problem.message])]),
    )
    expect(reasons[4]).toEqual([['所在区划', 'hub.import.ambiguousReference']])
    expect(reasons[5]).toEqual(
      expect.arrayContaining([
        ['所在区划', 'hub.import.unknownReferencePath'],
        ['规划床位', 'ra.validation.minValue'],
      ]),
    )
  })

  it('names the enum values it accepts when a label is unknown', async () => {
    const result = await plan(hospitals, ['nameZh', 'divisionCode', 'role'], [['医院', '530626', '大医院']])
    expect(result.bad[0]?.reasons[0]?.problem).toMatchObject({
      message: 'ra.validation.oneOf',
      args: { options: expect.stringContaining('综合医院') },
    })
  })

  it('updates only the cells that differ, and leaves rows that change nothing', async () => {
    const result = await plan(
      hospitals,
      ['编号', '中文名称', '所在区划', '所在区划代码', '类型', '规划床位', '专科中心', '版本'],
      [
        [1, '绥江县人民医院', '绥江县', '530626', '综合医院', 450, '心血管|肿瘤', 3],
        [1, '绥江县人民医院', '绥江县', '530626', '综合医院', '500', '心血管 | 肿瘤', 3],
        [99, '不存在的医院', '', '', '', '', '', ''],
      ],
    )
    expect(result.unchanged).toEqual([2])
    expect(result.updates).toEqual([
      { line: 3, id: H1, version: 3, title: '绥江县人民医院', data: { plannedBeds: 500 } },
    ])
    expect(result.bad.map((row) => [row.line, row.reasons[0]?.problem.message])).toEqual([[4, 'hub.import.notFound']])
  })

  it("refuses a template's example row", async () => {
    const result = await plan(
      hospitals,
      ['中文名称', '所在区划代码', '类型'],
      [['示例：绥江县人民医院', '530626', '综合医院']],
    )
    expect(result.bad[0]?.reasons.map((reason) => reason.problem.message)).toEqual(['hub.import.exampleRow'])
  })

  it('reads nested lists as readable text or JSON, and checks them against their input type', async () => {
    const result = await plan(
      careFacilities,
      ['中文名称', '所在区划代码', '类型', '服务对象', '收费标准'],
      [
        [
          '食堂',
          '530626',
          '老年幸福食堂',
          '老年人',
          '起始年龄：60，价格（元）：5，计价单位：一餐；起始年龄：90，价格（元）：0，计价单位：一餐',
        ],
        ['食堂二', '530626', 'ELDERLY_CANTEEN', 'Elderly', '[{"minAge":200,"priceYuan":"1","unitZh":"一餐"}]'],
        ['食堂三', '530626', 'ELDERLY_CANTEEN', 'ELDERLY', '颜色：红'],
      ],
    )
    expect(result.creates.map((row) => row.data.prices)).toEqual([
      [
        { minAge: 60, priceYuan: '5', unitZh: '一餐' },
        { minAge: 90, priceYuan: '0', unitZh: '一餐' },
      ],
    ])
    expect(result.bad.map((row) => [row.line, row.reasons[0]?.problem.message])).toEqual([
      [3, 'ra.validation.maxValue'],
      [4, 'hub.import.badNested'],
    ])
  })
})

describe('comparing values', () => {
  it('treats decimals, dates and blanks as what they mean', () => {
    const meta = (type: string, extra = {}) => ({ type, kind: 'scalar' as const, ...extra })
    expect(sameValue(hubSchema, meta('Decimal'), '5.50', 5.5)).toBe(true)
    expect(sameValue(hubSchema, meta('Date'), '2022-07-01', '2022-07-01T00:00:00.000Z')).toBe(true)
    expect(sameValue(hubSchema, meta('Int'), null, '')).toBe(true)
    expect(sameValue(hubSchema, meta('Int'), 0, null)).toBe(false)
    expect(sameValue(hubSchema, meta('String', { list: true }), ['a'], ['a', 'b'])).toBe(false)
  })
})
