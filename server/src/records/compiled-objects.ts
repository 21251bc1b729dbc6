// The SQL that builds one JSON object of a record for a GraphQL selection, as the resolvers would
// answer it: the families' own columns (fields.ts), timestamps and version, their to-one
// references, citations with their source, and pages of their related records (a division's
// settlements) with the lists' own filters, order and page arguments (compiled-reads.ts uses it
// for whole operations). A selection with anything else — a directive, a computed field
// (coordinates, canEdit, history), a page read backwards — is not compiled.
import type { Prisma } from '@minsheng/db'
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql'
import type { Context } from '../builder.ts'
import { datamodel } from '../datamodel.ts'
import { pageOf } from './connections.ts'
import { sortKeysOf } from './cursors.ts'
import type { FieldSpec } from './fields.ts'
import { prismaWhereFor } from './list-args.ts'
import type { PagePlan } from './pages.ts'
import { allFamilies, type Family, family } from './registry.ts'
import { combineWhere } from './where.ts'
import { whereToSql } from './where-sql.ts'

/** The SQL of one selection on one type, for a row aliased `row`; the types it reads. */
export interface Built {
  /** Throws NotCompilable (or the list's own refusal) when this request must go to the executor. */
  sql: (row: string, names: Names) => string
  types: Set<string>
}

/** What building one statement for one request needs. */
export interface Names {
  /** A fresh table alias. */
  next(): string
  /** The copy read (reading view). */
  schema: string
  restricted: boolean
  context: Context
  /** The operation's variables, coerced to their types. */
  variables: Record<string, unknown>
  /** The placeholder ($1, $2…) of a value the statement is sent with. */
  param(value: unknown): string
}

/** This request cannot be answered by the statement: the executor answers it. */
class NotCompilable extends Error {}

// json_build_object takes at most 100 arguments: 50 keys. More is left to the executor.
export const MAX_KEYS = 50

export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`
export const text = (value: string) => `'${value.replaceAll("'", "''")}'`
const globalId = (typename: string, row: string) =>
  `encode(convert_to(${text(`${typename}:`)} || ${row}."id", 'UTF8'), 'base64')`

/** The JSON value of a family's described field, as its GraphQL scalar serializes it. */
function columnValue(spec: FieldSpec, row: string, column: string): string | undefined {
  const value = `${row}.${quoted(column)}`
  switch (spec.kind) {
    case 'text':
    case 'textList':
    case 'int':
      return value
    case 'enum':
      return `${value}::text`
    // Prisma's Decimal prints without trailing zeros (decimal.js), as trim_scale does.
    case 'decimal':
      return `trim_scale(${value})::text`
    case 'date':
      return `to_char(${value}, 'YYYY-MM-DD')`
    default:
      return undefined
  }
}

