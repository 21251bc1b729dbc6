// Rewriting the errors of a result without touching the error objects themselves: Yoga caches the
// errors of validation per document, so one caller's rewrite (a translation, a removed hint) would
// otherwise reach the next caller who sends the same document.
import { GraphQLError } from 'graphql'
import type { Plugin } from 'graphql-yoga'

type ResultProcess = Parameters<NonNullable<Plugin['onResultProcess']>>[0]

export function errorsOf(result: ResultProcess['result']): GraphQLError[] {
  return (Array.isArray(result) ? result : [result]).flatMap((r) =>
    r && typeof r === 'object' && 'errors' in r && Array.isArray(r.errors)
      ? (r.errors as unknown[]).filter((error): error is GraphQLError => error instanceof GraphQLError)
      : [],
  )
}

/** A copy of the error with another message, the rest (locations, path, extensions) kept. */
export function withMessage(error: GraphQLError, message: string) {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: { ...error.extensions },
  })
}

/** Replaces the errors `rewrite` gives a new version of (undefined keeps the error). */
export function rewriteErrors(
  { result, setResult }: Pick<ResultProcess, 'result' | 'setResult'>,
  rewrite: (error: GraphQLError) => GraphQLError | undefined,
) {
  if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result) || !result.errors) return
  let changed = false
  const errors = (result.errors as unknown[]).map((error) => {
    const replaced = error instanceof GraphQLError ? rewrite(error) : undefined
    if (replaced) changed = true
    return replaced ?? error
  })
  if (changed) setResult({ ...result, errors } as never)
}
