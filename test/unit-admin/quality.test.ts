// The quality page's pure parts: the table of counts per county and rule, the filters' where, a
// record's issues in order; and its messages in both languages.
import { describe, expect, it } from 'vitest'
import qualityEn from '../../admin/src/i18n/quality-en.ts'
import qualityZh from '../../admin/src/i18n/quality-zh.ts'
import { countTable, issuesOf, type QualityData, whereOf } from '../../admin/src/quality/data.ts'

const ludian = { id: 'RGl2aXNpb246Mg==', code: '530621', nameZh: '鲁甸县', nameEn: 'Ludian County' }
const zhaoyang = { id: 'RGl2aXNpb246MQ==', code: '530602', nameZh: '昭阳区', nameEn: 'Zhaoyang District' }

const data: QualityData['dataQualityIssues'] = {
  totalCount: 6,
  pageInfo: { hasNextPage: false, endCursor: null },
  nodes: [],
  byRule: [
    { rule: 'OPEN_BEDS_EXCEED_PLANNED', severity: 'ERROR', title: '开放床位超过规划床位', count: 1 },
    { rule: 'MISSING_ENGLISH_NAME', severity: 'WARNING', title: '缺少英文名称', count: 5 },
  ],
  byCounty: [
    { county: null, count: 1, errors: 0 },
    { county: ludian, count: 3, errors: 1 },
    { county: zhaoyang, count: 2, errors: 0 },
  ],
  byCountyAndRule: [
    { county: null, rule: 'MISSING_ENGLISH_NAME', count: 1 },
    { county: { id: ludian.id }, rule: 'OPEN_BEDS_EXCEED_PLANNED', count: 1 },
    { county: { id: ludian.id }, rule: 'MISSING_ENGLISH_NAME', count: 2 },
    { county: { id: zhaoyang.id }, rule: 'MISSING_ENGLISH_NAME', count: 2 },
  ],
}

describe('the table of counts', () => {
  it('has a row per county by code, the city last, a column per rule that found anything, and totals', () => {
    const table = countTable(data)
    expect(table.rules).toEqual(['OPEN_BEDS_EXCEED_PLANNED', 'MISSING_ENGLISH_NAME'])
    expect(table.rows.map((row) => row.county?.code ?? null)).toEqual(['530602', '530621', null])
    expect(table.rows[1]?.cells).toEqual({ OPEN_BEDS_EXCEED_PLANNED: 1, MISSING_ENGLISH_NAME: 2 })
    expect(table.rows[1]?.errors).toBe(1)
    expect(table.totals).toEqual({ OPEN_BEDS_EXCEED_PLANNED: 1, MISSING_ENGLISH_NAME: 5 })
    expect(table.total).toBe(6)
  })
})

describe('the filters', () => {
  it('leave out what is not chosen', () => {
    expect(whereOf({})).toBeUndefined()
    expect(whereOf({ rule: '', severity: 'ERROR', division: undefined })).toEqual({ severity: 'ERROR' })
  })
})

describe("a record's issues", () => {
  it('come errors first, and none when the record has none', () => {
    const warning = { rule: 'MISSING_ENGLISH_NAME', severity: 'WARNING' }
    const error = { rule: 'OPEN_BEDS_EXCEED_PLANNED', severity: 'ERROR' }
    expect(issuesOf({ qualityIssues: [warning, error] }).map((issue) => issue.rule)).toEqual([
      'OPEN_BEDS_EXCEED_PLANNED',
      'MISSING_ENGLISH_NAME',
    ])
    expect(issuesOf({})).toEqual([])
    expect(issuesOf(undefined)).toEqual([])
  })
})

describe('the messages', () => {
  it('have the same keys in Chinese and English, and say how many warnings a save left', () => {
    expect(Object.keys(qualityEn).sort()).toEqual(Object.keys(qualityZh).sort())
    expect(qualityZh.savedWithWarnings.replace('%{smart_count}', '2')).toBe('已保存，但有 2 条质量提示')
  })
})