const DATE_TIME = (value: string) => `to_char(${value}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/**
 * The fields of a selection, when it holds nothing else: no fragments, directives or repeated keys.
 * (Arguments are each field's own: buildObject takes them only on pages of related records.)
 */
export function plainFields(selectionSet: SelectionSetNode | undefined): FieldNode[] | undefined {
  if (!selectionSet) return undefined
  const fields: FieldNode[] = []
  const keys = new Set<string>()
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length) return undefined
    const key = selection.alias?.value ?? selection.name.value
    if (keys.has(key)) return undefined
    keys.add(key)
    fields.push(selection)
  }
  return fields.length <= MAX_KEYS ? fields : undefined
}

/** A to-one or to-many relation of a type this file reads: the target and how rows join. */
interface Relation {
  target: string
  list: boolean
  /** The join condition between the parent's row and the target's. */
  on: (parent: string, target: string) => string
}

/** What this file knows of a readable type: its columns' JSON values and its relations. */
interface Readable {
  value: (field: string, row: string, names: Names) => string | undefined
  relation: (field: string) => Relation | undefined
}

function familyReadable(f: Family): Readable {
  return {
    value(field, row, names) {
      if (field === 'id') return globalId(f.typename, row)
      if (field === 'version') return `${row}."version"`
      if (field === 'createdAt' || field === 'updatedAt' || field === 'deletedAt')
        return DATE_TIME(`${row}.${quoted(field)}`)
      const spec = f.fields[field]
      if (!spec) return undefined
      const value = columnValue(spec, row, field)
      return value && spec.restricted && !names.restricted ? 'NULL' : value
    },
    relation(field) {
      if (field === 'citations') {
        const column = foreignKey(f.typename, 'citations', 'Citation')
        return column
          ? { target: 'Citation', list: true, on: (parent, target) => `${target}.${quoted(column)} = ${parent}."id"` }
          : undefined
      }
      for (const [name, spec] of Object.entries(f.fields)) {
        if (spec.kind !== 'ref' || spec.relation !== field) continue
        const column = quoted(name)
        return { target: spec.target, list: false, on: (parent, target) => `${target}."id" = ${parent}.${column}` }
      }
      return undefined
    },
  }
}

const CITATION_COLUMNS: Record<string, (row: string) => string> = {
  id: (row) => globalId('Citation', row),
  field: (row) => `${row}."field"`,
  statedAs: (row) => `${row}."statedAs"`,
  qualifier: (row) => `${row}."qualifier"::text`,
  quote: (row) => `${row}."quote"`,
}

const citationReadable: Readable = {
  value: (field, row) => CITATION_COLUMNS[field]?.(row),
  relation: (field) =>
    field === 'source'
      ? { target: 'Source', list: false, on: (parent, target) => `${target}."id" = ${parent}."sourceId"` }
      : undefined,
}

function readables(): Map<string, Readable> {
  const map = new Map<string, Readable>([['Citation', citationReadable]])
  for (const f of allFamilies()) map.set(f.typename, familyReadable(f))
  return map
}

let known: Map<string, Readable> | undefined

/** The SQL building one JSON object of `typename` for a selection, when all of it can be compiled. */
export function buildObject(schema: GraphQLSchema, typename: string, fields: FieldNode[]): Built | undefined {
  // Every family is registered once the schema is built, before the first request.
  known ??= readables()
  const readable = known.get(typename)
  const type = schema.getType(typename) as GraphQLObjectType | undefined
  if (!readable || !type) return undefined
  const types = new Set([typename])
  const parts: ((row: string, names: Names) => string)[] = []
  for (const field of fields) {
    const name = field.name.value
    const key = text(field.alias?.value ?? name)
    if (name === '__typename') {
      if (field.selectionSet) return undefined
      parts.push(() => `${key}, ${text(typename)}`)
      continue
    }
    const graphQLField = type.getFields()[name]
    if (!graphQLField) return undefined
    if (graphQLField.args.length > 0 || field.arguments?.length) {
      // With arguments, only a page of related records.
      const page = field.selectionSet && relatedPage(schema, typename, graphQLField, field)
      if (!page) return undefined
      for (const reached of page.types) types.add(reached)
      parts.push((row, names) => `${key}, ${page.sql(names, { row, column: page.column })}`)
      continue
    }
    if (!field.selectionSet) {
      // Known at compile time; only whether a restricted field reads as null waits for the caller.
      if (readable.value(name, 'row', COMPILING) === undefined) return undefined
      parts.push((row, names) => `${key}, ${readable.value(name, row, names)}`)
      continue
    }
    const relation = readable.relation(name)
    const subfields = plainFields(field.selectionSet)
    if (!relation || !subfields) return undefined
    // The GraphQL field must be the relation this file joins: its type and whether it is a list.
    const fieldType = isNonNullType(graphQLField.type) ? graphQLField.type.ofType : graphQLField.type
    if (getNamedType(fieldType).name !== relation.target || isListType(fieldType) !== relation.list) return undefined
    const inner = buildObject(schema, relation.target, subfields)
    if (!inner) return undefined
    for (const reached of inner.types) types.add(reached)
    parts.push((row, names) => {
      const alias = names.next()
      const from = `FROM ${quoted(names.schema)}.${quoted(relation.target)} ${alias} WHERE ${relation.on(row, alias)}`
      const object = inner.sql(alias, names)
      return relation.list
        ? `${key}, COALESCE((SELECT json_agg(${object} ORDER BY ${alias}."id") ${from}), '[]'::json)`
        : `${key}, (SELECT ${object} ${from})`
    })
  }
  return {
    types,
    sql: (row, names) => `json_build_object(${parts.map((part) => part(row, names)).join(', ')})`,
  }
}

const COMPILING: Names = {
  next: () => 'row',
  schema: 'public',
  restricted: true,
  context: undefined as never,
  variables: {},
  param: () => '$0',
}

/** A condition built by where-sql.ts, its values sent as the statement's parameters. */
function inline(condition: Prisma.Sql, names: Names): string {
  return condition.strings.reduce(
    (text, part, i) => text + (i > 0 ? names.param(condition.values[i - 1]) : '') + part,
    '',
  )
}

/** ORDER BY of a page's Prisma orderBy (its sort keys, cursors.ts) on rows aliased `row`. */
function orderBySql(orderBy: PagePlan['orderBy'], row: string): string {
  return sortKeysOf(orderBy)
    .map(({ field, direction, nulls }) => {
      const order = `${row}.${quoted(field)} ${direction === 'desc' ? 'DESC' : 'ASC'}`
      return nulls ? `${order} NULLS ${nulls === 'first' ? 'FIRST' : 'LAST'}` : order
    })
    .join(', ')
}

/** The arguments of a page of records (connections.ts): the root lists add `offset` and the reading view's. */
const PAGE_ARGUMENTS = new Set([
  'where',
  'search',
  'orderBy',
  'first',
  'last',
  'after',
  'before',
  'offset',
  'view',
  'asOf',
])

/** How a page of related records hangs from its parent's row. */
interface Parent {
  row: string
  /** The related record's column holding the parent's id. */
  column: string
}

/**
 * A page of `target` records as a connection (`totalCount`, `nodes`, `__typename`), with the list's
 * own page arguments, filters, search and order (connections.ts), under `parent` when nested.
 * Undefined when the selection asks for anything else (cursors, pageInfo, edges).
 */
export function buildConnection(
  schema: GraphQLSchema,
  definition: GraphQLField<unknown, unknown>,
  field: FieldNode,
  target: string,
): { sql: (names: Names, parent?: Parent) => string; types: Set<string> } | undefined {
  const selections = plainFields(field.selectionSet)
  if (!selections || definition.args.some((arg) => !PAGE_ARGUMENTS.has(arg.name))) return undefined
  const typename = getNamedType(definition.type).name
  const parts: ((names: Names, page: Page) => string)[] = []
  const types = new Set([target])
  for (const selection of selections) {
    const key = text(selection.alias?.value ?? selection.name.value)
    const name = selection.name.value
    if (name === '__typename') parts.push(() => `${key}, ${text(typename)}`)
    else if (name === 'totalCount') {
      parts.push((names, page) => {
        const alias = names.next()
        const where = inline(whereToSql(page.f, page.listWhere, alias, family, names.schema), names)
        return `${key}, (SELECT count(*)::int FROM ${page.table} ${alias} WHERE ${page.joined(alias)}${where})`
      })
    } else if (name === 'nodes') {
      const fields = plainFields(selection.selectionSet)
      const nodes = fields && buildObject(schema, target, fields)
      if (!nodes) return undefined
      for (const reached of nodes.types) types.add(reached)
      parts.push((names, page) => {
        const alias = names.next()
        const where = whereToSql(page.f, combineWhere(page.listWhere, page.plan.where), alias, family, names.schema)
        const order = orderBySql(page.plan.orderBy, alias)
        const object = nodes.sql(alias, names)
        const rows = `SELECT ${columnsReadFrom(alias, `${object} ${order}`)} FROM ${page.table} ${alias} WHERE ${page.joined(alias)}${inline(where, names)} ORDER BY ${order} LIMIT ${page.plan.size} OFFSET ${page.plan.skip}`
        // The page's rows are aggregated in the order their subquery's ORDER BY … LIMIT gives them:
        // a plain aggregate over a subquery kept whole (its LIMIT stops the planner flattening it, and
        // json_agg never runs in parallel). An ORDER BY inside json_agg would sort them again, per
        // page, on PostgreSQL 15: the nested scenario's heaviest page 0.70 → 0.59 ms.
        return `${key}, COALESCE((SELECT json_agg(${object}) FROM (${rows}) ${alias}), '[]'::json)`
      })
    } else return undefined
  }
  const f = family(target)
  return {
    types,
    sql(names, parent) {
      const args = getArgumentValues(definition, field, names.variables) as Parameters<typeof pageOf>[1]
      // A page read backwards puts its rows back in order after reading them: the executor's.
      if (args.last != null) throw new NotCompilable()
      const page: Page = {
        f,
        plan: pageOf(f, args, names.context).plan,
        listWhere: prismaWhereFor(f, args, names.context),
        table: `${quoted(names.schema)}.${quoted(target)}`,
        joined: (alias) => (parent ? `${alias}.${quoted(parent.column)} = ${parent.row}."id" AND ` : ''),
      }
      return `json_build_object(${parts.map((part) => part(names, page)).join(', ')})`
    },
  }
}

/**
 * The columns of `alias` that SQL reads, for the page's own SELECT: PostgreSQL sorts a page's rows
 * with every column they carry (the largest county's page of canteens: 1.33 → 1.21 ms, ~3 % of the
 * list's whole statement).
 */
export function columnsReadFrom(alias: string, sql: string): string {
  const columns = new Set(['"id"'])
  for (const match of sql.matchAll(columnOf(alias))) columns.add(match[1] as string)
  return [...columns].map((column) => `${alias}.${column}`).join(', ')
}

const columnPatterns = new Map<string, RegExp>()
/** `t2."nameZh"` but not `t12."nameZh"`: a pattern per alias (t1, t2…), made once. */
function columnOf(alias: string): RegExp {
  const known = columnPatterns.get(alias)
  if (known) return known
  const pattern = new RegExp(`(?<![\\w"])${alias}\\.("(?:[^"]|"")+")`, 'g')
  columnPatterns.set(alias, pattern)
  return pattern
}

interface Page {
  f: Family
  plan: PagePlan
  listWhere: Record<string, unknown>
  table: string
  joined: (alias: string) => string
}

type ModelField = { name: string; kind: string; type: string; relationName?: string; relationFromFields?: string[] }

/**
 * The column of the related records that holds the parent's id, read from the Prisma datamodel
 * (the relation's other side); undefined for a relation through a table of links.
 */
function foreignKey(parent: string, relation: string, target: string): string | undefined {
  const models = datamodel().datamodel.models as unknown as Record<string, { fields: ModelField[] }>
  const own = models[parent]?.fields.find((field) => field.name === relation && field.kind === 'object')
  if (!own?.relationName || own.type !== target) return undefined
  const other = models[target]?.fields.find(
    (field) =>
      field.relationName === own.relationName && field.type === parent && field.relationFromFields?.length === 1,
  )
  return other?.relationFromFields?.[0]
}

/** A field of a family that pages its related records (connections.ts relatedRecords). */
function relatedPage(
  schema: GraphQLSchema,
  parent: string,
  graphQLField: GraphQLField<unknown, unknown>,
  field: FieldNode,
) {
  const connection = getNamedType(graphQLField.type)
  const nodes = isObjectType(connection) ? connection.getFields().nodes : undefined
  const target = nodes && getNamedType(nodes.type).name
  if (!target || !allFamilies().some((f) => f.typename === target) || !allFamilies().some((f) => f.typename === parent))
    return undefined
  const column = foreignKey(parent, field.name.value, target)
  const built = column && buildConnection(schema, graphQLField, field, target)
  return built && column ? { ...built, column } : undefined
}
