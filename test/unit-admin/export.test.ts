// Exported files as people read them, and the same file read back: nothing changes.
import { describe, expect, it } from 'vitest'
import { exportFileName } from '../../admin/src/export/filename.ts'
import { recordsTable } from '../../admin/src/export/table.ts'
import { planImport } from '../../admin/src/import/plan.ts'
import { divisionPath, type RefRecord } from '../../admin/src/import/references.ts'
import { globalId, resourceApi } from '../../admin/src/providers/resources.ts'
import { languages } from './languages.ts'
import { hubSchema } from './schema.ts'

const divisions = new Map<string, RefRecord>(
  [
    { id: 'D-city', nameZh: '昭通市', code: '530600', parentId: 'D-yn', level: 'CITY' },
    { id: 'D-sj', nameZh: '绥江县', code: '530626', parentId: 'D-city', level: 'COUNTY' },
    { id: 'D-zc', nameZh: '中城镇', code: null, parentId: 'D-sj', level: 'TOWN' },
    { id: 'D-fx', nameZh: '福兴社区', code: null, parentId: 'D-zc', level: 'COMMUNITY' },
  ].map((division) => [division.id, division]),
)
const related = new Map([['divisions', divisions]])

const canteen = {
  id: globalId('CareFacility', 7),
  version: 2,
  nameZh: '绥江县中城镇福兴社区老年幸福食堂',
  nameEn: null,
  divisionId: 'D-fx',
  kind: 'ELDERLY_CANTEEN',
  targetGroup: 'ELDERLY',
  settlementId: null,
  communityId: null,
  peopleServed: 1237,
  floorAreaM2: '350.50',
  openedOn: '2022-07-01',
  services: ['助餐', '文化娱乐'],
  prices: [
    { minAge: 60, priceYuan: '5.00', unitZh: '一餐', unitEn: 'meal' },
    { minAge: 90, priceYuan: '0', unitZh: '一餐', unitEn: null },
  ],
  latitude: 28.6,
  longitude: null,
  datum: 'WGS84',
  note: null,
}
const api = resourceApi('careFacilities')

describe('an exported table', () => {
  const table = recordsTable(hubSchema, api, languages, [canteen], related, { language: 'zh' })
  const cell = (header: string) => table.rows[0]?.[table.headers.indexOf(header)]

  it('has Chinese headers and labels, typed cells, the division path and code, and no global IDs', () => {
    expect(table.headers).not.toContain('所在区划 ID')
    expect(cell('编号')).toBe(7)
    expect(cell('版本')).toBe(2)
    expect(cell('所在区划')).toBe('绥江县/中城镇/福兴社区')
    expect(cell('类型')).toBe('老年幸福食堂')
    expect(cell('服务对象')).toBe('老年人')
    expect(cell('服务人数')).toBe(1237)
    expect(cell('建筑面积（平方米）')).toBe(350.5)
    expect(cell('启用日期')).toEqual(new Date(Date.UTC(2022, 6, 1)))
    expect(cell('服务项目')).toBe('助餐|文化娱乐')
    expect(cell('收费标准')).toBe(
      '起始年龄：60，价格（元）：5，计价单位：一餐，计价单位（英文）：meal；起始年龄：90，价格（元）：0，计价单位：一餐',
    )
    expect(cell('英文名称')).toBeNull()
  })

  it('in English has English headers and labels', () => {
    const english = recordsTable(hubSchema, api, languages, [canteen], related, { language: 'en', globalIds: true })
    expect(english.headers).toContain('Division ID')
    expect(english.rows[0]?.[english.headers.indexOf('No.')]).toBe(canteen.id)
    expect(english.rows[0]?.[english.headers.indexOf('Kind')]).toBe('Elderly canteen')
  })

  it('read back by the import changes nothing', async () => {
    for (const language of ['zh', 'en'] as const) {
      const file = recordsTable(hubSchema, api, languages, [canteen], related, { language })
      const plan = await planImport({
        schema: hubSchema,
        api,
        languages,
        headers: file.headers,
        rows: file.rows,
        find: async (_reference, by, values) => [...divisions.values()].filter((d) => values.includes(String(d[by]))),
        current: async () => new Map([[canteen.id, canteen]]),
      })
      expect(plan, language).toMatchObject({ creates: [], updates: [], bad: [], unchanged: [2], unknownColumns: [] })
    }
  })
})

describe('round trips of other layouts', () => {
  const find = async (reference: string, by: 'code' | 'nameZh', values: string[]) =>
    [...(reference === 'divisions' ? divisions.values() : settlements)].filter((record) =>
      values.includes(String(record[by])),
    )
  const settlements: RefRecord[] = [
    { id: 'S-1', nameZh: '卯家湾安置区' },
    { id: 'S-2', nameZh: '呢噜坪安置区' },
  ]
  const related = new Map([
    ['divisions', divisions],
    ['settlements', new Map(settlements.map((settlement) => [settlement.id, settlement]))],
  ])

  it.each([
    [
      'indicators',
      {
        id: globalId('Indicator', 3),
        version: 1,
        nameZh: '常住人口',
        code: 'POP',
        divisionId: 'D-sj',
        unitZh: '人',
        scale: 'TEN_THOUSAND',
        observations: [
          { periodKind: 'YEAR', year: 2023, quarter: null, value: '35.47', provincialRank: 5, status: 'FINAL' },
          { periodKind: 'QUARTER', year: 2024, quarter: 1, value: '9.2', provincialRank: null, status: null },
        ],
      },
    ],
    [
      'industrialParks',
      {
        id: globalId('IndustrialPark', 4),
        version: 2,
        nameZh: '纺织服装产业园',
        divisionId: 'D-sj',
        directJobs: 2700,
        supportedSettlementIds: ['S-1', 'S-2'],
      },
    ],
  ])('%s: read back, nothing changes', async (resource, record) => {
    const api = resourceApi(resource)
    for (const language of ['zh', 'en'] as const) {
      const file = recordsTable(hubSchema, api, languages, [record], related, { language })
      const plan = await planImport({
        schema: hubSchema,
        api,
        languages,
        headers: file.headers,
        rows: file.rows,
        find,
        current: async () => new Map([[record.id, record]]),
      })
      expect(plan, `${resource} ${language}`).toMatchObject({ creates: [], updates: [], bad: [], unchanged: [2] })
    }
  })
})

describe('division paths', () => {
  it('start at the county', () => {
    expect(divisionPath('D-fx', divisions)).toBe('绥江县/中城镇/福兴社区')
    expect(divisionPath('D-sj', divisions)).toBe('绥江县')
    expect(divisionPath('D-city', divisions)).toBe('昭通市')
  })
})

describe('file names', () => {
  it('say what, which and when, without characters file systems refuse', () => {
    const date = new Date(2026, 11, 2)
    expect(exportFileName(['一老一小设施', '绥江县'], 'xlsx', date)).toBe('一老一小设施_绥江县_2026-12-02.xlsx')
    expect(exportFileName(['医院', '规划床位≥100', 'a/b:c'], 'csv', date)).toBe(
      '医院_规划床位≥100_a b c_2026-12-02.csv',
    )
  })
})
