// The record resources (every RecordType of the hub) over its GraphQL conventions: connections with
// totalCount, where/orderBy/search/offset, node(s) by global ID, create/update/delete at the version
// the operator saw. Documents and variables come from queries.ts; this module sends them.
import hubSchema from 'virtual:hub-schema'
import type { DataProvider, GetListParams, Identifier } from 'react-admin'
import { getReading, readingArgs } from '../governance/reading.ts'
import {
  createInput,
  createMutation,
  type Depth,
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
  versionsQuery,
} from './queries.ts'
import { type ResourceApi, resourceApi } from './resources.ts'
import type { HubSchema } from './schema-types.ts'

type Json = Record<string, unknown>
type Send = <T = Json>(query: string, variables?: Json, signal?: AbortSignal) => Promise<T>

const schema: HubSchema = hubSchema
/** Deletes sent in one request at most. */
const DELETE_BATCH = 50
/** Most records the API returns in one page. */
export const PAGE_LIMIT = 200

/** Lists and records read with `meta: { depth: 'file' }` carry many-to-many IDs too (export, import). */
const depthOf = (meta: unknown): Depth => ((meta as Json | undefined)?.depth === 'file' ? 'file' : 'list')

/** The operator's reason for a change (an edit form's `reason` input, or `meta.reason`). */
export function reasonOf(data: unknown, meta: unknown): string | undefined {
  const reason = (meta as Json | undefined)?.reason ?? (data as Json | undefined)?.reason
  return typeof reason === 'string' && reason.trim() ? reason.trim() : undefined
}

