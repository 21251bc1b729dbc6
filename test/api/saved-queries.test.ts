// Saved queries: each operator's console lists, kept on the hub, private unless shared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'

let t: TestHub
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

const SAVE = `mutation ($input: SavedQueryInput!) {
  saveQuery(input: $input) { id name resource params shared mine ownerName }
}`
const LIST = `query ($resource: String!) { savedQueries(resource: $resource) { id name shared mine ownerName params } }`
const DELETE = 'mutation ($id: ID!) { deleteSavedQuery(id: $id) }'

const params = {
  filter: { withinDivision: 'RGl2aXNpb246MQ==', kind: 'ELDERLY_CANTEEN' },
  sort: { field: 'peopleServed', order: 'DESC' },
  perPage: 50,
  columns: ['0', '2', '4'],
}

describe('saved queries', () => {
  it("are kept for their owner, with the list's filter, sort, page size and columns", async () => {
    const saved = await t.gqlAs('editor', SAVE, { input: { resource: 'careFacilities', name: '绥江食堂', params } })
    expect(saved.errors).toBeUndefined()
    expect(saved.data?.saveQuery).toMatchObject({
      name: '绥江食堂',
      resource: 'careFacilities',
      params,
      shared: false,
      mine: true,
      ownerName: 'test-editor',
    })
    const mine = await t.gqlAs('editor', LIST, { resource: 'careFacilities' })
    expect(mine.data?.savedQueries.map((query: { name: string }) => query.name)).toEqual(['绥江食堂'])
    // Another operator does not see it, nor does another list.
    expect((await t.gqlAs('viewer', LIST, { resource: 'careFacilities' })).data?.savedQueries).toEqual([])
    expect((await t.gqlAs('editor', LIST, { resource: 'hospitals' })).data?.savedQueries).toEqual([])
    // …not even by its ID.
    const id = saved.data?.saveQuery.id
    const node = await t.gqlAs('viewer', 'query ($id: ID!) { node(id: $id) { id } }', { id })
    expect(node.data?.node).toBeNull()
  })

  it('are offered to everyone once shared, but changed and deleted only by their owner', async () => {
    const shared = await t.gqlAs('editor', SAVE, {
      input: { resource: 'careFacilities', name: '全市儿童之家', params, shared: true },
    })
    const id = shared.data?.saveQuery.id
    const seen = await t.gqlAs('viewer', LIST, { resource: 'careFacilities' })
    expect(seen.data?.savedQueries).toEqual([
      { id, name: '全市儿童之家', shared: true, mine: false, ownerName: 'test-editor', params },
    ])
    const refused = await t.gqlAs('viewer', DELETE, { id })
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    // Saving under the same name replaces the owner's query; the viewer's save is their own.
    await t.gqlAs('viewer', SAVE, {
      input: { resource: 'careFacilities', name: '全市儿童之家', params: { perPage: 10 } },
    })
    const again = await t.gqlAs('editor', SAVE, {
      input: { resource: 'careFacilities', name: '全市儿童之家', params: { perPage: 100 }, shared: true },
    })
    expect(again.data?.saveQuery.id).toBe(id)
    const viewerList = await t.gqlAs('viewer', LIST, { resource: 'careFacilities' })
    expect(
      viewerList.data?.savedQueries.map((query: { mine: boolean; params: object }) => [query.mine, query.params]),
    ).toEqual([
      [false, { perPage: 100 }],
      [true, { perPage: 10 }],
    ])
    expect((await t.gqlAs('editor', DELETE, { id })).data?.deleteSavedQuery).toBe(true)
    expect((await t.gqlAs('viewer', LIST, { resource: 'careFacilities' })).data?.savedQueries).toHaveLength(1)
  })

  it('refuse a blank name and oversized params, in the operator’s language', async () => {
    const result = await t.gqlAs(
      'editor',
      SAVE,
      { input: { resource: 'hospitals', name: ' ', params: { filter: { q: 'x'.repeat(30_000) } } } },
      { 'accept-language': 'zh-CN' },
    )
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { field: 'name', code: 'required', message: '必填' },
        { field: 'params', code: 'too_big', message: '内容过大' },
      ],
    })
  })

  it('are for signed-in operators only', async () => {
    const key = await t.data(
      'mutation { createApiKey(input: { name: "saved query key", scopes: ["read"] }) { secret } }',
    )
    const asKey = await t.gqlAs({ bearer: key.createApiKey.secret }, LIST, { resource: 'hospitals' })
    expect(asKey.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const anonymous = await t.gqlAs('anonymous', SAVE, { input: { resource: 'hospitals', name: 'x', params: {} } })
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})
