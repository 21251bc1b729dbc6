// A form save under review, for every record type: an editor's later saves of a record amend the
// change set their first save opened. The record as it was and the open sets holding it are read
// in one statement (records/write.ts), so what this suite pins: the record as read is the record
// as Prisma types it (an audit event lists only what the save changed), the sets are still checked
// (another editor is refused while the set is open), and the save costs no more statements than that.
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
const STATEMENTS: Record<string, number> = { Division: 10, Settlement: 8, Community: 9, Indicator: 9 }
const MOST_TYPES = 4

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
    const second = await update(editor, id, 2, input)
    expect(second.errors, JSON.stringify(second.errors)).toBeUndefined()
    const changed = await lastChangedFields(typename, id)
    expect(changed.length).toBeGreaterThan(0)
    for (const field of changed) expect(Object.keys(input)).toContain(field)
    expect((await setHolding(t, id)).id).toBe(set.id)

    // Someone else's change waits for the set's review.
    expect(codeOf(await update('admin', id, 3, { nameEn: 'Not mine to change' }))).toBe('PENDING_REVIEW')
  })
})
