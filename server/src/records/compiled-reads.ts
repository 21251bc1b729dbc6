// A record read by its ID — `node(id:)` with fragments on record families — answered by one SQL
// statement that returns the response's JSON, as PostGraphile answers every query (issue 16). On
// this shape the hub's CPU went mostly to Prisma turning the selection into its query and the rows
// back into objects, plugin-prisma's mappings and the field-by-field execution; one statement
// building the JSON in PostgreSQL did the same request in about 60 % of the CPU (bench/ANALYSIS.md).
//
// Only what this file can answer exactly as the resolvers would is compiled: the families' own
// columns (fields.ts), timestamps and version, their to-one references and citations, and the
// citations' own columns and source. Anything else in the document — another root field, a
// directive, a fragment spread, an argument, a computed field (coordinates, canEdit, history) —
// leaves the whole document to the executor, and so does every request the rules below cannot
// settle in advance (an ID that is not a record family's, a type the caller may not read).
// The rules are those of the resolvers: the reading view's copy (published, working, as of a
// moment), records in the trash are not found, restricted fields are null without the restricted
// scope. test/api/compiled-reads.test.ts compares every such field of every family with the
// executor's answer.
import {
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'
import { canRead, canReadRestricted } from '../auth/permissions.ts'
import type { Context } from '../builder.ts'
import { readDb, readSchema } from '../db.ts'
import type { FieldSpec } from './fields.ts'
import { parseGlobalId } from './ids.ts'
import { allFamilies, type Family, lowerFirst } from './registry.ts'

/** What one compiled document needs at run time to answer a request. */
export interface CompiledRead {
  /** The operation's name: a request naming another one is the executor's to refuse. */
  name: string | undefined
  /** Answers the request, or undefined when the executor must (the rules could not be settled). */
  run(context: Context, variables: Record<string, unknown> | undefined): Promise<unknown> | undefined
}

/** The SQL of one selection on one type, for a row aliased `row`; the types it reads. */
interface Built {
  sql: (row: string, names: Names) => string
  types: Set<string>
}

/** Fresh table aliases for one statement, and whether restricted fields may be read. */
interface Names {
  next(): string
  schema: string
  restricted: boolean
}

// json_build_object takes at most 100 arguments: 50 keys. More is left to the executor.
const MAX_KEYS = 50

const MAX_STATEMENTS = 64

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`
const text = (value: string) => `'${value.replaceAll("'", "''")}'`
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

/** The plain fields of a selection: no directives, arguments, fragments or repeated keys. */
function plainFields(selectionSet: SelectionSetNode | undefined): FieldNode[] | undefined {
  if (!selectionSet) return undefined
  const fields: FieldNode[] = []
  const keys = new Set<string>()
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length || selection.arguments?.length) return undefined
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

function familyReadable(f: Family, citations: boolean): Readable {
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
      if (field === 'citations' && citations) {
        const column = quoted(`${lowerFirst(f.typename)}Id`)
        return { target: 'Citation', list: true, on: (parent, target) => `${target}.${column} = ${parent}."id"` }
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

/** The families whose object type lists `citations` (not a connection) — every one but these. */
const WITHOUT_CITATION_LIST = new Set(['Source', 'Indicator'])

function readables(): Map<string, Readable> {
  const map = new Map<string, Readable>([['Citation', citationReadable]])
  for (const f of allFamilies()) map.set(f.typename, familyReadable(f, !WITHOUT_CITATION_LIST.has(f.typename)))
  return map
}

/** The SQL building one JSON object of `typename` for a selection, when all of it can be compiled. */
function buildObject(
  schema: GraphQLSchema,
  known: Map<string, Readable>,
  typename: string,
  fields: FieldNode[],
): Built | undefined {
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
    const inner = buildObject(schema, known, relation.target, subfields)
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

const COMPILING: Names = { next: () => 'row', schema: 'public', restricted: true }

/** The compiled read of a document, or null when it is not a `node` read this file can answer. */
export function compileRead(schema: GraphQLSchema, operation: OperationDefinitionNode): CompiledRead | null {
  if (operation.operation !== 'query' || operation.directives?.length) return null
  const [root, ...others] = operation.selectionSet.selections
  if (others.length || root?.kind !== Kind.FIELD || root.name.value !== 'node' || root.directives?.length) return null
  const idArgument = root.arguments?.length === 1 ? root.arguments[0] : undefined
  if (idArgument?.name.value !== 'id' || !root.selectionSet) return null
  const idValue = idArgument.value
  if (idValue.kind !== Kind.VARIABLE && idValue.kind !== Kind.STRING) return null
  // The node's own fields (id, __typename) and inline fragments on record families. For a record
  // of type T the response has, in document order, the node's fields and those of the fragments on
  // T; a key selected twice is answered once, where it first appears, as graphql-js merges fields.
  const fragmentTypes = new Set<string>()
  for (const selection of root.selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!['id', '__typename'].includes(selection.name.value) || selection.directives?.length) return null
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition?.name.value
      if (!on || selection.directives?.length || !plainFields(selection.selectionSet)) return null
      fragmentTypes.add(on)
    } else return null
  }
  const known = readables()
  const plans = new Map<string, Built>()
  for (const typename of fragmentTypes) {
    const merged = new Map<string, FieldNode>()
    for (const selection of root.selectionSet.selections) {
      const fields =
        selection.kind === Kind.FIELD
          ? [selection]
          : selection.kind === Kind.INLINE_FRAGMENT && selection.typeCondition?.name.value === typename
            ? (plainFields(selection.selectionSet) ?? [])
            : []
      for (const field of fields) {
        const key = field.alias?.value ?? field.name.value
        const first = merged.get(key)
        // The same key twice is merged only when it is the same scalar field.
        if (first && (first.name.value !== field.name.value || first.selectionSet || field.selectionSet)) return null
        if (!first) merged.set(key, field)
      }
    }
    const built = merged.size <= MAX_KEYS ? buildObject(schema, known, typename, [...merged.values()]) : undefined
    if (!built || !allFamilies().some((f) => f.typename === typename)) return null
    plans.set(typename, built)
  }
  const rootKey = root.alias?.value ?? 'node'
  // One statement per record type, copy read (published, working, each moment read as of) and
  // whether restricted fields are disclosed; the moments are bounded by forgetting them all.
  const statements = new Map<string, string>()
  return {
    name: operation.name?.value,
    run(context, variables) {
      const globalIdValue = idValue.kind === Kind.VARIABLE ? variables?.[idValue.name.value] : idValue.value
      const parsed = parseGlobalId(globalIdValue)
      const plan = parsed && plans.get(parsed.typename)
      if (!parsed || !plan) return undefined
      const { actor, auth } = context
      for (const typename of plan.types) if (!canRead(actor, typename, auth.publicRead)) return undefined
      const schemaName = readSchema(context)
      const restricted = canReadRestricted(actor)
      const cacheKey = `${parsed.typename}\u0000${schemaName}\u0000${restricted}`
      let sql = statements.get(cacheKey)
      if (!sql) {
        let count = 0
        const names: Names = { next: () => `t${++count}`, schema: schemaName, restricted }
        const table = `${quoted(schemaName)}.${quoted(parsed.typename)}`
        sql = `SELECT ${plan.sql('t0', names)} AS "node" FROM ${table} t0 WHERE t0."id" = $1 AND t0."deletedAt" IS NULL`
        if (statements.size >= MAX_STATEMENTS) statements.clear()
        statements.set(cacheKey, sql)
      }
      return readDb(context)
        .$queryRawUnsafe<{ node: unknown }[]>(sql, parsed.id)
        .then((rows) => ({ data: { [rootKey]: rows[0]?.node ?? null } }))
    },
  }
}
