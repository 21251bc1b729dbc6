// The hardened API: every limit refuses with its code before any SQL runs, bodies and rates are
// bounded, slow operations stop, nothing internal leaks, headers protect the pages, GraphiQL needs
// no internet, and the hub passes the GraphQL-over-HTTP audits.
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadConfig } from '@minsheng/server/config'
import { schema } from '@minsheng/server/schema'
import { type ExecutionArgs, GraphQLObjectType, GraphQLSchema, parse } from 'graphql'
import { auditServer } from 'graphql-http'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXAMPLE_OPERATION } from '../../server/src/example-operation.ts'
import { operationCost, UNSIZED_LIST_ITEMS } from '../../server/src/plugins/hardening/cost.ts'
import {
  HARDENING_DEFAULTS,
  type HardeningOptions,
  hardeningOptions,
  securityHeaders,
} from '../../server/src/plugins/hardening/index.ts'
import { bucketOf, clientAddress } from '../../server/src/plugins/hardening/rate-limit.ts'
import { createHubYoga } from '../../server/src/yoga.ts'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import { useTestRedis } from './redis.ts'
import { LEAKS } from './scenarios/errors.ts'

const LIMIT_CODES = [
  'DEPTH_LIMIT_EXCEEDED',
  'ALIAS_LIMIT_EXCEEDED',
  'TOKEN_LIMIT_EXCEEDED',
  'DIRECTIVE_LIMIT_EXCEEDED',
  'BREADTH_LIMIT_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
]
type Plugin = NonNullable<NonNullable<Parameters<typeof createHubYoga>[0]>['plugins']>[number]
const D = HARDENING_DEFAULTS
const CHROMIUM = '/usr/bin/chromium'

let t: TestHub
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

interface Answer {
  status: number
  headers: Headers
  text: string
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, any> }[] }
}

/** POSTs to a GraphQL endpoint and checks that the answer shows no internals. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  for (const leak of LEAKS) expect(text, `response shows ${leak}`).not.toMatch(leak)
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) }
}

const codesOf = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code)

/** A hub's GraphQL server with other options, over real HTTP, on the test hub's database. */
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

