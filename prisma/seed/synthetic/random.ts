/**
 * A seeded pseudo-random source (mulberry32), so the same seed always yields the same data.
 * Fine for synthetic records; not for anything that needs unpredictability.
 */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** An independent stream for one record family, so adding draws to one family leaves the others unchanged. */
  fork(label: string): Random {
    let hash = this.state ^ 0x811c9dc5
    for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193)
    return new Random(hash)
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  float(min: number, max: number): number {
    return min + (max - min) * this.next()
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** Normally distributed (Box–Muller). */
  normal(mean: number, deviation: number): number {
    const u = 1 - this.next()
    const v = this.next()
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** Log-normally distributed around a median: most values near it, a long tail of large ones. */
  around(median: number, spread: number, min: number, max: number): number {
    return Math.round(Math.min(max, Math.max(min, Math.exp(this.normal(Math.log(median), spread)))))
  }

  /** A date between two years (inclusive), at midnight UTC. */
  date(fromYear: number, toYear: number): Date {
    return new Date(Date.UTC(this.int(fromYear, toYear), this.int(0, 11), this.int(1, 28)))
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice()
    const n = Math.min(count, copy.length)
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i))
      const swap = copy[i] as T
      copy[i] = copy[j] as T
      copy[j] = swap
    }
    return copy.slice(0, n)
  }
}

/** Picks items with probability proportional to their weights, in O(log n) per pick. */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = []
  private readonly total: number

  constructor(
    private readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    let sum = 0
    for (const item of items) {
      sum += Math.max(0, weight(item))
      this.cumulative.push(sum)
    }
    this.total = sum
    if (items.length === 0 || sum <= 0) throw new Error('WeightedPicker needs at least one item of positive weight')
  }

  pick(rng: Random): T {
    const target = rng.next() * this.total
    let low = 0
    let high = this.cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if ((this.cumulative[mid] as number) > target) high = mid
      else low = mid + 1
    }
    return this.items[low] as T
  }
}

/** Picks one of a few labelled options by weight. */
export function weighted<T>(rng: Random, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0)
  let target = rng.next() * total
  for (const [value, weight] of options) {
    target -= weight
    if (target < 0) return value
  }
  return (options[options.length - 1] as readonly [T, number])[0]
}
