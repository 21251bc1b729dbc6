// Builds the GraphQL server without listening; main.ts (or a test) puts it behind HTTP.

import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations'
import { useCookies } from '@whatwg-node/server-plugin-cookies'
import { _createLRUCache, createYoga, type Plugin, type YogaServerOptions } from 'graphql-yoga'
import { identify } from './auth/identify.ts'
import { trustedDocument } from './auth/trusted-operations.ts'
import type { AuthSettings, Context, GovernanceSettings } from './builder.ts'
import { DOCUMENT_CACHE_SIZE_DEFAULT } from './config.ts'
import { EXAMPLE_OPERATION } from './example-operation.ts'
import { defaultReading, useReadingView } from './governance/reading.ts'
import { useCacheablePersistedReads } from './plugins/cacheable-reads.ts'
import { useMessagesInCallersLanguage } from './plugins/callers-language.ts'
import { useCompiledExecution } from './plugins/compiled-execution.ts'
import { type AllowedOrigins, corsOptions, useCredentialedOrigins } from './plugins/cors.ts'
import { useCsrfPrevention } from './plugins/csrf.ts'
import { useDatabaseHealth } from './plugins/database-health.ts'
import { maskErrorsButUnavailable } from './plugins/database-unavailable.ts'
import { useErrorCodes } from './plugins/error-codes.ts'
import { type HardeningOptions, hardeningPlugins } from './plugins/hardening/index.ts'
import { useIntrospectionForCallers, useSuggestionsForCallers } from './plugins/introspection.ts'
import { localeOf } from './plugins/locale.ts'
import { usePrimaryForMutations } from './plugins/primary-for-mutations.ts'
import { requestIdOf, useRequestId } from './plugins/request-id.ts'
import { schema } from './schema/index.ts'

export const DEFAULT_AUTH: AuthSettings = { publicRead: false, session: { idleMinutes: 30, absoluteHours: 12 } }

