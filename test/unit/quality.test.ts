// The data-quality rules as pure functions: each finds its problem, says it in both languages, and
// finds nothing where there is none.
import { describe, expect, it } from 'vitest'
import { figuresCited, hasEnglishName } from '../../server/src/quality/completeness.ts'
import {
  communityResidentsWithinSettlement,
  employeesWithinJobCapacity,
  openBedsWithinPlanned,
} from '../../server/src/quality/figures.ts'
import { fileUnderKnownTownship, pointInsideCounty, toWgs84 } from '../../server/src/quality/geography.ts'
import { indicatorJumps } from '../../server/src/quality/indicators.ts'
import { blocksSave, INDICATOR_JUMP_FACTOR, type QualityIssue, RULES } from '../../server/src/quality/rules.ts'

const ref = (recordType: string, recordId = 1) => ({ recordType, recordId, divisionId: 7 })

/** Both messages are written, the Chinese one in Chinese. */
function expectMessages(issues: QualityIssue[]) {
  for (const found of issues) {
    expect(found.message.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(found.message.en).toMatch(/^[\x20-\x7e\u4e00-\u9fff’]+$/)
    expect(found.severity).toBe(RULES[found.rule].severity)
  }
}

describe('the declaration', () => {
  it('gives every rule a severity and a title in both languages', () => {
    for (const rule of Object.values(RULES)) {
      expect(['ERROR', 'WARNING']).toContain(rule.severity)
      expect(rule.title.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(rule.title.en.length).toBeGreaterThan(5)
    }
  })

  it('blocks a save only for errors', () => {
    const warning = hasEnglishName({ ...ref('School'), nameZh: '某小学', nameEn: null })
    const error = openBedsWithinPlanned({ ...ref('Hospital'), openBeds: 11, plannedBeds: 10 })
    expect(blocksSave(warning)).toBe(false)
    expect(blocksSave([...warning, ...error])).toBe(true)
  })
})

describe("communities' relocated residents", () => {
  const settlement = { ...ref('Settlement'), nameZh: '卯家湾易地扶贫搬迁安置区', relocatedPopulation: 39_000 }

  it('may add up to the settlement’s', () => {
    expect(
      communityResidentsWithinSettlement(settlement, [
        { relocatedPopulation: 20_000 },
        { relocatedPopulation: 19_000 },
      ]),
    ).toEqual([])
    expect(
      communityResidentsWithinSettlement({ ...settlement, relocatedPopulation: null }, [{ relocatedPopulation: 5 }]),
    ).toEqual([])
  })

  it('are an error when they exceed it', () => {
    const issues = communityResidentsWithinSettlement(settlement, [
      { relocatedPopulation: 20_000 },
      { relocatedPopulation: 19_001 },
      { relocatedPopulation: null },
    ])
    expect(issues).toMatchObject([
      {
        rule: 'COMMUNITY_RESIDENTS_EXCEED_SETTLEMENT',
        severity: 'ERROR',
        recordType: 'Settlement',
        field: 'relocatedPopulation',
      },
    ])
    expect(issues[0]?.message.en).toContain('39,001')
    expectMessages(issues)
  })
})

describe('jobs and beds', () => {
  it('flag more employees than jobs, and nothing when either is unknown', () => {
    expect(employeesWithinJobCapacity({ ...ref('Enterprise'), employees: 300, jobCapacity: 800 })).toEqual([])
    expect(employeesWithinJobCapacity({ ...ref('Enterprise'), employees: 900, jobCapacity: null })).toEqual([])
    const issues = employeesWithinJobCapacity({ ...ref('Enterprise'), employees: 801, jobCapacity: 800 })
    expect(issues).toMatchObject([{ rule: 'EMPLOYEES_EXCEED_JOB_CAPACITY', severity: 'ERROR', field: 'employees' }])
    expectMessages(issues)
  })

  it('flag more open beds than planned ones', () => {
    expect(openBedsWithinPlanned({ ...ref('Hospital'), openBeds: 5000, plannedBeds: 5000 })).toEqual([])
    const issues = openBedsWithinPlanned({ ...ref('Hospital'), openBeds: 5001, plannedBeds: 5000 })
    expect(issues).toMatchObject([{ rule: 'OPEN_BEDS_EXCEED_PLANNED', field: 'openBeds' }])
    expectMessages(issues)
  })
})

describe('a point and its county', () => {
  // A square around 绥江县's seat, 103.9–104.1 E, 28.5–28.7 N (WGS-84).
  const county: Parameters<typeof pointInsideCounty>[1] = {
    nameZh: '绥江县',
    boundary: {
      type: 'Polygon',
      coordinates: [
        [
          [103.9, 28.5],
          [104.1, 28.5],
          [104.1, 28.7],
          [103.9, 28.7],
          [103.9, 28.5],
        ],
      ],
    },
  }

  it('is fine inside, and a warning outside', () => {
    expect(pointInsideCounty({ ...ref('School'), latitude: 28.6, longitude: 104, datum: 'WGS84' }, county)).toEqual([])
    const issues = pointInsideCounty({ ...ref('School'), latitude: 27.3, longitude: 103.7, datum: 'WGS84' }, county)
    expect(issues).toMatchObject([{ rule: 'POINT_OUTSIDE_COUNTY', severity: 'WARNING' }])
    expectMessages(issues)
  })

  it('converts GCJ-02 before testing: a point just inside in WGS-84 is outside once its GCJ-02 reading is taken as WGS-84', () => {
    // Just inside the east edge in WGS-84; the same place in GCJ-02 reads a few hundred metres further east.
    const wgs84 = { latitude: 28.6, longitude: 104.0985 }
    const [gcjLon, gcjLat] = [wgs84.longitude + (104.0985 - toWgs84({ ...wgs84, datum: 'GCJ02' })[0]), wgs84.latitude]
    expect(gcjLon).toBeGreaterThan(104.1)
    const asGcj = { ...ref('School'), latitude: gcjLat, longitude: gcjLon }
    expect(pointInsideCounty({ ...asGcj, datum: 'GCJ02' }, county)).toEqual([])
    expect(pointInsideCounty({ ...asGcj, datum: 'WGS84' }, county)).toHaveLength(1)
  })

  it('names no coordinates in its message (some are restricted)', () => {
    const [found] = pointInsideCounty(
      { ...ref('CareFacility'), latitude: 27.31234, longitude: 103.71234, datum: null },
      county,
    )
    expect(JSON.stringify(found?.message)).not.toMatch(/27\.3|103\.7/)
  })

  it('has nothing to say without an outline', () => {
    expect(
      pointInsideCounty({ ...ref('School'), latitude: 0, longitude: 0, datum: null }, { nameZh: 'x', boundary: null }),
    ).toEqual([])
  })
})

describe('a facility filed under its county', () => {
  const county = { id: 4, level: 'COUNTY', nameZh: '鲁甸县' }
  const township = { id: 35, level: 'TOWNSHIP', nameZh: '砚池街道' }

  it('is a warning when its community or settlement lies in a township', () => {
    const issues = fileUnderKnownTownship({ ...ref('School'), division: county }, [township])
    expect(issues).toMatchObject([{ rule: 'FACILITY_DIVISION_IS_COUNTY', field: 'divisionId' }])
    expect(issues[0]?.message.zh).toContain('砚池街道')
    expectMessages(issues)
  })

  it('is fine under the township, or when no township is known', () => {
    expect(fileUnderKnownTownship({ ...ref('School'), division: township }, [township])).toEqual([])
    expect(fileUnderKnownTownship({ ...ref('School'), division: county }, [])).toEqual([])
  })
})

describe('an indicator series', () => {
  const indicator = { ...ref('Indicator'), nameZh: '农村常住居民人均可支配收入增速' }
  const year = (id: number, y: number, value: number) => ({ id, periodKind: 'YEAR', year: y, quarter: null, value })

  it(`accepts changes within ${INDICATOR_JUMP_FACTOR}-fold`, () => {
    expect(indicatorJumps(indicator, [year(1, 2022, 8), year(2, 2023, 9), year(3, 2024, 3)])).toEqual([])
  })

  it('flags a jump up or down and a change of sign, against the previous period of the same kind', () => {
    const issues = indicatorJumps(indicator, [
      year(3, 2024, -1),
      year(1, 2022, 8),
      year(2, 2023, 30),
      { id: 9, periodKind: 'QUARTER', year: 2023, quarter: 4, value: 1 },
    ])
    expect(issues.map((found) => found.field)).toEqual(['observations.2', 'observations.3'])
    expectMessages(issues)
  })

  it('takes the factor it is given', () => {
    expect(indicatorJumps(indicator, [year(1, 2022, 8), year(2, 2023, 15)], 1.5)).toHaveLength(1)
  })
})

describe('completeness', () => {
  it('wants an English name', () => {
    expect(hasEnglishName({ ...ref('School'), nameZh: '某小学', nameEn: 'A school' })).toEqual([])
    const issues = hasEnglishName({ ...ref('School'), nameZh: '某小学', nameEn: '  ' })
    expect(issues).toMatchObject([{ rule: 'MISSING_ENGLISH_NAME', field: 'nameEn' }])
    expectMessages(issues)
  })

  it('wants a citation for every figure the record holds', () => {
    const values = { plannedBeds: 5000, openBeds: null, advancedTechniques: 50 }
    const fields = ['plannedBeds', 'openBeds', 'advancedTechniques']
    expect(
      figuresCited(
        { ...ref('Hospital'), nameZh: '医院', values },
        fields,
        new Set(['plannedBeds', 'advancedTechniques']),
      ),
    ).toEqual([])
    const issues = figuresCited({ ...ref('Hospital'), nameZh: '医院', values }, fields, new Set(['plannedBeds']))
    expect(issues).toMatchObject([{ rule: 'FIGURE_WITHOUT_CITATION', field: 'advancedTechniques' }])
    expectMessages(issues)
  })
})
