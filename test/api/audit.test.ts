// The audit trail: one event per successful change, written in the change's own transaction, with
// who, which request, what changed and why; append-only in the database; the history of a record,
// restoring an earlier version, the trash and purge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Caller, type GraphQLResponse, startTestHub, type TestHub } from '../setup/hub.ts'
import { OPERATORS } from '../setup/operators.ts'
import { scenarioOf } from './scenarios/records.ts'
import { onlyError, type SeededRefs, seededRefs } from './support.ts'

let t: TestHub
let refs: SeededRefs
beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
})
afterAll(() => t?.close())

/** A GraphQL request as `caller`, with the response's X-Request-Id. */
async function send(caller: Caller, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...t.headersOf(caller) },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as GraphQLResponse
  return { ...body, requestId: response.headers.get('x-request-id') }
}

async function ok(caller: Caller, query: string, variables: Record<string, unknown> = {}) {
  const result = await send(caller, query, variables)
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined()
  return result as typeof result & { data: Record<string, any> }
}

const prisma = () => t.hub.database.prisma
const rowIdOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1])
const eventsOf = (typename: string, globalId: string) =>
  prisma().auditEvent.findMany({ where: { recordType: typename, recordId: rowIdOf(globalId) }, orderBy: { id: 'asc' } })

/** What the database said when it refused a statement (or that it did not). */
async function databaseRefusal(sql: string) {
  try {
    await prisma().$executeRawUnsafe(sql)
    return 'not refused'
  } catch (error) {
    const cause = (error as { meta?: { driverAdapterError?: { cause?: { code?: string; message?: string } } } }).meta
      ?.driverAdapterError?.cause
    return { code: cause?.code, message: cause?.message }
  }
}

const hospital = (nameZh: string) => ({ ...scenarioOf('Hospital').create(refs), nameZh })
const CREATE_HOSPITAL = `mutation ($input: HospitalCreateInput!, $reason: String) {
  createHospital(input: $input, reason: $reason) { id version }
}`
const UPDATE_HOSPITAL = `mutation ($id: ID!, $version: Int!, $input: HospitalUpdateInput!, $reason: String) {
  updateHospital(id: $id, version: $version, input: $input, reason: $reason) { id version updatedAt }
}`
const DELETE_HOSPITAL = `mutation ($id: ID!, $version: Int!, $reason: String) {
  deleteHospital(id: $id, version: $version, reason: $reason) { id version }
}`
const RESTORE_HOSPITAL = `mutation ($id: ID!, $version: Int!, $toVersion: Int, $reason: String) {
  restoreHospital(id: $id, version: $version, toVersion: $toVersion, reason: $reason) {
    id version openBeds nameEn deletedAt
  }
}`
const HISTORY = `query ($id: ID!) {
  node(id: $id) { ... on Hospital { history { action version actorName changes reason } } }
}`

async function newHospital(nameZh: string, caller: Caller = 'editor') {
  return (await ok(caller, CREATE_HOSPITAL, { input: hospital(nameZh) })).data.createHospital.id as string
}

