// A form save under review, for every record type: an editor's later saves of a record amend the
// change set their first save opened. The record as it was and the open sets holding it are read
// in one statement (records/write.ts), so what this suite pins: the record as read is the record
// as Prisma types it (an audit event lists only what the save changed), the sets are still checked
// (another editor is refused while the set is open), and the save costs no more statements than that.
import { prismaSql, workingAndPublishedSnapshots } from '@minsheng/db'
import { diffRecords, snapshotOf } from '@minsheng/server/audit'
import { allFamilies } from '@minsheng/server/records'
import { diffSnapshots } from '@minsheng/server/review-diff'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller, TestHub } from '../../setup/hub.ts'
import { matrixInput } from '../scenarios/permissions.ts'
import { recordScenarios } from '../scenarios/records.ts'
import type { SeededRefs } from '../support.ts'
import { codeOf, setHolding, startReviewSuite } from './support.ts'

let t: TestHub
let refs: SeededRefs

beforeAll(async () => {
  ;({ t, refs } = await startReviewSuite())
})
afterAll(() => t?.close())

const rowIdOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1])

/** The fields of the last audit event of a record that say they changed. */
async function lastChangedFields(typename: string, id: string) {
  const event = await t.hub.database.prisma.auditEvent.findFirstOrThrow({
    where: { recordType: typename, recordId: rowIdOf(id) },
    orderBy: { id: 'desc' },
  })
  return Object.keys(event.changes as object).sort()
}

/**
 * Statements of an amending save of one field, the session lookup included. Most types: the
 * session; one statement that locks the open sets, reads the record, updates it at the caller's
 * version and reads the snapshots review compares; the audit event with the set's change; COMMIT.
 * A division also keeps its descendants' ancestor lists in step and an indicator its series (each
 * takes the long way: the record read, updated, read again); settlements and communities have
 * quality rules across records, which read their neighbours.
 */
const STATEMENTS: Record<string, number> = {
  Division: 10,
  Settlement: 7,
  Community: 8,
  Indicator: 9,
  // A new park's supported settlements and a new facility's prices are parts never published: the
  // set's change that lists them is written as JavaScript orders them, in a statement of its own.
  IndustrialPark: 4,
  CareFacility: 4,
}
const MOST_TYPES = 3

/** Values as they come back from a Json column (numbers as numbers, whatever their scale). */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value ?? null))

/**
 * A save, and what it wrote checked against what records/audit.ts and governance/diff.ts compute
 * from the record before and after it and from its snapshots: the statement that settles a form
 * save computes them in SQL (records/update-sql.ts), the long way in JavaScript.
 */
async function savedAsTheLongWayWould(typename: string, id: string, save: () => Promise<{ errors?: unknown }>) {
  const prisma = t.hub.database.prisma as any
  const delegate = prisma[typename.charAt(0).toLowerCase() + typename.slice(1)]
  const recordId = rowIdOf(id)
  const fields = Object.keys(allFamilies().find((f) => f.typename === typename)?.fields ?? {})
  const before = await delegate.findUniqueOrThrow({ where: { id: recordId } })
  const result = await save()
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined()
  const after = await delegate.findUniqueOrThrow({ where: { id: recordId } })
  const event = await prisma.auditEvent.findFirstOrThrow({
    where: { recordType: typename, recordId },
    orderBy: { id: 'desc' },
  })
  expect(event.action).toBe('UPDATE')
  expect(event.version).toBe(after.version)
  expect(asJson(event.changes)).toEqual(asJson(diffRecords(before, after, fields)))
  expect(asJson(event.snapshot)).toEqual(asJson(snapshotOf(after, [...fields, 'deletedAt'])))
  const { working, published, divisionPaths } = await workingAndPublishedSnapshots(
    prismaSql(prisma),
    typename,
    [recordId],
    {},
  )
  const diff = diffSnapshots(fields, {}, published.get(recordId), working.get(recordId) as never)
  const change = await prisma.change.findFirst({
    where: { changeSetId: event.changeSetId, recordType: typename, recordId },
  })
  if (diff.action === 'UPDATE' && Object.keys(diff.fields).length === 0) return expect(change).toBeNull()
  expect(change).toMatchObject({
    action: diff.action,
    version: after.version,
    baseVersion: (published.get(recordId)?.row.version as number | undefined) ?? null,
  })
  // The record's own fields (parts, which a form save leaves as they are, are diffSnapshots's with their names).
  const own = Object.fromEntries(Object.entries(change.fields).filter(([name]) => fields.includes(name)))
  expect(asJson(own)).toEqual(asJson(diff.fields))
  if (divisionPaths.get(recordId)) expect(change.divisionPath).toEqual(divisionPaths.get(recordId))
}

