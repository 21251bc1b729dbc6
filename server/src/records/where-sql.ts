// The Prisma `where` that where.ts builds, as a SQL condition, for the statements Prisma cannot
// express (grouping by a division level in aggregates). It understands exactly the vocabulary
// where.ts produces — comparisons, case-insensitive contains/startsWith, AND/OR/NOT, to-one relation
// filters, `ancestorIds has` — with Prisma's meaning for each, and refuses anything else, so a new
// filter in where.ts fails loudly here instead of filtering wrongly.
import { Prisma } from '@minsheng/db'
import type { FieldSpec } from './fields.ts'
import type { WhereShape } from './where.ts'

type Filter = Record<string, unknown>
type Lookup = (typename: string) => WhereShape

const { sql, join, raw } = Prisma
const TRUE = sql`TRUE`
const FALSE = sql`FALSE`

/** A quoted identifier; names come from the schema description, never from the caller. */
export const ident = (name: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not an identifier: ${name}`)
  return raw(`"${name}"`)
}

/** A table of the copy being read: `"published"."Hospital"`. */
export const table = (schema: string, name: string) => sql`${ident(schema)}.${ident(name)}`

/** How a column's values are written as parameters, and how the column is compared. */
interface ColumnType {
  column: Prisma.Sql
  cast: (value: unknown) => Prisma.Sql
}

function columnType(alias: string, name: string, spec: FieldSpec | undefined, schema: string): ColumnType {
  const column = sql`${ident(alias)}.${ident(name)}`
  if (name === 'id' || name === 'createdAt' || name === 'updatedAt' || name === 'deletedAt') {
    return name === 'id'
      ? { column, cast: (v) => sql`${v}::int` }
      : { column, cast: (v) => sql`${v instanceof Date ? v.toISOString() : v}::timestamp` }
  }
  switch (spec?.kind) {
    case 'int':
    case 'ref':
      return { column, cast: (v) => sql`${v}::int` }
    case 'decimal':
    case 'coordinate':
      return { column, cast: (v) => sql`${String(v)}::numeric` }
    case 'date':
      return { column, cast: (v) => sql`${v instanceof Date ? v.toISOString().slice(0, 10) : v}::date` }
    case 'enum':
      // The value as the column's own type, as Prisma writes it: compared as text instead, the
      // column could use none of its indexes (a list of one kind within a division read every row
      // of the family). Enums are only compared for equality (equals, not, in).
      return { column, cast: (v) => sql`CAST(${v}::text AS ${table(schema, spec.enumName)})` }
    case 'text':
      return { column, cast: (v) => sql`${v}::text` }
    default:
      throw new Error(`No SQL filter for ${name}`)
  }
}

function scalarCondition(type: ColumnType, filter: unknown): Prisma.Sql {
  // A bare value (e.g. `deletedAt: null`) means equals.
  if (filter === null || typeof filter !== 'object' || filter instanceof Date) {
    return filter === null ? sql`${type.column} IS NULL` : sql`${type.column} = ${type.cast(filter)}`
  }
  const parts: Prisma.Sql[] = []
  const f = filter as Filter
  const insensitive = f.mode === 'insensitive'
  // In Prisma's insensitive mode every comparison of the filter ignores case, not only contains.
  const { column, cast } = insensitive
    ? { column: sql`lower(${type.column})`, cast: (v: unknown) => sql`lower(${type.cast(v)})` }
    : type
  for (const [op, value] of Object.entries(f)) {
    if (value === undefined || op === 'mode') continue
    switch (op) {
      case 'equals':
        parts.push(value === null ? sql`${column} IS NULL` : sql`${column} = ${cast(value)}`)
        break
      case 'not':
        // Prisma's `not`: rows with no value do not match a `not` of a value.
        parts.push(value === null ? sql`${column} IS NOT NULL` : sql`${column} <> ${cast(value)}`)
        break
      case 'in': {
        const values = value as unknown[]
        parts.push(values.length === 0 ? FALSE : sql`${column} IN (${join(values.map(cast))})`)
        break
      }
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte': {
        const operator = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[op]
        parts.push(sql`${column} ${raw(operator)} ${cast(value)}`)
        break
      }
      case 'contains':
      case 'startsWith': {
        // where.ts has escaped % and _ (likeLiteral), as it does for Prisma: the same rows match.
        const pattern = op === 'contains' ? `%${String(value)}%` : `${String(value)}%`
        parts.push(sql`${type.column} ${raw(insensitive ? 'ILIKE' : 'LIKE')} ${pattern}::text`)
        break
      }
      default:
        throw new Error(`No SQL for the filter operator ${op}`)
    }
  }
  return parts.length === 0 ? TRUE : sql`(${join(parts, ' AND ')})`
}

/** The division whose descendants `ancestorIds: { has }` asks for (the only filter of it with SQL). */
function ancestorOf(value: unknown): number {
  const { has, ...rest } = value as { has?: number }
  if (has === undefined || Object.keys(rest).length > 0) throw new Error('ancestorIds: only `has` has SQL')
  return has
}

/**
 * Whether the division in `division` is `ancestor` or beneath it (`ancestorIds` has it), read from
 * the copy's DivisionAncestry (kept from the divisions' ancestorIds by triggers): entries of its
 * primary key alone, in division order, where `"ancestorIds" @> ARRAY[…]` had to read the divisions'
 * rows — a county's page counted its records in 3.1 ms, now 1.2 (the migration says more).
 */
const withinAncestor = (schema: string, division: Prisma.Sql, ancestor: number, depth: number) => {
  const a = ident(`a${depth + 1}`)
  return sql`EXISTS (SELECT 1 FROM ${table(schema, 'DivisionAncestry')} ${a} WHERE ${a}."ancestorId" = ${ancestor}::int AND ${a}."divisionId" = ${division})`
}

/**
 * The condition `where` sets on rows of `shape`'s table under `alias`. Relation filters become
 * EXISTS subqueries on the related table; `depth` keeps their aliases apart.
 */
export function whereToSql(
  shape: WhereShape,
  where: Filter,
  alias: string,
  lookup: Lookup,
  schema = 'public',
  depth = 0,
): Prisma.Sql {
  const parts: Prisma.Sql[] = []
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue
    if (key === 'AND' || key === 'OR') {
      const list = (Array.isArray(value) ? value : [value]) as Filter[]
      const compiled = list.map((w) => whereToSql(shape, w, alias, lookup, schema, depth))
      if (key === 'AND') parts.push(compiled.length === 0 ? TRUE : sql`(${join(compiled, ' AND ')})`)
      else parts.push(compiled.length === 0 ? FALSE : sql`(${join(compiled, ' OR ')})`)
    } else if (key === 'NOT') {
      const list = (Array.isArray(value) ? value : [value]) as Filter[]
      for (const w of list) parts.push(sql`NOT (${whereToSql(shape, w, alias, lookup, schema, depth)})`)
    } else if (key === 'ancestorIds') {
      parts.push(withinAncestor(schema, sql`${ident(alias)}."id"`, ancestorOf(value), depth))
    } else {
      const relation = Object.entries(shape.fields).find(([, s]) => s.kind === 'ref' && s.relation === key)
      if (relation && relation[1].kind === 'ref') {
        const target = lookup(relation[1].target)
        const inner = `r${depth + 1}`
        const filter = (value as Filter).is !== undefined ? ((value as Filter).is as Filter) : (value as Filter)
        // "Within a division" on the record's division: its ancestry alone, not the division's row.
        if (target.typename === 'Division' && Object.keys(filter).join() === 'ancestorIds') {
          parts.push(
            withinAncestor(schema, sql`${ident(alias)}.${ident(relation[0])}`, ancestorOf(filter.ancestorIds), depth),
          )
          continue
        }
        parts.push(
          sql`EXISTS (SELECT 1 FROM ${table(schema, target.typename)} ${ident(inner)} WHERE ${ident(inner)}."id" = ${ident(alias)}.${ident(relation[0])} AND ${whereToSql(target, filter, inner, lookup, schema, depth + 1)})`,
        )
      } else {
        parts.push(scalarCondition(columnType(alias, key, shape.fields[key], schema), value))
      }
    }
  }
  return parts.length === 0 ? TRUE : sql`(${join(parts, ' AND ')})`
}
