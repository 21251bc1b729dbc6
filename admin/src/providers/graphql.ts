// POSTs GraphQL to the hub and turns its errors into react-admin's HttpError, so that the
// server's fieldErrors show beside their inputs and its message in the notification.
// Requests carry the session cookie (same origin) and the header the hub's CSRF check asks for.
import { HttpError } from 'react-admin'
import { nextRequestId } from '../live/requestIds.ts'
import { nestErrors } from './errors.ts'

export const GRAPHQL_URL: string = import.meta.env.VITE_GRAPHQL_URL ?? '/graphql'

/** The hub refuses cookie-authenticated requests without it (a page elsewhere cannot set it). */
export const CSRF_HEADER = 'x-minsheng-csrf'

export interface GraphQLErrorBody {
  message: string
  path?: (string | number)[]
  extensions?: { code?: string; fieldErrors?: { field: string; code: string; message: string }[] } & Record<
    string,
    unknown
  >
}

/** What a CONFLICT error says about the newer version (extensions of the error). */
export interface ConflictInfo {
  id?: string
  expectedVersion?: number
  currentVersion?: number
  changedBy?: string | null
  changedAt?: string
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  REFERENCE_NOT_FOUND: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  HAS_DEPENDENTS: 409,
  TOO_MANY_ATTEMPTS: 429,
}

/** The hub's refusal of an action, as an English caller gets it (a Chinese one gets hub.errors.forbidden's words). */
const GENERIC_FORBIDDEN = 'You are not allowed to do this.'

/** The console's own words for errors whose server message is not for operators. */
function messageOf(code: string, serverMessage: string) {
  if (code === 'CONFLICT') return 'hub.errors.conflict'
  if (code === 'UNAUTHENTICATED') return 'hub.errors.unauthenticated'
  if (code === 'FORBIDDEN' && serverMessage === GENERIC_FORBIDDEN) return 'hub.errors.forbidden'
  return serverMessage
}

export function toHttpError(errors: GraphQLErrorBody[], status = 200): HttpError {
  const first = errors[0] as GraphQLErrorBody
  const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR'
  const fieldErrors = first.extensions?.fieldErrors ?? []
  const message = messageOf(code, first.message)
  return new HttpError(message, STATUS[code] ?? (status >= 400 ? status : 500), {
    code,
    serverMessage: first.message,
    extensions: first.extensions ?? {},
    graphQLErrors: errors,
    // A conflict is resolved in its own dialog, not beside the fields.
    errors: code === 'CONFLICT' ? undefined : { ...nestErrors(fieldErrors), root: { serverError: message } },
  })
}

/** The error code of a failed request (`CONFLICT`, `UNAUTHENTICATED`…), if it came from the hub. */
export function errorCode(error: unknown): string | undefined {
  return (error as { body?: { code?: string } } | null)?.body?.code
}

/** The details of a CONFLICT error, or undefined for any other error. */
export function conflictOf(error: unknown): ConflictInfo | undefined {
  if (errorCode(error) !== 'CONFLICT') return undefined
  return ((error as HttpError).body?.extensions ?? {}) as ConflictInfo
}

export async function request<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  locale: string,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'accept-language': locale,
        [CSRF_HEADER]: '1',
        // Lets the live updates tell this tab's own changes from other operators'.
        'x-request-id': nextRequestId(),
      },
      body: JSON.stringify({ query, variables }),
      signal,
    })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new HttpError('ra.notification.http_error', 0)
  }
  let body: { data?: T | null; errors?: GraphQLErrorBody[] }
  try {
    body = await response.json()
  } catch {
    throw new HttpError('ra.notification.http_error', response.status)
  }
  if (body.errors?.length) throw toHttpError(body.errors, response.status)
  if (!body.data) throw new HttpError('ra.notification.http_error', response.status)
  return body.data
}
