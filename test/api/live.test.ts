// recordChanged: committed changes reach subscribers over real SSE, filtered by type and division,
// authorised like queries; nothing is announced for a change that did not commit.
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHubYoga } from '../../server/src/yoga.ts'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import { OPERATORS } from '../setup/operators.ts'
import { subscribe } from '../setup/sse.ts'
import { scenarioOf } from './scenarios/records.ts'
import { onlyError, type SeededRefs, seededRefs } from './support.ts'

let t: TestHub
let refs: SeededRefs
beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
})
afterAll(() => t?.close())

const RECORD_CHANGED = `subscription ($types: [RecordType!], $divisionId: ID) {
  recordChanged(types: $types, divisionId: $divisionId) {
    recordType recordId action version divisionId at who requestId
    record { id ... on School { nameZh seats } ... on Hospital { nameZh } ... on Division { nameZh } }
  }
}`

const subscribeAs = (caller: Parameters<TestHub['headersOf']>[0], variables: Record<string, unknown> = {}) =>
  subscribe(t.url, RECORD_CHANGED, variables, t.headersOf(caller))

const schoolIn = (divisionId: string, nameZh: string) => ({
  nameZh,
  stage: 'PRIMARY',
  divisionId,
  seats: 300,
  openedOn: '2021-09-01',
})

async function createSchool(divisionId: string, nameZh: string) {
  const data = await t.data(`mutation ($input: SchoolCreateInput!) { createSchool(input: $input) { id version } }`, {
    input: schoolIn(divisionId, nameZh),
  })
  return data.createSchool as { id: string; version: number }
}

async function createHospital(nameZh: string) {
  const data = await t.data(`mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`, {
    input: { ...scenarioOf('Hospital').create(refs), nameZh },
  })
  return data.createHospital.id as string
}