/** A plugin that runs the operation on a copy of the schema whose `Query.<field>` resolves with `resolve`. */
function withQueryResolver(field: string, resolve: () => unknown): Plugin {
  const query = schema.getQueryType() as GraphQLObjectType
  const config = query.toConfig()
  const replaced = new GraphQLObjectType({
    ...config,
    fields: { ...config.fields, [field]: { ...(config.fields[field] as object), resolve } as never },
  })
  const patched = new GraphQLSchema({
    ...schema.toConfig(),
    query: replaced,
    types: schema.toConfig().types.filter((type) => type.name !== query.name),
  })
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args: ExecutionArgs) => executeFn({ ...args, schema: patched }))
    },
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('limits on what one operation may ask, refused with a code before any SQL', () => {
  const nested = (levels: number) =>
    `{ divisions(first: 1) { nodes { ${'parent { '.repeat(levels)}id${' }'.repeat(levels)} } } }`
  const refused = [
    { code: 'DEPTH_LIMIT_EXCEEDED', query: nested(D.maxDepth), fits: nested(D.maxDepth - 3) },
    {
      code: 'ALIAS_LIMIT_EXCEEDED',
      query: `{ ${Array.from({ length: D.maxAliases + 1 }, (_, i) => `a${i}: overview { settlementCount }`).join(' ')} }`,
      fits: `{ ${Array.from({ length: D.maxAliases }, (_, i) => `a${i}: overview { settlementCount }`).join(' ')} }`,
    },
    {
      code: 'TOKEN_LIMIT_EXCEEDED',
      query: `{ nodes(ids: [${Array.from({ length: D.maxTokens }, (_, i) => `"${i}"`).join(' ')}]) { id } }`,
      fits: `{ nodes(ids: [${Array.from({ length: D.maxTokens - 20 }, (_, i) => `"${i}"`).join(' ')}]) { id } }`,
    },
    {
      code: 'DIRECTIVE_LIMIT_EXCEEDED',
      query: `{ ${Array.from({ length: D.maxDirectives + 1 }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ')} }`,
      fits: `{ ${Array.from({ length: D.maxDirectives }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ')} }`,
    },
    {
      code: 'BREADTH_LIMIT_EXCEEDED',
      query: `{ ${'__typename '.repeat(D.maxBreadth + 1)}}`,
      fits: `{ ${'__typename '.repeat(D.maxBreadth)}}`,
    },
    {
      // The same field repeated through fragments counts as often as it is spread.
      code: 'BREADTH_LIMIT_EXCEEDED',
      query: `{ ...A ...A } fragment A on Query { ${'__typename '.repeat(D.maxBreadth / 2 + 1)}}`,
      fits: `{ ...A ...A } fragment A on Query { ${'__typename '.repeat(D.maxBreadth / 2)}}`,
    },
    {
      code: 'COST_LIMIT_EXCEEDED',
      query: '{ divisions(first: 200) { nodes { settlements(first: 200) { nodes { id nameZh } } } } }',
      fits: '{ divisions(first: 20) { nodes { settlements(first: 20) { nodes { id } } } } }',
    },
  ]

  it.each(refused)('$code: refused with 400 and nothing executed', async ({ code, query }) => {
    let answer: Answer | undefined
    const statements = await t.countStatements(async () => {
      answer = await post(t.url, { query })
    })
    expect(answer?.status).toBe(400)
    expect(codesOf(answer as Answer)).toEqual([code])
    expect(answer?.body.data).toBeUndefined()
    expect(answer?.body.errors?.[0]?.extensions?.limit).toBeTypeOf('number')
    expect(statements).toBe(0)
  })

  it.each(refused)('$code: the same shape within the limit is not refused', async ({ fits }) => {
    const answer = await post(t.url, { query: fits })
    expect(codesOf(answer).filter((code) => LIMIT_CODES.includes(code))).toEqual([])
  })

  it('answers application/json callers 200, like other validation errors', async () => {
    const answer = await post(t.url, { query: refused[0]?.query }, { accept: 'application/json' })
    expect(answer.status).toBe(200)
    expect(codesOf(answer)).toEqual(['DEPTH_LIMIT_EXCEEDED'])
  })

  it('prices a page size given in a variable', async () => {
    const query =
      'query ($n: Int) { divisions(first: $n) { nodes { settlements(first: $n) { nodes { id nameZh } } } } }'
    expect(codesOf(await post(t.url, { query, variables: { n: 200 } }))).toEqual(['COST_LIMIT_EXCEEDED'])
    expect(codesOf(await post(t.url, { query, variables: { n: 5 } }))).not.toContain('COST_LIMIT_EXCEEDED')
  })

  it('lets GraphiQL’s example operations and the console’s largest requests through', async () => {
    const names = [...EXAMPLE_OPERATION.matchAll(/^(?:query|mutation) (\w+)/gm)].map((match) => match[1])
    expect(names).toEqual([
      'CityAtAGlance',
      'ReviewQueue',
      'ApproveChangeSet',
      'LockPeriod',
      'LastYearAsOf',
      'ChangesSince',
    ])
    for (const operationName of names) {
      // Each fits the schema and the limits (what it answers depends on who asks and the data).
      const codes = codesOf(await post(t.url, { query: EXAMPLE_OPERATION, operationName }))
      expect(codes, operationName).not.toContain('GRAPHQL_VALIDATION_FAILED')
      expect(codes, operationName).not.toEqual(expect.arrayContaining([expect.stringMatching(/_LIMIT_EXCEEDED$/)]))
    }
    // The console deletes up to 50 records in one request, one alias each.
    const ids = Array.from({ length: 50 }, (_, i) => `$id${i}: ID!`).join(', ')
    const deletes = Array.from({ length: 50 }, (_, i) => `d${i}: deleteHospital(id: $id${i}) { id }`).join(' ')
    const variables = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`id${i}`, 'none']))
    const answer = await post(t.url, { query: `mutation DeleteMany(${ids}) { ${deletes} }`, variables })
    expect(codesOf(answer).filter((code) => LIMIT_CODES.includes(code))).toEqual([])
  })

  it('fits a console page of 200 records of every list within the cost limit', () => {
    const named = (type: { toString(): string }) => schema.getType(type.toString().replace(/[[\]!]/g, ''))
    const query = schema.getQueryType() as GraphQLObjectType
    const lists = Object.values(query.getFields()).filter((field) => field.args.some((arg) => arg.name === 'first'))
    expect(lists.length).toBeGreaterThan(5)
    for (const list of lists) {
      const nodes = (named(list.type) as GraphQLObjectType).getFields().nodes
      const type = nodes && named(nodes.type)
      if (!(type instanceof GraphQLObjectType)) continue
      // What the console's list page selects (admin/src/providers/queries.ts): every value,
      // references as { id }, lists of objects with their values; no citations, no connections;
      // of the changes in review, which set holds them; of quality issues, what the badge shows.
      const fields = Object.values(type.getFields())
        .filter((field) => field.args.length === 0 && field.name !== 'citations')
        .map((field) => {
          if (field.name === 'pendingChanges') return 'pendingChanges { action changeSet { id status authorName } }'
          if (field.name === 'qualityIssues') return 'qualityIssues { rule severity field title message }'
          const inner = named(field.type)
          if (!(inner instanceof GraphQLObjectType)) return field.name
          const values = Object.values(inner.getFields()).filter((f) => !(named(f.type) instanceof GraphQLObjectType))
          const isList = field.type.toString().includes('[')
          const reference = !isList && values.some((f) => f.name === 'id')
          return `${field.name} { ${reference ? 'id' : values.map((f) => f.name).join(' ')} }`
        })
      const document = parse(`{ ${list.name}(first: 200) { totalCount nodes { ${fields.join(' ')} } } }`)
      expect(operationCost(schema, document), list.name).toBeLessThan(D.maxCost / 2)
    }
  })
})

