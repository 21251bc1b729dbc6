// The one place that maps console resources to the GraphQL API. Nothing here is kept by hand: each
// record type of the hub (its RecordType enum) is a resource named after its root list field, with
// the references its inputs hold, all read from the checked-in schema at build time.
import hubSchema from 'virtual:hub-schema'
import type { HubSchema } from './schema-types.ts'

export interface ResourceApi {
  /** Object type of the records, e.g. Hospital. */
  type: string
  /** The console resource (and the root list field), e.g. hospitals. */
  resource: string
  /** Inputs that reference one record, with the resource they point to: `divisionId` → divisions. */
  references: Record<string, string>
  /** Many-to-many relations read as a connection and written as a list of global IDs. */
  idLists: Record<string, { connection: string; reference: string }>
}

/** The console's view of every record type in a schema description. */
export function resourcesOf(schema: HubSchema): Record<string, ResourceApi> {
  const resourceOf = Object.fromEntries(schema.records.map((record) => [record.type, record.list]))
  const target = (type: string) => {
    const resource = resourceOf[type]
    if (!resource) throw new Error(`${type} is not a record type`)
    return resource
  }
  return Object.fromEntries(
    schema.records.map((record) => [
      record.list,
      {
        type: record.type,
        resource: record.list,
        references: Object.fromEntries(Object.entries(record.references).map(([field, type]) => [field, target(type)])),
        idLists: Object.fromEntries(
          Object.entries(record.idLists).map(([field, { connection, type }]) => [
            field,
            { connection, reference: target(type) },
          ]),
        ),
      },
    ]),
  )
}

export const RESOURCES: Readonly<Record<string, ResourceApi>> = resourcesOf(hubSchema)

/** Record resources, in the schema's order. */
export const RESOURCE_NAMES = Object.keys(RESOURCES)

export function isRecordResource(resource: string): boolean {
  return resource in RESOURCES
}

export function resourceApi(resource: string): ResourceApi {
  const api = RESOURCES[resource]
  if (!api) throw new Error(`Unknown resource "${resource}"`)
  return api
}

const RESOURCE_OF_TYPE = Object.fromEntries(Object.values(RESOURCES).map((api) => [api.type, api.resource]))

/** The console resource of a record type (`Hospital` → `hospitals`). */
export function resourceOfType(type: string): string | undefined {
  return RESOURCE_OF_TYPE[type]
}

/** Record types (the hub's RecordType enum). */
export const RECORD_TYPES = Object.values(RESOURCES).map((api) => api.type)

/** A global ID from a type and a database id, encoded as the hub does (audit changes hold database ids). */
export function globalId(type: string, id: number | string): string {
  return btoa(`${type}:${id}`)
}

/** The database id inside a global ID (`Hospital:12` → 12), or undefined for anything else. */
export function databaseId(id: string, type?: string): number | undefined {
  try {
    const [prefix, number] = atob(id).split(':')
    if (type && prefix !== type) return undefined
    return number && /^\d+$/.test(number) ? Number(number) : undefined
  } catch {
    return undefined
  }
}
