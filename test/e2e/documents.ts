// Every GraphQL document the console sends is checked against the checked-in schema: the console
// builds many documents at run time (from the schema's description), and a typo or a field the hub
// dropped would otherwise show only as an error on some screen.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { buildSchema, type GraphQLSchema, getOperationAST, parse, validate } from 'graphql'

let schema: GraphQLSchema | undefined
const checked = new Map<string, string[]>()

/** The schema's objections to a document (empty when it is valid). */
export function documentProblems(document: string): string[] {
  const known = checked.get(document)
  if (known) return known
  schema ??= buildSchema(readFileSync(path.resolve(import.meta.dirname, '../../server/schema.graphql'), 'utf8'))
  let problems: string[]
  try {
    problems = validate(schema, parse(document)).map((error) => error.message)
  } catch (error) {
    problems = [(error as Error).message]
  }
  checked.set(document, problems)
  return problems
}

/** The documents in a request body to /graphql (a single operation or a batch). */
export function documentsOf(body: string | null): string[] {
  if (!body) return []
  try {
    const parsed = JSON.parse(body) as { query?: unknown } | { query?: unknown }[]
    return (Array.isArray(parsed) ? parsed : [parsed]).flatMap((operation) =>
      typeof operation.query === 'string' ? [operation.query] : [],
    )
  } catch {
    return []
  }
}

/** A document's operation name, as a failure names it ('?' for an anonymous or unreadable one). */
export function operationName(document: string): string {
  try {
    return getOperationAST(parse(document))?.name?.value ?? '?'
  } catch {
    return '?'
  }
}
