// The partner's generated client (examples/partner-sync/) against a real hub over HTTP: a full
// pull, a working week of edits, then the changes, and the replica equals a fresh full pull — with
// every change published at once and with review before publication. Its errors say what the hub
// refused. In trusted mode it sends only hashes, computed as the hub computes them, for a key bound
// to the example's own operations.graphql.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { HubError, hubClient } from '@minsheng/partner-sync-example/client'
import {
  CareFacilitiesPageDocument,
  ChangesSinceDocument,
  FeedHeadDocument,
  HospitalsPageDocument,
} from '@minsheng/partner-sync-example/gql'
import { canonicalOperations, operationHash } from '@minsheng/partner-sync-example/operation-hash'
import { fullPull, pullChanges, type Replica } from '@minsheng/partner-sync-example/sync'
import { Kind, parse, print } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Caller, startTestHub, type TestHub } from '../setup/hub.ts'
import { approveRecord, partnerKey, setHolding, startReviewSuite } from './governance/support.ts'
import { scenarioOf } from './scenarios/records.ts'
import { type SeededRefs, seededRefs } from './support.ts'

const secretOf = (key: Caller) => (key as { bearer: string }).bearer

async function ok(t: TestHub, caller: Caller, query: string, variables?: Record<string, unknown>) {
  const result = await t.gqlAs(caller, query, variables)
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors, null, 2))
  return result.data as Record<string, any>
}

const hospital = (refs: SeededRefs, nameZh: string) => ({ ...scenarioOf('Hospital').create(refs), nameZh })
const careFacility = (refs: SeededRefs, nameZh: string) => ({ ...scenarioOf('CareFacility').create(refs), nameZh })

const CREATE_HOSPITAL = `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id version } }`
const UPDATE_HOSPITAL = `mutation ($id: ID!, $version: Int!, $input: HospitalUpdateInput!) { updateHospital(id: $id, version: $version, input: $input) { id version } }`
const CREATE_CARE = `mutation ($input: CareFacilityCreateInput!) { createCareFacility(input: $input) { id version } }`
const UPDATE_CARE = `mutation ($id: ID!, $version: Int!, $input: CareFacilityUpdateInput!) { updateCareFacility(id: $id, version: $version, input: $input) { id version } }`
const DELETE_CARE = `mutation ($id: ID!, $version: Int!) { deleteCareFacility(id: $id, version: $version) { id version } }`
const RESTORE_CARE = `mutation ($id: ID!, $version: Int!) { restoreCareFacility(id: $id, version: $version) { id version } }`
const DELETE_HOSPITAL = `mutation ($id: ID!, $version: Int!) { deleteHospital(id: $id, version: $version) { id version } }`
const PURGE_HOSPITAL = `mutation ($id: ID!, $version: Int!) { purgeHospital(id: $id, version: $version) }`
const IMPORT = `mutation ($type: RecordType!, $rows: [JSON!]!) {
  importRecords(recordType: $type, rows: $rows, dryRun: false) { applied created updated errors { row field message } }
}`

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/partner-sync')

/** `pnpm sync --state <file>` as a partner runs it: its own Node.js process with tsx. */
function runSync(
  env: Record<string, string>,
  state: string,
  flags: string[] = [],
): Promise<{ code: number | null; output: string }> {
  const { HUB_URL: _url, HUB_KEY: _key, HUB_TRUSTED: _trusted, ...inherited } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--state', state, ...flags], {
    cwd: EXAMPLE,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, output }))
  })
}

/** The replica must hold exactly what a fresh full pull finds. */
async function expectEqualToHub(replica: Replica, fresh: Replica) {
  expect(Object.keys(replica.hospitals).length).toBe(Object.keys(fresh.hospitals).length)
  expect(replica.hospitals).toEqual(fresh.hospitals)
  expect(Object.keys(replica.careFacilities).length).toBe(Object.keys(fresh.careFacilities).length)
  expect(replica.careFacilities).toEqual(fresh.careFacilities)
}

/** A hub without review (every change published at once), the seed's references and a partner key. */
async function startPublishingSuite() {
  const t = await startTestHub()
  return { t, refs: await seededRefs(t), key: await partnerKey(t) }
}

