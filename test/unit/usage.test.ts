// The rules of a key's use per day (server/src/rules/usage.ts): latency buckets and their p95,
// the records a response returned, and days.
import { describe, expect, it } from 'vitest'
import {
  bucketOf,
  daysBetween,
  emptyBuckets,
  LATENCY_BOUNDS_MS,
  p95Of,
  rateLimitUseOf,
  rowsIn,
} from '../../server/src/rules/usage.ts'

describe('latency', () => {
  it('puts a time in the first bucket whose bound holds it, beyond the last in the overflow', () => {
    expect(bucketOf(0)).toBe(0)
    expect(bucketOf(5)).toBe(0)
    expect(bucketOf(5.1)).toBe(1)
    expect(bucketOf(30_001)).toBe(LATENCY_BOUNDS_MS.length)
  })

  it('reads the p95 as the bound of the bucket the 95th percentile falls in', () => {
    const buckets = emptyBuckets()
    expect(p95Of(buckets)).toBeNull()
    buckets[bucketOf(3)] = 95
    buckets[bucketOf(800)] = 5
    expect(p95Of(buckets)).toBe(5)
    buckets[bucketOf(800)] = 6
    expect(p95Of(buckets)).toBe(1000)
    const slow = emptyBuckets()
    slow[LATENCY_BOUNDS_MS.length] = 1
    expect(p95Of(slow)).toBe(30_000)
  })
})

describe('records returned', () => {
  it('counts the objects in lists, nested ones too, and a record once when edges and nodes both give it', () => {
    expect(rowsIn(null)).toBe(0)
    expect(rowsIn({ hospitals: { totalCount: 9, nodes: [{ id: 1 }, { id: 2 }] } })).toBe(2)
    expect(rowsIn({ h: { edges: [{ node: { id: 1 } }], nodes: [{ id: 1 }] } })).toBe(1)
    expect(rowsIn({ h: { nodes: [{ id: 1, citations: [{ a: 1 }, { a: 2 }] }] } })).toBe(3)
    expect(rowsIn({ h: { specialtyCentres: ['胸痛', '卒中'] } })).toBe(0)
  })
})

describe('days', () => {
  it('lists every UTC day of a range, both ends included', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01'])
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([])
  })
})

describe('rate limit use', () => {
  it('is near the limit from 80 % of it, and never without a limit', () => {
    expect(rateLimitUseOf(0, 10)).toEqual({ requests: 0, limit: 10, share: 0, nearing: false })
    expect(rateLimitUseOf(7, 10).nearing).toBe(false)
    expect(rateLimitUseOf(8, 10).nearing).toBe(true)
    expect(rateLimitUseOf(12, 10)).toMatchObject({ share: 1.2, nearing: true })
    expect(rateLimitUseOf(5, 0).nearing).toBe(false)
  })
})
