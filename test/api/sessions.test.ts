// Signing in to the console: the cookie, one error for every wrong sign-in, a new session each time,
// sessions that end (logout, idle, absolute, disabled account), throttling, and CSRF protection.
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type GraphQLResponse, startTestHub, type TestHub } from '../setup/hub.ts'
import { OPERATORS, TEST_PASSWORD } from '../setup/operators.ts'
import { onlyError } from './support.ts'

let t: TestHub
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

/** The session policy of the test hub (the defaults): 30 idle minutes, 12 hours at most. */
const IDLE_MINUTES = 30
const ABSOLUTE_HOURS = 12

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as GraphQLResponse
  return { response, body, setCookie: response.headers.get('set-cookie') }
}

const LOGIN = `mutation ($username: String!, $password: String!) { login(username: $username, password: $password) { username role } }`
const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  post(LOGIN, { username, password }, headers)

/** The `mh_session=…` pair of a Set-Cookie header, to send back as a Cookie header. */
function sessionCookie(setCookie: string | null): string {
  const pair = /(?:^|,\s*)(mh_session=[^;]*)/.exec(setCookie ?? '')?.[1]
  if (!pair) throw new Error(`no session cookie in ${setCookie}`)
  return pair
}

const tokenOf = (cookie: string) => decodeURIComponent(cookie.slice('mh_session='.length))
const sessionIdOf = (cookie: string) => createHash('sha256').update(tokenOf(cookie)).digest('hex')

/** Who the hub thinks is asking with this cookie (null: nobody). */
async function whoIs(cookie: string): Promise<string | null> {
  const { body } = await post('{ me { username } }', {}, { cookie })
  expect(body.errors).toBeUndefined()
  return body.data?.me?.username ?? null
}

async function signedIn(username: string, password = TEST_PASSWORD) {
  const result = await login(username, password)
  expect(result.body.errors).toBeUndefined()
  return sessionCookie(result.setCookie)
}

/** A fresh operator of its own, so tests that end or lock sessions touch no one else. */
async function newOperator(role: 'EDITOR' | 'VIEWER' = 'VIEWER') {
  const username = `session-${randomBytes(4).toString('hex')}`
  const password = `pw-${randomBytes(8).toString('hex')}`
  const data = await t.data(`mutation ($input: UserInput!) { createUser(input: $input) { id } }`, {
    input: { username, password, role },
  })
  return { id: data.createUser.id as string, username, password }
}

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, with an expiry, and not Secure over http', async () => {
    const before = Date.now()
    const { body, setCookie } = await login(OPERATORS.editor.username, TEST_PASSWORD)
    expect(body).toEqual({ data: { login: { username: OPERATORS.editor.username, role: 'EDITOR' } } })
    const attributes = (setCookie ?? '').split(';').map((part) => part.trim())
    expect(attributes[0]).toMatch(/^mh_session=[\w-]{40,}$/)
    expect(attributes).toContain('HttpOnly')
    expect(attributes).toContain('SameSite=Strict')
    expect(attributes).toContain('Path=/')
    expect(attributes.map((a) => a.toLowerCase())).not.toContain('secure')
    const expires = Date.parse(attributes.find((a) => a.startsWith('Expires='))?.slice('Expires='.length) ?? '')
    // The absolute lifetime of a session, to the second the header can say.
    expect(expires).toBeGreaterThanOrEqual(before + ABSOLUTE_HOURS * 3_600_000 - 2000)
    expect(expires).toBeLessThanOrEqual(Date.now() + ABSOLUTE_HOURS * 3_600_000 + 1000)
  })

  it('is Secure behind an https proxy (X-Forwarded-Proto: https)', async () => {
    const { setCookie } = await login(OPERATORS.editor.username, TEST_PASSWORD, { 'x-forwarded-proto': 'https' })
    const attributes = (setCookie ?? '').split(';').map((part) => part.trim())
    expect(attributes).toContain('Secure')
    expect(attributes).toContain('HttpOnly')
  })

  it('signs the operator in', async () => {
    expect(await whoIs(await signedIn(OPERATORS.viewer.username))).toBe(OPERATORS.viewer.username)
  })
})

describe('me', () => {
  it('is null for an anonymous caller, whatever it selects beneath (found by the fuzzer)', async () => {
    const { body } = await post('{ me { division { careFacilities(first: 10) { totalCount } } lastLoginAt } }')
    expect(body).toEqual({ data: { me: null } })
  })
})

describe('a failed sign-in', () => {
  it('gives the same error for an unknown user and for a wrong password', async () => {
    const unknown = await login('nobody-by-this-name', TEST_PASSWORD)
    const wrong = await login(OPERATORS.viewer.username, 'not the password')
    for (const result of [unknown, wrong]) {
      expect(result.setCookie).toBeNull()
      expect(result.body.data).toBeNull()
      expect(onlyError(result.body).extensions?.code).toBe('UNAUTHENTICATED')
    }
    expect(onlyError(unknown.body).message).toBe(onlyError(wrong.body).message)
    expect(onlyError(unknown.body).message).toBe('Wrong username or password.')
  })
})

