// The one mechanism every record family shares: object fields, the root connection with filters,
// search and sort, nested connections, aggregates, and create/update/delete with validation.
// Each family's file (server/src/schema/<record>.ts) only states what is particular to it.
//
// Field names here are computed from the family description, which TypeScript cannot follow
// through Pothos's generics; the builder calls below are therefore loosely typed on purpose.
/* biome-ignore-all lint/suspicious/noExplicitAny: see above */
import { builder, type Context, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SortDirection } from '../builder.ts'
import { db } from '../db.ts'
import { enums } from '../schema/enums.ts'
import { type AggregateQuery, aggregateStatement, toGroups } from './aggregate.ts'
import { userInputError } from './errors.ts'
import {
  aggregateFieldNames,
  commonFields,
  constantCase,
  type FieldMap,
  type FieldSpec,
  groupableEnumFields,
  sortableFieldNames,
} from './fields.ts'
import { DateFilter, DateTimeFilter, DecimalFilter, enumFilter, IDFilter, IntFilter, StringFilter } from './filters.ts'
import {
  combineWhere,
  type GraphQLWhere,
  type OrderByInput,
  searchFilter,
  toPrismaOrderBy,
  toPrismaWhere,
  type WhereShape,
} from './where.ts'

type Tx = any

export interface FamilyOptions {
  /** Prisma model and GraphQL type name, e.g. `Hospital`. */
  typename: string
  /** Root connection field, e.g. `hospitals`. */
  plural: string
  description: string
  /** Fields particular to the family; the common ones (names, coordinates, note) are added. */
  fields: FieldMap
  within: WhereShape['within']
  /** Date or year field that `groupBy: { year: true }` uses. */
  yearField?: string
  /** Input fields for nested writes (prices, observations, many-to-many links). */
  extraInputFields?: (t: any) => Record<string, any>
  /** Prisma nested-write data for the extra input fields; runs in the mutation's transaction. */
  nestedData?: (input: Record<string, any>, mode: 'create' | 'update', ctx: Context) => Record<string, unknown>
  /** Coordinates that are restricted for some records (e.g. children's homes). */
  restrictCoordinates?: { when: (parent: any) => boolean; select: Record<string, boolean>; description: string }
  /** Adjusts the scalar data before it is written (e.g. a division's ancestor ids). */
  beforeWrite?: (args: { tx: Tx; data: Record<string, any>; mode: 'create' | 'update'; id?: number }) => Promise<void>
  afterWrite?: (args: {
    tx: Tx
    id: number
    mode: 'create' | 'update'
    input: Record<string, any>
    ctx: Context
    before?: Record<string, any>
  }) => Promise<void>
}

export interface Family extends WhereShape {
  options: FamilyOptions
  delegate: string
  whereRef: any
  orderByRef: any
}

const families = new Map<string, Family>()

export function family(typename: string): Family {
  const found = families.get(typename)
  if (!found) throw new Error(`Unknown record family ${typename}`)
  return found
}

const lowerFirst = (name: string) => name[0]?.toLowerCase() + name.slice(1)
const delegateOf = (tx: Tx, f: Family) => tx[f.delegate]

export function defineFamily(options: FamilyOptions): Family {
  const fields: FieldMap = { ...commonFields, ...options.fields }
  const f: Family = {
    options,
    typename: options.typename,
    fields,
    within: options.within,
    delegate: lowerFirst(options.typename),
    whereRef: builder.inputRef<GraphQLWhere>(`${options.typename}Where`),
    orderByRef: builder.inputRef<OrderByInput>(`${options.typename}OrderBy`),
  }
  families.set(options.typename, f)
  defineWhere(f)
  defineOrderBy(f)
  return f
}

// ——— Output fields ————————————————————————————————————————————————————————————

const toNumber = (value: unknown) => (value == null ? null : Number(value))

/** Restricted fields read as null for callers without the restricted scope. */
const restrictedOptions = { authScopes: { restricted: true }, unauthorizedResolver: () => null }

