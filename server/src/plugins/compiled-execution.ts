// Queries sent again and again (every client's own few documents) run compiled by graphql-jit:
// one generated function per document instead of graphql-js walking the document field by field.
// Everything else runs on Yoga's executor as before, and whatever the compiled function would
// answer differently is handed back to it, so callers cannot tell which one answered:
// - compiling a document costs from under 1 ms to a second (a `node` query with fragments on many
//   types; the fuzzer's documents), so only a document executed COMPILE_AFTER times is compiled,
//   and compiling may take no more than COMPILE_SHARE of the time: a client sending new documents
//   cannot make the hub spend its time compiling them (they run on Yoga's executor meanwhile);
// - mutations (written in order, with their audit and live events) and subscriptions stay on
//   Yoga's executor, as does a document with several operations or one graphql-jit cannot compile;
// - so does a document with a variable of a recursive input type (a list's `where`, with AND/OR/NOT
//   and relations): graphql-jit unrolls input types into its variable parser without looking for
//   cycles, recursing until the stack overflows, which held the event loop for 4 s and more;
// - variables that do not fit their types: the compiled function refuses them with messages of its
//   own and no HTTP status, so such a request is executed again by Yoga's executor, which answers
//   it 400 with graphql-js's messages, as it always has.
// Before all that, the hot read shapes (a record by its ID, a page of a list) are answered by one SQL
// statement when records/compiled-reads.ts can answer them exactly as the resolvers would.
// It must be the first plugin to replace the executor, so that every other one (the execution
// timeout and its cancellation above all) wraps the compiled function as it wraps Yoga's.
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  Kind,
  type OperationDefinitionNode,
  type Source,
  type SourceLocation,
  typeFromAST,
} from 'graphql'
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit'
import type { Plugin } from 'graphql-yoga'
import type { Context } from '../builder.ts'
import { type CompiledRead, compileRead } from '../records/compiled-reads.ts'

type ExecuteFn = Parameters<NonNullable<Plugin['onExecute']>>[0]['executeFn']

interface Compiled {
  /** The operation's name: a request naming another one is Yoga's to refuse. */
  name: string | undefined
  query: CompiledQuery['query']
}

/** A document's state: times seen before compiling, its compiled query, or null (not compilable). */
type Entry = number | Compiled | null

/** How many executions of a document run on Yoga's executor before it is compiled. */
export const COMPILE_AFTER = 10
/** The share of the time compiling may take, and the most it may take at once (ms). */
const COMPILE_SHARE = 0.05
const COMPILE_BURST_MS = 1_000

/** Time compiling may take, refilled with COMPILE_SHARE of the time that passes. */
function compileBudget() {
  let left = COMPILE_BURST_MS
  let at = performance.now()
  return {
    available() {
      const now = performance.now()
      left = Math.min(COMPILE_BURST_MS, left + (now - at) * COMPILE_SHARE)
      at = now
      return left > 0
    },
    spend(ms: number) {
      left -= ms
    },
  }
}

function onlyQuery(document: DocumentNode) {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
  const operation = operations[0]
  return operations.length === 1 && operation?.operation === 'query' ? operation : undefined
}

/** Input object types, by schema and name, from which a cycle of input types can be reached. */
const cyclic = new WeakMap<GraphQLSchema, Map<string, boolean>>()

/** True when `type` leads, through the fields of input objects, to an input object that leads to itself. */
function reachesCycle(schema: GraphQLSchema, type: GraphQLInputType): boolean {
  let known = cyclic.get(schema)
  if (!known) {
    known = new Map()
    cyclic.set(schema, known)
  }
  const onPath = new Set<string>()
  const visit = (input: GraphQLInputType): boolean => {
    const named = getNamedType(input)
    if (!isInputObjectType(named)) return false
    const answer = known.get(named.name)
    if (answer !== undefined) return answer
    if (onPath.has(named.name)) return true
    onPath.add(named.name)
    const found = Object.values(named.getFields()).some((field) => visit(field.type))
    onPath.delete(named.name)
    // Within the walk a type on the path answers true without being finished; a finished one is known.
    known.set(named.name, found)
    return found
  }
  return visit(type)
}

function hasRecursiveVariable(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  return (operation.variableDefinitions ?? []).some((definition) => {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined
    return type !== undefined && reachesCycle(schema, type)
  })
}

/** The compiled query of a single-query document, or null when it must run on Yoga's executor. */
function compile(schema: GraphQLSchema, document: DocumentNode): Compiled | null {
  const operation = onlyQuery(document)
  if (!operation || hasRecursiveVariable(schema, operation)) return null
  const compiled = compileQuery(schema, document, undefined, { disablingCapturingStackErrors: true })
  return isCompiledQuery(compiled) ? { name: operation.name?.value, query: compiled.query } : null
}

