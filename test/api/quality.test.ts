// The quality rules run over a real database: the seed breaks none of them, and records with one
// problem each are found, each by its own rule, and nothing else is. The API refuses to save what an
// ERROR rule forbids (quality-api.test.ts), so those records get their problem straight in the
// database, as data written before the rules would have it.
import type { QualityIssue } from '@minsheng/server/quality'
import { findQualityIssues } from '@minsheng/server/quality'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import { divisionId, idByName } from './support.ts'

let t: TestHub
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

const issues = () => findQualityIssues(t.hub.database.primary)
const localId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString('utf8').split(':')[1])

async function create(type: string, input: Record<string, unknown>): Promise<number> {
  const data = await t.data(`mutation ($input: ${type}CreateInput!) { create${type}(input: $input) { id } }`, { input })
  return localId(data[`create${type}`].id)
}

const summary = (found: QualityIssue[]) =>
  found.map(({ rule, severity, recordType, recordId, field }) => ({ rule, severity, recordType, recordId, field }))

describe('the seeded data', () => {
  it('breaks no rule', async () => {
    expect(summary(await issues())).toEqual([])
  })
})

describe('records with one problem each', () => {
  it('are each found by their rule, with a message in both languages', async () => {
    const ludian = await divisionId(t, '530621')
    const zhenxiong = await divisionId(t, '530627')
    const yulu = await idByName(t, 'communities', '雨露社区')
    const maojiawan = await idByName(t, 'settlements', '卯家湾易地扶贫搬迁安置区')
    const english = { nameEn: 'Made by the quality test' }

    const hospital = await create('Hospital', {
      ...english,
      nameZh: '质量测试医院',
      role: 'GENERAL_HOSPITAL',
      divisionId: zhenxiong,
      latitude: 27.44,
      longitude: 104.87,
      datum: 'GCJ02',
    })
    const database = t.hub.database.primary
    await database.hospital.update({ where: { id: hospital }, data: { plannedBeds: 100, openBeds: 120 } })
    const enterprise = await create('Enterprise', {
      ...english,
      nameZh: '质量测试企业',
      divisionId: zhenxiong,
      jobCapacity: 10,
      employees: 10,
    })
    await database.enterprise.update({ where: { id: enterprise }, data: { employees: 11 } })
    // 镇雄县's seat, but filed under 鲁甸县: outside that county.
    const school = await create('School', {
      ...english,
      nameZh: '质量测试学校',
      stage: 'PRIMARY',
      divisionId: ludian,
      latitude: 27.44,
      longitude: 104.87,
      datum: 'WGS84',
    })
    // In 雨露社区 (砚池街道), yet filed under the county.
    const canteen = await create('CareFacility', {
      ...english,
      nameZh: '质量测试食堂',
      kind: 'ELDERLY_CANTEEN',
      targetGroup: 'ELDERLY',
      divisionId: ludian,
      communityId: yulu,
    })
    // Its 40,000 residents and the settlement's 39,000.
    const community = await create('Community', {
      nameZh: '质量测试社区',
      divisionId: ludian,
      settlementId: maojiawan,
      relocatedPopulation: 1_000,
    })
    await database.community.update({ where: { id: community }, data: { relocatedPopulation: 40_000 } })

    const found = await issues()
    const settlementId = localId(maojiawan)
    // Figures made through the API have no citation: one warning per figure.
    expect(summary(found.filter((one) => one.rule !== 'FIGURE_WITHOUT_CITATION'))).toEqual(
      expect.arrayContaining([
        {
          rule: 'OPEN_BEDS_EXCEED_PLANNED',
          severity: 'ERROR',
          recordType: 'Hospital',
          recordId: hospital,
          field: 'openBeds',
        },
        {
          rule: 'EMPLOYEES_EXCEED_JOB_CAPACITY',
          severity: 'ERROR',
          recordType: 'Enterprise',
          recordId: enterprise,
          field: 'employees',
        },
        {
          rule: 'POINT_OUTSIDE_COUNTY',
          severity: 'WARNING',
          recordType: 'School',
          recordId: school,
          field: 'latitude',
        },
        {
          rule: 'FACILITY_DIVISION_IS_COUNTY',
          severity: 'WARNING',
          recordType: 'CareFacility',
          recordId: canteen,
          field: 'divisionId',
        },
        {
          rule: 'MISSING_ENGLISH_NAME',
          severity: 'WARNING',
          recordType: 'Community',
          recordId: community,
          field: 'nameEn',
        },
        {
          rule: 'COMMUNITY_RESIDENTS_EXCEED_SETTLEMENT',
          severity: 'ERROR',
          recordType: 'Settlement',
          recordId: settlementId,
          field: 'relocatedPopulation',
        },
      ]),
    )
    expect(found.filter((one) => one.rule !== 'FIGURE_WITHOUT_CITATION')).toHaveLength(7)
    // The hospital sits at 镇雄县's seat in GCJ-02: inside its county once converted.
    expect(found.some((one) => one.rule === 'POINT_OUTSIDE_COUNTY' && one.recordType === 'Hospital')).toBe(false)
    expect(
      summary(found.filter((one) => one.rule === 'FIGURE_WITHOUT_CITATION' && one.recordType === 'Hospital')),
    ).toEqual([
      {
        rule: 'FIGURE_WITHOUT_CITATION',
        severity: 'WARNING',
        recordType: 'Hospital',
        recordId: hospital,
        field: 'plannedBeds',
      },
      {
        rule: 'FIGURE_WITHOUT_CITATION',
        severity: 'WARNING',
        recordType: 'Hospital',
        recordId: hospital,
        field: 'openBeds',
      },
    ])
    for (const one of found) {
      expect(one.message.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(one.message.en).toMatch(/[A-Za-z]/)
    }
  })
})
