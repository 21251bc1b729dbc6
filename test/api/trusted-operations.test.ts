// Trusted operations per key (受信操作): a key bound to three operations runs exactly those, by
// hash, and nothing else; the operations are checked when registered; unbound keys are unchanged.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import { fieldErrorsOf, onlyError } from './support.ts'

let t: TestHub
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

const DOCUMENT = `# The health bureau's nightly pull
query HospitalBeds($first: Int) { hospitals(first: $first) { nodes { ...Beds } } }
query SchoolSeats { schools(first: 5) { nodes { id seats } } }
query Changes($after: String) { changes(after: $after, first: 50) { nextCursor edges { node { action recordId } } } }
fragment Beds on Hospital { id nameZh plannedBeds openBeds }
`

const REGISTER = `mutation ($id: ID!, $document: String!) {
  registerTrustedOperations(apiKeyId: $id, document: $document) { name hash document }
}`

async function newKey(name: string) {
  const data = await t.data(
    `mutation ($name: String!) { createApiKey(input: { name: $name, scopes: ["read"] }) { secret apiKey { id } } }`,
    {
      name,
    },
  )
  return data.createApiKey as { secret: string; apiKey: { id: string } }
}

/** A persisted operation by hash, as Apollo clients send it. */
async function byHash(secret: string, sha256Hash: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
  })
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) }
}