describe('with every change published at once (REVIEW=off)', () => {
  let t: TestHub
  let refs: SeededRefs
  let key: Caller
  beforeAll(async () => {
    ;({ t, refs, key } = await startPublishingSuite())
  })
  afterAll(() => t?.close())

  it('keeps a replica equal to what the hub publishes through a week of edits', async () => {
    const client = hubClient({ url: t.url, key: secretOf(key) })
    // More records than a page holds, so the lists and the feed are followed across several pages.
    for (const type of ['Hospital', 'CareFacility'] as const) {
      const make = type === 'Hospital' ? hospital : careFacility
      const rows = Array.from({ length: 4 }, (_, i) => make(refs, `客户端已有${type}${i + 1}`))
      expect((await ok(t, 'editor', IMPORT, { type, rows })).importRecords).toMatchObject({ created: 4 })
    }
    const replica = await fullPull(client, 3)
    expect(Object.keys(replica.hospitals).length).toBeGreaterThan(3)
    expect(Object.keys(replica.careFacilities).length).toBeGreaterThan(3)
    const before = structuredClone(replica)

    // Created, then changed; a seeded hospital changed; a care facility trashed and restored,
    // another trashed for good; a hospital created, trashed and purged before the partner looks.
    const h = (await ok(t, 'editor', CREATE_HOSPITAL, { input: hospital(refs, '客户端同步医院') })).createHospital
    await ok(t, 'editor', UPDATE_HOSPITAL, { ...h, input: { openBeds: 321, contactPhone: '0870-2222222' } })
    const seeded = Object.values(replica.hospitals)[0] as Replica['hospitals'][string]
    await ok(t, 'editor', UPDATE_HOSPITAL, { id: seeded.id, version: seeded.version, input: { nameEn: 'Renamed' } })
    const c = (await ok(t, 'editor', CREATE_CARE, { input: careFacility(refs, '客户端同步食堂') })).createCareFacility
    const trashed = (await ok(t, 'editor', DELETE_CARE, c)).deleteCareFacility
    const restored = (await ok(t, 'editor', RESTORE_CARE, trashed)).restoreCareFacility
    await ok(t, 'editor', UPDATE_CARE, { ...restored, input: { peopleServed: 77 } })
    const gone = Object.values(replica.careFacilities)[1] as Replica['careFacilities'][string]
    await ok(t, 'editor', DELETE_CARE, { id: gone.id, version: gone.version })
    const brief = (await ok(t, 'editor', CREATE_HOSPITAL, { input: hospital(refs, '客户端短命医院') })).createHospital
    const briefTrashed = (await ok(t, 'editor', DELETE_HOSPITAL, brief)).deleteHospital
    await ok(t, 'admin', PURGE_HOSPITAL, briefTrashed)
    // An import of five care facilities, and a school the partner does not follow.
    const imported = await ok(t, 'editor', IMPORT, {
      type: 'CareFacility',
      rows: Array.from({ length: 5 }, (_, i) => careFacility(refs, `客户端导入食堂${i + 1}`)),
    })
    expect(imported.importRecords).toMatchObject({ applied: true, created: 5, errors: [] })
    await ok(t, 'editor', `mutation ($input: SchoolCreateInput!) { createSchool(input: $input) { id } }`, {
      input: scenarioOf('School').create(refs),
    })

    const cursors: string[] = []
    const applied = await pullChanges(client, replica, { pageSize: 4, onPage: (r) => void cursors.push(r.cursor) })
    // Every change to a followed type, none of the school's: 2 + 1 + 4 + 1 + 3 + 5.
    expect(applied).toBe(16)
    expect(cursors.length).toBe(4)
    expect(new Set(cursors).size).toBe(4)

    await expectEqualToHub(replica, await fullPull(client))
    expect(replica.hospitals[h.id]).toMatchObject({ openBeds: 321, contactPhone: '0870-2222222', version: 2 })
    expect(replica.hospitals[seeded.id]).toMatchObject({ nameEn: 'Renamed', version: seeded.version + 1 })
    expect(replica.hospitals[brief.id]).toBeUndefined()
    expect(replica.careFacilities[c.id]).toMatchObject({ peopleServed: 77, __typename: 'CareFacility' })
    expect(replica.careFacilities[gone.id]).toBeUndefined()
    expect(before.careFacilities[gone.id]).toBeDefined()
    expect(Object.values(replica.careFacilities).filter((r) => r.nameZh.startsWith('客户端导入食堂'))).toHaveLength(5)

    // Nothing new: no change applied, and the cursor stays.
    const cursor = replica.cursor
    expect(await pullChanges(client, replica)).toBe(0)
    expect(replica.cursor).toBe(cursor)
  })

  it('resumes from a replica saved as JSON', async () => {
    const client = hubClient({ url: t.url, key: secretOf(key) })
    const saved = JSON.stringify(await fullPull(client))
    await ok(t, 'editor', CREATE_HOSPITAL, { input: hospital(refs, '客户端续传医院') })
    const replica = JSON.parse(saved) as Replica
    expect(await pullChanges(client, replica)).toBe(1)
    await expectEqualToHub(replica, await fullPull(client))
  })

  it('runs as a nightly job keeping the replica in a JSON file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'partner-sync-'))
    try {
      const state = path.join(dir, 'replica.json')
      const env = { HUB_URL: t.url, HUB_KEY: secretOf(key) }
      const first = await runSync(env, state)
      expect(first, first.output).toMatchObject({ code: 0 })
      expect(first.output).toMatch(/^Full pull: \d+ hospitals, \d+ care facilities in /)
      await ok(t, 'editor', CREATE_CARE, { input: careFacility(refs, '客户端夜间食堂') })
      const second = await runSync(env, state)
      expect(second, second.output).toMatchObject({ code: 0 })
      expect(second.output).toMatch(/^Applied 1 changes: /)
      const replica = JSON.parse(readFileSync(state, 'utf8')) as Replica
      await expectEqualToHub(replica, await fullPull(hubClient({ url: t.url, key: secretOf(key) })))

      const refused = await runSync({ HUB_URL: t.url, HUB_KEY: 'mh_key_wrong' }, state)
      expect(refused.code).toBe(1)
      expect(refused.output).toContain('ChangesSince: the hub answered 401 with UNAUTHENTICATED')
      expect((await runSync({}, state)).code).toBe(2)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says what the hub refused, with its codes', async () => {
    const stranger = hubClient({ url: t.url, key: 'mh_key_not-a-key' })
    const refused = await fullPull(stranger).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(HubError)
    expect((refused as HubError).codes).toEqual(['UNAUTHENTICATED'])
    expect((refused as HubError).status).toBe(401)
    expect((refused as HubError).message).toMatch(/^FeedHead: the hub answered 401 with UNAUTHENTICATED: /)

    // A key for hospitals only may not follow care facilities.
    const health = await ok(
      t,
      'admin',
      `mutation { createApiKey(input: { name: "卫健委客户端", scopes: ["read:Hospital"] }) { secret } }`,
    )
    const narrow = hubClient({ url: t.url, key: health.createApiKey.secret })
    const forbidden = await fullPull(narrow).catch((error: unknown) => error)
    expect((forbidden as HubError).codes).toEqual(['FORBIDDEN'])
    expect((forbidden as HubError).message).toContain('CareFacility')

    const nowhere = hubClient({ url: `${t.hub.url}/no-such-path`, key: secretOf(key) })
    await expect(fullPull(nowhere)).rejects.toThrow(HubError)
  })
})

