// The arguments every list of records takes: `where` (typed conditions per field, relations,
// withinDivision), `orderBy`, `search`, and the page arguments with their limits.
/* biome-ignore-all lint/suspicious/noExplicitAny: field names come from the family description (see registry.ts) */
import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SortDirection } from '../builder.ts'
import { userInputError } from './errors.ts'
import { constantCase, type FieldSpec, sortableFieldNames } from './fields.ts'
import { DateFilter, DateTimeFilter, DecimalFilter, enumFilter, IDFilter, IntFilter, StringFilter } from './filters.ts'
import { type Family, family } from './registry.ts'
import { combineWhere, type GraphQLWhere, type OrderByInput, searchFilter, toPrismaWhere } from './where.ts'

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
      for (const [name, spec] of Object.entries(f.fields)) {
        const type = filterType(spec)
        if (type) out[name] = t.field({ type, description: spec.description })
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
export function prismaWhereFor(f: Family, args: ListArgs) {
  return combineWhere({ deletedAt: null }, toPrismaWhere(f, args.where, family), searchFilter(args.search))
}

export function listArgs(t: any, f: Family) {
  return {
    where: t.arg({ type: f.whereRef, description: 'Only records meeting these conditions.' }),
    search: t.arg.string({ description: 'Text contained in the Chinese or English name, ignoring case.' }),
    orderBy: t.arg({
      type: [f.orderByRef],
      description: 'Sort keys in order of precedence; the id breaks ties. Default: by id.',
    }),
  }
}

/** Pothos's `maxSize` hook, used to refuse oversized pages instead of silently clamping them. */
export function refuseOversizedPages(args: { first?: number | null; last?: number | null }) {
  checkPageArgs(args)
  return MAX_PAGE_SIZE
}

export function checkPageArgs(args: {
  first?: number | null
  last?: number | null
  offset?: number | null
  after?: string | null
  before?: string | null
}) {
  for (const name of ['first', 'last'] as const) {
    const value = args[name]
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw userInputError(`${name} must be between 0 and ${MAX_PAGE_SIZE}.`, [
        { field: name, code: 'out_of_range', message: `0 – ${MAX_PAGE_SIZE}` },
      ])
    }
  }
  if (args.offset != null && args.offset < 0) {
    throw userInputError('offset must not be negative.', [{ field: 'offset', code: 'too_small', message: '>= 0' }])
  }
  if (args.offset != null && (args.after != null || args.before != null)) {
    throw userInputError('offset cannot be combined with a cursor (after/before).', [
      { field: 'offset', code: 'invalid', message: 'offset or cursor, not both' },
    ])
  }
}

export const pageDescription = `Pages hold ${DEFAULT_PAGE_SIZE} records unless \`first\` or \`last\` asks for up to ${MAX_PAGE_SIZE}.`