describe('a key bound to three operations', () => {
  let key: Awaited<ReturnType<typeof newKey>>
  let operations: { name: string; hash: string; document: string }[]

  beforeAll(async () => {
    key = await newKey('卫健委受信')
    operations = (await t.data(REGISTER, { id: key.apiKey.id, document: DOCUMENT })).registerTrustedOperations
  })

  it('registers each operation with the fragments it uses, by the SHA-256 of its text', () => {
    expect(operations.map((op) => op.name)).toEqual(['HospitalBeds', 'SchoolSeats', 'Changes'])
    for (const op of operations) expect(op.hash).toBe(createHash('sha256').update(op.document).digest('hex'))
    expect(operations[0]?.document).toContain('fragment Beds on Hospital')
    expect(operations[1]?.document).not.toContain('fragment')
  })

  it('runs exactly those three, by hash', async () => {
    const [beds, seats, changes] = operations
    const a = await byHash(key.secret, beds?.hash as string, { first: 2 })
    expect(a.errors).toBeUndefined()
    expect(a.data.hospitals.nodes.length).toBeGreaterThan(0)
    expect((await byHash(key.secret, seats?.hash as string)).errors).toBeUndefined()
    const c = await byHash(key.secret, changes?.hash as string)
    expect(c.errors).toBeUndefined()
    expect(c.data.changes.nextCursor).toEqual(expect.any(String))
  })

  it('refuses anything else with a stable code', async () => {
    const arbitrary = await t.gqlAs({ bearer: key.secret }, '{ hospitals(first: 1) { nodes { id } } }')
    expect(arbitrary.status).toBe(403)
    expect(onlyError(arbitrary).extensions?.code).toBe('TRUSTED_OPERATIONS_ONLY')
    // Even the text of a registered operation: only its hash.
    const asText = await t.gqlAs({ bearer: key.secret }, operations[1]?.document as string)
    expect(onlyError(asText).extensions?.code).toBe('TRUSTED_OPERATIONS_ONLY')
    const unknown = await byHash(key.secret, createHash('sha256').update('{ schools { totalCount } }').digest('hex'))
    expect(onlyError(unknown).extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND')
  })

  it('does not let another key run them as its own, while unbound keys keep running any query', async () => {
    const other = await newKey('教育局')
    expect((await t.gqlAs({ bearer: other.secret }, '{ schools(first: 1) { nodes { id } } }')).errors).toBeUndefined()
    const bound = await newKey('教育局受信')
    await t.data(REGISTER, { id: bound.apiKey.id, document: 'query Mine { schools(first: 1) { totalCount } }' })
    expect(onlyError(await byHash(bound.secret, operations[0]?.hash as string)).extensions?.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    )
  })

  it('works over GET as well', async () => {
    const seats = operations[1]?.hash as string
    const url = `${t.url}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: seats } }))}`
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${key.secret}`, accept: 'application/json' },
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { data?: { schools: unknown }; errors?: unknown }
    expect(body.errors).toBeUndefined()
    expect(body.data?.schools).toBeDefined()
  })
})

describe('registration', () => {
  it('checks the document against the schema, refuses mutations, and is for admins', async () => {
    const key = await newKey('检查')
    const wrong = await t.gql(REGISTER, {
      id: key.apiKey.id,
      document: 'query Bad { hospitals { nodes { noSuchField } } }',
    })
    expect(fieldErrorsOf(wrong).document?.code).toBe('invalid')
    const broken = await t.gql(REGISTER, { id: key.apiKey.id, document: 'query {' })
    expect(fieldErrorsOf(broken).document?.code).toBe('invalid')
    const mutation = await t.gql(REGISTER, {
      id: key.apiKey.id,
      document: 'mutation M($id: ID!) { revokeApiKey(id: $id) { id } }',
    })
    expect(fieldErrorsOf(mutation).document?.code).toBe('invalid')
    const editor = await t.gqlAs('editor', REGISTER, {
      id: key.apiKey.id,
      document: 'query Q { schools { totalCount } }',
    })
    expect(onlyError(editor).extensions?.code).toBe('FORBIDDEN')
    // Nothing registered: the key still runs any query.
    expect((await t.gqlAs({ bearer: key.secret }, '{ schools { totalCount } }')).errors).toBeUndefined()
  })
})

describe('removing a trusted operation', () => {
  const REMOVE = `mutation ($id: ID!, $hash: String!) { removeTrustedOperation(apiKeyId: $id, hash: $hash) }`
  const LISTED = `query ($id: ID!) { node(id: $id) { ... on ApiKey { trustedOperations { name hash } } } }`

  it('removes one by hash, audited; after the last the key is unbound and runs any query again', async () => {
    const key = await newKey('移除受信')
    const [first, second] = (
      await t.data(REGISTER, {
        id: key.apiKey.id,
        document: 'query A { schools { totalCount } }\nquery B { hospitals { totalCount } }',
      })
    ).registerTrustedOperations
    expect((await t.data(REMOVE, { id: key.apiKey.id, hash: first.hash })).removeTrustedOperation).toBe(true)
    // Removed already: nothing to do.
    expect((await t.data(REMOVE, { id: key.apiKey.id, hash: first.hash })).removeTrustedOperation).toBe(false)
    expect((await t.data(LISTED, { id: key.apiKey.id })).node.trustedOperations).toEqual([
      { name: 'B', hash: second.hash },
    ])
    // Still bound to the other: the removed one is refused, arbitrary queries too.
    expect(onlyError(await byHash(key.secret, first.hash)).extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND')
    expect(onlyError(await t.gqlAs({ bearer: key.secret }, '{ schools { totalCount } }')).extensions?.code).toBe(
      'TRUSTED_OPERATIONS_ONLY',
    )

    await t.data(REMOVE, { id: key.apiKey.id, hash: second.hash })
    expect((await t.data(LISTED, { id: key.apiKey.id })).node.trustedOperations).toEqual([])
    expect((await t.gqlAs({ bearer: key.secret }, '{ schools { totalCount } }')).errors).toBeUndefined()

    const rowId = Number(Buffer.from(key.apiKey.id, 'base64').toString().split(':')[1])
    const trail = await t.hub.database.prisma.auditEvent.findMany({
      where: { recordType: 'ApiKey', recordId: rowId },
      orderBy: { id: 'asc' },
    })
    expect(trail.map((event) => event.changes)).toEqual([
      {
        trustedOperations: {
          before: null,
          after: [
            { name: 'A', hash: first.hash },
            { name: 'B', hash: second.hash },
          ],
        },
      },
      { trustedOperations: { before: [{ name: 'A', hash: first.hash }], after: null } },
      { trustedOperations: { before: [{ name: 'B', hash: second.hash }], after: null } },
    ])
  })

  it('is for admins, and names an unknown key', async () => {
    const key = await newKey('移除权限')
    const [op] = (await t.data(REGISTER, { id: key.apiKey.id, document: 'query C { schools { totalCount } }' }))
      .registerTrustedOperations
    const editor = await t.gqlAs('editor', REMOVE, { id: key.apiKey.id, hash: op.hash })
    expect(onlyError(editor).extensions?.code).toBe('FORBIDDEN')
    const missing = await t.gql(REMOVE, { id: Buffer.from('ApiKey:999999').toString('base64'), hash: op.hash })
    expect(onlyError(missing).extensions?.code).toBe('NOT_FOUND')
    expect((await byHash(key.secret, op.hash)).errors).toBeUndefined()
  })
})

describe('persisted reads over GET', () => {
  it('carry an ETag and Cache-Control; a repeated GET is answered 304 until something is published', async () => {
    const key = await newKey('缓存')
    const [op] = (
      await t.data(REGISTER, {
        id: key.apiKey.id,
        document: 'query Beds { hospitals(first: 3) { nodes { id openBeds } } }',
      })
    ).registerTrustedOperations
    const url = `${t.url}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: op.hash } }))}`
    const get = (headers: Record<string, string> = {}) =>
      fetch(url, { headers: { authorization: `Bearer ${key.secret}`, accept: 'application/json', ...headers } })

    const first = await get()
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag') as string
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toBe('private, no-cache')
    const body = (await first.json()) as { data: { hospitals: { nodes: { id: string; openBeds: number | null }[] } } }

    const again = await get({ 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)

    // A publication moves the log: the same GET is answered afresh, with another ETag.
    const hospital = body.data.hospitals.nodes[0] as { id: string }
    const { node } = await t.data('query ($id: ID!) { node(id: $id) { ... on Hospital { version openBeds } } }', {
      id: hospital.id,
    })
    await t.data(
      'mutation ($id: ID!, $version: Int!, $beds: Int) { updateHospital(id: $id, version: $version, input: { openBeds: $beds }) { version } }',
      {
        id: hospital.id,
        version: node.version,
        beds: (node.openBeds ?? 0) + 1,
      },
    )
    const fresh = await get({ 'if-none-match': etag })
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('etag')).not.toBe(etag)

    // Another key's answer has another ETag (it may see other fields).
    const other = await newKey('缓存二')
    const theirs = await fetch(url, {
      headers: { authorization: `Bearer ${other.secret}`, accept: 'application/json' },
    })
    expect(theirs.headers.get('etag')).not.toBe(fresh.headers.get('etag'))
  })

  it('are never stored for operators, who read the working copy', async () => {
    const key = await newKey('运营')
    const [op] = (await t.data(REGISTER, { id: key.apiKey.id, document: 'query Count { schools { totalCount } }' }))
      .registerTrustedOperations
    const url = `${t.url}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: op.hash } }))}`
    const response = await fetch(url, {
      headers: { ...t.headersOf('viewer'), 'x-minsheng-csrf': '1', accept: 'application/json' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('etag')).toBeNull()
  })
})

describe('persisted reads over GET on a public hub (PUBLIC_READ)', () => {
  let open: TestHub
  beforeAll(async () => {
    open = await startTestHub({ config: { PUBLIC_READ: true } })
  })
  afterAll(() => open?.close())

  it('are shared briefly for anonymous callers, revalidated by ETag, and private for operators and keys', async () => {
    const { createApiKey: key } = await open.data(
      'mutation { createApiKey(input: { name: "公开缓存", scopes: ["read"] }) { secret apiKey { id } } }',
    )
    const [op] = (
      await open.data(REGISTER, {
        id: key.apiKey.id,
        document: 'query PublicBeds { hospitals(first: 3) { nodes { id openBeds } } }',
      })
    ).registerTrustedOperations
    const url = `${open.url}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: op.hash } }))}`
    const get = (headers: Record<string, string> = {}) =>
      fetch(url, { headers: { accept: 'application/json', ...headers } })

    const first = await get()
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('public, max-age=60')
    const etag = first.headers.get('etag') as string
    expect(etag).toMatch(/^"[\w-]+"$/)
    const body = (await first.json()) as { data: { hospitals: { nodes: { id: string }[] } } }
    expect(body.data.hospitals.nodes.length).toBeGreaterThan(0)

    const again = await get({ 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.headers.get('cache-control')).toBe('public, max-age=60')
    expect(again.headers.get('etag')).toBe(etag)

    // A record changes (published at once on this hub): the same GET is answered afresh.
    const id = body.data.hospitals.nodes[0]?.id as string
    const { node } = await open.data('query ($id: ID!) { node(id: $id) { ... on Hospital { version openBeds } } }', {
      id,
    })
    await open.data(
      'mutation ($id: ID!, $version: Int!, $beds: Int) { updateHospital(id: $id, version: $version, input: { openBeds: $beds }) { version } }',
      { id, version: node.version, beds: (node.openBeds ?? 0) + 1 },
    )
    const fresh = await get({ 'if-none-match': etag })
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('cache-control')).toBe('public, max-age=60')
    expect(fresh.headers.get('etag')).not.toBe(etag)

    // Operators and keys: never for a shared cache.
    const operator = await get({ ...open.headersOf('viewer'), 'x-minsheng-csrf': '1' })
    expect(operator.status).toBe(200)
    expect(operator.headers.get('cache-control')).toBe('private, no-store')
    const keyed = await get(open.headersOf({ bearer: key.secret }))
    expect(keyed.status).toBe(200)
    expect(keyed.headers.get('cache-control')).toBe('private, no-cache')
    expect(keyed.headers.get('etag')).not.toBe(fresh.headers.get('etag'))
  })
})
