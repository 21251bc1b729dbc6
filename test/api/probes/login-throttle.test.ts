// Probes of password guessing: many addresses guessing one account are refused once the account
// has had its share of failures, and instances sharing a Redis count the failures together.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLoginThrottle, LOGIN_FAILURES } from '../../../server/src/auth/throttle.ts'
import { startTestHub, type TestHub } from '../../setup/hub.ts'
import { OPERATORS, TEST_PASSWORD } from '../../setup/operators.ts'
import { useTestRedis } from '../redis.ts'

let t: TestHub
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

const LOGIN = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { username } }'

/** Signs in from the local address `from` (any 127.x.y.z is this machine). */
function loginFrom(from: string, username: string, password: string) {
  const body = JSON.stringify({ query: LOGIN, variables: { u: username, p: password } })
  return new Promise<{ errors?: { extensions?: Record<string, any> }[]; data?: unknown }>((resolve, reject) => {
    const call = request(
      t.url,
      {
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = ''
        response.on('data', (chunk) => {
          text += chunk
        })
        response.on('end', () => resolve(JSON.parse(text)))
      },
    )
    call.on('error', reject)
    call.end(body)
  })
}

describe('sign-in throttling', () => {
  it('refuses an account guessed at from many addresses once it has had its share of failures', async () => {
    const username = OPERATORS.viewer.username
    const codes: string[] = []
    // 8 addresses, 5 guesses each: within each address's own allowance.
    for (let address = 2; address < 10; address++) {
      for (let guess = 0; guess < LOGIN_FAILURES.accountAndAddress; guess++) {
        const result = await loginFrom(`127.0.0.${address}`, username, `wrong-${address}-${guess}`)
        codes.push(result.errors?.[0]?.extensions?.code)
      }
    }
    expect(codes.slice(0, LOGIN_FAILURES.account).every((code) => code === 'UNAUTHENTICATED')).toBe(true)
    expect(codes.slice(LOGIN_FAILURES.account).every((code) => code === 'TOO_MANY_ATTEMPTS')).toBe(true)
    // Even the right password, from yet another address, waits.
    const right = await loginFrom('127.0.0.20', username, TEST_PASSWORD)
    expect(right.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' })
    expect(right.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0)
    // Other accounts are not affected.
    const other = await loginFrom('127.0.0.2', OPERATORS.editor.username, TEST_PASSWORD)
    expect(other.data).toEqual({ login: { username: OPERATORS.editor.username } })
  })

  describe('shared through Redis', () => {
    const shared = useTestRedis()
    const { redisUrl, keyPrefix } = shared

    it('failures on one instance count on the other', async (context) => {
      if (!shared.redis) context.skip('Redis is not reachable at TEST_REDIS_URL')
      const one = createLoginThrottle({ redisUrl, keyPrefix })
      const two = createLoginThrottle({ redisUrl, keyPrefix })
      try {
        await new Promise((resolve) => setTimeout(resolve, 300))
        for (let i = 0; i < LOGIN_FAILURES.account; i++) {
          await (i % 2 ? one : two).recordFailure('someone', `10.0.0.${i}`)
        }
        expect(await one.wait('someone', '10.0.0.99')).toBeGreaterThan(0)
        expect(await two.wait('SomeOne ', '10.0.0.98')).toBeGreaterThan(0)
        expect(await two.wait('someone-else', '10.0.0.1')).toBe(0)
      } finally {
        one.close()
        two.close()
      }
    })
  })
})
