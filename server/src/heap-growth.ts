// How far V8 lets the heap grow past what survived the last major collection before it collects
// again. Its own factor adapts up to ×4 when collections look cheap, and under many requests in
// flight most of what it then keeps is short-lived garbage: the hub's peak memory was 415–430 MB
// over the bench's reads with about 100 MB live. A factor of 1.5 keeps the peak at 225–275 MB for
// about a tenth more CPU per request (more major collections); ×1.8 peaked at 290–306 MB. Measured
// by bench/src/focus.ts, figures in bench/ANALYSIS.md ("Memory").
import { setFlagsFromString } from 'node:v8'
import type { Config } from './config.ts'

export const HEAP_GROWING_PERCENT_DEFAULT = 50

/** The V8 flag for the configured growth; none when 0 (V8's own heuristics). */
export function heapGrowthFlag(config: Pick<Config, 'HEAP_GROWING_PERCENT'>): string | undefined {
  return config.HEAP_GROWING_PERCENT > 0 ? `--heap-growing-percent=${config.HEAP_GROWING_PERCENT}` : undefined
}

/**
 * Applies the growth to this process. V8 reads the flag at every major collection, so setting it at
 * start is enough; only the hub's own process (main.ts) calls this, never a library user of startHub.
 */
export function limitHeapGrowth(config: Pick<Config, 'HEAP_GROWING_PERCENT'>) {
  const flag = heapGrowthFlag(config)
  if (flag) setFlagsFromString(flag)
}
