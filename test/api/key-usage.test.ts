// Use per key and day: requests, errors by code, records returned, p95 latency, bytes out, last
// address — stored per UTC day (400 days kept), read as ApiKey.usage, and counted in Prometheus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import { fieldErrorsOf } from './support.ts'

const METRICS_TOKEN = 'usage-metrics-token'
let t: TestHub
beforeAll(async () => {
  t = await startTestHub({ config: { METRICS_TOKEN } })
})
afterAll(() => t?.close())

const today = () => new Date().toISOString().slice(0, 10)
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)
const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1])

async function newKey(scopes: string[]) {
  const data = await t.data(
    `mutation ($scopes: [String!]!) { createApiKey(input: { name: "用量测试", scopes: $scopes }) { secret apiKey { id } } }`,
    {
      scopes,
    },
  )
  return data.createApiKey as { secret: string; apiKey: { id: string } }
}

/** A request with the key; returns the size of the body the hub sent and the records in it. */
async function call(secret: string, query: string) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query }),
  })
  const text = await response.text()
  const list = (JSON.parse(text) as { data?: Record<string, { nodes?: unknown[] }> | null }).data
  const rows = Object.values(list ?? {}).reduce((sum, page) => sum + (page?.nodes?.length ?? 0), 0)
  return { bytes: Buffer.byteLength(text), rows }
}

const USAGE = `query ($id: ID!, $from: Date!, $to: Date!) {
  node(id: $id) { ... on ApiKey {
    lastUsedFrom
    usage(from: $from, to: $to) { day requests errorCount errors { code count } rowsReturned p95LatencyMs bytesOut lastUsedAt lastAddress }
  } }
}`