describe('audit events', () => {
  it('are written for successful changes only, one each, in order', async () => {
    const last = (await prisma().auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0
    const before = await prisma().auditEvent.count()
    const expectCode = (result: GraphQLResponse, code: string) => expect(onlyError(result).extensions?.code).toBe(code)

    const id = await newHospital('审计计数医院')
    await ok('editor', UPDATE_HOSPITAL, { id, version: 1, input: { openBeds: 700 } })
    expectCode(await send('editor', UPDATE_HOSPITAL, { id, version: 2, input: { openBeds: -1 } }), 'BAD_USER_INPUT')
    expectCode(await send('editor', UPDATE_HOSPITAL, { id, version: 1, input: { openBeds: 1 } }), 'CONFLICT')
    expectCode(await send('viewer', UPDATE_HOSPITAL, { id, version: 2, input: { openBeds: 1 } }), 'FORBIDDEN')
    expectCode(
      await send('editor', `mutation ($id: ID!) { deleteSettlement(id: $id, version: 1) { id } }`, {
        id: refs.maojiawan,
      }),
      'HAS_DEPENDENTS',
    )
    expectCode(
      await send(
        'editor',
        `mutation ($id: ID!) { updateDivision(id: $id, version: 1, input: { code: "530621" }) { id } }`,
        {
          id: refs.zhenxiong,
        },
      ),
      'ALREADY_EXISTS',
    )
    await ok('editor', DELETE_HOSPITAL, { id, version: 2 })
    expectCode(await send('editor', DELETE_HOSPITAL, { id, version: 3 }), 'NOT_FOUND')
    await ok('editor', RESTORE_HOSPITAL, { id, version: 3 })

    expect(await prisma().auditEvent.count()).toBe(before + 4)
    const written = await prisma().auditEvent.findMany({ where: { id: { gt: last } }, orderBy: { id: 'asc' } })
    expect(written.map((e) => [e.recordType, e.recordId, e.action, e.version])).toEqual([
      ['Hospital', rowIdOf(id), 'CREATE', 1],
      ['Hospital', rowIdOf(id), 'UPDATE', 2],
      ['Hospital', rowIdOf(id), 'DELETE', 3],
      ['Hospital', rowIdOf(id), 'RESTORE', 4],
    ])
  })

  it('name the actor, the request, the changed fields before and after, and the reason as typed', async () => {
    const created = await ok('editor', CREATE_HOSPITAL, {
      input: hospital('审计内容医院'),
      reason: '新建：据卫健委名单',
    })
    const id = created.data.createHospital.id
    const reason = '床位数按 2024 年统计公报更正'
    const updated = await ok('editor', UPDATE_HOSPITAL, {
      id,
      version: 1,
      input: { openBeds: 720, grade: '三级乙等' },
      reason,
    })
    const [create, update] = await eventsOf('Hospital', id)
    expect(create).toMatchObject({
      action: 'CREATE',
      actorKind: 'USER',
      actorName: OPERATORS.editor.username,
      requestId: created.requestId,
      reason: '新建：据卫健委名单',
      version: 1,
    })
    expect(create?.changes).toMatchObject({
      nameZh: { before: null, after: '审计内容医院' },
      openBeds: { before: null, after: 650 },
    })
    expect(update).toMatchObject({
      action: 'UPDATE',
      actorName: OPERATORS.editor.username,
      requestId: updated.requestId,
      reason,
      version: 2,
      changes: { openBeds: { before: 650, after: 720 }, grade: { before: '二级甲等', after: '三级乙等' } },
    })
    expect(updated.requestId).toMatch(/^[\w.:-]+$/)
    expect(updated.requestId).not.toBe(created.requestId)
    // The snapshot is the record after the change.
    expect(update?.snapshot).toMatchObject({
      openBeds: 720,
      grade: '三级乙等',
      nameZh: '审计内容医院',
      deletedAt: null,
    })
  })

  it('record the request id the caller chose', async () => {
    const id = await newHospital('审计请求号医院')
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'partner-batch-42', ...t.headersOf('editor') },
      body: JSON.stringify({ query: UPDATE_HOSPITAL, variables: { id, version: 1, input: { openBeds: 1 } } }),
    })
    expect(response.headers.get('x-request-id')).toBe('partner-batch-42')
    expect((await eventsOf('Hospital', id)).at(-1)?.requestId).toBe('partner-batch-42')
  })

  it('are not left behind by a change rolled back inside its transaction', async () => {
    // The division is written first, then its new parent is found to lie beneath it: all rolled back.
    const town = await ok(
      'editor',
      `mutation ($parent: ID!) { createDivision(input: { nameZh: "审计回滚镇", level: TOWNSHIP, parentId: $parent }) { id } }`,
      { parent: refs.zhenxiong },
    )
    const count = await prisma().auditEvent.count()
    const moved = await send(
      'editor',
      `mutation ($id: ID!, $parent: ID!) { updateDivision(id: $id, version: 1, input: { parentId: $parent }) { id } }`,
      { id: refs.zhenxiong, parent: town.data.createDivision.id },
    )
    expect(onlyError(moved).extensions?.code).toBe('BAD_USER_INPUT')
    // A database constraint (a code in use) refused inside the transaction.
    const duplicate = await send(
      'editor',
      `mutation ($id: ID!) { updateDivision(id: $id, version: 1, input: { code: "530621", nameEn: "x" }) { id } }`,
      { id: refs.zhenxiong },
    )
    expect(onlyError(duplicate).extensions?.code).toBe('ALREADY_EXISTS')
    expect(await prisma().auditEvent.count()).toBe(count)
    const zhenxiong = await prisma().division.findUniqueOrThrow({ where: { id: rowIdOf(refs.zhenxiong) } })
    expect(zhenxiong).toMatchObject({ version: 1, code: '530627', nameEn: expect.not.stringMatching(/^x$/) })
    // Only the seed's own event: version 1, as the hub seeded it.
    expect((await eventsOf('Division', refs.zhenxiong)).map((event) => [event.action, event.actorKind])).toEqual([
      ['CREATE', 'SYSTEM'],
    ])
  })

  it('start with the seeded state as version 1, so the first edit can be undone', async () => {
    const { hospitals } = await t.data(
      '{ hospitals(search: "滇东北中心医院") { nodes { id version plannedBeds history { action version actorKind actorName changes } } } }',
    )
    const seeded = hospitals.nodes[0]
    expect(seeded.version).toBe(1)
    expect(seeded.history).toEqual([
      {
        action: 'CREATE',
        version: 1,
        actorKind: 'SYSTEM',
        actorName: 'seed',
        changes: expect.objectContaining({ plannedBeds: { before: null, after: seeded.plannedBeds } }),
      },
    ])
    await ok(
      'editor',
      'mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { plannedBeds: 4800 }) { version } }',
      { id: seeded.id },
    )
    const restored = await ok(
      'editor',
      'mutation ($id: ID!) { restoreHospital(id: $id, version: 2, toVersion: 1) { version plannedBeds } }',
      { id: seeded.id },
    )
    expect(restored.data.restoreHospital).toEqual({ version: 3, plannedBeds: seeded.plannedBeds })
  })

  it('cannot be changed or deleted, even by the hub’s own database user', async () => {
    await newHospital('审计只增医院')
    const count = await prisma().auditEvent.count()
    for (const sql of [
      `UPDATE "AuditEvent" SET "reason" = 'rewritten'`,
      `UPDATE "AuditEvent" SET "actorName" = 'someone else' WHERE "id" = (SELECT max("id") FROM "AuditEvent")`,
      `DELETE FROM "AuditEvent"`,
      `DELETE FROM "AuditEvent" WHERE "id" = (SELECT max("id") FROM "AuditEvent")`,
      `TRUNCATE "AuditEvent"`,
    ]) {
      expect(await databaseRefusal(sql), sql).toEqual({
        code: '42501', // insufficient_privilege
        message: 'AuditEvent rows cannot be changed or deleted',
      })
    }
    expect(await prisma().auditEvent.count()).toBe(count)
    expect(await prisma().auditEvent.count({ where: { reason: 'rewritten' } })).toBe(0)
  })
})

