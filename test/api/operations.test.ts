// Operations: /ready reflects the database, the migrations, Redis and shutdown; /metrics is served
// only as configured and records operations and error codes; logs are one JSON line per request,
// name the request id, and never hold a password, cookie, authorization header or API key; error
// responses carry the request id.
import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { getOperationAST } from 'graphql'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../server/src/operations/logger.ts'
import { databaseKind, startTestHub, type TestHub, type TestHubOptions } from '../setup/hub.ts'
import { OPERATORS, sessionToken, TEST_PASSWORD } from '../setup/operators.ts'

const REDIS = 'redis://127.0.0.1:6379'
const METRICS_TOKEN = randomBytes(24).toString('hex')
const KEY_PREFIX = `hub-test-ops-${randomBytes(4).toString('hex')}`

/** A pino destination that keeps every line, parsed. */
function capturedLogs() {
  const lines: Record<string, any>[] = []
  let text = ''
  const destination = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString()
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      done()
    },
  })
  return { lines, destination, text: () => text }
}

const logs = capturedLogs()
/** Fails any operation named OpsExplode with an unexpected (non-GraphQL) error. */
const explodingPlugin: NonNullable<TestHubOptions['plugins']>[number] = {
  onExecute({ args }) {
    if (getOperationAST(args.document)?.name?.value === 'OpsExplode') {
      throw new Error('database on fire (internal detail)')
    }
  },
}

let t: TestHub
beforeAll(async () => {
  t = await startTestHub({
    config: { METRICS_TOKEN, REDIS_URL: REDIS, RATE_LIMIT_KEY_PREFIX: KEY_PREFIX },
    logger: createLogger({ level: 'debug', destination: logs.destination }),
    plugins: [explodingPlugin],
  })
})
afterAll(async () => {
  await t?.close()
  const redis = new Redis(REDIS)
  const keys = await redis.keys(`${KEY_PREFIX}*`)
  if (keys.length) await redis.del(...keys)
  redis.disconnect()
})

const get = (hub: TestHub, path: string, headers: Record<string, string> = {}) =>
  fetch(`${hub.hub.url}${path}`, { headers })

describe('/ready', () => {
  it('is 200 when the database answers, Redis answers and every migration is applied', async () => {
    const response = await get(t, '/ready')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      status: 'ready',
      shuttingDown: false,
      checks: { database: { state: 'ok' }, migrations: { state: 'ok' }, redis: { state: 'ok' } },
    })
  })

  it('is 503 naming the migration when one is not applied', async () => {
    const prisma = t.hub.database.prisma
    const [last] = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      'SELECT * FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1',
    )
    if (!last) throw new Error('no migration recorded')
    await prisma.$executeRawUnsafe('DELETE FROM "_prisma_migrations" WHERE id = $1', last.id)
    try {
      const response = await get(t, '/ready')
      expect(response.status).toBe(503)
      const body = await response.json()
      expect(body.status).toBe('not ready')
      expect(body.checks.migrations).toEqual({ state: 'pending', missing: [last.migration_name] })
      expect(body.checks.database).toEqual({ state: 'ok' })
    } finally {
      await prisma.$executeRawUnsafe(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)',
        last.id,
        last.checksum,
        last.migration_name,
      )
    }
    expect((await get(t, '/ready')).status).toBe(200)
  })

  it('/health stays the liveness probe: 200 whatever Redis does', async () => {
    expect((await get(t, '/health')).status).toBe(200)
  })
})

describe('/metrics on the main port', () => {
  it('needs the bearer token', async () => {
    expect((await get(t, '/metrics')).status).toBe(401)
    expect((await get(t, '/metrics', { authorization: 'Bearer wrong-token-of-some-length' })).status).toBe(401)
    expect((await get(t, '/metrics', { authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(200)
  })

  it('has a latency histogram for a named operation and counts errors by code', async () => {
    await t.data('query OpsHospitals { hospitals(first: 2) { totalCount } }')
    const failing = await t.gql('query OpsBroken { hospitals(first: 2) { noSuchField } }')
    expect(failing.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    const denied = await t.gqlAs('anonymous', 'query OpsDenied { hospitals(first: 1) { totalCount } }')
    const deniedCode = denied.errors?.[0]?.extensions?.code
    expect(deniedCode).toBe('UNAUTHENTICATED')

    const text = await (await get(t, '/metrics', { authorization: `Bearer ${METRICS_TOKEN}` })).text()
    expect(text).toMatch(
      /^graphql_envelop_request_duration_bucket\{le="\+Inf",operationName="OpsHospitals",operationType="query"\} 1$/m,
    )
    expect(text).toMatch(/^graphql_envelop_request\{operationName="OpsHospitals",operationType="query"\} 1$/m)
    expect(text).toMatch(
      /^graphql_envelop_error_result\{operationName="OpsBroken",operationType="query",phase="validate",code="GRAPHQL_VALIDATION_FAILED"\} 1$/m,
    )
    expect(text).toMatch(
      new RegExp(
        `^graphql_envelop_error_result\\{operationName="OpsDenied",operationType="query",phase="execute",code="${deniedCode}"\\} 1$`,
        'm',
      ),
    )
    expect(text).toMatch(/^graphql_yoga_http_duration_bucket\{.*operationName="OpsHospitals".*\} 1$/m)
    // Latency as histograms only, which Prometheus can add up across hubs: no summary (quantiles
    // per process, a t-digest kept on every request) repeating graphql_envelop_request_duration.
    expect(text).not.toMatch(/^# TYPE \S+ summary$/m)
    expect(text).toMatch(/^hub_database_connections\{state="total"\} [1-9]\d*$/m)
    if (databaseKind === 'postgres') {
      // The pool's own figures: idle connections, and callers waiting for one.
      expect(text).toMatch(/^hub_database_connections\{state="idle"\} \d+$/m)
      expect(text).toMatch(/^hub_database_connections\{state="waiting"\} 0$/m)
    }
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m)
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m)
  })
})

describe('request ids in error responses', () => {
  it('carries the x-request-id header in extensions.requestId of every error', async () => {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...t.headersOf('admin') },
      body: JSON.stringify({ query: 'query OpsBad { nope }' }),
    })
    const id = response.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const body = await response.json()
    expect(body.errors.length).toBeGreaterThan(0)
    for (const error of body.errors) expect(error.extensions.requestId).toBe(id)
  })

  it("keeps the caller's own request id, and reports it for unexpected errors too", async () => {
    const result = await t.gql('query OpsExplode { hospitals(first: 1) { totalCount } }', undefined, {
      'x-request-id': 'ops-explode-1',
    })
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'ops-explode-1' })
    expect(JSON.stringify(result)).not.toContain('on fire')
  })
})