describe('a session', () => {
  it('is new at every sign-in: the cookie sent along stops working', async () => {
    const first = await signedIn(OPERATORS.viewer.username)
    const again = await login(OPERATORS.viewer.username, TEST_PASSWORD, { cookie: first })
    expect(again.body.errors).toBeUndefined()
    const second = sessionCookie(again.setCookie)
    expect(second).not.toBe(first)
    expect(await whoIs(first)).toBeNull()
    expect(await whoIs(second)).toBe(OPERATORS.viewer.username)
  })

  it('ends on the server at logout, whatever the browser keeps', async () => {
    const cookie = await signedIn(OPERATORS.viewer.username)
    expect(await whoIs(cookie)).toBe(OPERATORS.viewer.username)
    const { body, setCookie } = await post('mutation { logout }', {}, { cookie })
    expect(body).toEqual({ data: { logout: true } })
    // The browser is told to forget the cookie…
    expect(setCookie).toMatch(/mh_session=;|mh_session=.*Expires=Thu, 01 Jan 1970/)
    // …and a copy kept anyway no longer signs anyone in.
    expect(await whoIs(cookie)).toBeNull()
    expect(await t.hub.database.prisma.session.count({ where: { id: sessionIdOf(cookie) } })).toBe(0)
  })

  it(`lasts while used within ${IDLE_MINUTES} minutes, and ends when idle longer`, async () => {
    const cookie = await signedIn(OPERATORS.viewer.username)
    const id = sessionIdOf(cookie)
    const idleFor = (minutes: number) =>
      t.hub.database.prisma.session.update({
        where: { id },
        data: { lastSeenAt: new Date(Date.now() - minutes * 60_000) },
      })
    await idleFor(IDLE_MINUTES - 1)
    expect(await whoIs(cookie)).toBe(OPERATORS.viewer.username)
    // Used just now: the idle clock starts again.
    const touched = await t.hub.database.prisma.session.findUniqueOrThrow({ where: { id } })
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(60_000)
    await idleFor(IDLE_MINUTES + 1)
    expect(await whoIs(cookie)).toBeNull()
    expect(await t.hub.database.prisma.session.count({ where: { id } })).toBe(0)
  })

  it(`ends at its absolute expiry (${ABSOLUTE_HOURS} hours), however active`, async () => {
    const cookie = await signedIn(OPERATORS.viewer.username)
    const id = sessionIdOf(cookie)
    const session = await t.hub.database.prisma.session.findUniqueOrThrow({ where: { id } })
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBeCloseTo(ABSOLUTE_HOURS * 3_600_000, -4)
    await t.hub.database.prisma.session.update({
      where: { id },
      data: { lastSeenAt: new Date(), expiresAt: new Date(Date.now() - 1000) },
    })
    expect(await whoIs(cookie)).toBeNull()
  })
})

describe('a disabled account', () => {
  it('loses its sessions and cannot sign in; re-enabled, it can again', async () => {
    const operator = await newOperator()
    const cookie = await signedIn(operator.username, operator.password)
    expect(await whoIs(cookie)).toBe(operator.username)
    const disable = async (disabled: boolean) => {
      const { node } = await t.data(`query ($id: ID!) { node(id: $id) { ... on User { version } } }`, {
        id: operator.id,
      })
      return t.data(
        `mutation ($id: ID!, $version: Int!, $disabled: Boolean!) {
          updateUser(id: $id, version: $version, input: { disabled: $disabled }) { disabledAt }
        }`,
        { id: operator.id, version: node.version, disabled },
      )
    }
    expect((await disable(true)).updateUser.disabledAt).not.toBeNull()
    expect(await whoIs(cookie)).toBeNull()
    const user = await t.hub.database.prisma.user.findUniqueOrThrow({ where: { username: operator.username } })
    expect(await t.hub.database.prisma.session.count({ where: { userId: user.id } })).toBe(0)
    const refused = await login(operator.username, operator.password)
    expect(refused.setCookie).toBeNull()
    expect(onlyError(refused.body)).toMatchObject({
      message: 'Wrong username or password.',
      extensions: { code: 'UNAUTHENTICATED' },
    })
    await disable(false)
    expect(await whoIs(await signedIn(operator.username, operator.password))).toBe(operator.username)
  })

  it('is refused even with a session made before it was disabled, if one survived', async () => {
    const operator = await newOperator()
    const cookie = await signedIn(operator.username, operator.password)
    // Disabled behind the API's back: the session row stays, the account check still refuses it.
    await t.hub.database.prisma.user.update({
      where: { username: operator.username },
      data: { disabledAt: new Date() },
    })
    expect(await whoIs(cookie)).toBeNull()
  })
})

