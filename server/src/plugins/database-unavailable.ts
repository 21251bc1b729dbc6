// A database that cannot be reached is not an internal error: callers get 503 SERVICE_UNAVAILABLE
// (in their language: callers-language.ts), and may retry, instead of a masked "Unexpected error.".
import { GraphQLError } from 'graphql'
import { maskError, type YogaServerOptions } from 'graphql-yoga'
import { isDatabaseUnavailable, unavailableError } from '../records/unavailable.ts'

type MaskError = NonNullable<
  Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']
>

/**
 * Yoga's error masking, except for an unreachable database. Masking is where every unexpected error
 * passes with its original cause, whether raised by a resolver or while building the context.
 */
export const maskErrorsButUnavailable: MaskError = (error, message, isDev) =>
  isDatabaseUnavailable(error)
    ? unavailableError(error instanceof GraphQLError ? error : undefined)
    : maskError(error, message, isDev)
