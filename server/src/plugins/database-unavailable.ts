// Errors that are not internal, although masking would take them for such. A database that cannot
// be reached: callers get 503 SERVICE_UNAVAILABLE
// (in their language: callers-language.ts), and may retry, instead of a masked "Unexpected error.".
// A value the database found too long: BAD_USER_INPUT.
import { GraphQLError } from 'graphql'
import { maskError, type YogaServerOptions } from 'graphql-yoga'
import { someCause } from '../records/causes.ts'
import { isDatabaseUnavailable, unavailableError } from '../records/unavailable.ts'

type MaskError = NonNullable<
  Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']
>

/**
 * Yoga's error masking, except for an unreachable database. Masking is where every unexpected error
 * passes with its original cause, whether raised by a resolver or while building the context.
 */
export const maskErrorsButUnavailable: MaskError = (error, message, isDev) => {
  if (isDatabaseUnavailable(error)) return unavailableError(error instanceof GraphQLError ? error : undefined)
  // A variable a scalar refused (graphql-js wraps the scalar's own error, e.g. Decimal's TypeError):
  // the caller's input, said in the scalar's words, not an internal error.
  if (error instanceof GraphQLError && !error.path && /^Variable "\$\w+" got invalid value/.test(error.message)) {
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
    })
  }
  // A value longer than its column that no check before the database caught (PostgreSQL 22001,
  // Prisma's P2000): the caller's input, not an internal error.
  if (error instanceof GraphQLError && someCause(error, (e) => e.code === '22001' || e.code === 'P2000')) {
    return new GraphQLError('A value is longer than its field allows.', {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field: '', code: 'too_long', message: 'Too long' }] },
    })
  }
  return maskError(error, message, isDev)
}
