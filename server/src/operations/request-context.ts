// What one HTTP request has told us so far, reachable from anything running on its behalf (Yoga's
// own error logging included) without passing it along: the access log and every other log line
// of the request read it from here.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface RequestDetails {
  requestId: string
  /** Filled by the GraphQL pipeline once it knows them. */
  operationName?: string
  actorId?: string
  clientAddress?: string
  /** The partner key that asked, once known: its use is counted (key-usage.ts). */
  keyId?: number
  /** The codes of the errors in the response, and the records it returned. */
  errorCodes?: string[]
  rows?: number
}

const storage = new AsyncLocalStorage<RequestDetails>()

export function runInRequestContext<T>(details: RequestDetails, run: () => T): T {
  return storage.run(details, run)
}

/** The details of the request being served, if any (none at startup or outside the HTTP server). */
export function currentRequest(): RequestDetails | undefined {
  return storage.getStore()
}