describe('the cost of an operation counts list sizes', () => {
  const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), variables)

  it('multiplies a selection by first or last, 20 when neither is given, at most 200', () => {
    expect(cost('{ hospitals(first: 5) { nodes { id nameZh } } }')).toBe(1 + 5 * (1 + 2))
    expect(cost('{ hospitals(last: 7) { nodes { id } } }')).toBe(1 + 7 * 2)
    expect(cost('{ hospitals { nodes { id } } }')).toBe(1 + 20 * 2)
    expect(cost('{ hospitals(first: 5000) { nodes { id } } }')).toBe(1 + 200 * 2)
    expect(cost('query ($n: Int = 3) { hospitals(first: $n) { nodes { id } } }')).toBe(1 + 3 * 2)
    expect(cost('query ($n: Int = 3) { hospitals(first: $n) { nodes { id } } }', { n: 9 })).toBe(1 + 9 * 2)
  })

  it('multiplies nested pages', () => {
    expect(cost('{ divisions(first: 10) { nodes { settlements(first: 10) { nodes { id } } } } }')).toBe(
      1 + 10 * (1 + 1 + 10 * (1 + 1)),
    )
  })

  it('sizes nodes(ids:) by its IDs and other lists of records by a fixed guess', () => {
    // Each ID sent costs one, and so does each record it finds.
    expect(cost('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a', 'b', 'c'] })).toBe(1 + 3 + 3)
    expect(cost('{ hospitals(first: 1) { nodes { citations { quote } } } }')).toBe(1 + 1 * (1 + 1 + UNSIZED_LIST_ITEMS))
  })

  it('counts fragments where they are spread', () => {
    expect(cost('{ hospitals(first: 2) { nodes { ...F } } } fragment F on Hospital { id nameZh }')).toBe(1 + 2 * 3)
    expect(cost('{ node(id: "x") { ... on Hospital { id nameZh } } }')).toBe(1 + 2)
  })
})

