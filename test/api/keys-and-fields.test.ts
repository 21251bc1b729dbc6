// Partner keys (shown once, stored as a hash, revocable, expiring, their use recorded) and the
// restricted fields they do not see without the "restricted" scope.
import { schema } from '@minsheng/server/schema'
import { isEnumType, isInputObjectType } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Caller, startTestHub, type TestHub } from '../setup/hub.ts'
import { scenarioOf } from './scenarios/records.ts'
import { onlyError, type SeededRefs, seededRefs } from './support.ts'

let t: TestHub
let refs: SeededRefs
beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
})
afterAll(() => t?.close())

const createKey = `mutation ($input: ApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name prefix scopes expiresAt revokedAt lastUsedAt } }
}`

async function newKey(scopes: string[], extra: Record<string, unknown> = {}) {
  const data = await t.data(createKey, { input: { name: `key ${scopes.join(' ')}`, scopes, ...extra } })
  return data.createApiKey as {
    secret: string
    apiKey: { id: string; name: string; prefix: string; scopes: string[]; lastUsedAt: string | null }
  }
}

const rowIdOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1])
const storedKey = (globalId: string) =>
  t.hub.database.prisma.apiKey.findUniqueOrThrow({ where: { id: rowIdOf(globalId) } })

/** A request with the key, with its HTTP status. */
const withKey = (secret: string, query = '{ hospitals { totalCount } }') => t.gqlAs({ bearer: secret }, query)

