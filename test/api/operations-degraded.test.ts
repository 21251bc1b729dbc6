// Operations of a hub in trouble or on its way out: Redis unreachable makes it not ready (quickly),
// /metrics lives on a listener of its own, and /ready turns red as soon as shutdown begins.
// A file of its own: a process serves one hub's database at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'

/** Nothing listens there: Redis is "unreachable". */
const CLOSED_REDIS = 'redis://127.0.0.1:9'

const get = (hub: TestHub, path: string, headers: Record<string, string> = {}) =>
  fetch(`${hub.hub.url}${path}`, { headers })

describe('a hub whose Redis is unreachable, with metrics on a port of their own', () => {
  let other: TestHub
  beforeAll(async () => {
    other = await startTestHub({
      config: {
        REDIS_URL: CLOSED_REDIS,
        READY_CHECK_TIMEOUT_MS: 300,
        METRICS_PORT: 0,
        SHUTDOWN_DRAIN_MS: 400,
      },
    })
  })
  afterAll(() => other?.close())

  it('is not ready, names Redis, and answers within the check time limit', async () => {
    const started = Date.now()
    const response = await get(other, '/ready')
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(response.status).toBe(503)
    const body = await response.json()
    expect(body.checks.redis.state).toMatch(/^(unavailable|timeout)$/)
    expect(body.checks.database).toEqual({ state: 'ok' })
    expect(body.checks.migrations).toEqual({ state: 'ok' })
  })

  it('serves /metrics only on its own listener, not on the main port', async () => {
    expect((await get(other, '/metrics')).status).toBe(404)
    expect((await get(other, '/metrics', { authorization: 'Bearer anything' })).status).toBe(404)
    const metricsUrl = other.hub.metricsUrl as string
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/)
    const response = await fetch(metricsUrl)
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/^hub_database_connections\{state="total"\} \d+$/m)
  })

  it('turns /ready red as soon as shutdown begins, while still serving', async () => {
    const closing = other.hub.close()
    const response = await get(other, '/ready')
    expect(response.status).toBe(503)
    expect((await response.json()).shuttingDown).toBe(true)
    await closing
  })
})
