// Cache rules of persisted reads (server/src/plugins/cacheable-reads.ts): who may be cached where,
// and an ETag that changes with anything the answer depends on.
import { describe, expect, it } from 'vitest'
import { cacheControlFor, etagOf, PUBLIC_MAX_AGE_SECONDS } from '../../server/src/plugins/cacheable-reads.ts'

describe('persisted reads', () => {
  it('are shared briefly for anonymous callers, revalidated for keys, never stored for operators', () => {
    expect(cacheControlFor({ kind: 'anonymous' })).toBe(`public, max-age=${PUBLIC_MAX_AGE_SECONDS}`)
    expect(cacheControlFor({ kind: 'key', keyId: 1, name: 'k', scopes: ['read'], rateLimitPerMinute: 60 })).toBe(
      'private, no-cache',
    )
    expect(
      cacheControlFor({
        kind: 'user',
        userId: 1,
        username: 'u',
        role: 'VIEWER',
        scopeDivisionId: null,
        sessionId: 's',
      }),
    ).toBe('private, no-store')
  })

  it('have an ETag that changes with the operation, its variables, the caller and the log', () => {
    const base = { hash: 'a'.repeat(64), query: 'variables=%7B%7D', caller: 'key:1', head: 10 }
    const tag = etagOf(base)
    expect(tag).toMatch(/^"[\w-]{32}"$/)
    expect(etagOf(base)).toBe(tag)
    for (const change of [
      { hash: 'b'.repeat(64) },
      { query: 'variables=%7B%22a%22%3A1%7D' },
      { caller: 'key:2' },
      { head: 11 },
    ]) {
      expect(etagOf({ ...base, ...change })).not.toBe(tag)
    }
  })
})
