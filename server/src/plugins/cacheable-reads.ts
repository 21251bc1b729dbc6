// Persisted reads over GET are cacheable: the answer to an operation sent by hash depends only on
// the operation, its variables, who asks (what they may read) and the published data — and every
// publication moves the log's `seq`. So the ETag is made of those, the log's end included, and a
// request whose If-None-Match holds it is answered 304 before anything runs. Operators read the
// working copy, which the log does not follow: theirs are never stored.
import { createHash } from 'node:crypto'
import type { Plugin } from 'graphql-yoga'
import type { Actor } from '../auth/actor.ts'
import { db } from '../db.ts'
import type { RequestPayload } from './sync-unless-serving.ts'

/** How long a shared cache may keep an anonymous (PUBLIC_READ) answer without asking again. */
export const PUBLIC_MAX_AGE_SECONDS = 60

interface Policy {
  cacheControl: string
  etag?: string
}

/** Cache-Control for a persisted read: revalidated for keys, briefly shared for anonymous callers. */
export function cacheControlFor(actor: Actor): string {
  if (actor.kind === 'anonymous') return `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`
  if (actor.kind === 'key') return 'private, no-cache'
  return 'private, no-store'
}

/** The ETag of a persisted read: its operation, variables and caller, and where the log stands. */
export function etagOf(parts: { hash: string; query: string; caller: string; head: number }): string {
  const digest = createHash('sha256')
    .update(`${parts.hash}\n${parts.query}\n${parts.caller}\n${parts.head}`)
    .digest('base64url')
  return `"${digest.slice(0, 32)}"`
}

const matches = (header: string | null, etag: string) =>
  header?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag) ?? false

function persistedHash(url: URL): string | undefined {
  try {
    const extensions = JSON.parse(url.searchParams.get('extensions') ?? 'null') as {
      persistedQuery?: { sha256Hash?: unknown }
    } | null
    const hash = extensions?.persistedQuery?.sha256Hash
    return typeof hash === 'string' ? hash : undefined
  } catch {
    return undefined
  }
}

export function useCacheablePersistedReads(callerOf: (request: Request) => Promise<Actor>): Plugin {
  const policies = new WeakMap<Request, Policy>()
  /** The caller's cache policy, and 304 when the caller's copy is still current. */
  const policyOf = async ({ request, url, endResponse, fetchAPI }: RequestPayload, hash: string) => {
    const actor = await callerOf(request).catch(() => undefined)
    if (!actor) return
    const cacheControl = cacheControlFor(actor)
    if (actor.kind === 'user') {
      policies.set(request, { cacheControl })
      return
    }
    const [row] = await db().$queryRawUnsafe<{ head: number }[]>(
      'SELECT COALESCE(max(seq), 0) AS head FROM "Publication"',
    )
    const params = new URLSearchParams(url.searchParams)
    params.sort()
    const etag = etagOf({
      hash,
      query: params.toString(),
      caller: actor.kind === 'key' ? `key:${actor.keyId}` : 'anonymous',
      head: Number(row?.head ?? 0),
    })
    if (matches(request.headers.get('if-none-match'), etag)) {
      endResponse(
        new fetchAPI.Response(null, {
          status: 304,
          headers: { etag, 'cache-control': cacheControl, vary: 'Authorization, Cookie, Accept-Language' },
        }),
      )
      return
    }
    policies.set(request, { cacheControl, etag })
  }
  return {
    // Synchronous for every request but a persisted read over GET (see sync-unless-serving.ts).
    onRequest(payload) {
      if (payload.request.method !== 'GET') return
      const hash = persistedHash(payload.url)
      return hash ? policyOf(payload, hash) : undefined
    },
    onResultProcess({ request, result }) {
      // An answer with errors is not one to keep.
      const policy = policies.get(request)
      if (
        policy &&
        (Array.isArray(result) || (result && typeof result === 'object' && 'errors' in result && result.errors))
      ) {
        policies.set(request, { cacheControl: 'no-store' })
      }
    },
    onResponse({ request, response }) {
      const policy = policies.get(request)
      if (!policy) return
      response.headers.set('cache-control', policy.cacheControl)
      response.headers.set('vary', 'Authorization, Cookie, Accept-Language')
      if (policy.etag && response.status === 200) response.headers.set('etag', policy.etag)
    },
  }
}
