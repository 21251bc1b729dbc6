// A database that cannot be reached is not an internal error: callers get 503 SERVICE_UNAVAILABLE
// in their language, and may retry, instead of a masked "Unexpected error.".
import { GraphQLError } from 'graphql'
import { maskError, type Plugin, type YogaServerOptions } from 'graphql-yoga'
import { ErrorCode } from '../records/errors.ts'
import { isDatabaseUnavailable, unavailableError, unavailableMessage } from '../records/unavailable.ts'
// localeOf is a hoisted function: importing it back from yoga.ts (which imports this file) is safe.
import { localeOf } from '../yoga.ts'

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

/** Masking does not know the caller's language; this puts the message in it. */
export function useUnavailableInCallersLanguage(): Plugin {
  return {
    onResultProcess({ request, result }) {
      const locale = localeOf(request.headers.get('accept-language'))
      if (locale === 'en') return
      for (const r of Array.isArray(result) ? result : [result]) {
        if (!r || typeof r !== 'object' || !('errors' in r) || !r.errors) continue
        for (const error of r.errors) {
          if (error instanceof GraphQLError && error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE) {
            error.message = unavailableMessage(locale)
          }
        }
      }
    },
  }
}
