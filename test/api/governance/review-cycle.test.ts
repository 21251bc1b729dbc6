// The whole cycle of review for every record type (generated from the families): an editor's change
// is in the working copy at once and reaches a partner key only when a reviewer approves it —
// created, changed, trashed and restored alike — and each publication is in the record's history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller, TestHub } from '../../setup/hub.ts'
import { matrixInput } from '../scenarios/permissions.ts'
import { recordScenarios } from '../scenarios/records.ts'
import type { SeededRefs } from '../support.ts'
import { approveRecord, codeOf, setHolding, startReviewSuite } from './support.ts'

let t: TestHub
let refs: SeededRefs
let key: Caller

beforeAll(async () => {
  ;({ t, refs, key } = await startReviewSuite())
})
afterAll(() => t?.close())

const read = (caller: Caller, id: string) =>
  t.gqlAs(caller, `query ($id: ID!) { node(id: $id) { ... on Node { id } ${fields} } }`, { id })
// nameEn and deletedAt on every type: the values the cycle changes.
const fields = recordScenarios.map((s) => `... on ${s.typename} { nameEn deletedAt version }`).join(' ')

describe.each(recordScenarios.map((s) => [s.typename, s] as const))('%s', (typename, scenario) => {
  let id: string
  const editor: Caller = 'editor'

  it('is created in the working copy at once, and reaches the key only once approved', async () => {
    const input = matrixInput(refs, typename, 'review-cycle')
    const created = await t.gqlAs(
      editor,
      `mutation ($input: ${typename}CreateInput!) { create${typename}(input: $input) { id version pendingChanges { action changeSet { status origin } } } }`,
      { input },
    )
    expect(created.errors).toBeUndefined()
    id = created.data?.[`create${typename}`].id
    expect(created.data?.[`create${typename}`].pendingChanges).toEqual([
      { action: 'CREATE', changeSet: { status: 'PENDING', origin: 'FORM' } },
    ])
    expect((await read(key, id)).data?.node).toBeNull()
    const list = await t.gqlAs(
      key,
      `query ($name: String!) { ${scenario.plural}(where: { nameZh: { equals: $name } }) { totalCount } }`,
      {
        name: input.nameZh,
      },
    )
    expect(list.data?.[scenario.plural].totalCount).toBe(0)

    await approveRecord(t, 'reviewer', id)
    expect((await read(key, id)).data?.node).toMatchObject({ id, version: 1 })
  })

  it('is changed for the key only once the change is approved', async () => {
    const changed = await t.gqlAs(
      editor,
      `mutation ($id: ID!) { update${typename}(id: $id, version: 1, input: { nameEn: "Changed in review" }) { nameEn version } }`,
      { id },
    )
    expect(changed.data?.[`update${typename}`]).toEqual({ nameEn: 'Changed in review', version: 2 })
    const before = (await read(key, id)).data?.node
    expect(before.nameEn).not.toBe('Changed in review')
    await approveRecord(t, 'reviewer', id)
    expect((await read(key, id)).data?.node).toMatchObject({ nameEn: 'Changed in review', version: 2 })
  })

  it('leaves the key’s copy until its trashing is approved, and comes back once its restore is', async () => {
    const trashed = await t.gqlAs(
      editor,
      `mutation ($id: ID!) { delete${typename}(id: $id, version: 2) { version } }`,
      {
        id,
      },
    )
    expect(trashed.errors).toBeUndefined()
    expect((await read(key, id)).data?.node).toMatchObject({ id, deletedAt: null })
    await approveRecord(t, 'reviewer', id)
    expect((await read(key, id)).data?.node).toBeNull()

    const restored = await t.gqlAs(
      editor,
      `mutation ($id: ID!) { restore${typename}(id: $id, version: 3) { version } }`,
      {
        id,
      },
    )
    expect(restored.errors).toBeUndefined()
    expect((await read(key, id)).data?.node).toBeNull()
    await approveRecord(t, 'reviewer', id)
    expect((await read(key, id)).data?.node).toMatchObject({ id, version: 4, deletedAt: null })
  })

  it('shows in its history which versions were published, and when', async () => {
    const { node } = await t.data(
      `query ($id: ID!) { node(id: $id) { ... on ${typename} { history { action version at actorName } } } }`,
      { id },
    )
    const history = [...node.history].reverse()
    expect(history.map((e: { action: string; version: number }) => [e.action, e.version])).toEqual([
      ['CREATE', 1],
      ['PUBLISH', 1],
      ['UPDATE', 2],
      ['PUBLISH', 2],
      ['DELETE', 3],
      ['PUBLISH', 3],
      ['RESTORE', 4],
      ['PUBLISH', 4],
    ])
    expect(
      history.filter((e: { action: string }) => e.action === 'PUBLISH').map((e: { actorName: string }) => e.actorName),
    ).toEqual(Array(4).fill('test-reviewer'))
  })

  it('is purged for good at once, everywhere (purge stays outside review, for admins)', async () => {
    await t.gqlAs(editor, `mutation ($id: ID!) { delete${typename}(id: $id, version: 4) { version } }`, { id })
    await approveRecord(t, 'reviewer', id)
    const purged = await t.gql(`mutation ($id: ID!) { purge${typename}(id: $id, version: 5) }`, { id })
    expect(purged.data?.[`purge${typename}`]).toBe(true)
    expect((await read(key, id)).data?.node).toBeNull()
    expect((await read('admin', id)).data?.node).toBeNull()
  })

  it('is never approved by its own author (four eyes)', async () => {
    const input = matrixInput(refs, typename, 'self-review')
    const created = await t.data(
      `mutation ($input: ${typename}CreateInput!) { create${typename}(input: $input) { id } }`,
      {
        input,
      },
    )
    const set = await setHolding(t, created[`create${typename}`].id)
    const self = await t.gqlAs(
      'admin',
      `mutation ($id: ID!, $version: Int!) { approveChangeSet(id: $id, version: $version) { status } }`,
      set,
    )
    expect(codeOf(self)).toBe('SELF_REVIEW')
    expect((await setHolding(t, created[`create${typename}`].id)).status).toBe('PENDING')
  })
})
