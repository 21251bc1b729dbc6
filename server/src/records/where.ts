// Pure translation of the GraphQL `where`, `search` and `orderBy` arguments into Prisma arguments.
import { type Bounds, boundsFilter } from './bounds.ts'
import { userInputError } from './errors.ts'
import type { FieldMap } from './fields.ts'
import { idOf } from './ids.ts'

/** What the translation needs to know of a record family. */
export interface WhereShape {
  typename: string
  fields: FieldMap
  /** How `withinDivision` applies: through the `division` relation, to the division itself, or not at all. */
  within: 'relation' | 'self' | 'none'
  /** The columns `search` looks in; the names in both languages when absent. */
  searchColumns?: readonly string[]
  /** Which records' coordinates are restricted (a Prisma condition), e.g. children's homes. */
  restrictedCoordinates?: Record<string, unknown>
}

/** What the caller may see, as far as filters can reveal it. */
export interface Viewer {
  /** May read restricted fields; otherwise `withinBounds` never matches records whose coordinates are restricted. */
  restricted: boolean
}

const EVERYTHING: Viewer = { restricted: true }

type Filter = Record<string, unknown>
export type GraphQLWhere = Record<string, unknown> & { AND?: GraphQLWhere[]; OR?: GraphQLWhere[]; NOT?: GraphQLWhere }

const COMPARISONS = ['equals', 'in', 'not', 'lt', 'lte', 'gt', 'gte'] as const

function scalarFilter(filter: Filter, convert: (value: unknown) => unknown = (v) => v): Filter {
  const out: Filter = {}
  for (const op of COMPARISONS) {
    const value = filter[op]
    if (value === undefined) continue
    out[op] = op === 'in' ? (value as unknown[]).map(convert) : value === null ? null : convert(value)
  }
  return out
}

/**
 * The text as a LIKE pattern that matches it literally: Prisma puts `contains`/`startsWith` into
 * LIKE as they are, where `%` and `_` would match anything. Backslash is PostgreSQL's LIKE escape.
 */
export function likeLiteral(text: string) {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`)
}

function stringFilter(filter: Filter): Filter {
  const out = scalarFilter(filter)
  // Contains and startsWith ignore case; equals stays exact so it can use the plain index.
  if (filter.contains != null) out.contains = likeLiteral(String(filter.contains))
  if (filter.startsWith != null) out.startsWith = likeLiteral(String(filter.startsWith))
  if (out.contains !== undefined || out.startsWith !== undefined) out.mode = 'insensitive'
  return out
}

function idFilter(filter: Filter, typename: string, path: string): Filter {
  return scalarFilter(filter, (globalId) => {
    const id = idOf(String(globalId), typename)
    if (id === undefined) {
      throw userInputError(`${path}: not the ID of a ${typename}`, [
        { field: path, code: 'invalid_id', message: `Not the ID of a ${typename}` },
      ])
    }
    return id
  })
}

export function withinDivisionFilter(shape: WhereShape, divisionGlobalId: string) {
  const id = idOf(divisionGlobalId, 'Division')
  if (id === undefined) {
    throw userInputError('withinDivision: not the ID of a Division', [
      { field: 'withinDivision', code: 'invalid_id', message: 'Not the ID of a Division' },
    ])
  }
  const test = { ancestorIds: { has: id } }
  return shape.within === 'self' ? test : { division: test }
}

/**
 * Translates a family's GraphQL `where` into a Prisma `where`. `lookup` gives the shape of another
 * family for relation filters (e.g. `park: { nameZh: … }` on enterprises).
 */
export function toPrismaWhere(
  shape: WhereShape,
  where: GraphQLWhere | null | undefined,
  lookup: (typename: string) => WhereShape,
  viewer: Viewer = EVERYTHING,
): Filter {
  if (!where) return {}
  const out: Filter = {}
  for (const [key, value] of Object.entries(where)) {
    if (value == null) continue
    if (key === 'AND' || key === 'OR') {
      out[key] = (value as GraphQLWhere[]).map((w) => toPrismaWhere(shape, w, lookup, viewer))
    } else if (key === 'NOT') {
      out.NOT = toPrismaWhere(shape, value as GraphQLWhere, lookup, viewer)
    } else if (key === 'id') {
      out.id = idFilter(value as Filter, shape.typename, 'id')
    } else if (key === 'withinDivision') {
      Object.assign(out, withinDivisionFilter(shape, String(value)))
    } else if (key === 'withinBounds') {
      // Its own AND entry: its OR must not replace an OR the caller gave beside it. A box would
      // otherwise locate a restricted record by bisection, so those never match for such callers.
      const hidden = !viewer.restricted && shape.restrictedCoordinates ? [{ NOT: shape.restrictedCoordinates }] : []
      out.AND = [...((out.AND as Filter[] | undefined) ?? []), boundsFilter(value as Bounds), ...hidden]
    } else if (key === 'createdAt' || key === 'updatedAt') {
      out[key] = scalarFilter(value as Filter)
    } else {
      const spec = shape.fields[key]
      const relationOf = Object.entries(shape.fields).find(([, s]) => s.kind === 'ref' && s.relation === key)
      if (relationOf && relationOf[1].kind === 'ref') {
        out[key] = { is: toPrismaWhere(lookup(relationOf[1].target), value as GraphQLWhere, lookup, viewer) }
      } else if (!spec) {
        throw userInputError(`Unknown filter field ${key}`)
      } else if (spec.kind === 'text') {
        out[key] = stringFilter(value as Filter)
      } else if (spec.kind === 'ref') {
        out[key] = idFilter(value as Filter, spec.target, key)
      } else {
        out[key] = scalarFilter(value as Filter)
      }
    }
  }
  return out
}

const NAME_COLUMNS = ['nameZh', 'nameEn'] as const

/** The family's search columns (names in both languages unless it says more) contain the text, ignoring case. */
export function searchFilter(search: string | null | undefined, shape?: Pick<WhereShape, 'searchColumns'>): Filter {
  const trimmed = search?.trim()
  if (!trimmed) return {}
  const text = likeLiteral(trimmed)
  const columns = shape?.searchColumns ?? NAME_COLUMNS
  return { OR: columns.map((column) => ({ [column]: { contains: text, mode: 'insensitive' } })) }
}

export function combineWhere(...parts: Filter[]): Filter {
  const nonEmpty = parts.filter((part) => Object.keys(part).length > 0)
  if (nonEmpty.length === 0) return {}
  if (nonEmpty.length === 1) return nonEmpty[0] as Filter
  return { AND: nonEmpty }
}

export interface OrderByInput {
  field: string
  direction?: 'asc' | 'desc' | null
}

/**
 * Prisma orderBy for the requested sort; the id is always the last key so pages are stable and
 * cursors are unambiguous. Optional fields sort their empty values last in both directions.
 */
export function toPrismaOrderBy(fields: FieldMap, orderBy: OrderByInput[] | null | undefined) {
  const keys = (orderBy ?? []).map(({ field, direction }) => {
    const sort = direction ?? 'asc'
    const spec = fields[field]
    const nullable = spec ? !spec.required : false
    return { [field]: nullable ? { sort, nulls: 'last' } : sort }
  })
  return [...keys, { id: 'asc' }]
}