describe('request bodies', () => {
  const bigQuery = (bytes: number) => JSON.stringify({ query: `{ __typename }${' '.repeat(bytes)}` })

  it('413 PAYLOAD_TOO_LARGE for a body over the limit, as a JSON GraphQL error', async () => {
    const answer = await post(t.url, bigQuery(D.maxBodyBytes))
    expect(answer.status).toBe(413)
    expect(answer.headers.get('content-type')).toMatch(/json/)
    expect(codesOf(answer)).toEqual(['PAYLOAD_TOO_LARGE'])
  })

  it('413 for a chunked body (no Content-Length) once it passes the limit', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"query": "{ __typename }", "x": "'))
        if (sent > 2 * D.maxBodyBytes) return controller.close()
        sent += chunk.byteLength
        controller.enqueue(chunk)
      },
    })
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect((await response.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('accepts a body just under the limit', async () => {
    const answer = await post(t.url, bigQuery(D.maxOrdinaryBodyBytes - 100))
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ data: { __typename: 'Query' } })
  })

  it('refuses a batch (a JSON array) with 400 BAD_REQUEST: batching is off', async () => {
    const answer = await post(t.url, [{ query: '{ __typename }' }, { query: '{ __typename }' }])
    expect(answer.status).toBe(400)
    expect(codesOf(answer)).toEqual(['BAD_REQUEST'])
  })
})

describe('execution timeout', () => {
  it('stops an operation that runs too long with 503 EXECUTION_TIMEOUT', async () => {
    const hub = await serve({
      hardening: { executionTimeoutMs: 100 },
      plugins: [withQueryResolver('overview', () => sleep(2_000).then(() => ({})))],
    })
    try {
      const started = Date.now()
      const answer = await post(hub.url, { query: '{ overview { settlementCount } }' })
      expect(Date.now() - started).toBeLessThan(1_500)
      expect(answer.status).toBe(503)
      expect(codesOf(answer)).toEqual(['EXECUTION_TIMEOUT'])
    } finally {
      await hub.close()
    }
  })

  it('counts the time other plugins take before the operation runs', async () => {
    const slowPlugin: Plugin = {
      onExecute({ executeFn, setExecuteFn }) {
        setExecuteFn(async (args: ExecutionArgs) => {
          await sleep(300)
          return executeFn(args)
        })
      },
    }
    const hub = await serve({ hardening: { executionTimeoutMs: 50 }, plugins: [slowPlugin] })
    try {
      const answer = await post(hub.url, { query: '{ __typename }' })
      expect(codesOf(answer)).toEqual(['EXECUTION_TIMEOUT'])
    } finally {
      await hub.close()
    }
  })
})

/** Sets `ctx.actor` from a test header, as the authentication plugin would. */
const actorFromHeader: Plugin = {
  onExecute({ args }) {
    const context = args.contextValue as { request: Request; actor?: unknown }
    const header = context.request.headers.get('x-test-actor')
    if (header) context.actor = JSON.parse(header)
  },
}