describe('changing an account', () => {
  const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UserInput!) {
    updateUser(id: $id, version: $version, input: $input) { displayName version }
  }`

  it('is held to the version the admin saw, like every other change: a stale one is a CONFLICT', async () => {
    const operator = await newOperator()
    const first = await t.gql(UPDATE, { id: operator.id, version: 1, input: { displayName: '第一位管理员的修改' } })
    expect(first.data?.updateUser).toEqual({ displayName: '第一位管理员的修改', version: 2 })
    const stale = await t.gql(UPDATE, { id: operator.id, version: 1, input: { displayName: '覆盖别人的修改' } })
    expect(onlyError(stale).extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 })
    const { node } = await t.data(`query ($id: ID!) { node(id: $id) { ... on User { displayName version } } }`, {
      id: operator.id,
    })
    expect(node).toEqual({ displayName: '第一位管理员的修改', version: 2 })
  })

  it('answers NOT_FOUND for an account that does not exist', async () => {
    const missing = Buffer.from('User:99999999').toString('base64')
    const result = await t.gql(UPDATE, { id: missing, version: 1, input: { displayName: 'x' } })
    expect(onlyError(result).extensions?.code).toBe('NOT_FOUND')
  })
})

describe('guessing passwords', () => {
  const FAILURES_ALLOWED = 5

  it(`locks an account for this address after ${FAILURES_ALLOWED} failures, even for the right password`, async () => {
    const operator = await newOperator()
    for (let attempt = 1; attempt <= FAILURES_ALLOWED; attempt++) {
      const result = await login(operator.username, `wrong ${attempt}`)
      expect(onlyError(result.body).extensions?.code, `attempt ${attempt}`).toBe('UNAUTHENTICATED')
    }
    const locked = await login(operator.username, operator.password)
    expect(locked.setCookie).toBeNull()
    const error = onlyError(locked.body)
    expect(error.extensions?.code).toBe('TOO_MANY_ATTEMPTS')
    expect(error.message).toMatch(/^Too many failed sign-ins\. Try again in \d+ minute\(s\)\.$/)
    expect(error.extensions?.retryAfterSeconds).toBeGreaterThan(0)
    const chinese = await login(operator.username, operator.password, { 'accept-language': 'zh-CN' })
    expect(onlyError(chinese.body).message).toMatch(/^登录失败次数过多，请 \d+ 分钟后再试。$/)
  })

  it('does not lock another account from the same address', async () => {
    const locked = await newOperator()
    for (let attempt = 1; attempt <= FAILURES_ALLOWED; attempt++) await login(locked.username, 'wrong')
    expect(onlyError((await login(locked.username, locked.password)).body).extensions?.code).toBe('TOO_MANY_ATTEMPTS')
    const other = await newOperator()
    expect(await whoIs(await signedIn(other.username, other.password))).toBe(other.username)
  })

  it('forgets earlier failures after a successful sign-in', async () => {
    const operator = await newOperator()
    for (let attempt = 1; attempt < FAILURES_ALLOWED; attempt++) await login(operator.username, 'wrong')
    await signedIn(operator.username, operator.password)
    for (let attempt = 1; attempt < FAILURES_ALLOWED; attempt++) await login(operator.username, 'wrong')
    expect(await whoIs(await signedIn(operator.username, operator.password))).toBe(operator.username)
  })
})

describe('cross-site requests with the session cookie', () => {
  it('refuses a GET without the CSRF header, even a query (403, CSRF_HEADER_REQUIRED)', async () => {
    const cookie = await signedIn(OPERATORS.editor.username)
    const query = encodeURIComponent('mutation { logout }')
    const response = await fetch(`${t.url}?query=${query}`, { headers: { cookie, accept: 'application/json' } })
    expect(response.status).toBe(403)
    const body = (await response.json()) as GraphQLResponse
    expect(onlyError(body)).toMatchObject({
      message: expect.stringContaining('x-minsheng-csrf'),
      extensions: { code: 'CSRF_HEADER_REQUIRED' },
    })
    // Nothing ran: the session is still there.
    expect(await whoIs(cookie)).toBe(OPERATORS.editor.username)
  })

  it('refuses a text/plain POST (a form a site could submit) without the CSRF header', async () => {
    const cookie = await signedIn(OPERATORS.editor.username)
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain', accept: 'application/json' },
      body: JSON.stringify({ query: 'mutation { createSource(input: { nameZh: "跨站请求来源" }) { id } }' }),
    })
    expect(response.status).toBe(403)
    expect(onlyError((await response.json()) as GraphQLResponse).extensions?.code).toBe('CSRF_HEADER_REQUIRED')
    const written = await t.data(`{ sources(where: { nameZh: { equals: "跨站请求来源" } }) { totalCount } }`)
    expect(written.sources.totalCount).toBe(0)
  })

  it('serves a GET query that carries the CSRF header, which no other site can set', async () => {
    const cookie = await signedIn(OPERATORS.editor.username)
    const response = await fetch(`${t.url}?query=${encodeURIComponent('{ me { username } }')}`, {
      headers: { cookie, accept: 'application/json', 'x-minsheng-csrf': '1' },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ data: { me: { username: OPERATORS.editor.username } } })
  })
})
