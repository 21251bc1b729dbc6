import { randomUUID } from 'node:crypto'
import { GraphQLError } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { currentRequest } from '../operations/request-context.ts'

const ids = new WeakMap<Request, string>()
const ACCEPTABLE = /^[\w.:-]{1,100}$/

/** The caller's X-Request-Id when sensible (so an id can follow a request across systems), else a new UUID. */
export function requestIdFrom(given: string | string[] | null | undefined): string {
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID()
}

/**
 * The id of a request: the one the HTTP server gave it (access log and log lines use it too), else
 * the caller's X-Request-Id when sensible, else a new UUID.
 */
export function requestIdOf(request: Request): string {
  let id = ids.get(request)
  if (!id) {
    id = currentRequest()?.requestId ?? requestIdFrom(request.headers.get('x-request-id'))
    ids.set(request, id)
  }
  return id
}

/**
 * Echoes the request id in every response, and in `extensions.requestId` of every error, so a
 * caller can quote it and we can find the log lines and audit rows.
 */
export function useRequestId(): Plugin {
  return {
    onResultProcess({ request, result }) {
      const requestId = requestIdOf(request)
      for (const r of Array.isArray(result) ? result : [result]) {
        if (!r || typeof r !== 'object' || !('errors' in r) || !r.errors) continue
        for (const error of r.errors as unknown[]) {
          if (error instanceof GraphQLError) (error.extensions as Record<string, unknown>).requestId = requestId
        }
      }
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request))
    },
  }
}
