// react-admin's data provider over the hub's GraphQL conventions (connections with totalCount,
// where/orderBy/search/offset, node(s) by global ID, create/update/delete at the version the
// operator saw, restore and purge from the trash), plus the administration resources
// (users, apiKeys, auditEvents, trash; see operators.ts).

import hubSchema from 'virtual:hub-schema'
import type { DataProvider, GetListParams, Identifier } from 'react-admin'
import { request } from './graphql.ts'
import { createOperatorProvider, isOperatorResource } from './operators.ts'
import {
  createInput,
  createMutation,
  deleteManyMutation,
  deleteMutation,
  historyQuery,
  listQuery,
  manyQuery,
  oneQuery,
  purgeMutation,
  restoreMutation,
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
const schema: HubSchema = hubSchema
/** Deletes sent in one request at most. */
const DELETE_BATCH = 50
/** Most records the API returns in one page. */
const PAGE_LIMIT = 200

/** One change in a record's audit trail. */
export interface AuditEvent {
  id: string
  at: string
  actorKind: 'USER' | 'API_KEY' | 'SYSTEM'
  actorName: string
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE' | 'PURGE'
  /** `{ field: { before, after } }`, with references as database ids. */
  changes: Record<string, { before: unknown; after: unknown }>
  reason: string | null
  version: number | null
  recordType?: string
  recordId?: string
}

export interface VersionedChange {
  id: Identifier
  /** The version the operator saw. */
  version: number
  reason?: string
}

export interface HubDataProvider extends DataProvider {
  /** Any operation against the hub (dashboard, import, related lists). */
  graphql<T = Json>(query: string, variables?: Json): Promise<T>
  /** `where` and `search` for a resource's filter values, as the lists send them. */
  where(resource: string, filter: Json): { where?: Json; search?: string }
  /** A record's audit trail, newest first, and its current version. */
  history(resource: string, id: Identifier): Promise<{ version: number; events: AuditEvent[] }>
  /** Brings a record of this type back from the trash, or (toVersion) back to an earlier version. */
  restore(type: string, change: VersionedChange & { toVersion?: number }): Promise<{ id: string; version: number }>
  /** Removes a record of this type from the trash for good (admins). */
  purge(type: string, change: VersionedChange): Promise<boolean>
  /** Revokes a partner key at once (admins). */
  revokeApiKey(id: Identifier): Promise<Json>
}

/** The operator's reason for a change (an edit form's `reason` input, or `meta.reason`). */
function reasonOf(data: unknown, meta: unknown): string | undefined {
  const reason = (meta as Json | undefined)?.reason ?? (data as Json | undefined)?.reason
  return typeof reason === 'string' && reason.trim() ? reason.trim() : undefined
}

export function createDataProvider(getLocale: () => string): HubDataProvider {
  const send = <T = Json>(query: string, variables: Json = {}, signal?: AbortSignal) =>
    request<T>(query, variables, getLocale(), signal)
  const operators = createOperatorProvider(send)

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
    if (isOperatorResource(resource)) return (await operators.getList(resource, params, params.signal)) as never
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

  async function update(resource: string, id: Identifier, data: Json, previousData: Json | undefined, meta: unknown) {
    const api = resourceApi(resource)
    const version = await versionOf(api, id, previousData?.version)
    if (version === undefined) throw new Error('ra.notification.item_doesnt_exist')
    const result = await send<{ record: Json }>(updateMutation(schema, api), {
      id,
      version,
      input: updateInput(schema, api, data, previousData),
      reason: reasonOf(data, meta),
    })
    return toRecord(schema, api, result.record)
  }

  return {
    getList,

    async getOne(resource, { id, signal }) {
      if (isOperatorResource(resource)) return { data: (await operators.getOne(resource, id, signal)) as never }
      const api = resourceApi(resource)
      const data = await send<{ node: Json | null }>(oneQuery(schema, api), { id }, signal)
      if (!data.node || data.node.__typename !== api.type) throw new Error('ra.notification.item_doesnt_exist')
      return { data: toRecord(schema, api, data.node) as never }
    },

    async getMany(resource, { ids, signal }) {
      if (isOperatorResource(resource)) return { data: (await operators.getMany(resource, ids, signal)) as never[] }
      const api = resourceApi(resource)
      const data = await send<{ nodes: (Json | null)[] }>(manyQuery(schema, api), { ids }, signal)
      const records = data.nodes.filter((node): node is Json => node?.__typename === api.type)
      return { data: records.map((node) => toRecord(schema, api, node)) as never[] }
    },

    getManyReference(resource, { target, id, filter, ...rest }) {
      return getList(resource, { ...rest, filter: { ...filter, [target]: id } })
    },

    async create(resource, { data, meta }) {
      if (isOperatorResource(resource)) return { data: (await operators.create(resource, data as Json)) as never }
      const api = resourceApi(resource)
      const result = await send<{ record: Json }>(createMutation(schema, api), {
        input: createInput(schema, api, data as Json),
        reason: reasonOf(data, meta),
      })
      return { data: toRecord(schema, api, result.record) as never }
    },

    async update(resource, { id, data, previousData, meta }) {
      if (isOperatorResource(resource)) {
        return { data: (await operators.update(resource, id, data as Json, previousData as Json)) as never }
      }
      return { data: (await update(resource, id, data as Json, previousData as Json | undefined, meta)) as never }
    },

    async updateMany(resource, { ids, data, meta }) {
      for (const id of ids) await update(resource, id, data as Json, undefined, meta)
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
      const api = resourceApi(resource)
      // Versions as the list showed them (see BulkDeleteButton in pages.tsx); the rest are asked for.
      const shown = ((meta as Json | undefined)?.versions ?? {}) as Record<string, number>
      const missing = ids.filter((id) => typeof shown[String(id)] !== 'number')
      const fetched = missing.length ? await versionsOf(api, missing) : new Map<Identifier, number>()
      const versionOfId = (id: Identifier) => shown[String(id)] ?? fetched.get(id)
      const deleted: Identifier[] = []
      for (let start = 0; start < ids.length; start += DELETE_BATCH) {
        // Records no longer found (deleted meanwhile) are left out.
        const batch = ids.slice(start, start + DELETE_BATCH).filter((id) => versionOfId(id) !== undefined)
        if (!batch.length) continue
        const variables: Json = {}
        batch.forEach((id, i) => {
          variables[`id${i}`] = id
          variables[`v${i}`] = versionOfId(id)
        })
        await send(deleteManyMutation(api, batch.length), variables)
        deleted.push(...batch)
      }
      return { data: deleted }
    },

    graphql: send,

    where(resource, filter) {
      return toWhere(schema, resourceApi(resource), filter)
    },

    async history(resource, id) {
      const { type } = resourceApi(resource)
      const data = await send<{ node: { __typename: string; version: number; history: AuditEvent[] } | null }>(
        historyQuery(type),
        { id },
      )
      if (!data.node || data.node.__typename !== type) throw new Error('ra.notification.item_doesnt_exist')
      return { version: data.node.version, events: data.node.history }
    },

    async restore(type, { id, version, toVersion, reason }) {
      const data = await send<{ record: { id: string; version: number } }>(restoreMutation(type), {
        id,
        version,
        toVersion,
        reason: reasonOf({ reason }, undefined),
      })
      return data.record
    },

    async purge(type, { id, version, reason }) {
      const data = await send<{ purged: boolean }>(purgeMutation(type), {
        id,
        version,
        reason: reasonOf({ reason }, undefined),
      })
      return data.purged
    },

    revokeApiKey: (id) => operators.revokeApiKey(id),
  }
}
