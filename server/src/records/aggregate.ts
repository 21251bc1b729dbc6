// Pure roll-up of Prisma groupBy rows into the groups a caller asked for.

export interface DivisionInfo {
  id: number
  level: string
  ancestorIds: number[]
}

/** One row as Prisma's groupBy/aggregate returns it. */
export interface MetricRow {
  [key: string]: unknown
  _count: Record<string, number>
  _sum?: Record<string, unknown>
  _min?: Record<string, unknown>
  _max?: Record<string, unknown>
}

export interface AggregateGroup {
  divisionId: number | null
  keys: Record<string, unknown>
  year: number | null
  count: number
  sum: Record<string, number | null>
  avg: Record<string, number | null>
  min: Record<string, number | null>
  max: Record<string, number | null>
}

export interface RollUpOptions {
  numericFields: string[]
  enumFields: string[]
  /** Column holding the division id, when grouping by division. */
  divisionColumn?: string
  divisionLevel?: string
  divisions?: Map<number, DivisionInfo>
  /** Column holding a date or year, when grouping by year. */
  yearColumn?: string
}

const num = (value: unknown) => (value == null ? null : Number(value))

/** The ancestor (or self) of a division at the wanted level; null when it sits above that level. */
export function divisionAtLevel(divisionId: number, level: string, divisions: Map<number, DivisionInfo>) {
  const division = divisions.get(divisionId)
  if (!division) return null
  for (const ancestorId of division.ancestorIds) {
    if (divisions.get(ancestorId)?.level === level) return ancestorId
  }
  return null
}

function yearOf(value: unknown): number | null {
  if (value == null) return null
  if (value instanceof Date) return value.getUTCFullYear()
  return Number(value)
}

export function rollUp(rows: MetricRow[], options: RollUpOptions): AggregateGroup[] {
  const groups = new Map<string, AggregateGroup & { counted: Record<string, number> }>()
  for (const row of rows) {
    const divisionId =
      options.divisionColumn && options.divisionLevel && options.divisions
        ? divisionAtLevel(Number(row[options.divisionColumn]), options.divisionLevel, options.divisions)
        : null
    const keys = Object.fromEntries(options.enumFields.map((field) => [field, row[field] ?? null]))
    const year = options.yearColumn ? yearOf(row[options.yearColumn]) : null
    const key = JSON.stringify([divisionId, keys, year])
    let group = groups.get(key)
    if (!group) {
      group = { divisionId, keys, year, count: 0, sum: {}, avg: {}, min: {}, max: {}, counted: {} }
      for (const field of options.numericFields) {
        group.sum[field] = null
        group.min[field] = null
        group.max[field] = null
        group.counted[field] = 0
      }
      groups.set(key, group)
    }
    group.count += row._count._all ?? 0
    for (const field of options.numericFields) {
      const sum = num(row._sum?.[field])
      const min = num(row._min?.[field])
      const max = num(row._max?.[field])
      if (sum != null) group.sum[field] = (group.sum[field] ?? 0) + sum
      if (min != null) group.min[field] = Math.min(group.min[field] ?? min, min)
      if (max != null) group.max[field] = Math.max(group.max[field] ?? max, max)
      group.counted[field] = (group.counted[field] ?? 0) + (row._count[field] ?? 0)
    }
  }
  return [...groups.values()].map(({ counted, ...group }) => {
    for (const field of options.numericFields) {
      const n = counted[field] ?? 0
      group.avg[field] = n > 0 && group.sum[field] != null ? (group.sum[field] as number) / n : null
    }
    return group
  })
}