describe('rate limits', () => {
  const typename = { query: '{ __typename }' }

  async function expectRateLimited(answer: Answer, limit: number) {
    expect(answer.status).toBe(429)
    expect(codesOf(answer)).toEqual(['RATE_LIMITED'])
    expect(answer.body.data).toBeUndefined()
    const retryAfter = Number(answer.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limit, retryAfter })
  }

  it('429 with Retry-After once an address has used its operations for the minute', async () => {
    const hub = await serve({ hardening: { rateLimitPerMinute: 2 } })
    try {
      expect((await post(hub.url, typename)).status).toBe(200)
      expect((await post(hub.url, typename)).status).toBe(200)
      await expectRateLimited(await post(hub.url, typename), 2)
    } finally {
      await hub.close()
    }
  })

  it('counts a key against its own limit, apart from its address and other keys', async () => {
    const hub = await serve({
      hardening: { rateLimitPerMinute: 5, identifiedRateLimitPerMinute: 3 },
      plugins: [actorFromHeader],
    })
    const as = (actor: object) => ({ 'x-test-actor': JSON.stringify(actor) })
    const keyA = as({ kind: 'key', keyId: 1, rateLimitPerMinute: 1 })
    const keyB = as({ kind: 'key', keyId: 2 })
    try {
      expect((await post(hub.url, typename, keyA)).status).toBe(200)
      await expectRateLimited(await post(hub.url, typename, keyA), 1)
      // Key B has no limit of its own: the identified default (3) applies.
      for (let i = 0; i < 3; i++) expect((await post(hub.url, typename, keyB)).status).toBe(200)
      await expectRateLimited(await post(hub.url, typename, keyB), 3)
      // The address itself has used none of its 5.
      expect((await post(hub.url, typename)).status).toBe(200)
    } finally {
      await hub.close()
    }
  })

  it('takes the client address from X-Forwarded-For only behind trusted proxies', () => {
    const request = new Request('http://hub/graphql', { headers: { 'x-forwarded-for': '6.6.6.6, 10.0.0.7' } })
    expect(clientAddress(request, '::ffff:127.0.0.1', 0)).toBe('127.0.0.1')
    expect(clientAddress(request, '127.0.0.1', 1)).toBe('10.0.0.7')
    expect(clientAddress(request, '127.0.0.1', 2)).toBe('6.6.6.6')
    const limits = { perMinute: 600, identifiedPerMinute: 6000, keyPrefix: 'x', trustProxyHops: 0 }
    expect(bucketOf({ kind: 'anonymous' }, '1.2.3.4', limits)).toEqual({ key: 'address:1.2.3.4', limit: 600 })
    expect(bucketOf({ kind: 'user', userId: 7 }, '1.2.3.4', limits)).toEqual({ key: 'user:7', limit: 6000 })
  })

  describe('shared through Redis', () => {
    const shared = useTestRedis()
    const { redisUrl, keyPrefix } = shared

    it('counts operations across hubs that share a Redis', async (context) => {
      if (!shared.redis) context.skip('Redis is not reachable at TEST_REDIS_URL')
      const options: HardeningOptions = { rateLimitPerMinute: 2, redisUrl, rateLimitKeyPrefix: keyPrefix }
      const [one, two] = [await serve({ hardening: options }), await serve({ hardening: options })]
      try {
        // Wait until both hubs' connections are ready, so no count falls back to memory.
        await sleep(300)
        expect((await post(one.url, typename)).status).toBe(200)
        expect((await post(two.url, typename)).status).toBe(200)
        await expectRateLimited(await post(one.url, typename), 2)
        await expectRateLimited(await post(two.url, typename), 2)
        expect(await shared.redis?.keys(`${keyPrefix}*`)).toEqual([`${keyPrefix}:address:127.0.0.1`])
      } finally {
        await one.close()
        await two.close()
      }
    })
  })
})