describe('the history of a record', () => {
  let id: string

  beforeAll(async () => {
    id = await newHospital('审计历史医院')
    await ok('editor', UPDATE_HOSPITAL, { id, version: 1, input: { openBeds: 700 }, reason: '扩建' })
    await ok('admin', UPDATE_HOSPITAL, { id, version: 2, input: { nameEn: 'Renamed' } })
  })

  it('lists its events newest first, with who and what', async () => {
    const data = await ok('viewer', HISTORY, { id })
    expect(data.data.node.history).toEqual([
      {
        action: 'UPDATE',
        version: 3,
        actorName: OPERATORS.admin.username,
        changes: { nameEn: { before: scenarioOf('Hospital').create(refs).nameEn, after: 'Renamed' } },
        reason: null,
      },
      {
        action: 'UPDATE',
        version: 2,
        actorName: OPERATORS.editor.username,
        changes: { openBeds: { before: 650, after: 700 } },
        reason: '扩建',
      },
      expect.objectContaining({ action: 'CREATE', version: 1, actorName: OPERATORS.editor.username }),
    ])
  })

  it('is kept through the trash and back', async () => {
    await ok('editor', DELETE_HOSPITAL, { id, version: 3, reason: '重复录入' })
    const restored = await ok('editor', RESTORE_HOSPITAL, { id, version: 4, reason: '并非重复' })
    expect(restored.data.restoreHospital).toMatchObject({ version: 5, deletedAt: null })
    const { history } = (await ok('editor', HISTORY, { id })).data.node
    expect(history.map((e: { action: string; version: number }) => [e.action, e.version])).toEqual([
      ['RESTORE', 5],
      ['DELETE', 4],
      ['UPDATE', 3],
      ['UPDATE', 2],
      ['CREATE', 1],
    ])
    expect(history[1]).toMatchObject({ reason: '重复录入', actorName: OPERATORS.editor.username })
    expect(history[0]).toMatchObject({ reason: '并非重复' })
    // The snapshots say when it was in the trash.
    const [restore, remove] = await prisma().auditEvent.findMany({
      where: { recordType: 'Hospital', recordId: rowIdOf(id) },
      orderBy: { id: 'desc' },
      take: 2,
    })
    expect(remove?.snapshot).toMatchObject({ deletedAt: expect.any(String) })
    expect(restore?.snapshot).toMatchObject({ deletedAt: null })
  })

  it('can be gone back to: restore(toVersion:) returns the fields of an earlier version', async () => {
    const original = scenarioOf('Hospital').create(refs)
    const result = await ok('editor', RESTORE_HOSPITAL, { id, version: 5, toVersion: 1, reason: '回到初始数据' })
    expect(result.data.restoreHospital).toEqual({
      id,
      version: 6,
      openBeds: original.openBeds,
      nameEn: original.nameEn,
      deletedAt: null,
    })
    const [latest] = (await ok('editor', HISTORY, { id })).data.node.history
    expect(latest).toMatchObject({
      action: 'RESTORE',
      version: 6,
      reason: '回到初始数据',
      changes: {
        openBeds: { before: 700, after: original.openBeds },
        nameEn: { before: 'Renamed', after: original.nameEn },
      },
    })
  })

  it('refuses a version that is not in the history', async () => {
    const result = await send('editor', RESTORE_HOSPITAL, { id, version: 6, toVersion: 99 })
    expect(onlyError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'toVersion' }],
    })
  })

  it('is not shown to partner keys', async () => {
    const key = await ok(
      'admin',
      `mutation { createApiKey(input: { name: "history", scopes: ["read", "restricted"] }) { secret } }`,
    )
    const result = await send({ bearer: key.data.createApiKey.secret }, HISTORY, { id })
    expect(result).toMatchObject({ data: { node: { history: [] } } })
    expect(result.errors).toBeUndefined()
  })
})