function outputField(t: any, f: Family, name: string, spec: FieldSpec) {
  const description = spec.restricted ? `${spec.description} Restricted.` : spec.description
  const common = { nullable: !spec.required, description, ...(spec.restricted ? restrictedOptions : {}) }
  switch (spec.kind) {
    case 'text':
      return t.exposeString(name, common)
    case 'textList':
      return t.exposeStringList(name, { description })
    case 'int':
      return t.expose(name, { type: (spec.min ?? -1) >= 0 ? 'NonNegativeInt' : 'Int', ...common })
    case 'decimal':
      return t.expose(name, { type: 'Decimal', ...common })
    case 'date':
      return t.expose(name, { type: 'Date', ...common })
    case 'enum':
      return t.expose(name, { type: enumRef(spec.enumName), ...common })
    case 'coordinate': {
      const rule = f.options.restrictCoordinates
      return t.field({
        type: spec.axis === 'latitude' ? 'Latitude' : 'Longitude',
        nullable: true,
        description: rule ? `${description} ${rule.description}` : description,
        select: { [name]: true, ...(rule?.select ?? {}) },
        ...(rule
          ? {
              authScopes: (parent: any) => (rule.when(parent) ? { restricted: true } : true),
              unauthorizedResolver: () => null,
            }
          : {}),
        resolve: (parent: any) => toNumber(parent[name]),
      })
    }
    case 'ref':
      return undefined
  }
}

function enumRef(name: string) {
  const found = (enums as Record<string, { ref: unknown }>)[name]
  if (!found) throw new Error(`No GraphQL enum ${name}`)
  return found.ref
}

/** The family's scalar fields, timestamps, version and (where the model has them) citations. */
export function recordFields(t: any, f: Family, { citations = true } = {}) {
  const out: Record<string, any> = {}
  for (const [name, spec] of Object.entries(f.fields)) {
    const field = outputField(t, f, name, spec)
    if (field) out[name] = field
  }
  out.createdAt = t.expose('createdAt', { type: 'DateTime', description: 'When the record was created.' })
  out.updatedAt = t.expose('updatedAt', { type: 'DateTime', description: 'When the record last changed.' })
  out.version = t.exposeInt('version', {
    description: 'Increases with every change; pass it to update and delete to detect concurrent edits.',
  })
  out.deletedAt = t.expose('deletedAt', {
    type: 'DateTime',
    nullable: true,
    description: 'When the record was moved to the trash; null while it is live.',
  })
  if (citations) {
    out.citations = t.relation('citations', {
      description: 'Where the figures of this record come from: one citation per cited field.',
      query: { orderBy: { id: 'asc' } },
    })
  }
  out.history = t.field({
    type: ['AuditEvent'],
    authScopes: { operator: true },
    unauthorizedResolver: () => [],
    description: 'Every change to this record, newest first, with who made it and the fields changed (operators only).',
    select: { id: true },
    resolve: (parent: any) =>
      db().auditEvent.findMany({
        where: { recordType: f.typename, recordId: parent.id },
        orderBy: { id: 'desc' },
      }),
  })
  return out
}

/** Scalar field names of the family (what audit events record). */
export function recordFieldNames(f: Family) {
  return Object.keys(f.fields)
}

/** Options every record type's prismaNode shares: global ID, authorisation, and trash exclusion. */
export function nodeOptions(f: Family) {
  return {
    id: { field: 'id' },
    // Select mode: a request reads only the columns its fields need, not every column of every
    // row (mapping unused columns was most of the nested scenario's CPU time).
    select: { id: true },
    // node(id:) answers null for an ID that finds nothing, a record in the trash included.
    nullable: true,
    findUnique: (id: string) => ({ id: Number(id), deletedAt: null }),
    // Every path to a record of this type checks it, whatever the field that returned it.
    authScopes: { readType: f.typename },
  } as const
}

/** A to-one relation; a record the caller may not read looks like no record. */
export function link(t: any, relation: string, targetTypename: string, description: string, nullable = false) {
  return t.relation(relation, {
    description,
    nullable,
    ...(nullable ? { authScopes: { readType: targetTypename }, unauthorizedResolver: () => null } : {}),
  })
}