/** The offset in `body` of a line and column (both from 1), as graphql-js counts them. */
function positionOf(body: string, { line, column }: SourceLocation): number {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const next = body.slice(offset).search(/\r\n|[\n\r]/)
    if (next < 0) break
    offset += next + (body.startsWith('\r\n', offset + next) ? 2 : 1)
  }
  return offset + column - 1
}

/**
 * graphql-jit's errors carry their locations but not the source and positions graphql-js's errors
 * are made of, which the plugins rewriting errors (a message in the caller's language) copy: the
 * error graphql-js would have made, so the rewritten one keeps its locations too.
 */
function asGraphQLJsError(error: GraphQLError, source: Source | undefined): GraphQLError {
  if (!source || !error.locations?.length) return error
  return new GraphQLError(error.message, {
    source,
    positions: error.locations.map((location) => positionOf(source.body, location)),
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  })
}

function withGraphQLJsErrors(result: ExecutionResult, source: Source | undefined): ExecutionResult {
  if (!result.errors?.length) return result
  return { ...result, errors: result.errors.map((error) => asGraphQLJsError(error, source)) }
}

/** The compiled function refused the variables (it answers only errors, without `data`). */
function refusedVariables(result: unknown): boolean {
  return !('data' in (result as object))
}

/**
 * What is kept per schema (a test or plugin may execute against another), then per parsed document:
 * Yoga's parser cache hands out the same object for the same text, and one it evicts is collected.
 */
function perDocument<T>() {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, T>>()
  return (schema: GraphQLSchema) => {
    let ofSchema = bySchema.get(schema)
    if (!ofSchema) {
      ofSchema = new WeakMap()
      bySchema.set(schema, ofSchema)
    }
    return ofSchema
  }
}

export function useCompiledExecution(): Plugin {
  const entries = perDocument<Entry>()
  const budget = compileBudget()
  // The hot read shapes are compiled to one SQL statement at first sight (a walk of the document,
  // cheaper than validating it); null when the document is not one of them.
  const reads = perDocument<CompiledRead | null>()
  const readFor = (schema: GraphQLSchema, document: DocumentNode): CompiledRead | null => {
    const ofSchema = reads(schema)
    let read = ofSchema.get(document)
    if (read === undefined) {
      const operation = onlyQuery(document)
      read = operation && document.definitions.length === 1 ? compileRead(schema, operation) : null
      ofSchema.set(document, read)
    }
    return read
  }
  const compiledFor = (schema: GraphQLSchema, document: DocumentNode): Compiled | null => {
    const ofSchema = entries(schema)
    const entry = ofSchema.get(document)
    if (typeof entry === 'object') return entry
    const seen = entry ?? 0
    if (seen < COMPILE_AFTER || !budget.available()) {
      ofSchema.set(document, seen + 1)
      return null
    }
    const started = performance.now()
    const compiled = compile(schema, document)
    budget.spend(performance.now() - started)
    ofSchema.set(document, compiled)
    return compiled
  }
  /** Runs the compiled query when there is one, else (or to refuse its variables) Yoga's executor. */
  const executorOver =
    (yogas: ExecuteFn): ExecuteFn =>
    (args) => {
      const read = readFor(args.schema, args.document)
      if (read && (!args.operationName || args.operationName === read.name)) {
        const answer = read.run(args.contextValue as Context, args.variableValues as Record<string, unknown>)
        // A statement that fails (the database gone, the request's time up) is the executor's to
        // answer, with the errors and codes it gives for the same failure.
        if (answer) return answer.catch(() => yogas(args)) as ReturnType<ExecuteFn>
      }
      // Decided on the arguments the plugins after this one pass down (they may change the schema).
      const compiled = compiledFor(args.schema, args.document)
      if (!compiled || (args.operationName && args.operationName !== compiled.name)) return yogas(args)
      const result = compiled.query(args.rootValue, args.contextValue, args.variableValues as Record<string, unknown>)
      const answer = (settled: unknown) =>
        refusedVariables(settled)
          ? yogas(args)
          : withGraphQLJsErrors(settled as ExecutionResult, args.document.loc?.source)
      return result instanceof Promise ? result.then(answer) : answer(result)
    }
  // Yoga's executor is the same function for every request: one wrapper, not one per request.
  let yogas: ExecuteFn | undefined
  let executor: ExecuteFn | undefined
  return {
    onExecute({ executeFn, setExecuteFn }) {
      if (executeFn !== yogas || !executor) {
        yogas = executeFn
        executor = executorOver(executeFn)
      }
      setExecuteFn(executor)
    },
  }
}
