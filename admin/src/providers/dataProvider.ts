// react-admin's data provider over the hub's GraphQL conventions (connections with totalCount,
// where/orderBy/search/offset, node(s) by global ID, create/update/delete with versions).

import hubSchema from 'virtual:hub-schema'
import type { DataProvider, GetListParams, Identifier } from 'react-admin'
import { request } from './graphql.ts'
import {
  createInput,
  createMutation,
  deleteManyMutation,
  deleteMutation,
  listQuery,
  manyQuery,
  oneQuery,
  toOrderBy,
  toRecord,
  toWhere,
  updateInput,
  updateMutation,
} from './queries.ts'
import { resourceApi } from './resources.ts'
import type { HubSchema } from './schema-types.ts'

type Json = Record<string, unknown>
const schema: HubSchema = hubSchema
/** Deletes sent in one request at most. */
const DELETE_BATCH = 50
/** Most records the API returns in one page. */
const PAGE_LIMIT = 200

export interface HubDataProvider extends DataProvider {
  /** Any operation against the hub (dashboard, import, related lists). */
  graphql<T = Json>(query: string, variables?: Json): Promise<T>
  /** `where` and `search` for a resource's filter values, as the lists send them. */
  where(resource: string, filter: Json): { where?: Json; search?: string }
}

export function createDataProvider(getLocale: () => string): HubDataProvider {
  const send = <T = Json>(query: string, variables: Json = {}, signal?: AbortSignal) =>
    request<T>(query, variables, getLocale(), signal)

  async function getList(resource: string, params: GetListParams & { signal?: AbortSignal }) {
    const api = resourceApi(resource)
    const { page = 1, perPage = 25 } = params.pagination ?? {}
    const { where, search } = toWhere(schema, api, params.filter)
    const orderBy = toOrderBy(schema, api, params.sort)
    const records: Json[] = []
    let total = 0
    // The API serves at most PAGE_LIMIT records a request; larger pages (CSV export) are fetched in parts.
    for (let offset = (page - 1) * perPage, wanted = perPage; wanted > 0; ) {
      const first = Math.min(wanted, PAGE_LIMIT)
      const data = await send<{ list: { totalCount: number; nodes: Json[] } }>(
        listQuery(schema, resource, api),
        { first, offset, where, search, orderBy },
        params.signal,
      )
      records.push(...data.list.nodes)
      total = data.list.totalCount
      offset += first
      wanted = Math.min(wanted - first, total - offset)
    }
    return { data: records.map((node) => toRecord(schema, api, node)) as never[], total }
  }

  return {
    getList,

    async getOne(resource, { id, signal }) {
      const api = resourceApi(resource)
      const data = await send<{ node: Json | null }>(oneQuery(schema, api), { id }, signal)
      if (!data.node || data.node.__typename !== api.type) throw new Error('ra.notification.item_doesnt_exist')
      return { data: toRecord(schema, api, data.node) as never }
    },

    async getMany(resource, { ids, signal }) {
      const api = resourceApi(resource)
      const data = await send<{ nodes: (Json | null)[] }>(manyQuery(schema, api), { ids }, signal)
      const records = data.nodes.filter((node): node is Json => node?.__typename === api.type)
      return { data: records.map((node) => toRecord(schema, api, node)) as never[] }
    },

    getManyReference(resource, { target, id, filter, ...rest }) {
      return getList(resource, { ...rest, filter: { ...filter, [target]: id } })
    },

    async create(resource, { data }) {
      const api = resourceApi(resource)
      const result = await send<{ record: Json }>(createMutation(schema, api), {
        input: createInput(schema, api, data as Json),
      })
      return { data: toRecord(schema, api, result.record) as never }
    },

    async update(resource, { id, data, previousData }) {
      const api = resourceApi(resource)
      const result = await send<{ record: Json }>(updateMutation(schema, api), {
        id,
        version: (previousData as Json | undefined)?.version ?? undefined,
        input: updateInput(schema, api, data as Json, previousData as Json | undefined),
      })
      return { data: toRecord(schema, api, result.record) as never }
    },

    async updateMany(resource, { ids, data }) {
      const api = resourceApi(resource)
      const input = updateInput(schema, api, data as Json, undefined)
      for (const id of ids) await send(updateMutation(schema, api), { id, input })
      return { data: ids }
    },

    async delete(resource, { id, previousData }) {
      const api = resourceApi(resource)
      const result = await send<{ record: Json }>(deleteMutation(api), {
        id,
        version: (previousData as Json | undefined)?.version ?? undefined,
      })
      return { data: { ...(previousData as Json), ...result.record } as never }
    },

    async deleteMany(resource, { ids }) {
      const api = resourceApi(resource)
      const deleted: Identifier[] = []
      for (let start = 0; start < ids.length; start += DELETE_BATCH) {
        const batch = ids.slice(start, start + DELETE_BATCH)
        const variables = Object.fromEntries(batch.map((id, i) => [`id${i}`, id]))
        await send(deleteManyMutation(api, batch.length), variables)
        deleted.push(...batch)
      }
      return { data: deleted }
    },

    graphql: send,

    where(resource, filter) {
      return toWhere(schema, resourceApi(resource), filter)
    },
  }
}