describe('logs', () => {
  const requestLines = (id: string) => logs.lines.filter((line) => line.msg === 'request' && line.requestId === id)

  it('are one JSON line per request with id, operation, status, duration, actor and address', async () => {
    await t.gql('query OpsLogged { hospitals(first: 1) { totalCount } }', undefined, { 'x-request-id': 'ops-log-1' })
    await get(t, '/ready', { 'x-request-id': 'ops-log-2' })
    await expect.poll(() => requestLines('ops-log-2').length).toBe(1)
    const [line] = requestLines('ops-log-1')
    expect(requestLines('ops-log-1')).toHaveLength(1)
    expect(line).toMatchObject({
      level: 30,
      service: 'minsheng-hub',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'OpsLogged',
      actorId: expect.stringMatching(/^user:\d+$/),
      clientAddress: '127.0.0.1',
    })
    expect(line?.durationMs).toBeGreaterThan(0)
    expect(new Date(line?.time).getTime()).toBeGreaterThan(Date.now() - 60_000)
    // Probes are logged too, at debug level so they do not drown the rest.
    expect(requestLines('ops-log-2')[0]).toMatchObject({ level: 20, path: '/ready', status: 200 })
  })

  it('log unexpected errors with their stack and the request id', async () => {
    const errors = logs.lines.filter((line) => line.level === 50 && line.requestId === 'ops-explode-1')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.err?.stack).toMatch(/^Error: database on fire \(internal detail\)\n\s+at /)
  })

  it('never hold passwords, cookies, authorization headers, session tokens or API keys', async () => {
    const login = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'ops-login' },
      body: JSON.stringify({
        query:
          'mutation OpsLogin($username: String!, $password: String!) { login(username: $username, password: $password) { username } }',
        variables: { username: OPERATORS.admin.username, password: TEST_PASSWORD },
      }),
    })
    expect(await login.json()).toEqual({ data: { login: { username: OPERATORS.admin.username } } })
    const session = /mh_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1]
    expect(session).toBeTruthy()

    const created = await t.data<{ createApiKey: { secret: string } }>(
      'mutation OpsKey($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'ops logging', scopes: ['read'] } },
    )
    const secret = created.createApiKey.secret
    const withKey = await t.gqlAs(
      { bearer: secret },
      'query OpsWithKey { hospitals(first: 1) { totalCount } }',
      undefined,
      {
        'x-request-id': 'ops-key',
      },
    )
    expect(withKey.errors).toBeUndefined()
    // A login attempt with the password inline in the document, and a cookie of the new session.
    await t.gqlAs(
      'anonymous',
      `mutation OpsInline { login(username: "nobody", password: ${JSON.stringify(`${TEST_PASSWORD}-inline`)}) { username } }`,
    )
    await t.gqlAs('anonymous', 'query OpsCookie { me { username } }', undefined, { cookie: `mh_session=${session}` })

    await expect.poll(() => requestLines('ops-key').length).toBe(1)
    expect(requestLines('ops-key')[0]?.actorId).toMatch(/^key:\d+$/)
    // The login's variables were logged at debug level, scrubbed.
    const debugLine = logs.lines.find((line) => line.msg === 'operation' && line.operationName === 'OpsLogin')
    expect(debugLine?.variables).toEqual({ username: OPERATORS.admin.username, password: '[redacted]' })

    const text = logs.text()
    for (const secretValue of [TEST_PASSWORD, session as string, secret, sessionToken('admin'), METRICS_TOKEN]) {
      expect(text).not.toContain(secretValue)
    }
  })
})
