import { GraphQLError } from 'graphql'
import type { Plugin } from 'graphql-yoga'

/**
 * Gives every error in a response a stable `extensions.code`, including those raised by graphql-js
 * and Yoga itself (bad JSON, syntax, validation, variables), which otherwise carry none.
 */
export function classifyError(error: GraphQLError): string {
  const code = error.extensions?.code
  if (typeof code === 'string') return code
  const message = error.message
  const status = (error.extensions?.http as { status?: number } | undefined)?.status
  if (message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED'
  if (message.startsWith('Variable "')) return 'BAD_USER_INPUT'
  if (
    /^(Cannot query field|Unknown argument|Field "|Argument "|Unknown type|Expected value|Expected type|Unknown field)/.test(
      message,
    )
  ) {
    return 'GRAPHQL_VALIDATION_FAILED'
  }
  if (status === 413) return 'PAYLOAD_TOO_LARGE'
  if (status === 405) return 'METHOD_NOT_ALLOWED'
  if (status != null && status >= 400 && status < 500) return 'BAD_REQUEST'
  if (error.locations?.length && !error.path) return 'GRAPHQL_VALIDATION_FAILED'
  return 'INTERNAL_SERVER_ERROR'
}

function withCode(error: unknown) {
  if (!(error instanceof GraphQLError)) return error
  if (typeof error.extensions?.code === 'string') return error
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: classifyError(error) },
  })
}

export function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      const results = Array.isArray(result) ? result : [result]
      let changed = false
      const next = results.map((r) => {
        if (!r || typeof r !== 'object' || !('errors' in r) || !r.errors) return r
        changed = true
        return { ...r, errors: r.errors.map(withCode) }
      })
      if (changed) setResult((Array.isArray(result) ? next : next[0]) as never)
    },
  }
}
