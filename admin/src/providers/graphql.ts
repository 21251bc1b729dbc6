// POSTs GraphQL to the hub and turns its errors into react-admin's HttpError, so that the
// server's fieldErrors show beside their inputs and its message in the notification.
import { HttpError } from 'react-admin'
import { nestErrors } from './errors.ts'

export const GRAPHQL_URL: string = import.meta.env.VITE_GRAPHQL_URL ?? '/graphql'

export interface GraphQLErrorBody {
  message: string
  path?: (string | number)[]
  extensions?: { code?: string; fieldErrors?: { field: string; code: string; message: string }[] } & Record<
    string,
    unknown
  >
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  REFERENCE_NOT_FOUND: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  HAS_DEPENDENTS: 409,
}

export function toHttpError(errors: GraphQLErrorBody[], status = 200): HttpError {
  const first = errors[0] as GraphQLErrorBody
  const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR'
  const fieldErrors = first.extensions?.fieldErrors ?? []
  return new HttpError(first.message, STATUS[code] ?? (status >= 400 ? status : 500), {
    code,
    graphQLErrors: errors,
    errors: { ...nestErrors(fieldErrors), root: { serverError: first.message } },
  })
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
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'accept-language': locale,
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