export function createRecordProvider(send: Send) {
  /** The current versions of records the caller did not load with one (imports without a version column, bulk deletes). */
  async function versionsOf(api: ResourceApi, ids: Identifier[]): Promise<Map<Identifier, number>> {
    const versions = new Map<Identifier, number>()
    for (let start = 0; start < ids.length; start += PAGE_LIMIT) {
      const data = await send<{ nodes: (Json | null)[] }>(versionsQuery(api), {
        ids: ids.slice(start, start + PAGE_LIMIT),
      })
      for (const node of data.nodes)
        if (node?.__typename === api.type) versions.set(node.id as string, node.version as number)
    }
    return versions
  }

  async function versionOf(api: ResourceApi, id: Identifier, known: unknown): Promise<number | undefined> {
    if (typeof known === 'number') return known
    return (await versionsOf(api, [id])).get(id)
  }

  async function getList(resource: string, params: GetListParams & { signal?: AbortSignal }) {
    const api = resourceApi(resource)
    const { page = 1, perPage = 25 } = params.pagination ?? {}
    const { where, search } = toWhere(schema, api, params.filter)
    const orderBy = toOrderBy(schema, api, params.sort)
    const records: Json[] = []
    let total = 0
    // The API serves at most PAGE_LIMIT records a request; larger pages (export) are fetched in parts.
    for (let offset = (page - 1) * perPage, wanted = perPage; wanted > 0; ) {
      const first = Math.min(wanted, PAGE_LIMIT)
      const data = await send<{ list: { totalCount: number; nodes: Json[] } }>(
        listQuery(schema, api, depthOf(params.meta)),
        { first, offset, where, search, orderBy, ...readingArgs(getReading()) },
        params.signal,
      )
      records.push(...data.list.nodes)
      total = data.list.totalCount
      offset += first
      wanted = Math.min(wanted - first, total - offset)
    }
    return { data: records.map((node) => toRecord(schema, api, node)) as never[], total }
  }

  const provider: DataProvider & {
    versionsOf(resource: string, ids: Identifier[]): Promise<Map<Identifier, number>>
    /** Moves records to the trash, each at the version given; answers their versions in the trash. */
    trash(
      resource: string,
      records: { id: Identifier; version: number }[],
      reason?: string,
    ): Promise<{ id: Identifier; version: number }[]>
  } = {
    getList,

    async getOne(resource, { id, signal }) {
      const api = resourceApi(resource)
      const data = await send<{ node: Json | null }>(
        oneQuery(schema, api),
        { id, ...readingArgs(getReading()) },
        signal,
      )
      if (!data.node || data.node.__typename !== api.type) throw new Error('ra.notification.item_doesnt_exist')
      return { data: toRecord(schema, api, data.node) as never }
    },

    async getMany(resource, { ids, signal, meta }) {
      const api = resourceApi(resource)
      const records: Json[] = []
      for (let start = 0; start < ids.length; start += PAGE_LIMIT) {
        const data = await send<{ nodes: (Json | null)[] }>(
          manyQuery(schema, api, depthOf(meta)),
          { ids: ids.slice(start, start + PAGE_LIMIT), ...readingArgs(getReading()) },
          signal,
        )
        for (const node of data.nodes) if (node?.__typename === api.type) records.push(toRecord(schema, api, node))
      }
      return { data: records as never[] }
    },

    getManyReference(resource, { target, id, filter, ...rest }) {
      return getList(resource, { ...rest, filter: { ...filter, [target]: id } })
    },

    async create(resource, { data, meta }) {
      const api = resourceApi(resource)
      const result = await send<{ record: Json }>(createMutation(schema, api), {
        input: createInput(schema, api, data as Json),
        reason: reasonOf(data, meta),
      })
      return { data: toRecord(schema, api, result.record) as never }
    },

    async update(resource, { id, data, previousData, meta }) {
      const api = resourceApi(resource)
      const previous = previousData as Json | undefined
      const version = await versionOf(api, id, previous?.version)
      if (version === undefined) throw new Error('ra.notification.item_doesnt_exist')
      const result = await send<{ record: Json }>(updateMutation(schema, api), {
        id,
        version,
        input: updateInput(schema, api, data as Json, previous),
        reason: reasonOf(data, meta),
      })
      return { data: toRecord(schema, api, result.record) as never }
    },

    async updateMany(resource, { ids, data, meta }) {
      for (const id of ids) await provider.update(resource, { id, data, previousData: undefined as never, meta })
      return { data: ids }
    },

    async delete(resource, { id, previousData, meta }) {
      const api = resourceApi(resource)
      const version = await versionOf(api, id, (previousData as Json | undefined)?.version)
      if (version === undefined) throw new Error('ra.notification.item_doesnt_exist')
      const result = await send<{ record: Json }>(deleteMutation(api), {
        id,
        version,
        reason: reasonOf(undefined, meta),
      })
      return { data: { ...(previousData as Json), ...result.record } as never }
    },

    async deleteMany(resource, { ids, meta }) {
      // Versions as the list showed them (see BulkTrashButton); the rest are asked for.
      const shown = ((meta as Json | undefined)?.versions ?? {}) as Record<string, number>
      const missing = ids.filter((id) => typeof shown[String(id)] !== 'number')
      const fetched = missing.length ? await versionsOf(resourceApi(resource), missing) : new Map<Identifier, number>()
      const versions = ids.flatMap((id) => {
        const version = shown[String(id)] ?? fetched.get(id)
        // Records no longer found (deleted meanwhile) are left out.
        return version === undefined ? [] : [{ id, version }]
      })
      const trashed = await provider.trash(resource, versions, reasonOf(undefined, meta))
      return { data: trashed.map((record) => record.id) }
    },

    async trash(resource, records, reason) {
      const api = resourceApi(resource)
      const trashed: { id: Identifier; version: number }[] = []
      for (let start = 0; start < records.length; start += DELETE_BATCH) {
        const batch = records.slice(start, start + DELETE_BATCH)
        const variables: Json = { reason }
        batch.forEach((record, i) => {
          variables[`id${i}`] = record.id
          variables[`v${i}`] = record.version
        })
        const data = await send<Record<string, { id: string; version: number }>>(
          deleteManyMutation(api, batch.length),
          variables,
        )
        trashed.push(...batch.map((_, i) => data[`d${i}`] as { id: string; version: number }))
      }
      return trashed
    },

    versionsOf: (resource, ids) => versionsOf(resourceApi(resource), ids),
  }
  return provider
}
