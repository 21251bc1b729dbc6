import { describe, expect, it } from 'vitest'
import { formatNumber, formatScaled, unscale } from '../../admin/src/format.ts'

describe('formatNumber in Chinese', () => {
  it.each([
    [0, '0'],
    [5000, '5000'],
    [9999, '9999'],
    [10_000, '1万'],
    [46_357, '4.64万'],
    [354_700, '35.47万'],
    [99_999_999, '1亿'],
    [120_000_000, '1.2亿'],
    [47_680_000_000, '476.8亿'],
    [-46_357, '-4.64万'],
    [12.345, '12.35'],
    ['120000000.00', '1.2亿'],
  ])('%s → %s', (value, expected) => {
    expect(formatNumber(value, 'zh-CN')).toBe(expected)
  })

  it('rounds 9999.999 up to 1万 rather than writing 10000', () => {
    expect(formatNumber(9999.999, 'zh-CN')).toBe('1万')
  })
})

describe('formatNumber in English', () => {
  it.each([
    [0, '0'],
    [5000, '5,000'],
    [46_357, '46,357'],
    [47_680_000_000, '47,680,000,000'],
    [12.345, '12.35'],
    ['9160', '9,160'],
  ])('%s → %s', (value, expected) => {
    expect(formatNumber(value, 'en')).toBe(expected)
  })
})

describe('empty and invalid values', () => {
  it.each([null, undefined, '', 'abc'])('%s gives an empty string', (value) => {
    expect(formatNumber(value, 'zh-CN')).toBe('')
    expect(formatNumber(value, 'en')).toBe('')
  })
})

describe('scaled indicator values', () => {
  it('unscales 35.47 万 without binary noise', () => {
    expect(unscale('35.47', 'TEN_THOUSAND')).toBe(354_700)
    expect(unscale('476.8', 'HUNDRED_MILLION')).toBe(47_680_000_000)
    expect(unscale('83', null)).toBe(83)
  })

  it('writes the unit after the figure', () => {
    expect(formatScaled('35.47', 'TEN_THOUSAND', '人', 'zh-CN')).toBe('35.47万人')
    expect(formatScaled('35.47', 'TEN_THOUSAND', 'people', 'en')).toBe('354,700 people')
    expect(formatScaled('83', 'ONE', '%', 'en')).toBe('83%')
  })
})