describe('a new key', () => {
  let key: Awaited<ReturnType<typeof newKey>>

  beforeAll(async () => {
    key = await newKey(['read'])
  })

  it('comes with its secret, which works as a bearer token', async () => {
    expect(key.secret).toMatch(/^mh_key_[\w-]{40,}$/)
    expect(key.apiKey).toMatchObject({ name: 'key read', scopes: ['read'], revokedAt: null, lastUsedAt: null })
    const result = await withKey(key.secret)
    expect(result.errors).toBeUndefined()
    expect(result.data?.hospitals.totalCount).toBeGreaterThan(0)
  })

  it('is listed by its prefix, never by its secret', async () => {
    const listed = await t.gql('{ apiKeys { id prefix name scopes } }')
    const entry = listed.data?.apiKeys.find((k: { id: string }) => k.id === key.apiKey.id)
    expect(entry).toEqual({ id: key.apiKey.id, prefix: key.apiKey.prefix, name: 'key read', scopes: ['read'] })
    expect(key.secret.startsWith(entry.prefix)).toBe(true)
    expect(entry.prefix.length).toBeLessThan(key.secret.length / 2)
    expect(JSON.stringify(listed)).not.toContain(key.secret)
    // Nothing in the schema could give the secret back.
    const fields = Object.keys((schema.getType('ApiKey') as { getFields(): object }).getFields())
    expect(fields).not.toContain('secret')
  })

  it('is stored as a hash, not as the secret', async () => {
    const row = await storedKey(key.apiKey.id)
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/)
    expect(row.keyHash).not.toBe(key.secret)
    expect(JSON.stringify(row)).not.toContain(key.secret)
    expect(JSON.stringify(row)).not.toContain(key.secret.slice(key.apiKey.prefix.length))
  })

  it('records when it was last used', async () => {
    await t.hub.database.prisma.apiKey.update({ where: { id: rowIdOf(key.apiKey.id) }, data: { lastUsedAt: null } })
    const before = Date.now()
    await withKey(key.secret)
    const row = await storedKey(key.apiKey.id)
    expect(row.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(row.lastUsedAt?.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
    const listed = await t.gql('{ apiKeys { id lastUsedAt } }')
    const entry = listed.data?.apiKeys.find((k: { id: string }) => k.id === key.apiKey.id)
    expect(Date.parse(entry.lastUsedAt)).toBe(row.lastUsedAt?.getTime())
  })
})

describe('a key that no longer works', () => {
  async function expectRefused(secret: string) {
    const result = await withKey(secret)
    expect(result.status).toBe(401)
    expect(onlyError(result).extensions?.code).toBe('UNAUTHENTICATED')
    expect(result.data).toBeUndefined()
  }

  it('is refused with 401 once revoked', async () => {
    const key = await newKey(['read'])
    expect((await withKey(key.secret)).status).toBe(200)
    const revoked = await t.data(`mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.apiKey.id })
    expect(Date.parse(revoked.revokeApiKey.revokedAt)).not.toBeNaN()
    await expectRefused(key.secret)
  })

  it('is refused with 401 when created already expired', async () => {
    const key = await newKey(['read'], { expiresAt: new Date(Date.now() - 60_000).toISOString() })
    await expectRefused(key.secret)
  })

  it('is refused with 401 from the moment it expires', async () => {
    const key = await newKey(['read'], { expiresAt: new Date(Date.now() + 3_600_000).toISOString() })
    expect((await withKey(key.secret)).status).toBe(200)
    await t.hub.database.prisma.apiKey.update({
      where: { id: rowIdOf(key.apiKey.id) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    await expectRefused(key.secret)
  })

  it.each([
    ['an unknown key', 'Bearer mh_key_thisKeyWasNeverIssuedByTheHub0000000000000'],
    ['a key altered by one character', null],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('is refused with 401: %s', async (_what, header) => {
    const key = await newKey(['read'])
    const authorization = header ?? `Bearer ${key.secret.slice(0, -1)}${key.secret.endsWith('A') ? 'B' : 'A'}`
    const result = await t.gqlAs('anonymous', '{ hospitals { totalCount } }', undefined, { authorization })
    expect(result.status).toBe(401)
    expect(onlyError(result).extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('key scopes', () => {
  it.each([[['write']], [['read:Nothing']], [['admin']], [[]]])(
    'refuses to create a key with scopes %j',
    async (scopes) => {
      const result = await t.gql(createKey, { input: { name: 'bad', scopes } })
      expect(onlyError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'scopes' }] })
    },
  )
})

// ——— Restricted fields ————————————————————————————————————————————————————————————————

const PHONE = '0870-1234567'
const COORDINATES = { latitude: 27.5, longitude: 104.9 }

describe('restricted fields', () => {
  const ids: Record<'hospital' | 'school' | 'canteen' | 'childrensHome', string> = {
    hospital: '',
    school: '',
    canteen: '',
    childrensHome: '',
  }
  let readKey: string
  let restrictedKey: string

  beforeAll(async () => {
    const create = async (typename: string, input: Record<string, unknown>) =>
      (
        await t.data(`mutation ($input: ${typename}CreateInput!) { create${typename}(input: $input) { id } }`, {
          input: { ...scenarioOf(typename).create(refs), ...input },
        })
      )[`create${typename}`].id as string
    ids.hospital = await create('Hospital', { contactPhone: PHONE, ...COORDINATES })
    ids.school = await create('School', { contactPhone: PHONE, ...COORDINATES })
    ids.canteen = await create('CareFacility', { nameZh: '受限字段食堂', contactPhone: PHONE, ...COORDINATES })
    ids.childrensHome = await create('CareFacility', {
      nameZh: '受限字段儿童之家',
      kind: 'CHILDRENS_HOME',
      targetGroup: 'CHILDREN',
      contactPhone: PHONE,
      ...COORDINATES,
      prices: [],
    })
    readKey = (await newKey(['read'])).secret
    restrictedKey = (await newKey(['read', 'restricted'])).secret
  })

  const read = async (caller: Caller) => {
    const result = await t.gqlAs(
      caller,
      `query ($ids: [ID!]!) {
        nodes(ids: $ids) {
          ... on Hospital { contactPhone latitude longitude }
          ... on School { contactPhone latitude longitude }
          ... on CareFacility { contactPhone latitude longitude }
        }
      }`,
      { ids: [ids.hospital, ids.school, ids.canteen, ids.childrensHome] },
    )
    expect(result.errors).toBeUndefined()
    const [hospital, school, canteen, childrensHome] = result.data?.nodes ?? []
    return { hospital, school, canteen, childrensHome }
  }

  const everything = { contactPhone: PHONE, ...COORDINATES }

  it('read as null for a "read" key: phones, and the location of a children’s home', async () => {
    expect(await read({ bearer: readKey })).toEqual({
      hospital: { contactPhone: null, ...COORDINATES },
      school: { contactPhone: null, ...COORDINATES },
      canteen: { contactPhone: null, ...COORDINATES },
      childrensHome: { contactPhone: null, latitude: null, longitude: null },
    })
  })

  it('are visible to a key with "read" and "restricted"', async () => {
    expect(await read({ bearer: restrictedKey })).toEqual({
      hospital: everything,
      school: everything,
      canteen: everything,
      childrensHome: everything,
    })
  })

  it.each(['admin', 'editor', 'viewer'] as const)('are visible to operators (%s)', async (operator) => {
    expect(await read(operator)).toEqual({
      hospital: everything,
      school: everything,
      canteen: everything,
      childrensHome: everything,
    })
  })

  it('read as null in lists too, for every children’s home', async () => {
    const query = `{ careFacilities(where: { kind: { equals: CHILDRENS_HOME } }, first: 200) { nodes { id contactPhone latitude longitude } } }`
    const asKey = await t.gqlAs({ bearer: readKey }, query)
    const nodes = asKey.data?.careFacilities.nodes as Record<string, unknown>[]
    expect(nodes.map((n) => n.id)).toContain(ids.childrensHome)
    for (const node of nodes) expect(node).toEqual({ id: node.id, contactPhone: null, latitude: null, longitude: null })
  })

  it('cannot be probed through filters or sort keys', () => {
    for (const typename of ['Hospital', 'School', 'CareFacility']) {
      const where = schema.getType(`${typename}Where`)
      const order = schema.getType(`${typename}OrderField`)
      if (!isInputObjectType(where) || !isEnumType(order)) throw new Error(`${typename} has no where or sort`)
      for (const field of ['contactPhone', 'latitude', 'longitude'])
        expect(Object.keys(where.getFields())).not.toContain(field)
      const values = order.getValues().map((v) => v.name)
      for (const value of ['CONTACT_PHONE', 'LATITUDE', 'LONGITUDE']) expect(values).not.toContain(value)
    }
  })
})
