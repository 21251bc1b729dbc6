// Rolling Prisma groupBy rows up into the groups a caller asked for.
import { describe, expect, it } from 'vitest'
import { type DivisionInfo, divisionAtLevel, type MetricRow, rollUp } from '../../server/src/records/aggregate.ts'

/** 1 province → 2 city → 3, 4 counties; 5 township under 3; 6 community under 5. */
const tree = new Map<number, DivisionInfo>(
  [
    { id: 1, level: 'PROVINCE', ancestorIds: [1] },
    { id: 2, level: 'CITY', ancestorIds: [1, 2] },
    { id: 3, level: 'COUNTY', ancestorIds: [1, 2, 3] },
    { id: 4, level: 'COUNTY', ancestorIds: [1, 2, 4] },
    { id: 5, level: 'TOWNSHIP', ancestorIds: [1, 2, 3, 5] },
    { id: 6, level: 'COMMUNITY', ancestorIds: [1, 2, 3, 5, 6] },
  ].map((d) => [d.id, d]),
)

describe('divisionAtLevel', () => {
  it.each([
    [6, 'COUNTY', 3],
    [5, 'COUNTY', 3],
    [3, 'COUNTY', 3],
    [4, 'COUNTY', 4],
    [6, 'CITY', 2],
    [6, 'TOWNSHIP', 5],
  ])('finds the %s’s ancestor (or itself) at level %s: %s', (division, level, expected) => {
    expect(divisionAtLevel(division, level, tree)).toBe(expected)
  })

  it('gives null for a division above the level, or one it does not know', () => {
    expect(divisionAtLevel(2, 'COUNTY', tree)).toBeNull()
    expect(divisionAtLevel(4, 'TOWNSHIP', tree)).toBeNull()
    expect(divisionAtLevel(99, 'COUNTY', tree)).toBeNull()
  })
})

/** A groupBy row of beds figures: `values` are the non-empty plannedBeds of the row's records. */
function row(keys: Record<string, unknown>, records: number, values: number[]): MetricRow {
  return {
    ...keys,
    _count: { _all: records, plannedBeds: values.length },
    _sum: { plannedBeds: values.length ? values.reduce((a, b) => a + b, 0) : null },
    _min: { plannedBeds: values.length ? Math.min(...values) : null },
    _max: { plannedBeds: values.length ? Math.max(...values) : null },
  }
}

describe('rollUp', () => {
  it('merges the rows of a county’s townships and communities into the county', () => {
    const rows = [
      row({ divisionId: 3 }, 2, [100, 300]),
      row({ divisionId: 5 }, 1, [50]),
      row({ divisionId: 6 }, 2, [10]),
      row({ divisionId: 4 }, 1, [700]),
      row({ divisionId: 2 }, 1, [1000]),
    ]
    const groups = rollUp(rows, {
      numericFields: ['plannedBeds'],
      enumFields: [],
      divisionColumn: 'divisionId',
      divisionLevel: 'COUNTY',
      divisions: tree,
    })
    expect(groups).toEqual([
      {
        divisionId: 3,
        keys: {},
        year: null,
        count: 5,
        sum: { plannedBeds: 460 },
        // Four values were present among the five records: the average is over those four.
        avg: { plannedBeds: 115 },
        min: { plannedBeds: 10 },
        max: { plannedBeds: 300 },
      },
      {
        divisionId: 4,
        keys: {},
        year: null,
        count: 1,
        sum: { plannedBeds: 700 },
        avg: { plannedBeds: 700 },
        min: { plannedBeds: 700 },
        max: { plannedBeds: 700 },
      },
      {
        divisionId: null,
        keys: {},
        year: null,
        count: 1,
        sum: { plannedBeds: 1000 },
        avg: { plannedBeds: 1000 },
        min: { plannedBeds: 1000 },
        max: { plannedBeds: 1000 },
      },
    ])
  })

  it('leaves figures empty for a group without any value', () => {
    const [group] = rollUp([row({}, 3, [])], { numericFields: ['plannedBeds'], enumFields: [] })
    expect(group).toMatchObject({
      count: 3,
      sum: { plannedBeds: null },
      avg: { plannedBeds: null },
      min: { plannedBeds: null },
      max: { plannedBeds: null },
    })
  })

  it('keeps enum keys, with null for records without a value', () => {
    const groups = rollUp([row({ role: 'GENERAL' }, 2, [1, 2]), row({ role: null }, 1, [5])], {
      numericFields: ['plannedBeds'],
      enumFields: ['role'],
    })
    expect(groups.map((g) => [g.keys, g.count])).toEqual([
      [{ role: 'GENERAL' }, 2],
      [{ role: null }, 1],
    ])
  })

  it('groups dates by their UTC year, merging rows of the same year', () => {
    const groups = rollUp(
      [
        row({ openedOn: new Date('2020-01-01T00:00:00Z') }, 1, [100]),
        row({ openedOn: new Date('2020-12-31T00:00:00Z') }, 1, [300]),
        row({ openedOn: new Date('2021-06-01T00:00:00Z') }, 1, [50]),
        row({ openedOn: null }, 1, [1]),
      ],
      { numericFields: ['plannedBeds'], enumFields: [], yearColumn: 'openedOn' },
    )
    expect(groups.map((g) => [g.year, g.count, g.sum.plannedBeds, g.avg.plannedBeds])).toEqual([
      [2020, 2, 400, 200],
      [2021, 1, 50, 50],
      [null, 1, 1, 1],
    ])
  })

  it('reads numeric strings (Prisma decimals) as numbers', () => {
    const [group] = rollUp(
      [
        {
          _count: { _all: 2, areaMu: 2 },
          _sum: { areaMu: '350.75' },
          _min: { areaMu: '120.5' },
          _max: { areaMu: { toString: () => '230.25' } },
        },
      ],
      { numericFields: ['areaMu'], enumFields: [] },
    )
    expect(group).toMatchObject({ sum: { areaMu: 350.75 }, min: { areaMu: 120.5 }, max: { areaMu: 230.25 } })
    expect(group?.avg.areaMu).toBeCloseTo(175.375)
  })

  it('counts records when there are no numeric fields', () => {
    expect(rollUp([{ level: 'COUNTY', _count: { _all: 11 } }], { numericFields: [], enumFields: ['level'] })).toEqual([
      { divisionId: null, keys: { level: 'COUNTY' }, year: null, count: 11, sum: {}, avg: {}, min: {}, max: {} },
    ])
  })
})
