import { GraphQLError } from 'graphql'

export type HardeningCode =
  | 'DEPTH_LIMIT_EXCEEDED'
  | 'ALIAS_LIMIT_EXCEEDED'
  | 'TOKEN_LIMIT_EXCEEDED'
  | 'DIRECTIVE_LIMIT_EXCEEDED'
  | 'BREADTH_LIMIT_EXCEEDED'
  | 'COST_LIMIT_EXCEEDED'
  | 'PAYLOAD_TOO_LARGE'
  | 'EXECUTION_TIMEOUT'
  | 'RATE_LIMITED'
  | 'TOO_MANY_STREAMS'
  | 'OVERLOADED'

interface Http {
  status: number
  /** Yoga answers application/json callers 200 for `spec` errors, as for other validation errors. */
  spec?: boolean
  headers?: Record<string, string>
}

/** The refusal of a request that broke a limit: a typed error Yoga neither masks nor rewrites. */
export function refusal(code: HardeningCode, message: string, http: Http, details: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...details, http } })
}

/** A document refused before execution: 400 for graphql-response+json callers, 200 for application/json. */
export function documentRefusal(code: HardeningCode, message: string, details: Record<string, unknown> = {}) {
  return refusal(code, message, { status: 400, spec: true }, details)
}
