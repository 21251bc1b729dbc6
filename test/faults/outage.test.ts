// PostgreSQL stopped and started again under a steady load: the hub stays up, answers every request
// quickly (503 SERVICE_UNAVAILABLE while the database is away), and serves again as soon as it is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Cluster, startCluster } from './cluster.ts'
import { type HubProcess, prepareDatabase, startHubProcess } from './hub-process.ts'

/** No request may take longer than this, outage or not. */
const ANSWER_BOUND_MS = 6_000
const CONNECT_TIMEOUT_MS = 2_000
const WORKERS = 4
const QUERY = '{ hospitals(first: 5) { totalCount nodes { nameZh plannedBeds } } }'
// Readiness (what a load balancer polls) goes red during the outage and green once PostgreSQL is back.
const READINESS_PATH = '/ready'

interface Outcome {
  startedAt: number
  ms: number
  status: number
  code?: string
}

let cluster: Cluster
let hub: HubProcess
beforeAll(async () => {
  cluster = await startCluster()
  await prepareDatabase({ databaseUrl: cluster.url() })
  hub = await startHubProcess({
    DATABASE_URL: cluster.url(),
    DATABASE_POOL_SIZE: '4',
    DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
  })
})
afterAll(async () => {
  await hub?.kill()
  await cluster?.destroy()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function timedQuery(headers: Record<string, string> = {}): Promise<Outcome & { message?: string }> {
  const startedAt = Date.now()
  const { status, body } = await hub.gql(QUERY, {}, { headers, signal: AbortSignal.timeout(30_000) })
  const error = body.errors?.[0]
  return { startedAt, ms: Date.now() - startedAt, status, code: error?.extensions?.code, message: error?.message }
}

describe('PostgreSQL stopped and started under load', () => {
  it('keeps the hub up, fails fast with SERVICE_UNAVAILABLE, and serves again within 5 s of the restart', async () => {
    expect((await timedQuery()).status).toBe(200)
    const outcomes: Outcome[] = []
    let loading = true
    const workers = Array.from({ length: WORKERS }, async () => {
      while (loading) {
        outcomes.push(await timedQuery())
        await sleep(25)
      }
    })
    await sleep(1_000)

    const stoppedAt = Date.now()
    await cluster.stop()
    await sleep(500)
    const during = await timedQuery({ 'accept-language': 'zh-CN' })
    expect(during).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' })
    expect(during.message).toMatch(/数据库/)
    const readiness = await fetch(`${hub.url}${READINESS_PATH}`)
    expect(readiness.status).toBe(503)
    await sleep(1_500)

    await cluster.start()
    const back = Date.now()
    // The first request sent once PostgreSQL is back succeeds, without waiting for a retry.
    const first = await timedQuery()
    expect(first, JSON.stringify(first)).toMatchObject({ status: 200, code: undefined })
    expect(first.ms).toBeLessThan(5_000)
    expect((await fetch(`${hub.url}${READINESS_PATH}`)).status).toBe(200)
    await sleep(500)
    loading = false
    await Promise.all(workers)

    expect(hub.alive(), hub.output()).toBe(true)
    const slowest = Math.max(...outcomes.map((o) => o.ms))
    expect(slowest).toBeLessThan(ANSWER_BOUND_MS)
    const failed = outcomes.filter((o) => o.status !== 200)
    // The load saw the outage (else this test proves nothing), and every failure says why.
    expect(failed.length).toBeGreaterThan(0)
    for (const outcome of failed) expect(outcome).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' })
    // Before the stop and after the restart, everything succeeded.
    const outside = outcomes.filter((o) => o.startedAt + o.ms < stoppedAt || o.startedAt > back + 100)
    expect(outside.length).toBeGreaterThan(0)
    expect(outside.every((o) => o.status === 200 && o.code === undefined)).toBe(true)
    console.log(
      `outage: ${outcomes.length} requests, ${failed.length} answered 503, slowest ${slowest} ms, first after restart ${first.ms} ms`,
    )
  })
})