describe.each(recordScenarios.map((s) => [s.typename, s] as const))('%s', (typename, scenario) => {
  const editor: Caller = 'editor'
  const update = (caller: Caller, id: string, version: number, input: Record<string, unknown>) =>
    t.gqlAs(
      caller,
      `mutation ($id: ID!, $version: Int!, $input: ${typename}UpdateInput!) {
        update${typename}(id: $id, version: $version, input: $input) { id version }
      }`,
      { id, version, input },
    )

  it('amends the editor’s own set, noting only what changed, in few statements', async () => {
    const created = await t.gqlAs(
      editor,
      `mutation ($input: ${typename}CreateInput!) { create${typename}(input: $input) { id version } }`,
      { input: matrixInput(refs, typename, 'form-save') },
    )
    expect(created.errors).toBeUndefined()
    const id: string = created.data?.[`create${typename}`].id
    const set = await setHolding(t, id)

    let result: Awaited<ReturnType<typeof update>> | undefined
    const statements = await t.countStatements(async () => {
      result = await update(editor, id, 1, { nameEn: 'Amended in review' })
    })
    expect(result?.errors, JSON.stringify(result?.errors)).toBeUndefined()
    expect(await lastChangedFields(typename, id)).toEqual(['nameEn'])
    expect(statements).toBeLessThanOrEqual(STATEMENTS[typename] ?? MOST_TYPES)

    // A save of every kind of field (decimals, dates, lists, enums, nulls): only what it changed.
    const input = scenario.update(refs)
    await savedAsTheLongWayWould(typename, id, () => update(editor, id, 2, input))
    const changed = await lastChangedFields(typename, id)
    expect(changed.length).toBeGreaterThan(0)
    for (const field of changed) expect(Object.keys(input)).toContain(field)
    expect((await setHolding(t, id)).id).toBe(set.id)

    // Someone else's change waits for the set's review.
    expect(codeOf(await update('admin', id, 3, { nameEn: 'Not mine to change' }))).toBe('PENDING_REVIEW')
  })

  it('amends a published record’s change, and drops it when the record is back as published', async () => {
    const [published] = await t.hub.database.prisma.$queryRawUnsafe<
      { id: number; version: number; nameEn: string | null }[]
    >(
      `SELECT w.id, w.version, w."nameEn" FROM published."${typename}" p JOIN public."${typename}" w ON w.id = p.id
       WHERE w."deletedAt" IS NULL AND w.version = p.version ORDER BY w.id LIMIT 1`,
    )
    if (!published) throw new Error(`No published ${typename}`)
    const id = Buffer.from(`${typename}:${published.id}`).toString('base64')
    const version = published.version
    expect((await update('admin', id, version, { nameEn: 'Amended once' })).errors).toBeUndefined()
    await savedAsTheLongWayWould(typename, id, () => update('admin', id, version + 1, { nameEn: 'Amended twice' }))
    await savedAsTheLongWayWould(typename, id, () => update('admin', id, version + 2, { nameEn: published.nameEn }))
  })
})
