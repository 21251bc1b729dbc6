// Locked reporting periods as a record form sees them (pure): which locks hold a period's data.
// The hub decides (PERIOD_LOCKED); the form only says so before anything is sent.

export interface PeriodLockInfo {
  id: string
  year: number
  /** A quarter, or null for the whole year. */
  quarter: number | null
  period: string
  reason: string | null
  lockedByName: string
  /** The division it holds (and everything beneath it); null for every division. */
  division: { id: string } | null
}

/** Whether a lock holds a period's data: a year's lock all of it, a quarter's that quarter's (as the hub). */
export function covers(lock: Pick<PeriodLockInfo, 'year' | 'quarter'>, year: unknown, quarter: unknown): boolean {
  if (year === null || year === undefined || year === '') return false
  const q = quarter === null || quarter === undefined || quarter === '' ? null : Number(quarter)
  return lock.year === Number(year) && (lock.quarter == null || lock.quarter === q)
}

/** The first lock holding this observation's period, if any. */
export function lockOver(locks: PeriodLockInfo[], year: unknown, quarter: unknown): PeriodLockInfo | undefined {
  return locks.find((lock) => covers(lock, year, quarter))
}

/** Locks over a division: the hub-wide ones, and those on divisions it lies within (aliases d0, d1…). */
export function locksQuery(count: number) {
  const variables = ['$id: ID!', ...Array.from({ length: count }, (_, i) => `$w${i}: ID!`)].join(', ')
  const fields = Array.from(
    { length: count },
    (_, i) => `d${i}: divisions(where: { withinDivision: $w${i}, id: { equals: $id } }, first: 1) { totalCount }`,
  ).join(' ')
  return `query LocksOver(${variables}) { ${fields} }`
}

export const ACTIVE_LOCKS_QUERY =
  'query ActiveLocks { periodLocks { id year quarter period reason lockedByName division { id } } }'