describe('recordChanged over SSE', () => {
  it('announces a create, an update and a delete with the record read fresh', async () => {
    const events = await subscribeAs('viewer')
    expect(events.status).toBe(200)
    const school = await createSchool(refs.ludian, '直播测试小学')
    const created = (await events.next()).data?.recordChanged
    expect(created).toMatchObject({
      recordType: 'School',
      recordId: school.id,
      action: 'CREATE',
      version: 1,
      divisionId: refs.ludian,
      who: OPERATORS.admin.username,
      record: { id: school.id, nameZh: '直播测试小学', seats: 300 },
    })
    expect(Date.parse(created.at)).toBeGreaterThan(Date.now() - 60_000)

    await t.data(`mutation ($id: ID!) { updateSchool(id: $id, version: 1, input: { seats: 450 }) { version } }`, {
      id: school.id,
    })
    expect((await events.next()).data?.recordChanged).toMatchObject({
      action: 'UPDATE',
      version: 2,
      record: { seats: 450 },
    })

    await t.data(`mutation ($id: ID!) { deleteSchool(id: $id, version: 2) { id } }`, { id: school.id })
    expect((await events.next()).data?.recordChanged).toMatchObject({
      action: 'DELETE',
      version: 3,
      recordId: school.id,
      record: null,
    })
    events.close()
  })

  it('names the request that made the change, so a console can recognise its own saves', async () => {
    const events = await subscribeAs('editor')
    await t.gql(
      `mutation ($input: SchoolCreateInput!) { createSchool(input: $input) { id } }`,
      { input: schoolIn(refs.ludian, '请求编号小学') },
      { 'x-request-id': 'console-save-42' },
    )
    expect((await events.next()).data?.recordChanged.requestId).toBe('console-save-42')
    events.close()
  })

  it('delivers only the types asked for', async () => {
    const events = await subscribeAs('admin', { types: ['Hospital'] })
    await createSchool(refs.ludian, '类型过滤小学')
    const hospital = await createHospital('类型过滤医院')
    expect((await events.next()).data?.recordChanged).toMatchObject({
      recordType: 'Hospital',
      recordId: hospital,
      record: { nameZh: '类型过滤医院' },
    })
    events.close()
  })

  it('delivers changes within a division and beneath it, not outside', async () => {
    const events = await subscribeAs('admin', { divisionId: refs.zhenxiong })
    await createSchool(refs.ludian, '鲁甸县外部小学')
    const town = await t.data(
      `mutation ($parent: ID!) { createDivision(input: { nameZh: "直播测试镇", level: TOWNSHIP, code: "530627977", parentId: $parent }) { id } }`,
      { parent: refs.zhenxiong },
    )
    const townId = town.createDivision.id as string
    const inTown = await createSchool(townId, '镇下小学')
    // The new town is itself within 镇雄县, and so is the school two levels down.
    expect((await events.next()).data?.recordChanged).toMatchObject({ recordType: 'Division', recordId: townId })
    expect((await events.next()).data?.recordChanged).toMatchObject({
      recordType: 'School',
      recordId: inTown.id,
      divisionId: townId,
    })
    // The school in 鲁甸县 came first and was never delivered.
    await expect(events.next(500)).rejects.toThrow(/No event/)
    events.close()
  })

  it('announces nothing for a refused change or an import dry run', async () => {
    const events = await subscribeAs('admin', { types: ['School'] })
    const school = await createSchool(refs.ludian, '失败变更小学')
    expect((await events.next()).data?.recordChanged.action).toBe('CREATE')

    const stale = await t.gql(`mutation ($id: ID!) { updateSchool(id: $id, version: 7, input: { seats: 1 }) { id } }`, {
      id: school.id,
    })
    expect(onlyError(stale).extensions?.code).toBe('CONFLICT')
    const invalid = await t.gql(`mutation ($input: SchoolCreateInput!) { createSchool(input: $input) { id } }`, {
      input: { ...schoolIn(refs.ludian, '负数小学'), seats: -1 },
    })
    expect(onlyError(invalid).extensions?.code).toBe('BAD_USER_INPUT')
    const dryRun = await t.data(
      `mutation ($rows: [JSON!]!) { importRecords(recordType: School, rows: $rows, dryRun: true) { created applied } }`,
      { rows: [schoolIn(refs.ludian, '试导入一'), schoolIn(refs.ludian, '试导入二')] },
    )
    expect(dryRun.importRecords).toEqual({ created: 2, applied: false })
    // An import with one bad row applies none, and announces none.
    const refused = await t.data(
      `mutation ($rows: [JSON!]!) { importRecords(recordType: School, rows: $rows, dryRun: false) { applied } }`,
      { rows: [schoolIn(refs.ludian, '好行'), { ...schoolIn(refs.ludian, '坏行'), seats: -3 }] },
    )
    expect(refused.importRecords.applied).toBe(false)

    await t.data(`mutation ($id: ID!) { updateSchool(id: $id, version: 1, input: { seats: 2 }) { id } }`, {
      id: school.id,
    })
    // The first event after the created one is the update that committed.
    expect((await events.next()).data?.recordChanged).toMatchObject({ action: 'UPDATE', version: 2 })
    events.close()
  })

  it('announces each row an import applied', async () => {
    const events = await subscribeAs('admin', { types: ['School'] })
    const report = await t.data(
      `mutation ($rows: [JSON!]!) { importRecords(recordType: School, rows: $rows, dryRun: false) { created applied } }`,
      { rows: [schoolIn(refs.zhenxiong, '导入甲'), schoolIn(refs.zhenxiong, '导入乙')] },
    )
    expect(report.importRecords).toEqual({ created: 2, applied: true })
    const names = [(await events.next()).data?.recordChanged, (await events.next()).data?.recordChanged].map(
      (change) => [change.action, change.record.nameZh],
    )
    expect(names.sort()).toEqual([
      ['CREATE', '导入乙'],
      ['CREATE', '导入甲'],
    ])
    events.close()
  })
})

describe('who may subscribe', () => {
  it('refuses an anonymous subscriber when the hub is not public', async () => {
    const events = await subscribeAs('anonymous')
    expect(onlyError(await events.next()).extensions?.code).toBe('UNAUTHENTICATED')
    await events.ended
  })

  it('gives a key only the types its scopes allow, and refuses a filter on others', async () => {
    const key = await t.data(
      `mutation { createApiKey(input: { name: "直播伙伴", scopes: ["read:Hospital"] }) { secret } }`,
    )
    const bearer = { bearer: key.createApiKey.secret as string }
    const refused = await subscribeAs(bearer, { types: ['School'] })
    expect(onlyError(await refused.next()).extensions?.code).toBe('FORBIDDEN')

    const events = await subscribeAs(bearer)
    await createSchool(refs.ludian, '伙伴看不到的小学')
    const hospital = await createHospital('伙伴能看到的医院')
    // The key reads hospitals but not who changed them (operators only).
    expect((await events.next()).data?.recordChanged).toMatchObject({
      recordId: hospital,
      who: null,
      requestId: null,
      record: { nameZh: '伙伴能看到的医院' },
    })
    events.close()
  })

  it('tells a division-scoped editor of changes outside its division, as its queries would show them', async () => {
    // Reads are not limited by division in this hub (only changes are): the stream follows the queries.
    const events = await subscribeAs('zhenxiongEditor', { types: ['School'] })
    const outside = await createSchool(refs.ludian, '辖区外小学')
    expect((await events.next()).data?.recordChanged).toMatchObject({
      recordId: outside.id,
      record: { nameZh: '辖区外小学' },
    })
    const read = await t.gqlAs('zhenxiongEditor', `query ($id: ID!) { node(id: $id) { id } }`, { id: outside.id })
    expect(read.data?.node).toEqual({ id: outside.id })
    events.close()
  })
})

