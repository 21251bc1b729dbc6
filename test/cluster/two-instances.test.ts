// Two hub processes (`server/src/main.ts`, as `pnpm start` runs it) on loopback, sharing one new
// PostgreSQL database and one Redis: what one instance does, the other sees.
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withDatabase } from '../setup/global.ts'
import { type SpawnedHub, spawnHub } from '../setup/hub-process.ts'
import { subscribe } from '../setup/sse.ts'

const adminUrl = process.env.TEST_DATABASE_URL ?? ''
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const run = randomBytes(4).toString('hex')
const databaseName = `hub_cluster_${run}`
// Apart from any other test run on the same Redis: its own counters and its own event channel.
const keyPrefix = `minsheng-test-cluster:${run}`
const ADMIN = { username: 'cluster-admin', password: 'cluster admin password' }
/** Anonymous operations per minute per client address, on each instance and (shared) on both. */
const ANONYMOUS_LIMIT = 6

type Instance = SpawnedHub

async function onAdminDatabase(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  await client.query(sql)
  await client.end()
}

function start(name: string): Promise<Instance> {
  return spawnHub(
    {
      NODE_ENV: 'development',
      DATABASE_URL: withDatabase(adminUrl, databaseName),
      REDIS_URL: redisUrl,
      RATE_LIMIT_KEY_PREFIX: `${keyPrefix}:rate`,
      LIVE_CHANNEL_PREFIX: `${keyPrefix}:live:`,
      RATE_LIMIT_PER_MINUTE: String(ANONYMOUS_LIMIT),
      // The rate-limit test names its own client address, apart from the other tests' requests.
      TRUST_PROXY_HOPS: '1',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
    },
    { name },
  )
}

async function graphql(instance: Instance, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${instance.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  })
  return { response, body: (await response.json()) as Record<string, any> }
}

let a: Instance
let b: Instance
let session: { cookie: string }

beforeAll(async () => {
  await onAdminDatabase(`CREATE DATABASE ${databaseName}`)
  // One after the other: the first migrates and seeds the empty database, the second finds it ready.
  a = await start('instance A')
  b = await start('instance B')
}, 200_000)

afterAll(async () => {
  for (const instance of [a, b]) if (instance?.child.exitCode === null) instance.child.kill('SIGKILL')
  await onAdminDatabase(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
  const redis = new Redis(redisUrl)
  const keys = await redis.keys(`${keyPrefix}*`)
  if (keys.length) await redis.del(...keys)
  redis.disconnect()
})

describe('two instances on one PostgreSQL database and one Redis', () => {
  it('serves the same data on both', () => {
    expect(a.url).not.toBe(b.url)
    expect(b.output()).not.toContain('seeding')
  })

  it('keeps a session signed in on A valid on B', async () => {
    const { response, body } = await graphql(
      a,
      `mutation { login(username: "${ADMIN.username}", password: "${ADMIN.password}") { username } }`,
    )
    expect(body).toEqual({ data: { login: { username: ADMIN.username } } })
    session = { cookie: /^(mh_session=[^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] as string }
    expect(session.cookie).toBeDefined()
    const onB = await graphql(b, '{ me { username role } }', session)
    expect(onB.body).toEqual({ data: { me: { username: ADMIN.username, role: 'ADMIN' } } })
  })

  it('delivers a change made through A to a subscriber on B', async () => {
    const events = await subscribe(
      `${b.url}/graphql`,
      'subscription { recordChanged(types: [Source]) { action recordId who record { ... on Source { nameZh } } } }',
      {},
      session,
    )
    const sent = performance.now()
    const { body } = await graphql(a, 'mutation { createSource(input: { nameZh: "集群测试来源" }) { id } }', session)
    const created = body.data.createSource.id
    const received = await events.next(10_000)
    console.info(`change through A seen on B ${Math.round(performance.now() - sent)} ms after the mutation was sent`)
    expect(received.data?.recordChanged).toEqual({
      action: 'CREATE',
      recordId: created,
      who: ADMIN.username,
      record: { nameZh: '集群测试来源' },
    })
    events.close()
  })

  it('counts a client’s requests to A and B against one limit', async () => {
    const client = { 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 200) + 1}` }
    const statuses: number[] = []
    for (let i = 0; i < ANONYMOUS_LIMIT; i++) {
      statuses.push((await graphql(i % 2 === 0 ? a : b, '{ __typename }', client)).response.status)
    }
    // Each instance has seen only half the limit; together they have seen all of it.
    expect(statuses).toEqual(Array(ANONYMOUS_LIMIT).fill(200))
    for (const instance of [a, b]) {
      const { response, body } = await graphql(instance, '{ __typename }', client)
      expect(response.status).toBe(429)
      expect(body.errors[0].extensions.code).toBe('RATE_LIMITED')
    }
  })

  it('ends a key’s stream on B at once when A revokes the key (announced through Redis)', async () => {
    const { body } = await graphql(
      a,
      'mutation { createApiKey(input: { name: "cluster", scopes: ["read"] }) { secret apiKey { id } } }',
      session,
    )
    const { secret, apiKey } = body.data.createApiKey
    const events = await subscribe(
      `${b.url}/graphql`,
      'subscription { recordChanged { action } }',
      {},
      { authorization: `Bearer ${secret}` },
    )
    const revoked = performance.now()
    await graphql(a, `mutation { revokeApiKey(id: "${apiKey.id}") { revokedAt } }`, session)
    const ended = await events.next(5_000)
    console.info(`stream on B ended ${Math.round(performance.now() - revoked)} ms after A revoked its key`)
    expect(ended.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'KEY_REVOKED' })
    await events.ended
  })

  it('exits 0 on SIGTERM within 10 s while subscribers are connected', async () => {
    const subscription = 'subscription { recordChanged { action } }'
    const streams = await Promise.all(
      [a, b].map((instance) => subscribe(`${instance.url}/graphql`, subscription, {}, session)),
    )
    const started = Date.now()
    const exits = [a, b].map(
      (instance) => new Promise<number | null>((resolve) => instance.child.once('exit', resolve)),
    )
    a.child.kill('SIGTERM')
    b.child.kill('SIGTERM')
    expect(await Promise.all(exits)).toEqual([0, 0])
    console.info(`both instances exited ${Date.now() - started} ms after SIGTERM, with subscribers connected`)
    expect(Date.now() - started).toBeLessThan(10_000)
    await Promise.all(streams.map((stream) => stream.ended))
  }, 30_000)
})
