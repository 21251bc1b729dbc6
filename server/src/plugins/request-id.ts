import { randomUUID } from 'node:crypto'
import type { Plugin } from 'graphql-yoga'

const ids = new WeakMap<Request, string>()
const ACCEPTABLE = /^[\w.:-]{1,100}$/

/** The id of a request: the caller's X-Request-Id when sensible, else a new UUID. */
export function requestIdOf(request: Request): string {
  let id = ids.get(request)
  if (!id) {
    const given = request.headers.get('x-request-id')
    id = given && ACCEPTABLE.test(given) ? given : randomUUID()
    ids.set(request, id)
  }
  return id
}

/** Echoes the request id in every response, so a caller can quote it and we can find the audit rows. */
export function useRequestId(): Plugin {
  return {
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request))
    },
  }
}
