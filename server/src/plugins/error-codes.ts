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
  // Raised while executing (it has a path): Pothos's checks of connection arguments and cursors.
  if (error.path && /^(Arguments? "|Invalid cursor|Cursor must)/.test(message)) return 'BAD_USER_INPUT'
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

/**
 * Adds the code in place (rather than replacing the error) so Yoga still derives the HTTP status
 * from the error's own `http` extension; drops the `originalError` that Yoga's development mode
 * copies into responses (parser messages, stacks).
 */
function addCode(error: unknown) {
  if (!(error instanceof GraphQLError)) return
  const extensions = error.extensions as Record<string, unknown>
  const http = extensions.http as { spec?: boolean; status?: number } | undefined
  if (extensions.originalError !== undefined && http?.spec) {
    // Yoga answers a request-level error (bad JSON) with its status only while `originalError` is
    // present; keep the status without exposing the parser's message.
    extensions.http = { status: http.status }
  }
  delete extensions.originalError
  if (typeof extensions.code !== 'string') extensions.code = classifyError(error)
  // Pothos refuses a negative `first`/`last` before our own checks; name the argument as they do.
  const argument = /^Argument "(\w+)"/.exec(error.message)?.[1]
  if (extensions.code === 'BAD_USER_INPUT' && argument && !extensions.fieldErrors) {
    extensions.fieldErrors = [{ field: argument, code: 'out_of_range', message: error.message }]
  }
}

export function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result }) {
      for (const r of Array.isArray(result) ? result : [result]) {
        if (r && typeof r === 'object' && 'errors' in r && r.errors) r.errors.forEach(addCode)
      }
    },
  }
}