describe('errors are masked', () => {
  const SECRET = 'secret-token-123'
  const internals = `${SECRET} at /srv/hub/server/src/records/family.ts:42 SELECT * FROM "Hospital" (PrismaClientKnownRequestError)`

  async function expectMasked(plugin: Plugin, query: string) {
    const previous = process.env.NODE_ENV
    // Yoga adds the original error to masked ones in development; the hub must still hide it.
    for (const mode of ['production', 'development']) {
      process.env.NODE_ENV = mode
      const hub = await serve({ plugins: [plugin] })
      try {
        const answer = await post(hub.url, { query }, { accept: 'application/json' })
        expect(answer.text).not.toContain(SECRET)
        expect(answer.text).not.toContain('family.ts')
        expect(answer.body.errors?.[0]).toMatchObject({
          message: 'Unexpected error.',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        })
      } finally {
        await hub.close()
        process.env.NODE_ENV = previous
      }
    }
  }

  it('a resolver that throws a secret', async () => {
    await expectMasked(
      withQueryResolver('overview', () => {
        throw new Error(internals)
      }),
      '{ overview { settlementCount } }',
    )
  })

  it('a plugin that throws a secret while executing', async () => {
    await expectMasked(
      {
        onExecute() {
          throw new Error(internals)
        },
      },
      '{ __typename }',
    )
  })

  it('malformed JSON', async () => {
    const answer = await post(t.url, '{"query": "{ __typename }", ')
    expect(answer.status).toBe(400)
    expect(codesOf(answer)).toEqual(['BAD_REQUEST'])
  })
})

describe('security headers', () => {
  const expectCommon = (headers: Headers) => {
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('referrer-policy')).toBe('no-referrer')
    expect(headers.get('x-frame-options')).toBe('DENY')
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  }

  it('on API answers: nothing may load from or frame them; HSTS only over HTTPS', async () => {
    const plain = await post(t.url, { query: '{ __typename }' })
    expectCommon(plain.headers)
    expect(plain.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(plain.headers.get('strict-transport-security')).toBeNull()
    const proxied = await post(t.url, { query: '{ __typename }' }, { 'x-forwarded-proto': 'https' })
    expect(proxied.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/)
    const health = await fetch(`${t.hub.url}/health`)
    expectCommon(health.headers)
  })

  it('GraphiQL is served with its assets from the hub itself, under a same-origin policy', async () => {
    const response = await fetch(t.url, { headers: { accept: 'text/html' } })
    expect(response.status).toBe(200)
    expectCommon(response.headers)
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toMatch(/unsafe-eval|https?:/)
    const html = await response.text()
    // Nothing from other origins, no inline script.
    expect(html).not.toMatch(/https?:\/\//)
    expect(html).not.toMatch(/<script>/)
    const options = JSON.parse(
      /<script type="application\/json" id="graphiql-options">(.*?)<\/script>/s.exec(html)?.[1] ?? '',
    )
    expect(options).toMatchObject({ title: 'Minsheng Hub · 民生数据枢纽', defaultQuery: EXAMPLE_OPERATION })
    const assets = [...html.matchAll(/(?:src|href)="(\?graphiql-asset=[^"]+)"/g)].map((m) =>
      m[1]?.replace(/&amp;/g, '&'),
    )
    expect(assets.length).toBe(4)
    const version = /v=([^&]+)/.exec(assets[0] ?? '')?.[1]
    const workers = ['editor.worker.js', 'json.worker.js', 'graphql.worker.js'].map(
      (name) => `?graphiql-asset=${name}&v=${version}`,
    )
    for (const asset of [...assets, ...workers]) {
      const file = await fetch(`${t.url}${asset}`, { headers: { 'accept-encoding': 'gzip' } })
      expect(file.status, asset).toBe(200)
      expect(file.headers.get('content-type'), asset).toMatch(/javascript|css|image/)
      expect(file.headers.get('cache-control'), asset).toContain('immutable')
      expect((await file.arrayBuffer()).byteLength, asset).toBeGreaterThan(100)
    }
    expect((await fetch(`${t.url}?graphiql-asset=nothing.js`)).status).toBe(404)
  })

  // Chromium is installed where the console's browser tests run (.ci/run); elsewhere this is skipped.
  it.skipIf(!existsSync(CHROMIUM))(
    'GraphiQL runs in a browser under that policy, loading nothing from elsewhere',
    async () => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
      })
      try {
        const page = await browser.newPage()
        const problems: string[] = []
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text())
        })
        page.on('pageerror', (error) => problems.push(error.message))
        page.on('request', (request) => {
          if (!request.url().startsWith(t.hub.url)) problems.push(`request to ${request.url()}`)
        })
        await page.goto(t.url)
        await page.locator('.monaco-editor').first().waitFor({ timeout: 20_000 })
        // The editor shows the example operation: the bundle ran and rendered.
        await expect.poll(() => page.locator('.monaco-editor').first().textContent()).toContain('CityAtAGlance')
        expect(problems).toEqual([])
      } finally {
        await browser.close()
      }
    },
  )

  it('securityHeaders() gives the console’s pages the same protection', () => {
    const request = new Request('http://hub/hospitals', { headers: { 'x-forwarded-proto': 'https' } })
    const headers = securityHeaders(request)
    expect(headers['Content-Security-Policy']).toContain("script-src 'self'")
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'")
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Strict-Transport-Security': 'max-age=31536000',
    })
    expect(securityHeaders(new Request('http://hub/'))['Strict-Transport-Security']).toBeUndefined()
  })
})

