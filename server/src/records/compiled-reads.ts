// The hot read shapes answered by one SQL statement that returns the response's JSON, as
// PostGraphile answers every query (issue 16): a record by its ID (`node(id:)` with fragments on
// record families) and a page of a family's root list (`hospitals(first:, after:, where:, …)
// { totalCount nodes { … } }`), in both of which records may hold their references, citations and
// pages of their related records (a division's settlements, their communities…). On these shapes
// the hub's CPU went mostly to Prisma turning the selection into its queries and the rows back into
// objects, plugin-prisma's mappings and the field-by-field execution (bench/ANALYSIS.md).
//
// Only what can be answered exactly as the resolvers would is compiled (compiled-objects.ts).
// Anything else in the document — another root field, a directive, a fragment spread, a computed
// field, a page's cursors or pageInfo — leaves the whole document to the executor, and so does every
// request whose rules cannot be settled here: an ID that is not a record family's, a type the
// caller may not read, variables that do not fit, page arguments or filters a list refuses (the
// executor then gives the error, in the caller's language), a page read backwards, a statement
// that fails. The rules are the resolvers' own functions: the reading view's copy (published,
// working, as of a moment), the trash left out, restricted fields null without the restricted
// scope, the lists' filters, search, order and keyset cursors (list-args.ts, pages.ts,
// where-sql.ts). test/api/compiled-reads.test.ts compares records of every family, pages of every
// family's list and division trees with the executor's answers.
import {
  type FieldNode,
  type GraphQLSchema,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  valueFromASTUntyped,
} from 'graphql'
import { canRead, canReadRestricted } from '../auth/permissions.ts'
import type { Context } from '../builder.ts'
import { readRows, readSchema } from '../db.ts'
import {
  type Built,
  buildConnection,
  buildObject,
  MAX_KEYS,
  type Names,
  plainFields,
  quoted,
} from './compiled-objects.ts'
import { parseGlobalId } from './ids.ts'
import { allFamilies } from './registry.ts'

/** What one compiled document needs at run time to answer a request. */
export interface CompiledRead {
  /** The operation's name: a request naming another one is the executor's to refuse. */
  name: string | undefined
  /** Answers the request, or undefined when the executor must (the rules could not be settled). */
  run(context: Context, variables: Record<string, unknown> | undefined): Promise<unknown> | undefined
}

/** The compiled read of a single-query document, or null when it is not a shape compiled here. */
export function compileRead(schema: GraphQLSchema, operation: OperationDefinitionNode): CompiledRead | null {
  if (operation.operation !== 'query' || operation.directives?.length) return null
  const [root, ...others] = operation.selectionSet.selections
  if (others.length || root?.kind !== Kind.FIELD || root.directives?.length || !root.selectionSet) return null
  if (root.name.value === 'node') return compileNodeRead(schema, operation, root)
  const listed = allFamilies().find((f) => f.options.plural === root.name.value)
  return listed ? compileListRead(schema, operation, root, listed.typename) : null
}

/** Whether the caller may read every type a statement reads. */
const mayReadAll = (context: Context, types: Set<string>) =>
  [...types].every((typename) => canRead(context.actor, typename, context.auth.publicRead))

/**
 * One statement's SQL for one request, and its parameters: `build` writes the SQL; undefined when
 * the request must go to the executor (variables that do not fit, arguments the list refuses).
 */
function statementFor(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  context: Context,
  variables: Record<string, unknown> | undefined,
  params: unknown[],
  build: (names: Names) => string,
): string | undefined {
  // The arguments as the resolvers get them: variables coerced to their types, defaults applied.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {})
  if (!coerced.coerced) return undefined
  let count = 0
  const names: Names = {
    next: () => `t${++count}`,
    schema: readSchema(context),
    restricted: canReadRestricted(context.actor),
    context,
    variables: coerced.coerced,
    param: (value) => `$${params.push(value)}`,
  }
  try {
    return build(names)
  } catch {
    // Page arguments or filters the list refuses, a page read backwards: the executor answers.
    return undefined
  }
}

function compileNodeRead(schema: GraphQLSchema, operation: OperationDefinitionNode, root: FieldNode) {
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
    const built = merged.size <= MAX_KEYS ? buildObject(schema, typename, [...merged.values()]) : undefined
    if (!built || !allFamilies().some((f) => f.typename === typename)) return null
    plans.set(typename, built)
  }
  const rootKey = root.alias?.value ?? 'node'
  return {
    name: operation.name?.value,
    run(context: Context, variables: Record<string, unknown> | undefined) {
      const globalIdValue = idValue.kind === Kind.VARIABLE ? variables?.[idValue.name.value] : idValue.value
      const parsed = parseGlobalId(globalIdValue)
      const plan = parsed && plans.get(parsed.typename)
      if (!parsed || !plan || !mayReadAll(context, plan.types)) return undefined
      const params: unknown[] = [parsed.id]
      const sql = statementFor(schema, operation, context, variables, params, (names) => {
        const table = `${quoted(names.schema)}.${quoted(parsed.typename)}`
        return `SELECT ${plan.sql('t0', names)} AS "node" FROM ${table} t0 WHERE t0."id" = $1 AND t0."deletedAt" IS NULL`
      })
      if (!sql) return undefined
      return readRows(sql, params).then((rows) => ({ data: { [rootKey]: rows[0]?.node ?? null } }))
    },
  }
}

/**
 * Whether a list's filter names a division to read within. Such a page is planned for its division
 * each time: a county holds thousands of records, a village a few, and the generic plan PostgreSQL
 * settles on after five runs of a prepared statement read the bench's county page 2× slower (list,
 * same variables: 241–246 → 425–429 req/s). Other pages keep their prepared plan: planning the
 * nested tree on every request cost more than it saved (621 → 521 req/s).
 */
export function withinDivision(root: FieldNode, variables: Record<string, unknown> | undefined): boolean {
  const where = root.arguments?.find((argument) => argument.name.value === 'where')
  const names = (value: unknown): boolean =>
    Array.isArray(value)
      ? value.some(names)
      : typeof value === 'object' && value !== null
        ? Object.entries(value).some(([key, inner]) => (key === 'withinDivision' && inner != null) || names(inner))
        : false
  return where !== undefined && names(valueFromASTUntyped(where.value, variables))
}

function compileListRead(schema: GraphQLSchema, operation: OperationDefinitionNode, root: FieldNode, typename: string) {
  const definition = schema.getQueryType()?.getFields()[root.name.value]
  const connection = definition && buildConnection(schema, definition, root, typename)
  if (!connection) return null
  const rootKey = root.alias?.value ?? root.name.value
  return {
    name: operation.name?.value,
    run(context: Context, variables: Record<string, unknown> | undefined) {
      if (!mayReadAll(context, connection.types)) return undefined
      const params: unknown[] = []
      const sql = statementFor(schema, operation, context, variables, params, (names) => {
        return `SELECT ${connection.sql(names)} AS "list"`
      })
      if (!sql) return undefined
      const customPlan = withinDivision(root, variables)
      return readRows(sql, params, { customPlan }).then((rows) => ({ data: { [rootKey]: rows[0]?.list ?? null } }))
    },
  }
}