/** The example's operations, as the partner hands them to the admin. */
const OPERATIONS = readFileSync(path.join(EXAMPLE, 'src/operations.graphql'), 'utf8')
const REGISTER = `mutation ($id: ID!, $document: String!) {
  registerTrustedOperations(apiKeyId: $id, document: $document) { name hash document }
}`

/** A key with the same scopes as partnerKey's, bound by the admin to the operations of `document`. */
async function boundKey(t: TestHub, document: string) {
  const created = await ok(
    t,
    'admin',
    `mutation ($name: String!) { createApiKey(input: { name: $name, scopes: ["read", "restricted"] }) { secret apiKey { id } } }`,
    { name: `受信客户端 ${Math.random()}` },
  )
  const registered = (await ok(t, 'admin', REGISTER, { id: created.createApiKey.apiKey.id, document }))
    .registerTrustedOperations as { name: string; hash: string; document: string }[]
  return { secret: created.createApiKey.secret as string, registered }
}

const codesOf = (error: unknown) => (error instanceof HubError ? error.codes : [String(error)])

describe('for a key bound to trusted operations (REVIEW=off)', () => {
  let t: TestHub
  let refs: SeededRefs
  let key: Caller
  beforeAll(async () => {
    ;({ t, refs, key } = await startPublishingSuite())
  })
  afterAll(() => t?.close())

  it('computes the hashes the hub stores for the example’s operations.graphql', async () => {
    const { registered } = await boundKey(t, OPERATIONS)
    const fromFile = canonicalOperations(parse(OPERATIONS))
    expect(fromFile.map((op) => op.name)).toEqual(['FeedHead', 'HospitalsPage', 'CareFacilitiesPage', 'ChangesSince'])
    expect(registered).toEqual(fromFile.map((op) => ({ name: op.name, hash: op.sha256Hash, document: op.text })))
    // What the client sends is the hash of each generated document, which must be the same.
    const generated = [FeedHeadDocument, HospitalsPageDocument, CareFacilitiesPageDocument, ChangesSinceDocument]
    expect(generated.map((document) => operationHash(document))).toEqual(registered.map((op) => op.hash))
  })

  it('agrees with the hub on fragments that use fragments, declared in any order', async () => {
    const nested = `
      fragment Division on Division { id }
      fragment Beds on Hospital { openBeds division { ...Division } }
      query Nested { hospitals(first: 1) { nodes { ...Names division { ...Division } } } }
      fragment Names on Hospital { id nameZh ...Beds }
      query Plain { schools(first: 1) { totalCount } }`
    const { registered } = await boundKey(t, nested)
    const ours = canonicalOperations(parse(nested))
    expect(registered).toEqual(ours.map((op) => ({ name: op.name, hash: op.sha256Hash, document: op.text })))
    // Depth-first order of first use: Names, then Beds (inside Names), then Division (inside Beds).
    const order = [...(ours[0]?.text ?? '').matchAll(/fragment (\w+)/g)].map((match) => match[1])
    expect(order).toEqual(['Names', 'Beds', 'Division'])
  })

  it('pulls everything and then the changes by hash only, and the replica equals the hub', async () => {
    const { secret } = await boundKey(t, OPERATIONS)
    const sent: unknown[] = []
    const recording: typeof fetch = (input, init) => {
      sent.push(JSON.parse(String(init?.body)))
      return fetch(input, init)
    }
    const client = hubClient({ url: t.url, key: secret, trusted: true, fetch: recording })
    const replica = await fullPull(client, 3)
    expect(Object.keys(replica.hospitals).length).toBeGreaterThan(0)
    expect(Object.keys(replica.careFacilities).length).toBeGreaterThan(0)
    const h = (await ok(t, 'editor', CREATE_HOSPITAL, { input: hospital(refs, '受信客户端医院') })).createHospital
    await ok(t, 'editor', UPDATE_HOSPITAL, { ...h, input: { openBeds: 55 } })
    const c = (await ok(t, 'editor', CREATE_CARE, { input: careFacility(refs, '受信客户端食堂') })).createCareFacility
    await ok(t, 'editor', DELETE_CARE, c)
    expect(await pullChanges(client, replica, { pageSize: 2 })).toBe(4)
    expect(replica.hospitals[h.id]).toMatchObject({ openBeds: 55, version: 2 })
    expect(replica.careFacilities[c.id]).toBeUndefined()
    // The hub as an unbound key (same scopes) reads it with the operations' text.
    await expectEqualToHub(replica, await fullPull(hubClient({ url: t.url, key: secretOf(key) })))
    // Every request carried a hash and variables, never a text.
    expect(sent.length).toBeGreaterThan(4)
    for (const body of sent) {
      expect(Object.keys(body as object).sort()).toEqual(['extensions', 'variables'])
      expect(body).toMatchObject({ extensions: { persistedQuery: { version: 1, sha256Hash: expect.any(String) } } })
    }

    // The same key sending text, even of a registered operation, is refused.
    const asText = await fullPull(hubClient({ url: t.url, key: secret })).catch((error: unknown) => error)
    expect(codesOf(asText)).toEqual(['TRUSTED_OPERATIONS_ONLY'])
    expect((asText as HubError).status).toBe(403)
  })

  it('runs exactly the three operations its key is bound to', async () => {
    // operations.graphql holds four: the key gets three of them (CareFacilitiesPage left out), with
    // the fragments they use.
    const parsed = parse(OPERATIONS)
    const three = print({
      ...parsed,
      definitions: parsed.definitions.filter(
        (d) => !(d.kind === Kind.OPERATION_DEFINITION && d.name?.value === 'CareFacilitiesPage'),
      ),
    })
    const { secret, registered } = await boundKey(t, three)
    expect(registered.map((op) => op.name)).toEqual(['FeedHead', 'HospitalsPage', 'ChangesSince'])
    // An operation's hash does not depend on what else the registered file holds.
    expect(registered.map((op) => op.hash)).toEqual(
      [FeedHeadDocument, HospitalsPageDocument, ChangesSinceDocument].map((document) => operationHash(document)),
    )
    const client = hubClient({ url: t.url, key: secret, trusted: true })
    const { changes: head } = await client.request(FeedHeadDocument)
    expect(head.headCursor).toEqual(expect.any(String))
    const { hospitals } = await client.request(HospitalsPageDocument, { first: 2 })
    expect(hospitals.nodes).toHaveLength(2)
    const { changes } = await client.request(ChangesSinceDocument, { after: null, first: 5 })
    expect(changes.edges.length).toBeGreaterThan(0)

    // The fourth, not registered for this key, by hash or as text.
    const fourth = await client.request(CareFacilitiesPageDocument, { first: 2 }).catch((error: unknown) => error)
    expect(codesOf(fourth)).toEqual(['PERSISTED_QUERY_NOT_FOUND'])
    const text = await hubClient({ url: t.url, key: secret })
      .request(CareFacilitiesPageDocument, { first: 2 })
      .catch((error: unknown) => error)
    expect(codesOf(text)).toEqual(['TRUSTED_OPERATIONS_ONLY'])
    expect(await fullPull(client).catch(codesOf)).toEqual(['PERSISTED_QUERY_NOT_FOUND'])
  })

  it('runs as the nightly job with --trusted or HUB_TRUSTED=1', async () => {
    const { secret } = await boundKey(t, OPERATIONS)
    const dir = mkdtempSync(path.join(tmpdir(), 'partner-sync-trusted-'))
    try {
      const state = path.join(dir, 'replica.json')
      const env = { HUB_URL: t.url, HUB_KEY: secret }
      const refused = await runSync(env, state)
      expect(refused.code).toBe(1)
      expect(refused.output).toContain('FeedHead: the hub answered 403 with TRUSTED_OPERATIONS_ONLY')
      const first = await runSync(env, state, ['--trusted'])
      expect(first, first.output).toMatchObject({ code: 0 })
      expect(first.output).toMatch(/^Full pull: \d+ hospitals, \d+ care facilities in /)
      await ok(t, 'editor', CREATE_HOSPITAL, { input: hospital(refs, '受信夜间医院') })
      const second = await runSync({ ...env, HUB_TRUSTED: '1' }, state)
      expect(second, second.output).toMatchObject({ code: 0 })
      expect(second.output).toMatch(/^Applied 1 changes: /)
      const replica = JSON.parse(readFileSync(state, 'utf8')) as Replica
      await expectEqualToHub(replica, await fullPull(hubClient({ url: t.url, key: secretOf(key) })))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('with review before publication (REVIEW=on)', () => {
  let t: TestHub
  let refs: SeededRefs
  let key: Caller
  beforeAll(async () => {
    ;({ t, refs, key } = await startReviewSuite())
  })
  afterAll(() => t?.close())

  it('receives a change only once it is approved', async () => {
    const client = hubClient({ url: t.url, key: secretOf(key) })
    const replica = await fullPull(client)
    const h = (await ok(t, 'editor', CREATE_HOSPITAL, { input: hospital(refs, '客户端待审医院') })).createHospital
    const c = (await ok(t, 'editor', CREATE_CARE, { input: careFacility(refs, '客户端待审食堂') })).createCareFacility
    expect(await pullChanges(client, replica)).toBe(0)
    expect(replica.hospitals[h.id]).toBeUndefined()

    await approveRecord(t, 'reviewer', h.id)
    expect(await pullChanges(client, replica)).toBe(1)
    expect(replica.hospitals[h.id]).toMatchObject({ nameZh: '客户端待审医院', version: 1 })
    expect(replica.careFacilities[c.id]).toBeUndefined()

    // A change to the approved hospital waits too; the care facility's set is still open.
    const changed = (await ok(t, 'editor', UPDATE_HOSPITAL, { ...h, input: { openBeds: 12 } })).updateHospital
    expect(await pullChanges(client, replica)).toBe(0)
    await approveRecord(t, 'reviewer', changed.id)
    expect((await setHolding(t, c.id)).status).toBe('PENDING')
    expect(await pullChanges(client, replica)).toBe(1)
    expect(replica.hospitals[h.id]).toMatchObject({ openBeds: 12, version: 2 })
    await expectEqualToHub(replica, await fullPull(client))
  })
})
