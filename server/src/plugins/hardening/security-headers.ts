// Security headers for every response: the API's, GraphiQL's page and (through securityHeaders())
// the console's files.
import type { IncomingMessage } from 'node:http'
import type { Plugin } from 'graphql-yoga'

/** Pages that only need their own origin: the console (a Vite-built React app) and GraphiQL. */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Emotion (Material UI) and Monaco (GraphiQL) insert <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** API answers (JSON) are not documents: nothing may load from them, nothing may frame them. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'"

type HeaderSource = Request | IncomingMessage

function header(request: HeaderSource, name: string): string | undefined {
  if ('get' in request.headers && typeof request.headers.get === 'function')
    return request.headers.get(name) ?? undefined
  const value = (request as IncomingMessage).headers[name]
  return Array.isArray(value) ? value[0] : value
}

function overHttps(request: HeaderSource): boolean {
  const forwarded = header(request, 'x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  if (forwarded) return forwarded === 'https'
  if ('url' in request && typeof request.url === 'string' && request.url.startsWith('https:')) return true
  return Boolean((request as IncomingMessage).socket && 'encrypted' in (request as IncomingMessage).socket)
}

/**
 * The headers a response to `request` should carry. `page` is true for HTML documents (the
 * console, GraphiQL), false for data. Exported for the console's static handler.
 */
export function securityHeaders(request: HeaderSource, { page = true }: { page?: boolean } = {}) {
  const headers: Record<string, string> = {
    'Content-Security-Policy': page ? PAGE_POLICY : API_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
  // Only over HTTPS: browsers ignore it over HTTP, and a hub reached by plain HTTP must stay reachable.
  if (overHttps(request)) headers['Strict-Transport-Security'] = 'max-age=31536000'
  return headers
}

export function useSecurityHeaders(): Plugin {
  return {
    onResponse({ request, response }) {
      const page = response.headers.get('content-type')?.startsWith('text/html') ?? false
      for (const [name, value] of Object.entries(securityHeaders(request, { page }))) {
        // A plugin that chose its own policy (GraphiQL's assets) keeps it.
        if (!response.headers.has(name)) response.headers.set(name, value)
      }
    },
  }
}
