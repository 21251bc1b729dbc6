// Builds the GraphQL server without listening; main.ts (or a test) puts it behind HTTP.
import { createYoga, type Plugin } from 'graphql-yoga'
import type { Context } from './builder.ts'
import { EXAMPLE_OPERATION } from './example-operation.ts'
import { useDatabaseHealth } from './plugins/database-health.ts'
import { useErrorCodes } from './plugins/error-codes.ts'
import { schema } from './schema/index.ts'

export function localeOf(acceptLanguage: string | null): Context['locale'] {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('zh') ? 'zh' : 'en'
}

export function createHubYoga(options: { plugins?: Plugin[] } = {}) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: ({ request }) => ({ locale: localeOf(request.headers.get('accept-language')) }),
    // Unexpected errors reach callers as "Unexpected error." with code INTERNAL_SERVER_ERROR.
    maskedErrors: true,
    batching: false,
    landingPage: false,
    healthCheckEndpoint: false as never,
    graphiql: {
      title: 'Minsheng Hub · 民生数据枢纽',
      defaultQuery: EXAMPLE_OPERATION,
    },
    plugins: [
      // Answers /health itself, before GraphQL handling, so it reflects the database.
      useDatabaseHealth(),
      // Last, so it sees every error the other plugins and graphql-js produced.
      useErrorCodes(),
      ...(options.plugins ?? []),
    ],
  })
}