// ——— Filters and sort ——————————————————————————————————————————————————————————

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

function defineWhere(f: Family) {
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

function defineOrderBy(f: Family) {
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
  return combineWhere({ deletedAt: null }, toPrismaWhere(f, args.where, family), searchFilter(args.search, f))
}

function listArgs(t: any, f: Family) {
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
function refuseOversizedPages(args: { first?: number | null; last?: number | null }) {
  checkPageArgs(args)
  return MAX_PAGE_SIZE
}

function checkPageArgs(args: {
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

const pageDescription = `Pages hold ${DEFAULT_PAGE_SIZE} records unless \`first\` or \`last\` asks for up to ${MAX_PAGE_SIZE}.`

/** A nested connection from a record to its related records of another family, with the same arguments. */
export function relatedRecords(t: any, relation: string, targetTypename: string, description: string) {
  const target = () => family(targetTypename)
  return t.relatedConnection(
    relation,
    {
      description: `${description} ${pageDescription}`,
      // A list of records the caller may not read looks like an empty list.
      authScopes: { readType: targetTypename },
      unauthorizedResolver: () => EMPTY_CONNECTION,
      cursor: 'id',
      totalCount: true,
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: refuseOversizedPages,
      args: {
        where: t.arg({ type: target().whereRef, description: 'Only records meeting these conditions.' }),
        search: t.arg.string({ description: 'Text contained in the Chinese or English name, ignoring case.' }),
        orderBy: t.arg({ type: [target().orderByRef], description: 'Sort keys; the id breaks ties.' }),
      },
      query: (args: ListArgs) => ({
        where: prismaWhereFor(target(), args),
        orderBy: toPrismaOrderBy(target().fields, args.orderBy),
      }),
    },
    connectionTypeOptions(targetTypename),
    edgeTypeOptions(targetTypename),
  )
}

const EMPTY_CONNECTION = {
  edges: [],
  totalCount: 0,
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
}

const connectionTypeOptions = (typename: string) => ({
  description: `A page of ${typename} records, with the total count of the whole list.`,
})
const edgeTypeOptions = (typename: string) => ({ description: `A ${typename} in a page, with its cursor.` })

// ——— Root query, aggregates, mutations ————————————————————————————————————————————

export function addRootConnection(f: Family) {
  builder.queryField(f.options.plural, (t: any) =>
    t.prismaConnection(
      {
        type: f.typename,
        cursor: 'id',
        authScopes: { readType: f.typename },
        description: `${f.options.description} ${pageDescription} Use cursors (first/after, last/before) or \`offset\` with \`first\` for numbered pages.`,
        defaultSize: DEFAULT_PAGE_SIZE,
        maxSize: refuseOversizedPages,
        args: {
          ...listArgs(t, f),
          offset: t.arg.int({ description: 'Records to skip before the page (page-based clients); not with cursors.' }),
        },
        totalCount: (_parent: unknown, args: ListArgs) => delegateOf(db(), f).count({ where: prismaWhereFor(f, args) }),
        resolve: (query: any, _parent: unknown, args: ListArgs & { offset?: number | null }) => {
          checkPageArgs(args as never)
          const skip = query.cursor ? query.skip : (args.offset ?? 0)
          return delegateOf(db(), f).findMany({
            ...query,
            skip,
            where: prismaWhereFor(f, args),
            orderBy: toPrismaOrderBy(f.fields, args.orderBy),
          })
        },
      },
      connectionTypeOptions(f.typename),
      edgeTypeOptions(f.typename),
    ),
  )
}

export function addAggregate(f: Family) {
  const numeric = aggregateFieldNames(f.fields)
  const enumFields = groupableEnumFields(f.fields)
  const T = f.typename
  const numbers =
    numeric.length > 0
      ? builder.objectRef<Record<string, number | null>>(`${T}AggregateNumbers`).implement({
          description: `Numeric fields of ${f.options.plural}, aggregated (empty values are ignored).`,
          fields: (t: any) =>
            Object.fromEntries(
              numeric.map((name) => [
                name,
                t.float({ nullable: true, description: f.fields[name]?.description, resolve: (p: any) => p[name] }),
              ]),
            ),
        })
      : undefined
  const canGroup = f.within !== 'none' || enumFields.length > 0 || Boolean(f.options.yearField)
  const groupBy =
    canGroup &&
    builder.inputType(`${T}GroupBy`, {
      description: `How to group ${f.options.plural}; with nothing set, one group holds them all.`,
      fields: (t: any) => {
        const out: Record<string, any> = {}
        if (f.within !== 'none') {
          out.divisionLevel = t.field({
            type: enums.DivisionLevel.ref,
            description: 'Group by the division at this level that contains each record (e.g. COUNTY).',
          })
        }
        for (const name of enumFields) out[name] = t.boolean({ description: `Group by ${name}.` })
        if (f.options.yearField) {
          out.year = t.boolean({ description: `Group by the year of ${f.options.yearField}.` })
        }
        return out
      },
    })
  const group = builder.objectRef<any>(`${T}AggregateGroup`).implement({
    description: `One group of ${f.options.plural} with its figures.`,
    fields: (t: any) => {
      const out: Record<string, any> = {
        count: t.int({ description: 'Records in the group.', resolve: (g: any) => g.count }),
      }
      if (f.within !== 'none') {
        out.division = t.prismaField({
          type: 'Division',
          nullable: true,
          description: 'The division of the group, when grouped by division level.',
          resolve: (query: any, g: any) => {
            if (g.divisionId != null) return db().division.findUnique({ ...query, where: { id: g.divisionId } })
            // A group without a division loads nothing; reading the selection tells Pothos's
            // unused-query check that this is deliberate.
            void { ...query }
            return null
          },
        })
      }
      for (const name of enumFields) {
        const spec = f.fields[name] as Extract<FieldSpec, { kind: 'enum' }>
        out[name] = t.field({
          type: enumRef(spec.enumName),
          nullable: true,
          description: `The ${name} of the group, when grouped by it.`,
          resolve: (g: any) => g.keys[name],
        })
      }
      if (f.options.yearField) {
        out.year = t.int({ nullable: true, description: 'The year of the group.', resolve: (g: any) => g.year })
      }
      if (numbers) {
        for (const metric of ['sum', 'avg', 'min', 'max'] as const) {
          out[metric] = t.field({
            type: numbers,
            description: { sum: 'Totals.', avg: 'Averages.', min: 'Smallest values.', max: 'Largest values.' }[metric],
            resolve: (g: any) => g[metric],
          })
        }
      }
      return out
    },
  })
  builder.queryField(`${f.options.plural}Aggregate`, (t: any) =>
    t.field({
      type: [group],
      authScopes: { readType: f.typename },
      description: `Counts and figures of ${f.options.plural}, grouped as asked, for the same filters as the list.`,
      args: {
        where: t.arg({ type: f.whereRef, description: 'Only records meeting these conditions.' }),
        search: t.arg.string({ description: 'Text contained in the Chinese or English name, ignoring case.' }),
        ...(groupBy ? { groupBy: t.arg({ type: groupBy, description: 'How to group; one group when omitted.' }) } : {}),
      },
      resolve: (_root: unknown, args: ListArgs & { groupBy?: Record<string, any> | null }) =>
        aggregate(f, prismaWhereFor(f, args), args.groupBy ?? {}, numeric, enumFields),
    }),
  )
}

async function aggregate(
  f: Family,
  where: Record<string, unknown>,
  groupBy: Record<string, any>,
  numeric: string[],
  enumFields: string[],
) {
  const query: AggregateQuery = {
    shape: f,
    lookup: family,
    where,
    numericFields: numeric,
    enumFields: enumFields.filter((name) => groupBy[name]),
    ...(groupBy.divisionLevel ? { divisionLevel: groupBy.divisionLevel } : {}),
    ...(groupBy.year && f.options.yearField ? { yearField: f.options.yearField } : {}),
  }
  const rows = await db().$queryRaw<Record<string, unknown>[]>(aggregateStatement(query))
  return toGroups(rows, query)
}
