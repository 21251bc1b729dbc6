// The one place that maps console resources to the GraphQL API: root field, record type, and
// the few relations a form edits as a list of IDs.

export interface ResourceApi {
  /** Object type of the records, e.g. Hospital. */
  type: string
  /** Many-to-many relations read as a connection and written as a list of global IDs. */
  idLists?: Record<string, { connection: string; reference: string }>
}

export const RESOURCES = {
  divisions: { type: 'Division' },
  settlements: { type: 'Settlement' },
  communities: { type: 'Community' },
  industrialParks: {
    type: 'IndustrialPark',
    idLists: { supportedSettlementIds: { connection: 'supportedSettlements', reference: 'settlements' } },
  },
  enterprises: { type: 'Enterprise' },
  hospitals: { type: 'Hospital' },
  schools: { type: 'School' },
  careFacilities: { type: 'CareFacility' },
  indicators: { type: 'Indicator' },
  sources: { type: 'Source' },
} satisfies Record<string, ResourceApi>

export type ResourceName = keyof typeof RESOURCES

export const RESOURCE_NAMES = Object.keys(RESOURCES) as ResourceName[]

export function resourceApi(resource: string): ResourceApi {
  const api = (RESOURCES as Record<string, ResourceApi>)[resource]
  if (!api) throw new Error(`Unknown resource "${resource}"`)
  return api
}

const RESOURCE_OF_TYPE = Object.fromEntries(
  Object.entries(RESOURCES).map(([resource, { type }]) => [type, resource as ResourceName]),
) as Record<string, ResourceName>

/** The console resource of a record type (`Hospital` → `hospitals`). */
export function resourceOfType(type: string): ResourceName | undefined {
  return RESOURCE_OF_TYPE[type]
}

/** Record types, in menu order (the hub's RecordType enum). */
export const RECORD_TYPES = RESOURCE_NAMES.map((resource) => RESOURCES[resource].type)

/** A global ID from a type and a database id, encoded as the hub does (audit changes hold database ids). */
export function globalId(type: string, id: number | string): string {
  return btoa(`${type}:${id}`)
}