describe('configuration', () => {
  it('reads every limit from the environment, with the documented defaults', () => {
    expect(hardeningOptions(loadConfig({}))).toEqual({
      maxDepth: D.maxDepth,
      maxAliases: D.maxAliases,
      maxTokens: D.maxTokens,
      maxDirectives: D.maxDirectives,
      maxBreadth: D.maxBreadth,
      maxCost: D.maxCost,
      maxBodyBytes: D.maxBodyBytes,
      maxOrdinaryBodyBytes: D.maxOrdinaryBodyBytes,
      executionTimeoutMs: D.executionTimeoutMs,
      importTimeoutMs: D.importTimeoutMs,
      maxListItems: D.maxListItems,
      maxInputDepth: D.maxInputDepth,
      maxConcurrentOperations: D.maxConcurrentOperations,
      maxQueuedOperations: D.maxQueuedOperations,
      admissionQueueTimeoutMs: D.admissionQueueTimeoutMs,
      lightOperationCost: D.lightOperationCost,
      rateLimitPerMinute: D.rateLimitPerMinute,
      identifiedRateLimitPerMinute: D.identifiedRateLimitPerMinute,
      redisUrl: undefined,
      rateLimitKeyPrefix: D.rateLimitKeyPrefix,
      trustProxyHops: D.trustProxyHops,
      maxStreamsPerCaller: D.maxStreamsPerCaller,
    })
    const configured = hardeningOptions(
      loadConfig({
        MAX_DEPTH: '5',
        MAX_BODY_BYTES: '5242880',
        REDIS_URL: 'redis://cache:6379',
        RATE_LIMIT_PER_MINUTE: '0',
        MAX_STREAMS_PER_CALLER: '3',
      }),
    )
    expect(configured).toMatchObject({
      maxDepth: 5,
      maxBodyBytes: 5_242_880,
      redisUrl: 'redis://cache:6379',
      rateLimitPerMinute: 0,
      maxStreamsPerCaller: 3,
    })
    expect(() => loadConfig({ REDIS_URL: 'cache:6379' })).toThrow(/REDIS_URL/)
  })
})

describe('GraphQL over HTTP', () => {
  it('passes every MUST audit of graphql-http', async () => {
    // As a signed-in operator: the audits explore the schema (`__type`), which anonymous callers
    // may not unless public read is on.
    const signedIn = t.headersOf('viewer')
    const results = await auditServer({
      url: t.url,
      fetchFn: (input: string, init: RequestInit = {}) =>
        fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), ...signedIn } }),
    })
    const failed = results.filter((result) => result.status !== 'ok')
    for (const result of failed) {
      console.info(`graphql-http audit ${result.status}: ${result.name} — ${'reason' in result ? result.reason : ''}`)
    }
    expect(failed.filter((result) => result.name.startsWith('MUST')).map((result) => result.name)).toEqual([])
  })
})