describe('a stale version', () => {
  it('is refused with CONFLICT naming the current version, who changed it and when', async () => {
    const id = await newHospital('审计冲突医院', 'admin')
    const changed = await ok('editor', UPDATE_HOSPITAL, { id, version: 1, input: { openBeds: 701 } })
    const result = await send('admin', UPDATE_HOSPITAL, { id, version: 1, input: { openBeds: 702 } })
    const error = onlyError(result)
    expect(error.extensions).toEqual({
      code: 'CONFLICT',
      id,
      expectedVersion: 1,
      currentVersion: 2,
      changedBy: OPERATORS.editor.username,
      changedAt: changed.data.updateHospital.updatedAt,
      // Every error names its request (test/api/operations.test.ts checks it matches X-Request-Id).
      requestId: expect.any(String),
    })
    expect(error.message).toContain(OPERATORS.editor.username)
  })
})

describe('auditEvents', () => {
  let id: string
  let otherId: string
  let start: string

  beforeAll(async () => {
    id = await newHospital('审计查询医院')
    // The moment of this block's first event: every event before it belongs to other tests.
    const [created] = await eventsOf('Hospital', id)
    if (!created) throw new Error('no CREATE event')
    start = created.at.toISOString()
    await ok('admin', UPDATE_HOSPITAL, { id, version: 1, input: { openBeds: 10 } })
    await ok('editor', UPDATE_HOSPITAL, { id, version: 2, input: { openBeds: 11 } })
    otherId = await newHospital('审计查询医院二')
  })

  const EVENTS = `query ($recordType: RecordType, $recordId: ID, $actorName: String, $from: DateTime, $to: DateTime) {
    auditEvents(recordType: $recordType, recordId: $recordId, actorName: $actorName, from: $from, to: $to, first: 50) {
      totalCount nodes { id at action actorName recordId recordType version }
    }
  }`
  const events = async (filters: Record<string, unknown>) => (await ok('admin', EVENTS, filters)).data.auditEvents

  it('filters by record, newest first', async () => {
    const found = await events({ recordId: id })
    expect(found.totalCount).toBe(3)
    expect(found.nodes.map((e: { action: string; version: number }) => [e.action, e.version])).toEqual([
      ['UPDATE', 3],
      ['UPDATE', 2],
      ['CREATE', 1],
    ])
    expect(new Set(found.nodes.map((e: { recordId: string }) => e.recordId))).toEqual(new Set([id]))
  })

  it('filters by actor', async () => {
    const byAdmin = await events({ recordId: id, actorName: OPERATORS.admin.username })
    expect(byAdmin.nodes.map((e: { version: number }) => e.version)).toEqual([2])
    const byEditor = await events({ recordId: id, actorName: OPERATORS.editor.username })
    expect(byEditor.nodes.map((e: { version: number }) => e.version)).toEqual([3, 1])
  })

  it('filters by type and time', async () => {
    const since = await events({ recordType: 'Hospital', from: start })
    expect(since.nodes.map((e: { recordId: string }) => e.recordId)).toEqual([otherId, id, id, id])
    expect(await events({ recordType: 'Settlement', from: start })).toEqual({ totalCount: 0, nodes: [] })
    const all = await events({ recordId: id })
    const firstAt = all.nodes.at(-1).at
    // `from` is inclusive, `to` exclusive.
    expect((await events({ recordId: id, to: firstAt })).totalCount).toBe(0)
    expect((await events({ recordId: id, from: firstAt })).totalCount).toBe(3)
    expect(
      (await events({ recordType: 'Hospital', to: start, from: '2000-01-01T00:00:00Z' })).nodes.map(
        (e: { recordId: string }) => e.recordId,
      ),
    ).not.toContain(id)
  })

  it.each(['editor', 'viewer'] as const)('is refused to %s (FORBIDDEN)', async (caller) => {
    const result = await send(caller, EVENTS, { recordId: id })
    expect(onlyError(result).extensions?.code).toBe('FORBIDDEN')
    expect(result.data).toBeNull()
  })
})

