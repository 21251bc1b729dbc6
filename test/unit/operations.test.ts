// The rules behind the operations layer: what counts as ready, who may read /metrics, which code an
// error is counted under, which values are secrets, which request ids are kept, where spans go.
import { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import { errorCodeOf } from '../../server/src/operations/metrics.ts'
import { metricsAccess } from '../../server/src/operations/metrics-endpoint.ts'
import { missingMigrations, readinessOf } from '../../server/src/operations/readiness.ts'
import { REDACTED, redactSecrets } from '../../server/src/operations/redaction.ts'
import { tracesUrl } from '../../server/src/operations/tracing.ts'
import { requestIdFrom } from '../../server/src/plugins/request-id.ts'

describe('readinessOf', () => {
  const ok = { state: 'ok' } as const
  it('is ready when every check is ok or not configured', () => {
    expect(readinessOf({ database: ok, redis: { state: 'not configured' } }, false)).toEqual({
      ready: true,
      body: { status: 'ready', shuttingDown: false, checks: { database: ok, redis: { state: 'not configured' } } },
    })
  })
  it.each(['unavailable', 'timeout', 'pending'] as const)('is not ready when a check is %s', (state) => {
    expect(readinessOf({ database: ok, redis: { state } }, false).ready).toBe(false)
  })
  it('is not ready while shutting down, however healthy', () => {
    expect(readinessOf({ database: ok }, true)).toMatchObject({
      ready: false,
      body: { status: 'not ready', shuttingDown: true },
    })
  })
})

describe('missingMigrations', () => {
  it('names the migrations the database has not applied, in order', () => {
    expect(missingMigrations(['a', 'b', 'c'], ['b'])).toEqual(['a', 'c'])
  })
  it('ignores migrations only the database knows (a newer release already migrated it)', () => {
    expect(missingMigrations(['a', 'b'], ['a', 'b', 'c'])).toEqual([])
  })
})

describe('metricsAccess', () => {
  const token = 'a-long-enough-metrics-token'
  it('is not served on the main port without a token configured, whatever is sent', () => {
    expect(metricsAccess(undefined, null)).toBe('not found')
    expect(metricsAccess(undefined, 'Bearer anything')).toBe('not found')
  })
  it.each([null, '', 'Bearer', `Basic ${token}`, 'Bearer wrong', `Bearer ${token}x`, `Bearer ${token.slice(1)}`])(
    'refuses %j',
    (authorization) => {
      expect(metricsAccess(token, authorization)).toBe('unauthorized')
    },
  )
  it('serves the exact bearer token (scheme in any case)', () => {
    expect(metricsAccess(token, `Bearer ${token}`)).toBe('serve')
    expect(metricsAccess(token, `bearer ${token}`)).toBe('serve')
  })
})

describe('errorCodeOf', () => {
  it('counts an error under its own code, or the one the error-codes plugin gives it', () => {
    expect(errorCodeOf(new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } }), 'execute')).toBe('FORBIDDEN')
    expect(errorCodeOf(new GraphQLError('Syntax Error: Unexpected Name "x".'), 'parse')).toBe('GRAPHQL_PARSE_FAILED')
  })
  it('counts failed validation (reported without its errors) as GRAPHQL_VALIDATION_FAILED', () => {
    expect(errorCodeOf(undefined, 'validate')).toBe('GRAPHQL_VALIDATION_FAILED')
  })
  it('counts anything else as INTERNAL_SERVER_ERROR', () => {
    expect(errorCodeOf(new Error('boom'), 'context')).toBe('INTERNAL_SERVER_ERROR')
  })
})

describe('redactSecrets', () => {
  it('replaces secret-named values at any depth, in objects and lists', () => {
    expect(
      redactSecrets({
        username: 'li',
        password: 'p',
        input: { newPassword: 'q', apiKey: 'k', api_key: 'k', key: 'k', keyId: 3, name: 'n' },
        list: [{ token: 't', sessionId: 's' }, 'plain'],
        headers: { Authorization: 'Bearer x', Cookie: 'c', 'set-cookie': 'c' },
        clientSecret: 'c',
      }),
    ).toEqual({
      username: 'li',
      password: REDACTED,
      input: { newPassword: REDACTED, apiKey: REDACTED, api_key: REDACTED, key: REDACTED, keyId: 3, name: 'n' },
      list: [{ token: REDACTED, sessionId: REDACTED }, 'plain'],
      headers: { Authorization: REDACTED, Cookie: REDACTED, 'set-cookie': REDACTED },
      clientSecret: REDACTED,
    })
  })
  it('leaves scalars and null alone', () => {
    expect(redactSecrets(null)).toBeNull()
    expect(redactSecrets('password')).toBe('password')
  })
})

describe('requestIdFrom', () => {
  it("keeps a caller's sensible id (nginx's $request_id, a UUID, a dotted trace id)", () => {
    for (const id of ['5d3f2a9c0b1e4f6a8c7d9e0f1a2b3c4d', 'c0a8-01', 'svc.trace:42_x'])
      expect(requestIdFrom(id)).toBe(id)
  })
  it('replaces missing, long or odd ids with a new UUID', () => {
    for (const given of [undefined, null, '', 'a'.repeat(101), 'id with spaces', 'x\ny', ['a', 'b']]) {
      expect(requestIdFrom(given)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
  })
})

describe('tracesUrl', () => {
  it('appends the traces path to the collector base URL, as the OTLP specification says', () => {
    expect(tracesUrl('http://collector:4318')).toBe('http://collector:4318/v1/traces')
    expect(tracesUrl('http://collector:4318/')).toBe('http://collector:4318/v1/traces')
  })
})