describe('usage per key and day', () => {
  it('counts requests, errors by code, records, latency, bytes and the address', async () => {
    const key = await newKey(['read:Hospital'])
    const answers = [
      await call(key.secret, '{ hospitals(first: 3) { nodes { id } } }'),
      // Each record once, though both edges and nodes give it.
      await call(key.secret, '{ hospitals(first: 2) { edges { node { id } } nodes { id } } }'),
      await call(key.secret, '{ schools(first: 3) { nodes { id } } }'),
      await call(key.secret, '{ hospitals(first: 3) { nodes { id nope } } }'),
    ]
    const bytes = answers.reduce((sum, a) => sum + a.bytes, 0)
    const rows = answers.reduce((sum, a) => sum + a.rows, 0)
    expect(rows).toBeGreaterThan(0)
    await t.hub.flushUsage()
    const data = await t.data(USAGE, { id: key.apiKey.id, from: daysAgo(2), to: today() })
    const [before, yesterday, day] = data.node.usage
    expect(before).toMatchObject({ day: daysAgo(2), requests: 0, errorCount: 0, p95LatencyMs: null, bytesOut: 0 })
    expect(yesterday.requests).toBe(0)
    expect(day).toMatchObject({
      day: today(),
      requests: 4,
      errorCount: 2,
      errors: [
        { code: 'FORBIDDEN', count: 1 },
        { code: 'GRAPHQL_VALIDATION_FAILED', count: 1 },
      ],
      rowsReturned: rows,
      bytesOut: bytes,
      lastAddress: '127.0.0.1',
    })
    expect(day.p95LatencyMs).toBeGreaterThan(0)
    expect(Date.parse(day.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(data.node.lastUsedFrom).toBe('127.0.0.1')

    // Later flushes add to the day's row (as other instances' would).
    const more = await call(key.secret, '{ hospitals(first: 1) { nodes { id } } }')
    await t.hub.flushUsage()
    const again = await t.data(USAGE, { id: key.apiKey.id, from: today(), to: today() })
    expect(again.node.usage[0]).toMatchObject({ requests: 5, errorCount: 2, rowsReturned: rows + more.rows })
  })

  it('counts nothing for operators, and keeps keys apart', async () => {
    const a = await newKey(['read'])
    const b = await newKey(['read'])
    await call(a.secret, '{ hospitals(first: 1) { nodes { id } } }')
    await t.gql('{ hospitals(first: 1) { nodes { id } } }')
    await t.hub.flushUsage()
    const usageOf = async (id: string) => (await t.data(USAGE, { id, from: today(), to: today() })).node.usage[0]
    expect((await usageOf(a.apiKey.id)).requests).toBe(1)
    expect((await usageOf(b.apiKey.id)).requests).toBe(0)
  })

  it('keeps 400 days', async () => {
    const key = await newKey(['read'])
    const apiKeyId = rowId(key.apiKey.id)
    for (const day of [daysAgo(401), daysAgo(399)]) {
      await t.hub.database.prisma.apiKeyUsageDay.create({
        data: { apiKeyId, day: new Date(`${day}T00:00:00Z`), requests: 7, latencyBuckets: [] },
      })
    }
    await t.hub.flushUsage({ prune: true })
    const days = await t.hub.database.prisma.apiKeyUsageDay.findMany({ where: { apiKeyId }, select: { day: true } })
    expect(days.map((row) => row.day.toISOString().slice(0, 10))).toEqual([daysAgo(399)])
    const refused = await t.gql(USAGE, { id: key.apiKey.id, from: daysAgo(400), to: today() })
    expect(fieldErrorsOf(refused).to?.code).toBe('out_of_range')
  })

  it('is counted in Prometheus, labelled by key id', async () => {
    const key = await newKey(['read:Hospital'])
    const { rows } = await call(key.secret, '{ hospitals(first: 2) { nodes { id } } }')
    await call(key.secret, '{ schools(first: 2) { nodes { id } } }')
    const id = rowId(key.apiKey.id)
    const metrics = await (
      await fetch(`${t.hub.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text()
    expect(metrics).toContain(`hub_api_key_requests_total{key="${id}"} 2`)
    expect(metrics).toContain(`hub_api_key_errors_total{key="${id}",code="FORBIDDEN"} 1`)
    expect(metrics).toContain(`hub_api_key_rows_returned_total{key="${id}"} ${rows}`)
    expect(metrics).toMatch(new RegExp(`hub_api_key_bytes_out_total\\{key="${id}"\\} [1-9]`))
    expect(metrics).toContain(`hub_api_key_request_duration_seconds_count{key="${id}"} 2`)
  })
})

describe('a key near its rate limit', () => {
  const USE = `query ($id: ID!) { node(id: $id) { ... on ApiKey { rateLimitUse { requests limit share nearing resetsInSeconds } } } }`
  const LIST = '{ apiKeys { id rateLimitUse { nearing } } }'

  it('shows how much of its minute it used, and is nearing from 80 %', async () => {
    const { createApiKey: key } = await t.data(
      'mutation { createApiKey(input: { name: "限额测试", scopes: ["read"], rateLimitPerMinute: 10 }) { secret apiKey { id } } }',
    )
    expect((await t.data(USE, { id: key.apiKey.id })).node.rateLimitUse).toEqual({
      requests: 0,
      limit: 10,
      share: 0,
      nearing: false,
      resetsInSeconds: 0,
    })
    for (let i = 0; i < 7; i++) await call(key.secret, '{ schools(first: 1) { nodes { id } } }')
    expect((await t.data(USE, { id: key.apiKey.id })).node.rateLimitUse).toMatchObject({ requests: 7, nearing: false })
    for (let i = 0; i < 2; i++) await call(key.secret, '{ schools(first: 1) { nodes { id } } }')
    const use = (await t.data(USE, { id: key.apiKey.id })).node.rateLimitUse
    expect(use).toMatchObject({ requests: 9, limit: 10, share: 0.9, nearing: true })
    expect(use.resetsInSeconds).toBeGreaterThan(0)
    expect(use.resetsInSeconds).toBeLessThanOrEqual(60)
    // The list shows it too; asking about a key does not count against it.
    const listed = (await t.data(LIST)).apiKeys.find((k: { id: string }) => k.id === key.apiKey.id)
    expect(listed.rateLimitUse).toEqual({ nearing: true })
    expect((await t.data(USE, { id: key.apiKey.id })).node.rateLimitUse.requests).toBe(9)
  })
})
