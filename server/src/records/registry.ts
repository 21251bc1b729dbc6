// The registry of record families: each family's file (server/src/schema/<record>.ts) describes
// what is particular to it once, and everything shared — object fields, filters, connections,
// aggregates, inputs, the write path — is derived from that description.
/* biome-ignore-all lint/suspicious/noExplicitAny: Pothos builders and transactions are typed per model; see family.ts */
import type { ZodType } from 'zod'
import { builder, type Context } from '../builder.ts'
import { type RecordKind, recordKind } from './errors.ts'
import { commonFields, type FieldMap } from './fields.ts'
import type { GraphQLWhere, OrderByInput, WhereShape } from './where.ts'

export type Tx = any

export interface FamilyOptions {
  /** Prisma model and GraphQL type name, e.g. `Hospital`. */
  typename: string
  /** Root connection field, e.g. `hospitals`. */
  plural: string
  /** What the family is called in Chinese, as the console names it (e.g. `医院`): messages to Chinese callers use it. */
  labelZh: string
  description: string
  /** Fields particular to the family; the common ones (names, coordinates, note) are added. */
  fields: FieldMap
  within: WhereShape['within']
  /** The columns `search` looks in; the names in both languages when absent. */
  searchColumns?: readonly string[]
  /** Date or year field that `groupBy: { year: true }` uses. */
  yearField?: string
  /** Input fields for nested writes (prices, observations, many-to-many links), by name. */
  extraInputFields?: (t: any) => Record<string, any>
  /** The rules of those input fields as zod schemas, published with the others (rules.ts). */
  nestedSchemas?: Record<string, ZodType>
  /** Prisma nested-write data for the extra input fields; runs in the mutation's transaction. */
  nestedData?: (input: Record<string, any>, mode: 'create' | 'update', ctx: Context) => Record<string, unknown>
  /**
   * The part table whose rows belong to reporting periods (their `year` and `quarter`): changes to
   * them are refused while the period is locked (governance/periods.ts).
   */
  periodPart?: string
  /** Coordinates that are restricted for some records (e.g. children's homes). */
  restrictCoordinates?: {
    when: (parent: any) => boolean
    select: Record<string, boolean>
    /** The same records as a Prisma condition, so filters (`withinBounds`) cannot reveal them either. */
    where: Record<string, unknown>
    description: string
  }
  /** Keeps what the record's own row cannot (a division's ancestor list, an indicator's series) in step. */
  afterWrite?: (args: {
    tx: Tx
    id: number
    mode: 'create' | 'update'
    input: Record<string, any>
    ctx: Context
    before?: Record<string, any>
  }) => Promise<void>
}

export interface Family extends WhereShape, RecordKind {
  options: FamilyOptions
  /** The Prisma delegate's name, e.g. `hospital`. */
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

/** Every family defined so far, in definition order. */
export function allFamilies(): Family[] {
  return [...families.values()]
}

export const lowerFirst = (name: string) => name[0]?.toLowerCase() + name.slice(1)

/** The Prisma delegate of a family on a client or transaction. */
export const delegateOf = (client: Tx, f: Family) => client[f.delegate]

/** A family from its description, registered; family.ts adds its input types. */
export function registerFamily(options: FamilyOptions): Family {
  const f: Family = {
    options,
    ...recordKind(options.typename, options.labelZh),
    fields: { ...commonFields, ...options.fields },
    within: options.within,
    ...(options.searchColumns ? { searchColumns: options.searchColumns } : {}),
    ...(options.restrictCoordinates ? { restrictedCoordinates: options.restrictCoordinates.where } : {}),
    delegate: lowerFirst(options.typename),
    whereRef: builder.inputRef<GraphQLWhere>(`${options.typename}Where`),
    orderByRef: builder.inputRef<OrderByInput>(`${options.typename}OrderBy`),
  }
  families.set(options.typename, f)
  return f
}

/** Scalar field names of the family (what audit events record). */
export function recordFieldNames(f: Family) {
  return Object.keys(f.fields)
}
