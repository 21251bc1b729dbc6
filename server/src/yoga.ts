// Builds the GraphQL server without listening; main.ts (or a test) puts it behind HTTP.
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention'
import { useCookies } from '@whatwg-node/server-plugin-cookies'
import { createYoga, type Plugin, type YogaServerOptions } from 'graphql-yoga'
import { identify } from './auth/identify.ts'
import type { AuthSettings, Context, GovernanceSettings } from './builder.ts'
import { EXAMPLE_OPERATION } from './example-operation.ts'
import { defaultReading, useReadingView } from './governance/reading.ts'
import { useDatabaseHealth } from './plugins/database-health.ts'
import { maskErrorsButUnavailable, useUnavailableInCallersLanguage } from './plugins/database-unavailable.ts'
import { useErrorCodes } from './plugins/error-codes.ts'
import { type HardeningOptions, hardeningPlugins } from './plugins/hardening/index.ts'
import { useIntrospectionForCallers } from './plugins/introspection.ts'
import { usePrimaryForMutations } from './plugins/primary-for-mutations.ts'
import { requestIdOf, useRequestId } from './plugins/request-id.ts'
import { schema } from './schema/index.ts'

export function localeOf(acceptLanguage: string | null): Context['locale'] {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('zh') ? 'zh' : 'en'
}

export const DEFAULT_AUTH: AuthSettings = { publicRead: false, session: { idleMinutes: 30, absoluteHours: 12 } }

export function createHubYoga(
  options: {
    plugins?: Plugin[]
    auth?: AuthSettings
    governance?: GovernanceSettings
    hardening?: HardeningOptions
    /** Yoga's own messages (unexpected errors with their stacks): to the hub's logger (operations/). */
    logging?: YogaServerOptions<Record<string, unknown>, Context>['logging']
  } = {},
) {
  const auth = options.auth ?? DEFAULT_AUTH
  const governance = options.governance ?? { review: true }
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: async ({ request, req }: { request: Request; req?: { socket?: { remoteAddress?: string } } }) => {
      const actor = await identify(request, auth.session)
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
    ...(options.logging !== undefined ? { logging: options.logging } : {}),
    landingPage: false,
    healthCheckEndpoint: false as never,
    graphiql: {
      title: 'Minsheng Hub · 民生数据枢纽',
      defaultQuery: EXAMPLE_OPERATION,
    },
    plugins: [
      // Answers /health itself, before GraphQL handling, so it reflects the database.
      useDatabaseHealth(),
      useRequestId(),
      // Session cookies are read and set through the request's cookie store.
      useCookies(),
      // Cookie-authenticated requests must be ones a browser would preflight (JSON, or this header).
      useCSRFPrevention({ requestHeaders: ['x-minsheng-csrf'] }),
      useIntrospectionForCallers(),
      // Faults and replicas: an unreachable database answers 503 in the caller's language; a
      // mutation reads from the primary so it sees its own writes.
      useUnavailableInCallersLanguage(),
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
