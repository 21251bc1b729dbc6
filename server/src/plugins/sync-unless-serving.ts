// A hook written `async` returns a promise on every request, and Yoga's plugin chain then waits a
// turn for it (a promise, a microtask and AsyncLocalStorage's bookkeeping per hook per request) even
// when the hook has nothing to do. Hooks that serve a few requests (/health, /metrics, GraphiQL's
// assets, …) answer the rest synchronously.
import type { Plugin } from 'graphql-yoga'

export type RequestPayload = Parameters<NonNullable<Plugin['onRequest']>>[0]

/** An onRequest hook that runs `serve` for the requests `serves` picks, and returns at once for others. */
export const servingOnly =
  (serves: (payload: RequestPayload) => boolean, serve: (payload: RequestPayload) => Promise<void>) =>
  (payload: RequestPayload): Promise<void> | undefined =>
    serves(payload) ? serve(payload) : undefined