export function createHubYoga(
  options: {
    plugins?: Plugin[]
    auth?: AuthSettings
    governance?: GovernanceSettings
    hardening?: HardeningOptions
    /** Origins other than the hub's own that browsers may call it from (CORS_ORIGINS). */
    corsOrigins?: AllowedOrigins
    /** Yoga's own messages (unexpected errors with their stacks): to the hub's logger (operations/). */
    logging?: YogaServerOptions<Record<string, unknown>, Context>['logging']
    /** Parsed documents kept, least recently used leaving first (DOCUMENT_CACHE_SIZE). */
    documentCacheSize?: number
  } = {},
) {
  const documentCacheSize = options.documentCacheSize ?? DOCUMENT_CACHE_SIZE_DEFAULT
  const auth = options.auth ?? DEFAULT_AUTH
  const governance = options.governance ?? { review: true }
  const allowedOrigins = options.corsOrigins ?? []
  // Who is asking, worked out once per request: the context and the plugins that must know the
  // caller before the context exists (suggestions in validation errors) share it.
  const callers = new WeakMap<Request, Promise<Context['actor']>>()
  const callerOf = (request: Request) => {
    let caller = callers.get(request)
    if (!caller) {
      caller = identify(request, auth.session)
      callers.set(request, caller)
    }
    return caller
  }
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: async ({ request, req }: { request: Request; req?: { socket?: { remoteAddress?: string } } }) => {
      const actor = await callerOf(request)
      return {
        locale: localeOf(request.headers.get('accept-language')),
        actor,
        requestId: requestIdOf(request),
        request,
        clientAddress: req?.socket?.remoteAddress,
        auth,
        governance,
        reading: defaultReading(actor),
      }
    },
    // Unexpected errors reach callers as "Unexpected error." with code INTERNAL_SERVER_ERROR;
    // an unreachable database as 503 SERVICE_UNAVAILABLE (plugins/database-unavailable.ts).
    maskedErrors: { maskError: maskErrorsButUnavailable },
    batching: false,
    // Parsed documents (and the validation, cost and compiled form kept beside each, tens of KB a
    // document) stay while the document is in this cache. Yoga's own 1,024 took the bench's peak past
    // 300 MB when every request brought a new document (cold documents); a document evicted is parsed,
    // validated and compiled again when it returns, so the size is a setting (DOCUMENT_CACHE_SIZE).
    parserAndValidationCache: {
      documentCache: _createLRUCache({ max: documentCacheSize }),
      errorCache: _createLRUCache({ max: documentCacheSize }),
    },
    // Bodies are limited by hardening's body limit (smaller, and per operation); Yoga's own 25 MB one
    // would pipe every body through a second counting stream.
    maxRequestBodySize: false,
    cors: corsOptions(allowedOrigins),
    ...(options.logging !== undefined ? { logging: options.logging } : {}),
    landingPage: false,
    healthCheckEndpoint: false as never,
    graphiql: {
      title: 'Minsheng Hub · 民生数据枢纽',
      defaultQuery: EXAMPLE_OPERATION,
    },
    plugins: [
      // Repeated queries run compiled; first, so that every plugin replacing the executor below
      // (the timeout and its cancellation, reading views, admission) wraps it as it wraps Yoga's.
      useCompiledExecution(),
      // Answers /health itself, before GraphQL handling, so it reflects the database.
      useDatabaseHealth(),
      useRequestId(),
      // Who is asking, looked up as soon as the request is read, so that even an operation refused
      // before execution counts towards its key's use (the context reuses the same lookup).
      { onParams: ({ request }) => void callerOf(request).catch(() => undefined) },
      // Session cookies are read and set through the request's cookie store.
      useCookies(),
      // The session cookie only from allowed origins, and only on requests a browser would have
      // preflighted (JSON, or the CSRF header); bearer keys need neither.
      useCredentialedOrigins(allowedOrigins),
      useCsrfPrevention(),
      // Persisted reads over GET: ETag from the publication log, 304, Cache-Control per caller.
      useCacheablePersistedReads(callerOf),
      // Trusted operations: a key bound to some may run only those, by hash; others run any
      // operation, or a registered one by its hash (auth/trusted-operations.ts).
      usePersistedOperations({
        allowArbitraryOperations: async (request) => {
          const actor = await callerOf(request).catch(() => undefined)
          return !(actor?.kind === 'key' && actor.boundToOperations)
        },
        getPersistedOperation: async (hash, request) =>
          trustedDocument(hash, await callerOf(request).catch(() => undefined)),
        customErrors: {
          persistedQueryOnly: {
            message: 'This key may run only its trusted operations, by hash (extensions.persistedQuery.sha256Hash).',
            extensions: { code: 'TRUSTED_OPERATIONS_ONLY', http: { status: 403 } },
          },
          notFound: {
            message: 'No trusted operation you may run has this hash.',
            extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
          },
          // Neither a document nor a hash: the request Yoga refuses without this plugin.
          keyNotFound: { message: 'Must provide query string.', extensions: { http: { status: 400 } } },
        },
      }),
      useIntrospectionForCallers(),
      useSuggestionsForCallers(callerOf, auth.publicRead),
      // Refusals (limits, throttling, an unreachable database) in the caller's language.
      useMessagesInCallersLanguage(),
      // Replicas: a mutation reads from the primary so it sees its own writes.
      usePrimaryForMutations(),
      // Which copy of the records the operation reads, decided before any resolver runs.
      useReadingView(),
      // Last, so it sees every error the other plugins and graphql-js produced.
      useErrorCodes(),
      ...(options.plugins ?? []),
      // Last: its checks at execution (rate limit per caller, cost, timeout) need the context every
      // plugin above has built (who is asking), and its timeout wraps their execution too. Its other
      // limits do not depend on the order: Yoga runs its own parser cache and body limit after ours.
      ...hardeningPlugins(options.hardening),
    ],
  })
}
