// Cross-origin access: only the hub's own origin and the configured ones (CORS_ORIGINS) may call it
// from a browser with credentials. Others get no CORS headers, so a browser neither sends their
// preflighted requests nor shows them an answer; a request that still arrives from a foreign origin
// with the session cookie (a form post, a same-site page on another port) is refused outright.
import { GraphQLError } from 'graphql'
import type { Plugin, YogaServerOptions } from 'graphql-yoga'
import { SESSION_COOKIE } from '../auth/sessions.ts'

/** `*` lets any origin read without credentials (a public data portal); other entries are exact origins. */
export type AllowedOrigins = readonly string[]

type CorsOption = NonNullable<YogaServerOptions<object, object>['cors']>

/** Whether the Origin is the hub's own: the host the request was addressed to. */
function isOwnOrigin(request: Request, origin: string) {
  try {
    const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || new URL(request.url).host
    return new URL(origin).host === host
  } catch {
    return false
  }
}

export function mayUseCredentials(request: Request, origin: string, allowed: AllowedOrigins) {
  return isOwnOrigin(request, origin) || allowed.includes(origin)
}

export function corsOptions(allowed: AllowedOrigins): CorsOption {
  return (request: Request) => {
    const origin = request.headers.get('origin')
    if (!origin) return false
    if (mayUseCredentials(request, origin, allowed)) {
      return {
        origin: [origin],
        credentials: true,
        allowedHeaders: ['content-type', 'authorization', 'x-minsheng-csrf', 'x-request-id', 'accept-language'],
        exposedHeaders: ['x-request-id', 'retry-after'],
      }
    }
    if (allowed.includes('*')) return { origin: '*', credentials: false }
    return false
  }
}

export function hasSessionCookie(request: Request) {
  return (request.headers.get('cookie') ?? '').split(';').some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`))
}

/** Refuses requests that carry the session cookie from an origin not allowed to use it. */
export function useCredentialedOrigins(allowed: AllowedOrigins): Plugin {
  return {
    onRequestParse({ request }) {
      const origin = request.headers.get('origin')
      if (!origin || !hasSessionCookie(request) || mayUseCredentials(request, origin, allowed)) return
      throw new GraphQLError(`Requests from ${origin} may not use the hub's sign-in cookie.`, {
        extensions: { code: 'FORBIDDEN_ORIGIN', http: { status: 403 } },
      })
    },
  }
}