describe('the trash and purge', () => {
  let id: string

  beforeAll(async () => {
    id = await newHospital('审计回收站医院')
    await ok('editor', DELETE_HOSPITAL, { id, version: 1, reason: '停业' })
  })

  const TRASH = `{ trash(recordType: Hospital, first: 200) { id recordId recordType nameZh version deletedAt deletedBy } }`

  it('lists deleted records to editors, with who deleted them', async () => {
    const { trash } = (await ok('editor', TRASH)).data
    const item = trash.find((entry: { recordId: string }) => entry.recordId === id)
    expect(item).toMatchObject({
      recordType: 'Hospital',
      nameZh: '审计回收站医院',
      version: 2,
      deletedBy: OPERATORS.editor.username,
    })
    // Most recently deleted first.
    expect(trash[0].recordId).toBe(id)
    expect(onlyError(await send('viewer', TRASH)).extensions?.code).toBe('FORBIDDEN')
  })

  it("gives each entry an ID of its own, never the record's: clients cache objects by ID", async () => {
    const { trash } = (await ok('editor', TRASH)).data
    const entry = trash.find((e: { recordId: string }) => e.recordId === id)
    expect(entry.id).not.toBe(id)
    expect(Buffer.from(entry.id, 'base64').toString()).toMatch(/^TrashItem:/)
    expect(new Set(trash.map((e: { id: string }) => e.id)).size).toBe(trash.length)
  })

  it('finds who deleted each entry in one query for the page, not one per entry', async () => {
    for (const name of ['审计回收站甲', '审计回收站乙', '审计回收站丙']) {
      await ok('editor', DELETE_HOSPITAL, { id: await newHospital(name), version: 1, reason: '测试' })
    }
    const few = await t.countStatements(() => ok('editor', `{ trash(recordType: Hospital, first: 1) { deletedBy } }`))
    const many = await t.countStatements(() => ok('editor', TRASH))
    expect(many).toBe(few)
  })

  it('is purged by admins only, and the history stays', async () => {
    const purge = `mutation ($id: ID!) { purgeHospital(id: $id, version: 2, reason: "确认停业") }`
    expect(onlyError(await send('editor', purge, { id })).extensions?.code).toBe('FORBIDDEN')
    expect((await eventsOf('Hospital', id)).map((e) => e.action)).toEqual(['CREATE', 'DELETE'])
    expect((await ok('admin', purge, { id })).data.purgeHospital).toBe(true)
    expect(await prisma().hospital.findUnique({ where: { id: rowIdOf(id) } })).toBeNull()
    const trash = (await ok('editor', TRASH)).data.trash
    expect(trash.map((entry: { recordId: string }) => entry.recordId)).not.toContain(id)
    const kept = await eventsOf('Hospital', id)
    expect(kept.map((e) => [e.action, e.actorName])).toEqual([
      ['CREATE', OPERATORS.editor.username],
      ['DELETE', OPERATORS.editor.username],
      ['PURGE', OPERATORS.admin.username],
    ])
    expect(kept.at(-1)).toMatchObject({ reason: '确认停业', version: 2 })
    const listed = await ok('admin', `query ($id: ID!) { auditEvents(recordId: $id) { totalCount } }`, { id })
    expect(listed.data.auditEvents.totalCount).toBe(3)
  })

  it('refuses a stale version (CONFLICT) and a record not in the trash (NOT_FOUND)', async () => {
    const live = await newHospital('审计清除医院')
    const purge = `mutation ($id: ID!, $version: Int!) { purgeHospital(id: $id, version: $version) }`
    expect(onlyError(await send('admin', purge, { id: live, version: 1 })).extensions?.code).toBe('NOT_FOUND')
    await ok('editor', DELETE_HOSPITAL, { id: live, version: 1 })
    expect(onlyError(await send('admin', purge, { id: live, version: 1 })).extensions?.code).toBe('CONFLICT')
    expect(await prisma().hospital.findUnique({ where: { id: rowIdOf(live) } })).not.toBeNull()
  })
})
