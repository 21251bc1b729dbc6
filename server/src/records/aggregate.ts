// Aggregates as one grouped SQL statement: the database counts, sums and groups, including by the
// division at a level (each record's division's ancestor at that level, joined through the
// divisions' ancestry), which Prisma's groupBy cannot express. Rolling up per-division rows in JS
// instead cost ~440 ms of CPU and hundreds of MB per request on 100k records (bench scenario 4).
import { Prisma } from '@minsheng/db'
import type { WhereShape } from './where.ts'
import { ident, table, whereToSql } from './where-sql.ts'

const { sql, join, raw, empty } = Prisma

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

export interface AggregateQuery {
  shape: WhereShape
  lookup: (typename: string) => WhereShape
  /** The PostgreSQL schema of the copy being read (public, published, or a copy as of a moment). */
  schema: string
  /** The Prisma where of the list (where.ts), trash excluded. */
  where: Record<string, unknown>
  /** The numeric fields to compute each metric of: those the query selects (selectedFigures). */
  figures: Figures
  /** Enum fields to group by. */
  enumFields: string[]
  /** Group by the division at this level that holds each record. */
  divisionLevel?: string
  /** Group by the year of this date field. */
  yearField?: string
}

export const METRICS = ['sum', 'avg', 'min', 'max'] as const
export type Metric = (typeof METRICS)[number]
export type Figures = Record<Metric, string[]>
const metricAlias = (metric: string, field: string) => raw(`"${metric}_${field}"`)

export function aggregateStatement(q: AggregateQuery): Prisma.Sql {
  const keys: Prisma.Sql[] = []
  /** What the rows are grouped on: the raw columns (an enum hashes cheaper than its text). */
  const grouped: Prisma.Sql[] = []
  let joins = empty
  if (q.divisionLevel) {
    // Every division under a division of the level, with it: the few divisions of the level
    // (Division_level_idx), then their descendants from the ancestry's primary key alone, hashed and
    // joined to the records. A division has at most one ancestor (or itself) per level, so the join
    // keeps every record once; a record above the level lands in the group without a division.
    // Finding the descendants through the divisions' rows (Division_ancestorIds_idx, GIN) took 21.6
    // ms of the bench's care facilities by county on the 100k fill, this 9.5 (EXPLAIN ANALYZE); a
    // nested loop testing each division's ancestors against every division of the level, 92.
    const level = sql`CAST(${q.divisionLevel}::text AS ${ident(q.schema)}."DivisionLevel")`
    const own = q.shape.within === 'self' ? sql`"rec"."id"` : sql`"rec"."divisionId"`
    joins = sql`LEFT JOIN (SELECT "a"."divisionId" AS "own", "lvl"."id" AS "lvl" FROM ${table(q.schema, 'Division')} "lvl"
      JOIN ${table(q.schema, 'DivisionAncestry')} "a" ON "a"."ancestorId" = "lvl"."id" WHERE "lvl"."level" = ${level}) "m"
      ON "m"."own" = ${own}`
    keys.push(sql`"m"."lvl" AS "divisionId"`)
    grouped.push(sql`"m"."lvl"`)
  }
  for (const name of q.enumFields) {
    keys.push(sql`"rec".${ident(name)}::text AS ${ident(name)}`)
    grouped.push(sql`"rec".${ident(name)}`)
  }
  if (q.yearField) {
    const year = sql`EXTRACT(YEAR FROM "rec".${ident(q.yearField)})::int`
    keys.push(sql`${year} AS "year"`)
    grouped.push(year)
  }
  const metrics = [sql`count(*)::int AS "count"`]
  for (const metric of METRICS) {
    for (const field of q.figures[metric]) {
      metrics.push(sql`${raw(metric)}("rec".${ident(field)})::float8 AS ${metricAlias(metric, field)}`)
    }
  }
  // Ordered by the keys as returned (an enum by its text, as before).
  const positions = keys.map((_, i) => raw(String(i + 1)))
  const grouping = keys.length > 0 ? sql`GROUP BY ${join(grouped)} ORDER BY ${join(positions)}` : empty
  return sql`SELECT ${join([...keys, ...metrics])}
    FROM ${table(q.schema, q.shape.typename)} "rec" ${joins}
    WHERE ${whereToSql(q.shape, q.where, 'rec', q.lookup, q.schema)}
    ${grouping}`
}

/** The statement's rows as the groups the API returns. */
export function toGroups(rows: Record<string, unknown>[], q: AggregateQuery): AggregateGroup[] {
  const num = (value: unknown) => (value == null ? null : Number(value))
  return rows.map((row) => {
    const group: AggregateGroup = {
      divisionId: q.divisionLevel ? num(row.divisionId) : null,
      keys: Object.fromEntries(q.enumFields.map((name) => [name, row[name] ?? null])),
      year: q.yearField ? num(row.year) : null,
      count: Number(row.count),
      sum: {},
      avg: {},
      min: {},
      max: {},
    }
    for (const metric of METRICS) {
      for (const field of q.figures[metric]) group[metric][field] = num(row[`${metric}_${field}`])
    }
    return group
  })
}
