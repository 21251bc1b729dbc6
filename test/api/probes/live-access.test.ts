// Probes of live streams whose caller loses access while they run: a revoked or expired key, a
// session that ends, an account disabled or given another role. The stream must end at once with a
// clear code, not keep sending (restricted fields included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GraphQLResponse } from '../../setup/hub.ts'
import { startTestHub, type TestHub } from '../../setup/hub.ts'
import { TEST_PASSWORD } from '../../setup/operators.ts'
import { type Subscriber, subscribe } from '../../setup/sse.ts'
import { scenarioOf } from '../scenarios/records.ts'
import { type SeededRefs, seededRefs } from '../support.ts'

const RECORD_CHANGED =
  'subscription { recordChanged(types: [Hospital]) { action record { ... on Hospital { nameZh contactPhone } } } }'

let t: TestHub
let refs: SeededRefs
beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
})
afterAll(() => t?.close())

let created = 0
async function createHospital() {
  created += 1
  await t.data('mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }', {
    input: { ...scenarioOf('Hospital').create(refs), nameZh: `直播权限医院${created}` },
  })
}

async function newKey(extra = '') {
  const data = await t.data(
    `mutation { createApiKey(input: { name: "live", scopes: ["read", "restricted"]${extra} }) { secret apiKey { id } } }`,
  )
  return { secret: data.createApiKey.secret as string, id: data.createApiKey.apiKey.id as string }
}

/** Signs in over HTTP and returns the new session's cookie. */
async function signIn(username: string) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { username } }',
      variables: { u: username, p: TEST_PASSWORD },
    }),
  })
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('mh_session='))
  if (!cookie) throw new Error(`could not sign in as ${username}: ${await response.text()}`)
  return cookie.split(';')[0] as string
}

let userCount = 0
async function newOperator(role: 'EDITOR' | 'VIEWER') {
  userCount += 1
  const username = `live-probe-${userCount}`
  const data = await t.data('mutation ($input: UserInput!) { createUser(input: $input) { id } }', {
    input: { username, password: TEST_PASSWORD, role },
  })
  return { id: data.createUser.id as string, cookie: await signIn(username) }
}

/** The stream's last word: the error it ended with, within `ms`, with no record event before it. */
async function endsWith(events: Subscriber, ms = 3_000): Promise<NonNullable<GraphQLResponse['errors']>[number]> {
  const started = Date.now()
  const event = await events.next(ms)
  expect(event.data?.recordChanged, 'no record event after access changed').toBeUndefined()
  expect(Date.now() - started).toBeLessThan(ms)
  await events.ended
  return event.errors?.[0] as never
}

describe('a live stream follows its caller’s access', () => {
  it('ends at once when its key is revoked, without waiting for an event', async () => {
    const key = await newKey()
    const events = await subscribe(t.url, RECORD_CHANGED, {}, { authorization: `Bearer ${key.secret}` })
    await createHospital()
    expect((await events.next()).data?.recordChanged.record.contactPhone).toBeDefined()
    await t.data('mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: key.id })
    const error = await endsWith(events)
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'KEY_REVOKED' })
    await createHospital()
  })

  it('ends when its key expires', async () => {
    const expiresAt = new Date(Date.now() + 1_500).toISOString()
    const key = await newKey(`, expiresAt: "${expiresAt}"`)
    const events = await subscribe(t.url, RECORD_CHANGED, {}, { authorization: `Bearer ${key.secret}` })
    const error = await endsWith(events, 4_000)
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'KEY_EXPIRED' })
  })

  it('ends when its session signs out, saying so in the subscriber’s language', async () => {
    const { cookie } = await newOperator('VIEWER')
    const events = await subscribe(t.url, RECORD_CHANGED, {}, { cookie, 'accept-language': 'zh-CN' })
    await t.gqlAs('anonymous', 'mutation { logout }', {}, { cookie })
    const error = await endsWith(events)
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' })
    expect(error.message).toBe('您的会话已结束（已退出或已过期），请重新登录。')
  })

  it('ends when its account is disabled', async () => {
    const operator = await newOperator('VIEWER')
    const events = await subscribe(t.url, RECORD_CHANGED, {}, { cookie: operator.cookie })
    await t.data('mutation ($id: ID!) { updateUser(id: $id, version: 1, input: { disabled: true }) { id } }', {
      id: operator.id,
    })
    const error = await endsWith(events)
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('ends with ACCESS_CHANGED when its role changes', async () => {
    const operator = await newOperator('EDITOR')
    const events = await subscribe(t.url, RECORD_CHANGED, {}, { cookie: operator.cookie })
    await t.data('mutation ($id: ID!) { updateUser(id: $id, version: 1, input: { role: VIEWER }) { id } }', {
      id: operator.id,
    })
    const error = await endsWith(events)
    expect(error.extensions).toMatchObject({ code: 'ACCESS_CHANGED', reason: 'ROLE_CHANGED' })
  })

  it('keeps streaming to callers whose access did not change', async () => {
    const key = await newKey()
    const other = await newKey()
    const events = await subscribe(t.url, RECORD_CHANGED, {}, { authorization: `Bearer ${key.secret}` })
    await t.data('mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: other.id })
    await createHospital()
    expect((await events.next()).data?.recordChanged.action).toBe('CREATE')
    events.close()
  })
})
