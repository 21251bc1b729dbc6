// The arguments every list of records takes: `where` (typed conditions per field, relations,
// withinDivision), `orderBy`, `search`, and the page arguments with their limits.
/* biome-ignore-all lint/suspicious/noExplicitAny: field names come from the family description (see registry.ts) */

import type { Actor } from '../auth/actor.ts'
import { canReadRestricted } from '../auth/permissions.ts'
import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SortDirection } from '../builder.ts'
import { type CursorScope, keyKindOf, sortKeysOf } from './cursors.ts'
import { constantCase, type FieldSpec, sortableFieldNames } from './fields.ts'
import {
  BoundsInput,
  DateFilter,
  DateTimeFilter,
  DecimalFilter,
  enumFilter,
  IDFilter,
  IntFilter,
  StringFilter,
} from './filters.ts'
import { type Family, family } from './registry.ts'
import type { Locale } from './validation.ts'
import {
  combineWhere,
  type GraphQLWhere,
  type OrderByInput,
  searchColumnsOf,
  searchFilter,
  toPrismaOrderBy,
  toPrismaWhere,
} from './where.ts'

function filterType(spec: FieldSpec) {
  switch (spec.kind) {
    case 'text':
      return spec.filter === false ? undefined : StringFilter
    case 'int':
      return IntFilter
    case 'decimal':
      return DecimalFilter
    case 'date':
      return DateFilter
    case 'enum':
      return enumFilter(spec.enumName)
    case 'ref':
      return IDFilter
    default:
      return undefined
  }
}

export function defineWhere(f: Family) {
  f.whereRef.implement({
    description: `Conditions on ${f.options.plural}; all given conditions must hold.`,
    fields: (t: any) => {
      const out: Record<string, any> = {
        AND: t.field({ type: [f.whereRef], description: 'All of these conditions hold.' }),
        OR: t.field({ type: [f.whereRef], description: 'At least one of these conditions holds.' }),
        NOT: t.field({ type: f.whereRef, description: 'This condition does not hold.' }),
        id: t.field({ type: IDFilter, description: 'The record itself.' }),
        createdAt: t.field({ type: DateTimeFilter, description: 'When the record was created.' }),
        updatedAt: t.field({ type: DateTimeFilter, description: 'When the record last changed.' }),
      }
      if (f.within !== 'none') {
        out.withinDivision = t.id({
          description: 'In this division or any division beneath it (global ID of a Division).',
        })
      }
      if (f.fields.latitude?.kind === 'coordinate') {
        out.withinBounds = t.field({
          type: BoundsInput,
          description:
            'Located inside this latitude/longitude box (records without coordinates are not). Each record is compared in its own datum, the box converted.',
        })
      }
      for (const [name, spec] of Object.entries(f.fields)) {
        const type = filterType(spec)
        // A text longer than the column holds can never match, and a long pattern is costly to look
        // up (a trigram per character): the hardening plugin refuses it before any SQL.
        const extensions = spec.kind === 'text' ? { maxTextLength: spec.max } : undefined
        if (type) out[name] = t.field({ type, description: spec.description, extensions })
        if (spec.kind === 'ref') {
          out[spec.relation] = t.field({
            type: family(spec.target).whereRef,
            description: `Conditions on the ${spec.target} this record refers to.`,
          })
        }
      }
      return out
    },
  })
}

export function defineOrderBy(f: Family) {
  const sortable = ['nameZh', 'nameEn', ...sortableFieldNames(f.fields), 'createdAt', 'updatedAt']
  const values = Object.fromEntries(
    [...new Set(sortable)].map((name) => [
      constantCase(name),
      { value: name, description: f.fields[name]?.description ?? `When the record was ${name.slice(0, -2)}.` },
    ]),
  )
  const fieldEnum = builder.enumType(`${f.typename}OrderField`, {
    description: `Fields ${f.options.plural} can be sorted by.`,
    values,
  })
  f.orderByRef.implement({
    description: `A sort key for ${f.options.plural}.`,
    fields: (t: any) => ({
      field: t.field({ type: fieldEnum, required: true, description: 'The field to sort by.' }),
      direction: t.field({ type: SortDirection, defaultValue: 'asc', description: 'ASC by default.' }),
    }),
  })
}

export interface ListArgs {
  where?: GraphQLWhere | null
  search?: string | null
  orderBy?: OrderByInput[] | null
}

/** The Prisma where of a list: the caller's conditions, the search, and never the trash. */
export function prismaWhereFor(f: Family, args: ListArgs, ctx: { actor: Actor; locale: Locale }) {
  const viewer = { restricted: canReadRestricted(ctx.actor) }
  return combineWhere(
    { deletedAt: null },
    toPrismaWhere(f, args.where, family, viewer, ctx.locale),
    searchFilter(args.search, f),
  )
}

/**
 * `search`, no longer than the longest column it looks in: longer text never matches, and costs a
 * trigram lookup per character (the hardening plugin refuses it before any SQL).
 */
export function searchArg(t: any, f: Family) {
  const longest = Math.max(
    ...searchColumnsOf(f).map((column) => {
      const spec = f.fields[column]
      return spec?.kind === 'text' ? spec.max : 0
    }),
  )
  return t.arg.string({
    description: `Text contained in the Chinese or English name, ignoring case; at most ${longest} characters.`,
    extensions: { maxTextLength: longest },
  })
}

export function listArgs(t: any, f: Family) {
  return {
    where: t.arg({ type: f.whereRef, description: 'Only records meeting these conditions.' }),
    search: searchArg(t, f),
    orderBy: t.arg({
      type: [f.orderByRef],
      description: 'Sort keys in order of precedence; the id breaks ties. Default: by id.',
    }),
  }
}

export const pageDescription = `Pages hold ${DEFAULT_PAGE_SIZE} records unless \`first\` or \`last\` asks for up to ${MAX_PAGE_SIZE}; \`first\` and \`last\` cannot be combined. A cursor marks a place in the list's order (its record's sort values and id): the next page starts right after it even if that record was changed, trashed or purged meanwhile; it is refused (BAD_USER_INPUT, \`cursor_mismatch\`) with another list or \`orderBy\`.`

/** The list's type and order, which its cursors carry and are checked against. */
export function cursorScope(f: Family, orderBy: OrderByInput[] | null | undefined): CursorScope {
  const keys = sortKeysOf(toPrismaOrderBy(f.fields, orderBy))
  return { typename: f.typename, keys, kinds: keys.map((key) => keyKindOf(f.fields, key.field)) }
}
