// Cross-site request forgery rides on the browser's cookie. A request authenticated by the session
// cookie must be one a browser would have preflighted (JSON, or the x-minsheng-csrf header); one
// that carries a bearer key and no cookie cannot be forged that way and needs neither (so GraphQL
// clients with their defaults, GET queries included, work with a key). Nor does a GET without the
// cookie: it reads as an anonymous caller (Yoga refuses mutations over GET), which is what a public
// hub's readers and the shared caches of its persisted GETs do. A cookieless POST still needs it:
// a cross-site form could sign the browser in (login).
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention'
import { GraphQLError } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { hasSessionCookie } from './cors.ts'

export const CSRF_HEADER = 'x-minsheng-csrf'

/** Nothing a forger could borrow: a bearer key and no cookie, or an anonymous GET (reads only). */
const unforgeable = (request: Request) =>
  !hasSessionCookie(request) &&
  (request.method === 'GET' || /^bearer\s/i.test(request.headers.get('authorization') ?? ''))

export function useCsrfPrevention(): Plugin {
  const check = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }).onRequestParse
  return {
    onRequestParse(payload) {
      if (!check || unforgeable(payload.request)) return
      try {
        return check(payload as never)
      } catch {
        throw new GraphQLError(
          `Send JSON (Content-Type: application/json) or the header ${CSRF_HEADER}: 1 with this request; it is refused otherwise, as a cross-site request could forge it.`,
          { extensions: { code: 'CSRF_HEADER_REQUIRED', http: { status: 403 } } },
        )
      }
    },
  }
}
