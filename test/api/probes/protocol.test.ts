// Probes of the protocol's edges: body sizes per operation and caller, and the refusals' messages
// in the caller's language.
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HARDENING_DEFAULTS } from '../../../server/src/plugins/hardening/index.ts'
import { createHubYoga } from '../../../server/src/yoga.ts'
import { startTestHub, type TestHub } from '../../setup/hub.ts'
import { CHINESE } from '../support.ts'

const D = HARDENING_DEFAULTS
const MIB = 1_048_576

let t: TestHub
let key: string
beforeAll(async () => {
  t = await startTestHub()
  key = (await t.data('mutation { createApiKey(input: { name: "probe", scopes: ["read"] }) { secret } }')).createApiKey
    .secret
})
afterAll(() => t?.close())

async function post(body: unknown, headers: Record<string, string>) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: JSON.parse(text) }
}

/** An import of rows that are refused at once (unknown column), about `bytes` long in all. */
const bigImport = (bytes: number) => ({
  query:
    'mutation ($rows: [JSON!]!) { importRecords(recordType: Hospital, rows: $rows, dryRun: true) { errors { row code } } }',
  variables: { rows: Array.from({ length: Math.ceil(bytes / 600) }, () => ({ junk: 'x'.repeat(590) })) },
})

describe('request bodies: 1 MiB for ordinary operations, more only for an editor’s import', () => {
  it(`the default ordinary limit is at most 1 MiB`, () => {
    expect(D.maxOrdinaryBodyBytes).toBeLessThanOrEqual(MIB)
    expect(D.maxBodyBytes).toBeGreaterThan(2 * MIB)
  })

  it('a 2 MiB query is refused with 413, from anyone', async () => {
    const query = { query: `{ __typename }${' '.repeat(2 * MIB)}` }
    for (const headers of [{}, t.headersOf('admin'), { authorization: `Bearer ${key}` }]) {
      const answer = await post(query, headers)
      expect(answer.status).toBe(413)
      expect(answer.body.errors[0].extensions).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        limit: D.maxOrdinaryBodyBytes,
      })
    }
  })

  it('a 2 MiB import by a signed-in editor is read and answered', async () => {
    const answer = await post(bigImport(2 * MIB), t.headersOf('editor'))
    expect(answer.status).toBe(200)
    expect(answer.body.data.importRecords.errors[0]).toEqual({ row: 1, code: 'unknown_field' })
  })

  it('a 2 MiB import by a viewer, a key or nobody is refused with 413', async () => {
    for (const headers of [t.headersOf('viewer'), { authorization: `Bearer ${key}` }, {}]) {
      const answer = await post(bigImport(2 * MIB), headers)
      expect(answer.status).toBe(413)
      expect(answer.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE')
    }
  })
})

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

describe('limit and throttling messages follow Accept-Language', () => {
  const zh = { 'accept-language': 'zh-CN,zh;q=0.9' }
  const deep = `{ divisions(first: 1) { nodes { ${'parent { '.repeat(D.maxDepth)}id${' }'.repeat(D.maxDepth)} } } }`
  const costly = '{ divisions(first: 200) { nodes { settlements(first: 200) { nodes { id nameZh } } } } }'

  it('depth, alias, cost and body limits in Chinese, and the next English caller still reads English', async () => {
    const aliases = `{ ${Array.from({ length: D.maxAliases + 1 }, (_, i) => `a${i}: overview { settlementCount }`).join(' ')} }`
    for (const query of [deep, aliases, costly]) {
      const chinese = await post({ query }, { ...zh, ...t.headersOf('viewer') })
      expect(chinese.body.errors[0].message, query.slice(0, 40)).toMatch(CHINESE)
      const english = await post({ query }, t.headersOf('viewer'))
      expect(english.body.errors[0].message, query.slice(0, 40)).not.toMatch(CHINESE)
      expect(english.body.errors[0].extensions.code).toBe(chinese.body.errors[0].extensions.code)
    }
    const large = await post({ query: `{ __typename }${' '.repeat(2 * MIB)}` }, zh)
    expect(large.body.errors[0].message).toBe(`请求体超过 ${D.maxOrdinaryBodyBytes} 字节的上限。`)
  })

  it('429 RATE_LIMITED in Chinese', async () => {
    const hub = await serve({ hardening: { rateLimitPerMinute: 1 } })
    try {
      const send = () =>
        fetch(hub.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...zh },
          body: JSON.stringify({ query: '{ __typename }' }),
        })
      await send()
      const refused = await send()
      expect(refused.status).toBe(429)
      expect((await refused.json()).errors[0].message).toMatch(/^请求过于频繁：每分钟最多 1 次，请 \d+ 秒后再试。$/)
    } finally {
      await hub.close()
    }
  })
})
