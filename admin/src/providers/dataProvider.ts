// react-admin's data provider: each resource is routed (react-admin's combineDataProviders) to the
// provider that serves it — the record resources (records.ts) or one of the administration
// resources (operators/) — plus the hub's own operations the pages call directly.

import hubSchema from 'virtual:hub-schema'
import { combineDataProviders, type DataProvider, type Identifier } from 'react-admin'
import { request } from './graphql.ts'
import { createApiKeysProvider, type TrustedOperation, type UsageDay } from './operators/apiKeys.ts'
import { createAuditEventsProvider } from './operators/auditEvents.ts'
import { createChangeSetsProvider, type ReviewStep } from './operators/changeSets.ts'
import { createPeriodLocksProvider } from './operators/periodLocks.ts'
import { createTrashProvider } from './operators/trash.ts'
import { createUsersProvider } from './operators/users.ts'
import { historyQuery, purgeMutation, restoreMutation, toWhere } from './queries.ts'
import { createRecordProvider, reasonOf } from './records.ts'
import { isRecordResource, resourceApi } from './resources.ts'

type Json = Record<string, unknown>

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
  graphql<T = Json>(query: string, variables?: Json, signal?: AbortSignal): Promise<T>
  /** `where` and `search` for a resource's filter values, as the lists send them. */
  where(resource: string, filter: Json): { where?: Json; search?: string }
  /** The current versions of some records of a resource. */
  versionsOf(resource: string, ids: Identifier[]): Promise<Map<Identifier, number>>
  /** Moves records to the trash at the versions given (all in one request per 50); their new versions. */
  trash(
    resource: string,
    records: { id: Identifier; version: number }[],
    reason?: string,
  ): Promise<{ id: Identifier; version: number }[]>
  /** A record's audit trail, newest first, and its current version. */
  history(resource: string, id: Identifier): Promise<{ version: number; events: AuditEvent[] }>
  /** Brings a record of this type back from the trash, or (toVersion) back to an earlier version. */
  restore(type: string, change: VersionedChange & { toVersion?: number }): Promise<{ id: string; version: number }>
  /** Removes a record of this type from the trash for good (admins). */
  purge(type: string, change: VersionedChange): Promise<boolean>
  /** Revokes a partner key at once (admins). */
  revokeApiKey(id: Identifier): Promise<Json>
  /** One step of review of a change set, at the version shown: approve, reject (reason required), withdraw, submit. */
  reviewStep(step: ReviewStep, id: Identifier, version: number, reason?: string): Promise<Json>
  /** How many change sets wait for the operator: to review (`reviews`), or returned to them (`myChanges`). */
  waitingCount(resource: 'reviews' | 'myChanges', signal?: AbortSignal): Promise<number>
  /** Unlocks a reporting period (admins), with the reason. */
  unlockPeriod(id: Identifier, version: number, reason: string): Promise<Json>
  /** A partner key's use per day over the last `days` days (admins). */
  apiKeyUsage(
    id: Identifier,
    days: number,
    signal?: AbortSignal,
  ): Promise<{ usage: UsageDay[]; lastUsedFrom: string | null }>
  /** The operations a partner key is bound to (admins). */
  trustedOperations(id: Identifier, signal?: AbortSignal): Promise<TrustedOperation[]>
  /** Binds a key to the operations of a .graphql document, checked by the hub (admins). */
  registerTrustedOperations(id: Identifier, document: string): Promise<TrustedOperation[]>
  /** Removes one of a key's operations by hash (admins); the last removed unbinds the key. */
  removeTrustedOperation(id: Identifier, hash: string): Promise<boolean>
}

export function createDataProvider(getLocale: () => string): HubDataProvider {
  const send = <T = Json>(query: string, variables: Json = {}, signal?: AbortSignal) =>
    request<T>(query, variables, getLocale(), signal)
  const records = createRecordProvider(send)
  const apiKeys = createApiKeysProvider(send)
  const changeSets = createChangeSetsProvider(send)
  const periodLocks = createPeriodLocksProvider(send)
  const operators: Record<string, DataProvider> = {
    users: createUsersProvider(send),
    apiKeys,
    auditEvents: createAuditEventsProvider(send),
    trash: createTrashProvider(send),
    reviews: changeSets.provider,
    myChanges: changeSets.provider,
    periodLocks: periodLocks.provider,
  }
  const routed = combineDataProviders((resource) => {
    const provider = operators[resource] ?? (isRecordResource(resource) ? records : undefined)
    if (!provider) throw new Error(`Unknown resource "${resource}"`)
    return provider
  })

  return {
    // The proxy answers any method name; react-admin calls these.
    getList: (resource, params) => routed.getList(resource, params),
    getOne: (resource, params) => routed.getOne(resource, params),
    getMany: (resource, params) => routed.getMany(resource, params),
    getManyReference: (resource, params) => routed.getManyReference(resource, params),
    create: (resource, params) => routed.create(resource, params),
    update: (resource, params) => routed.update(resource, params),
    updateMany: (resource, params) => routed.updateMany(resource, params),
    delete: (resource, params) => routed.delete(resource, params),
    deleteMany: (resource, params) => routed.deleteMany(resource, params),

    graphql: send,

    where: (resource, filter) => toWhere(hubSchema, resourceApi(resource), filter),

    versionsOf: (resource, ids) => records.versionsOf(resource, ids),

    trash: (resource, list, reason) => records.trash(resource, list, reason),

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

    revokeApiKey: (id) => apiKeys.revokeApiKey(id),

    reviewStep: (step, id, version, reason) => changeSets.step(step, String(id), version, reason),

    waitingCount: (resource, signal) => changeSets.waitingCount(resource, signal),

    unlockPeriod: (id, version, reason) => periodLocks.unlock(String(id), version, reason),

    apiKeyUsage: (id, days, signal) => apiKeys.usage(id, days, signal),

    trustedOperations: (id, signal) => apiKeys.trustedOperations(id, signal),

    registerTrustedOperations: (id, document) => apiKeys.registerTrustedOperations(id, document),

    removeTrustedOperation: (id, hash) => apiKeys.removeTrustedOperation(id, hash),
  }
}
