// With review on (REVIEW=on), `changes` lists a change once it is published — approved — and never
// the working copy an editor is still changing.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import { type SeededRefs, seededRefs } from './support.ts'

let t: TestHub
let refs: SeededRefs
let partner: { bearer: string }
beforeAll(async () => {
  t = await startTestHub({ config: { REVIEW: 'on' } })
  refs = await seededRefs(t)
  const key = await t.data(`mutation { createApiKey(input: { name: "省平台", scopes: ["read"] }) { secret } }`)
  partner = { bearer: key.createApiKey.secret }
})
afterAll(() => t?.close())

const CHANGES = `query ($after: String) {
  changes(after: $after) { edges { node { action recordId record { id ... on School { nameZh seats } } } } nextCursor }
}`

async function ok(caller: Parameters<TestHub['gqlAs']>[0], query: string, variables?: Record<string, unknown>) {
  const result = await t.gqlAs(caller, query, variables)
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors, null, 2))
  return result.data as Record<string, any>
}

it('lists a change once it is approved, as approved', async () => {
  const start = (await ok(partner, `{ changes(first: 0) { headCursor } }`)).changes.headCursor
  const created = await ok('editor', `mutation ($input: SchoolCreateInput!) { createSchool(input: $input) { id } }`, {
    input: { nameZh: '待审核学校', stage: 'PRIMARY', divisionId: refs.ludian, seats: 120, openedOn: '2021-09-01' },
  })
  const pending = await ok(partner, CHANGES, { after: start })
  expect(pending.changes.edges).toEqual([])
  // An operator reading the feed sees the published copy too, not their working copy.
  expect((await ok('admin', CHANGES, { after: start })).changes.edges).toEqual([])

  const sets = await ok('reviewer', `{ changeSets(where: { status: [PENDING] }) { nodes { id version } } }`)
  expect(sets.changeSets.nodes).toHaveLength(1)
  await ok(
    'reviewer',
    `mutation ($id: ID!, $version: Int!) { approveChangeSet(id: $id, version: $version) { status } }`,
    sets.changeSets.nodes[0],
  )
  const published = await ok(partner, CHANGES, { after: pending.changes.nextCursor })
  expect(published.changes.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
    {
      action: 'CREATE',
      recordId: created.createSchool.id,
      record: { id: created.createSchool.id, nameZh: '待审核学校', seats: 120 },
    },
  ])
})