describe('a public hub with a short execution timeout', () => {
  it('lets anonymous callers subscribe, hides who, and keeps the stream open past the timeout', async () => {
    const yoga = createHubYoga({
      auth: { publicRead: true, session: { idleMinutes: 30, absoluteHours: 12 } },
      hardening: { executionTimeoutMs: 300 },
    })
    const server = createServer(yoga)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`
    try {
      const events = await subscribe(url, RECORD_CHANGED, { types: ['School'] })
      await new Promise((resolve) => setTimeout(resolve, 800))
      // Still open, and kept alive by comments (every 300 ms under test, every 12 s otherwise).
      expect(events.pings()).toBeGreaterThanOrEqual(2)
      const school = await createSchool(refs.ludian, '公开小学')
      expect((await events.next()).data?.recordChanged).toMatchObject({
        recordId: school.id,
        who: null,
        record: { nameZh: '公开小学' },
      })
      events.close()
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await yoga.dispose()
    }
  })
})

describe('open streams per caller', () => {
  // Found by probing: a caller could hold any number of streams open (each charged once by the rate
  // limit, so 600 a minute from one address), each a connection, a bus listener and its checks.
  it('are capped: one more is refused with TOO_MANY_STREAMS until one of them closes or is refused', async () => {
    const capped = await startTestHub({ config: { MAX_STREAMS_PER_CALLER: 2 } })
    const as = (caller: Parameters<TestHub['headersOf']>[0], headers: Record<string, string> = {}) =>
      subscribe(capped.url, RECORD_CHANGED, {}, { ...capped.headersOf(caller), ...headers })
    try {
      /** A viewer's new stream, and the code it was refused with ('open' when it was not). */
      const viewerStream = async () => {
        const stream = await as('viewer')
        const first = await stream.next(300).catch(() => undefined)
        return { stream, code: first?.errors?.[0]?.extensions?.code ?? 'open' }
      }
      const [one, two] = [await as('viewer'), await as('viewer')]
      const refused = await as('viewer', { 'accept-language': 'zh-CN' })
      expect(refused.status).toBe(429)
      const error = onlyError(await refused.next())
      expect(error.extensions).toMatchObject({ code: 'TOO_MANY_STREAMS', limit: 2 })
      expect(error.message).toBe('同时打开的订阅已达上限（2 个）。请先关闭一个再订阅。')
      await refused.ended
      // Another caller has streams of its own.
      const editors = await as('editor')
      expect(editors.status).toBe(200)
      // A refused stream took no place; a closed one gives its place back (once the hub sees it close).
      one.close()
      let three: Awaited<ReturnType<typeof viewerStream>> | undefined
      await expect
        .poll(
          async () => {
            three = await viewerStream()
            return three.code
          },
          { timeout: 5_000 },
        )
        .toBe('open')
      expect((await viewerStream()).code).toBe('TOO_MANY_STREAMS')
      for (const open of [two, three?.stream, editors]) open?.close()

      // Streams the resolver refuses after admission (a type the key may not read) give theirs back.
      const key = await capped.data(
        `mutation { createApiKey(input: { name: "订阅上限", scopes: ["read:Hospital"] }) { secret } }`,
      )
      const bearer = { bearer: key.createApiKey.secret as string }
      for (let i = 0; i < 3; i++) {
        const forbidden = await subscribe(capped.url, RECORD_CHANGED, { types: ['School'] }, capped.headersOf(bearer))
        expect(onlyError(await forbidden.next()).extensions?.code).toBe('FORBIDDEN')
      }
      const keyStreams = [await as(bearer), await as(bearer)]
      for (const stream of keyStreams) expect(await stream.next(300).catch(() => 'open')).toBe('open')
      for (const stream of keyStreams) stream.close()
    } finally {
      await capped.close()
    }
  })
})

// Last: closes the hub.
describe('closing the hub', () => {
  it('ends open streams instead of waiting for them', async () => {
    const events = await subscribeAs('admin')
    const started = Date.now()
    await t.hub.close()
    await events.ended
    expect(Date.now() - started).toBeLessThan(3_000)
  })
})
