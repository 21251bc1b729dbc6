// The small rules of the record families: the division tree, prices by age, one value per period.
import type { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import { checkDivisionParent, LEVEL_ORDER } from '../../server/src/rules/divisions.ts'
import { periodKey, uniquePeriods } from '../../server/src/rules/periods.ts'
import { distinctAges } from '../../server/src/rules/prices.ts'

function thrown(run: () => unknown): GraphQLError {
  try {
    run()
  } catch (error) {
    return error as GraphQLError
  }
  throw new Error('expected an error')
}

describe('checkDivisionParent', () => {
  const city = { id: 2, level: 'CITY', ancestorIds: [1, 2] }
  const county = { id: 3, level: 'COUNTY', ancestorIds: [1, 2, 3] }
  const township = { id: 5, level: 'TOWNSHIP', ancestorIds: [1, 2, 3, 5] }

  it('allows the top of the tree without a parent', () => {
    expect(checkDivisionParent({ id: 1, level: 'PROVINCE', ancestorIds: [1] }, null)).toBeUndefined()
  })

  it('allows a parent of any higher level', () => {
    expect(checkDivisionParent(township, county)).toBeUndefined()
    expect(checkDivisionParent({ ...township, ancestorIds: [1, 2, 5] }, city)).toBeUndefined()
  })

  it('refuses the division itself as its parent', () => {
    expect(checkDivisionParent(county, county)).toBe('A division cannot be placed beneath itself.')
  })

  it('refuses a division beneath it as its parent', () => {
    expect(checkDivisionParent(county, township)).toBe('A division cannot be placed beneath itself.')
  })

  it('refuses a parent of the same or a lower level', () => {
    const otherCounty = { id: 4, level: 'COUNTY', ancestorIds: [1, 2, 4] }
    expect(checkDivisionParent(county, otherCounty)).toBe(
      'A COUNTY cannot belong to a COUNTY; its parent must be a higher level.',
    )
    expect(checkDivisionParent(city, { id: 7, level: 'TOWNSHIP', ancestorIds: [1, 7] })).toMatch(
      /CITY cannot belong to a TOWNSHIP/,
    )
  })

  it('orders the levels from province down to community', () => {
    expect(LEVEL_ORDER).toEqual(['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'COMMUNITY'])
  })
})

describe('distinctAges', () => {
  const price = (minAge: number) => ({ minAge, priceYuan: '5', unitZh: '一餐' })

  it('returns prices whose bands all start at different ages, as they are', () => {
    const prices = [price(90), price(60), price(75)]
    expect(distinctAges(prices, 'en')).toBe(prices)
    expect(distinctAges([], 'en')).toEqual([])
  })

  it('refuses a second price from the same age, naming it, in the caller’s language', () => {
    const en = thrown(() => distinctAges([price(60), price(90), price(60)], 'en'))
    expect(en.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'prices.2.minAge', code: 'duplicate', message: 'Age 60 appears twice' }],
    })
    const zh = thrown(() => distinctAges([price(60), price(60)], 'zh'))
    expect(zh.message).toBe('起始年龄 60 重复')
  })
})

describe('periods', () => {
  it('key an observation by kind, year and quarter, a missing quarter the same as null', () => {
    expect(periodKey({ periodKind: 'YEAR_TO_QUARTER', year: 2024, quarter: 3 })).toBe('YEAR_TO_QUARTER:2024:3')
    expect(periodKey({ periodKind: 'YEAR', year: 2023, quarter: null })).toBe('YEAR:2023:')
    expect(periodKey({ periodKind: 'YEAR', year: 2023 })).toBe(
      periodKey({ periodKind: 'YEAR', year: 2023, quarter: null }),
    )
  })

  it('allow one value per period', () => {
    const series = [
      { periodKind: 'YEAR', year: 2023 },
      { periodKind: 'QUARTER', year: 2023, quarter: 1 },
      { periodKind: 'QUARTER', year: 2023, quarter: 2 },
      { periodKind: 'POINT', year: 2023 },
    ]
    expect(uniquePeriods(series, 'en')).toBe(series)
  })

  it('refuse a period listed twice, naming the second, in the caller’s language', () => {
    const series = [
      { periodKind: 'QUARTER', year: 2024, quarter: 2 },
      { periodKind: 'YEAR', year: 2024 },
      { periodKind: 'QUARTER', year: 2024, quarter: 2 },
    ]
    const en = thrown(() => uniquePeriods(series, 'en'))
    expect(en.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'observations.2.year', code: 'duplicate' }],
    })
    expect(en.message).toBe('Period QUARTER:2024:2 appears twice')
    expect(thrown(() => uniquePeriods(series, 'zh')).message).toBe('期间 QUARTER:2024:2 重复')
  })
})
