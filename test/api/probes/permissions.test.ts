// Probes of who may see and do what, whatever path they take: operator accounts through node/nodes,
// cross-origin calls with the admin's cookie, schema hints in error messages, and the CSRF header
// for cookie and key callers.
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHubYoga } from '../../../server/src/yoga.ts'
import { startTestHub, type TestHub } from '../../setup/hub.ts'
import { OPERATORS } from '../../setup/operators.ts'
import { CHINESE } from '../support.ts'

let t: TestHub
let users: { id: string; username: string }[]
let key: string
beforeAll(async () => {
  t = await startTestHub()
  users = (await t.data('{ users { id username } }')).users
  key = (await t.data('mutation { createApiKey(input: { name: "probe", scopes: ["read"] }) { secret } }')).createApiKey
    .secret
})
afterAll(() => t?.close())

const idOf = (username: string) => users.find((user) => user.username === username)?.id as string

describe('operator accounts through node and nodes follow the rule of `users` (admins, or oneself)', () => {
  const NODE = 'query ($id: ID!) { node(id: $id) { id ... on User { username role } } nodes(ids: [$id]) { id } }'

  it('a viewer or an editor reads no other account', async () => {
    for (const caller of ['viewer', 'editor', 'zhenxiongEditor'] as const) {
      const result = await t.gqlAs(caller, NODE, { id: idOf(OPERATORS.admin.username) })
      expect(result.errors, caller).toBeUndefined()
      expect(result.data, caller).toEqual({ node: null, nodes: [null] })
    }
  })

  it('an operator reads their own account, an admin every account', async () => {
    const own = await t.gqlAs('viewer', NODE, { id: idOf(OPERATORS.viewer.username) })
    expect(own.data?.node).toMatchObject({ username: OPERATORS.viewer.username, role: 'VIEWER' })
    const admin = await t.gqlAs('admin', NODE, { id: idOf(OPERATORS.viewer.username) })
    expect(admin.data?.node).toMatchObject({ username: OPERATORS.viewer.username })
  })

  it('a key reads no account', async () => {
    const result = await t.gqlAs({ bearer: key }, NODE, { id: idOf(OPERATORS.admin.username) })
    expect(result.data).toEqual({ node: null, nodes: [null] })
  })
})

/** The GraphQL server with other options, over real HTTP, on the test hub's database. */
async function serve(options: Parameters<typeof createHubYoga>[0]) {
  const yoga = createHubYoga(options)
  const server = createServer(yoga)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await yoga.dispose()
    },
  }
}

describe('CORS: only the hub’s own origin and the configured ones, credentials never for others', () => {
  const EVIL = 'http://evil.example'
  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })

  it('a foreign origin’s preflight is not approved', async () => {
    const response = await preflight(t.url, EVIL)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('a foreign origin’s mutation with the admin cookie is refused and changes nothing', async () => {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: EVIL, ...t.headersOf('admin') },
      body: JSON.stringify({
        query: 'mutation { createApiKey(input: { name: "stolen", scopes: ["read"] }) { secret } }',
      }),
    })
    expect(response.status).toBe(403)
    const body = await response.json()
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN_ORIGIN')
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    const keys = (await t.data('{ apiKeys { name } }')).apiKeys as { name: string }[]
    expect(keys.map((k) => k.name)).not.toContain('stolen')
  })

  it('the hub’s own origin (the console) keeps working with its cookie', async () => {
    const origin = new URL(t.url).origin
    expect((await preflight(t.url, origin)).headers.get('access-control-allow-origin')).toBe(origin)
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...t.headersOf('viewer') },
      body: JSON.stringify({ query: '{ me { username } }' }),
    })
    expect((await response.json()).data.me.username).toBe(OPERATORS.viewer.username)
  })

  it('a configured origin is allowed with credentials; `*` lets others read without them', async () => {
    const portal = 'https://portal.example'
    const hub = await serve({ corsOrigins: [portal, '*'] })
    try {
      const allowed = await preflight(hub.url, portal)
      expect(allowed.headers.get('access-control-allow-origin')).toBe(portal)
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
      const other = await preflight(hub.url, EVIL)
      expect(other.headers.get('access-control-allow-origin')).toBe(EVIL)
      expect(other.headers.get('access-control-allow-credentials')).toBeNull()
    } finally {
      await hub.close()
    }
  })
})

describe('no field suggestions where introspection is refused', () => {
  const TYPO = '{ hospitalz { totalCount } }'

  it('anonymous callers of a private hub get no "Did you mean"', async () => {
    const result = await t.gqlAs('anonymous', TYPO)
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect(result.errors?.[0]?.message).toBe('Cannot query field "hospitalz" on type "Query".')
    const enumTypo = await t.gqlAs('anonymous', '{ hospitals(orderBy: [{ field: NAME_Z }]) { totalCount } }')
    expect(JSON.stringify(enumTypo)).not.toContain('Did you mean')
  })

  it('signed-in operators and keys still get them', async () => {
    expect((await t.gqlAs('viewer', TYPO)).errors?.[0]?.message).toContain('Did you mean "hospitals"')
    expect((await t.gqlAs({ bearer: key }, TYPO)).errors?.[0]?.message).toContain('Did you mean')
  })
})

describe('the CSRF header: required with the cookie, not with a bearer key', () => {
  const query = encodeURIComponent('{ hospitals(first: 1) { totalCount } }')

  it('a GET with a key and no CSRF header is answered (urql’s defaults)', async () => {
    const response = await fetch(`${t.url}?query=${query}`, { headers: { authorization: `Bearer ${key}` } })
    expect(response.status).toBe(200)
    expect((await response.json()).data.hospitals.totalCount).toBeGreaterThan(0)
  })

  it('a GET with the cookie and no CSRF header is refused with a code; with the header it is answered', async () => {
    const refused = await fetch(`${t.url}?query=${query}`, { headers: t.headersOf('viewer') })
    expect(refused.status).toBe(403)
    expect((await refused.json()).errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED')
    const inChinese = await fetch(`${t.url}?query=${query}`, {
      headers: { ...t.headersOf('viewer'), 'accept-language': 'zh-CN' },
    })
    const message = (await inChinese.json()).errors[0].message
    expect(message).toMatch(CHINESE)
    expect(message).toContain('x-minsheng-csrf')
    const answered = await fetch(`${t.url}?query=${query}`, {
      headers: { ...t.headersOf('viewer'), 'x-minsheng-csrf': '1' },
    })
    expect(answered.status).toBe(200)
  })

  it('a key sent along with the cookie does not lift the check', async () => {
    const response = await fetch(`${t.url}?query=${query}`, {
      headers: { ...t.headersOf('viewer'), authorization: `Bearer ${key}` },
    })
    expect(response.status).toBe(403)
  })
})
