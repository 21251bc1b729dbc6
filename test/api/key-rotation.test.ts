// rotateApiKey: a new secret at once, the old one for the overlap only, then KEY_ROTATED; audited
// without the secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import { subscribe } from '../setup/sse.ts'
import { fieldErrorsOf, onlyError, seededRefs } from './support.ts'

let t: TestHub
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

const ROTATE = `mutation ($id: ID!, $overlapHours: Int!, $reason: String) {
  rotateApiKey(id: $id, overlapHours: $overlapHours, reason: $reason) {
    secret previousSecretValidUntil apiKey { id prefix rotatedAt }
  }
}`

async function newKey(name: string) {
  const data = await t.data(
    `mutation ($name: String!) { createApiKey(input: { name: $name, scopes: ["read"] }) { secret apiKey { id prefix } } }`,
    {
      name,
    },
  )
  return data.createApiKey as { secret: string; apiKey: { id: string; prefix: string } }
}

const READ = '{ hospitals(first: 1) { totalCount } }'
const withSecret = (secret: string) => t.gqlAs({ bearer: secret }, READ)
const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1])

describe('rotateApiKey', () => {
  it('gives a new secret; the old one works during the overlap, then is refused with KEY_ROTATED', async () => {
    const key = await newKey('民政局系统')
    const before = Date.now()
    const rotated = (await t.data(ROTATE, { id: key.apiKey.id, overlapHours: 24, reason: '年度轮换' })).rotateApiKey
    expect(rotated.secret).not.toBe(key.secret)
    expect(rotated.secret.startsWith(rotated.apiKey.prefix)).toBe(true)
    expect(rotated.apiKey.prefix).not.toBe(key.apiKey.prefix)
    const until = new Date(rotated.previousSecretValidUntil).getTime()
    expect(until).toBeGreaterThanOrEqual(before + 24 * 3_600_000 - 1000)
    expect(until).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000 + 1000)

    expect((await withSecret(rotated.secret)).errors).toBeUndefined()
    expect((await withSecret(key.secret)).errors).toBeUndefined()

    // The overlap ends (as if a day had passed).
    await t.hub.database.prisma.rotatedApiKeySecret.updateMany({
      where: { apiKeyId: rowId(key.apiKey.id) },
      data: { validUntil: new Date(Date.now() - 1000) },
    })
    const refused = await withSecret(key.secret)
    expect(refused.status).toBe(401)
    expect(onlyError(refused).extensions?.code).toBe('KEY_ROTATED')
    expect((await withSecret(rotated.secret)).errors).toBeUndefined()
  })

  it('with no overlap refuses the old secret at once; rotating again keeps each old secret to its own overlap', async () => {
    const key = await newKey('教育局系统')
    const first = (await t.data(ROTATE, { id: key.apiKey.id, overlapHours: 0 })).rotateApiKey
    expect(onlyError(await withSecret(key.secret)).extensions?.code).toBe('KEY_ROTATED')
    const second = (await t.data(ROTATE, { id: key.apiKey.id, overlapHours: 2 })).rotateApiKey
    expect((await withSecret(first.secret)).errors).toBeUndefined()
    expect((await withSecret(second.secret)).errors).toBeUndefined()
    expect(onlyError(await withSecret(key.secret)).extensions?.code).toBe('KEY_ROTATED')
  })

  it('is audited with the prefixes and the overlap, never a secret', async () => {
    const key = await newKey('卫健委系统')
    const rotated = (await t.data(ROTATE, { id: key.apiKey.id, overlapHours: 1, reason: '人员变动' })).rotateApiKey
    const events = await t.hub.database.prisma.auditEvent.findMany({
      where: { recordType: 'ApiKey', recordId: rowId(key.apiKey.id) },
    })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      action: 'UPDATE',
      actorName: 'test-admin',
      reason: '人员变动',
      changes: {
        prefix: { before: key.apiKey.prefix, after: rotated.apiKey.prefix },
        previousSecretValidUntil: { before: null, after: rotated.previousSecretValidUntil },
      },
    })
    const text = JSON.stringify(events)
    expect(text).not.toContain(key.secret)
    expect(text).not.toContain(rotated.secret)
  })

  it('ends the old secret with the key when the key is revoked', async () => {
    const key = await newKey('省平台')
    const rotated = (await t.data(ROTATE, { id: key.apiKey.id, overlapHours: 48 })).rotateApiKey
    await t.data(`mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.apiKey.id })
    for (const secret of [key.secret, rotated.secret]) {
      expect(onlyError(await withSecret(secret)).extensions?.code).toBe('UNAUTHENTICATED')
    }
  })

  it('is for admins, with an overlap of 0 to 720 hours', async () => {
    const key = await newKey('统计局系统')
    const editor = await t.gqlAs('editor', ROTATE, { id: key.apiKey.id, overlapHours: 1 })
    expect(onlyError(editor).extensions?.code).toBe('FORBIDDEN')
    expect(fieldErrorsOf(await t.gql(ROTATE, { id: key.apiKey.id, overlapHours: 721 })).overlapHours?.code).toBe(
      'out_of_range',
    )
    expect(fieldErrorsOf(await t.gql(ROTATE, { id: key.apiKey.id, overlapHours: -1 })).overlapHours?.code).toBe(
      'out_of_range',
    )
    expect((await withSecret(key.secret)).errors).toBeUndefined()
  })
})

describe('a live stream opened with a secret that is then rotated', () => {
  const SCHOOLS = 'subscription { recordChanged(types: [School]) { recordId record { ... on School { nameZh } } } }'
  const createSchool = async (nameZh: string) => {
    const { ludian } = await seededRefs(t)
    const data = await t.data(`mutation ($input: SchoolCreateInput!) { createSchool(input: $input) { id } }`, {
      input: { nameZh, stage: 'PRIMARY', divisionId: ludian, seats: 100, openedOn: '2021-09-01' },
    })
    return data.createSchool.id as string
  }

  it('keeps running during the overlap, then ends with KEY_ROTATED', async () => {
    const key = await newKey('住建局推送')
    const events = await subscribe(t.url, SCHOOLS, {}, t.headersOf({ bearer: key.secret }))
    expect(events.status).toBe(200)
    await t.data(ROTATE, { id: key.apiKey.id, overlapHours: 1 })
    // During the overlap the stream goes on.
    const during = await createSchool('轮换期间小学')
    expect((await events.next()).data?.recordChanged).toMatchObject({ recordId: during })

    // The overlap ends (as if the hour had passed): the next change ends the stream instead of reaching it.
    await t.hub.database.prisma.rotatedApiKeySecret.updateMany({
      where: { apiKeyId: rowId(key.apiKey.id) },
      data: { validUntil: new Date(Date.now() - 1000) },
    })
    // Past the second for which the stream trusts its last check.
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    await createSchool('过渡期后小学')
    const last = await events.next()
    expect(last.data).toBeUndefined()
    expect(onlyError(last).extensions?.code).toBe('KEY_ROTATED')
    await events.ended
  })

  it('ends at once with KEY_ROTATED when the rotation leaves no overlap', async () => {
    const key = await newKey('交通局推送')
    const events = await subscribe(t.url, SCHOOLS, {}, t.headersOf({ bearer: key.secret }))
    expect(events.status).toBe(200)
    await t.data(ROTATE, { id: key.apiKey.id, overlapHours: 0 })
    expect(onlyError(await events.next()).extensions?.code).toBe('KEY_ROTATED')
    await events.ended
  })
})
