// Pure translation of the GraphQL `where`, `search` and `orderBy` arguments into Prisma arguments.
import { type Bounds, boundsFilter } from './bounds.ts'
import { userInputError } from './errors.ts'
import type { FieldMap } from './fields.ts'
import { idOf } from './ids.ts'
import { type Locale, notAnIdZh } from './validation.ts'

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

const text = {
  notAnId: {
    en: (path: string, typename: string) => `${path}: not the ID of a ${typename}`,
    zh: (path: string, typename: string) => `${path}：${notAnIdZh(typename)}`,
  },
  notAnIdField: {
    en: (typename: string) => `Not the ID of a ${typename}`,
    zh: (typename: string) => notAnIdZh(typename),
  },
  unknownField: { en: (key: string) => `Unknown filter field ${key}`, zh: (key: string) => `未知的筛选字段 ${key}` },
}

/** BAD_USER_INPUT for a filter given something that is not a global ID of the type it filters on. */
function notAnIdError(path: string, typename: string, locale: Locale) {
  return userInputError(text.notAnId[locale](path, typename), [
    { field: path, code: 'invalid_id', message: text.notAnIdField[locale](typename) },
  ])
}

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

function idFilter(filter: Filter, typename: string, path: string, locale: Locale): Filter {
  return scalarFilter(filter, (globalId) => {
    const id = idOf(String(globalId), typename)
    if (id === undefined) throw notAnIdError(path, typename, locale)
    return id
  })
}

export function withinDivisionFilter(shape: WhereShape, divisionGlobalId: string, locale: Locale = 'en') {
  const id = idOf(divisionGlobalId, 'Division')
  if (id === undefined) throw notAnIdError('withinDivision', 'Division', locale)
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
  locale: Locale = 'en',
): Filter {
  if (!where) return {}
  const out: Filter = {}
  for (const [key, value] of Object.entries(where)) {
    if (value == null) continue
    if (key === 'AND' || key === 'OR') {
      out[key] = (value as GraphQLWhere[]).map((w) => toPrismaWhere(shape, w, lookup, viewer, locale))
    } else if (key === 'NOT') {
      out.NOT = toPrismaWhere(shape, value as GraphQLWhere, lookup, viewer, locale)
    } else if (key === 'id') {
      out.id = idFilter(value as Filter, shape.typename, 'id', locale)
    } else if (key === 'withinDivision') {
      Object.assign(out, withinDivisionFilter(shape, String(value), locale))
    } else if (key === 'withinBounds') {
      // Its own AND entry: its OR must not replace an OR the caller gave beside it. A box would
      // otherwise locate a restricted record by bisection, so those never match for such callers.
      const hidden = !viewer.restricted && shape.restrictedCoordinates ? [{ NOT: shape.restrictedCoordinates }] : []
      out.AND = [...((out.AND as Filter[] | undefined) ?? []), boundsFilter(value as Bounds, locale), ...hidden]
    } else if (key === 'createdAt' || key === 'updatedAt') {
      out[key] = scalarFilter(value as Filter)
    } else {
      const spec = shape.fields[key]
      const relationOf = Object.entries(shape.fields).find(([, s]) => s.kind === 'ref' && s.relation === key)
      if (relationOf && relationOf[1].kind === 'ref') {
        out[key] = { is: toPrismaWhere(lookup(relationOf[1].target), value as GraphQLWhere, lookup, viewer, locale) }
      } else if (!spec) {
        throw userInputError(text.unknownField[locale](key))
      } else if (spec.kind === 'text') {
        out[key] = stringFilter(value as Filter)
      } else if (spec.kind === 'ref') {
        out[key] = idFilter(value as Filter, spec.target, key, locale)
      } else {
        out[key] = scalarFilter(value as Filter)
      }
    }
  }
  return out
}

const NAME_COLUMNS = ['nameZh', 'nameEn'] as const

/** The columns `search` looks in: the names in both languages unless the family says more. */
export const searchColumnsOf = (shape?: Pick<WhereShape, 'searchColumns'>) => shape?.searchColumns ?? NAME_COLUMNS

/** The family's search columns contain the text, ignoring case. */
export function searchFilter(search: string | null | undefined, shape?: Pick<WhereShape, 'searchColumns'>): Filter {
  const trimmed = search?.trim()
  if (!trimmed) return {}
  const text = likeLiteral(trimmed)
  const columns = searchColumnsOf(shape)
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
