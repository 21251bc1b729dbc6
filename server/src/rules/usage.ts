// What a key's use per day is made of, as pure rules: the latency buckets (summed over instances,
// so a day's p95 can be read from them), the records a response returned, and the UTC day.

/** Upper bounds of the latency buckets, in milliseconds; the last bucket holds everything slower. */
export const LATENCY_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000] as const

/** Days of use kept in the database. */
export const USAGE_RETENTION_DAYS = 400

export function emptyBuckets(): number[] {
  return new Array(LATENCY_BOUNDS_MS.length + 1).fill(0)
}

export function bucketOf(durationMs: number): number {
  const index = LATENCY_BOUNDS_MS.findIndex((bound) => durationMs <= bound)
  return index < 0 ? LATENCY_BOUNDS_MS.length : index
}

/**
 * The 95th percentile latency of a day, as the upper bound of the bucket it falls in (a
 * histogram tells no more); null without requests, and the largest bound when it is beyond it.
 */
export function p95Of(buckets: readonly number[]): number | null {
  const total = buckets.reduce((sum, n) => sum + n, 0)
  if (total === 0) return null
  const rank = Math.ceil(total * 0.95)
  let seen = 0
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i] ?? 0
    if (seen >= rank) return LATENCY_BOUNDS_MS[Math.min(i, LATENCY_BOUNDS_MS.length - 1)] as number
  }
  return LATENCY_BOUNDS_MS.at(-1) as number
}

/** Records in a response: the objects in its lists (a page's nodes or edges, nested lists too). */
export function rowsIn(value: unknown): number {
  if (Array.isArray(value)) {
    let rows = 0
    for (const item of value) rows += (item !== null && typeof item === 'object' ? 1 : 0) + rowsIn(item)
    return rows
  }
  if (value !== null && typeof value === 'object') {
    let rows = 0
    for (const item of Object.values(value)) rows += rowsIn(item)
    // A connection gives each record twice when both `edges` and `nodes` are asked for: once is enough.
    const page = value as { edges?: unknown; nodes?: unknown }
    if (Array.isArray(page.edges) && Array.isArray(page.nodes)) rows -= Math.min(page.edges.length, page.nodes.length)
    return rows
  }
  return 0
}

/** The UTC day (YYYY-MM-DD) of a moment: a day's bucket is the same on every instance. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10)

/** Every day from `from` to `to` (YYYY-MM-DD), both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = []
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) {
    days.push(new Date(at).toISOString().slice(0, 10))
  }
  return days
}

/** A key this far into its per-minute limit is shown as nearing it (console chip, ApiKey.rateLimitUse). */
export const NEAR_LIMIT_SHARE = 0.8

/**
 * How much of its per-minute limit a key has used in the current window: the share (0–1, more
 * once it is refused) and whether that is near the limit (≥ 80 %).
 */
export function rateLimitUseOf(requests: number, limit: number) {
  const share = limit > 0 ? requests / limit : 0
  return { requests, limit, share, nearing: limit > 0 && share >= NEAR_LIMIT_SHARE }
}
