// The six scenarios as each server is asked them. The baseline serves our schema's shape, so it
// gets our documents; PostGraphile gets the equivalent document in its own schema.
import { type Fixtures, globalId } from './fixtures.ts'

export const SCENARIOS = ['list', 'nested', 'byId', 'aggregate', 'update', 'cold'] as const
export type ScenarioName = (typeof SCENARIOS)[number]

export const SCENARIO_TITLES: Record<ScenarioName, string> = {
  list: '1. list',
  nested: '2. nested',
  byId: '3. by id',
  aggregate: '4. aggregate',
  update: '5. update',
  cold: '6. cold documents',
}

/** What the load worker sends; all of it travels over IPC, so no functions. */
export type LoadSpec =
  | { kind: 'static'; body: string }
  /** Every request replaces __ALIAS__ with a new alias, so no document cache hits. */
  | { kind: 'cold'; template: string }
  /**
   * Each connection changes its own hospital: variables { id, openBeds } and, when versionPath is
   * set, the version the previous response returned (the first comes from `hospitals`).
   */
  | {
      kind: 'update'
      query: string
      hospitals: { id: string | number; version: number | null }[]
      versionPath: string[] | null
      /** E.g. the session cookie of an editor: the hub refuses anonymous changes. */
      headers?: Record<string, string>
    }

export type Target = 'ours' | 'postgraphile' | 'baseline' | 'ceiling'

const body = (query: string) => JSON.stringify({ query })

// ——— Ours (and the baseline, which answers the same documents) ————————————————————————

export function ourList(f: Fixtures, alias = '') {
  return `{ ${alias}careFacilities(first: 50, where: {withinDivision: "${globalId('Division', f.county.id)}", kind: {equals: ELDERLY_CANTEEN}}, orderBy: [{field: NAME_ZH}]) { totalCount nodes { id nameZh kind peopleServed } } }`
}

// Synthetic settlements hang from townships, not counties (prisma/seed/synthetic/relocation.ts):
// 11 counties have 2 settlements between them, so the tree starts at the first 11 townships.
export const OUR_NESTED = `{ divisions(where: {level: {equals: TOWNSHIP}}, first: 11) { nodes { nameZh settlements(first: 10) { nodes { nameZh relocatedPopulation communities(first: 10) { nodes { nameZh relocatedPopulation careFacilities(first: 5) { nodes { nameZh kind peopleServed } } } } } } } } }`

export function ourById(f: Fixtures) {
  return `{ node(id: "${globalId('Hospital', f.hospital.id)}") { id ... on Hospital { nameZh role plannedBeds openBeds version division { id nameZh } citations { field statedAs qualifier quote source { nameZh } } } } }`
}

export const OUR_AGGREGATE = `{ careFacilitiesAggregate(groupBy: {divisionLevel: COUNTY, kind: true}) { division { nameZh } kind count } }`

export const OUR_UPDATE = `mutation Update($id: ID!, $version: Int!, $openBeds: Int) { updateHospital(id: $id, version: $version, input: {openBeds: $openBeds}) { id version openBeds } }`

export function ourSpecs(f: Fixtures, versions: Map<number, number>, cookie?: string): Record<ScenarioName, LoadSpec> {
  return {
    list: { kind: 'static', body: body(ourList(f)) },
    nested: { kind: 'static', body: body(OUR_NESTED) },
    byId: { kind: 'static', body: body(ourById(f)) },
    aggregate: { kind: 'static', body: body(OUR_AGGREGATE) },
    update: {
      kind: 'update',
      query: OUR_UPDATE,
      hospitals: f.updateHospitalIds.map((id) => ({ id: globalId('Hospital', id), version: versions.get(id) ?? null })),
      versionPath: ['data', 'updateHospital', 'version'],
      ...(cookie ? { headers: { cookie } } : {}),
    },
    cold: { kind: 'cold', template: body(ourList(f, '__ALIAS__: ')) },
  }
}

export function baselineSpecs(f: Fixtures): Partial<Record<ScenarioName, LoadSpec>> {
  const ours = ourSpecs(f, new Map())
  return { list: ours.list, nested: ours.nested, byId: ours.byId }
}

// ——— PostGraphile v5 (amber preset + postgraphile-plugin-connection-filter) ————————————

/** "Within a division" as the connection filter states it: the division's ancestor ids contain it. */
export function pgList(f: Fixtures, alias = '') {
  return `{ ${alias}allCareFacilities(first: 50, filter: {divisionByDivisionId: {ancestorIds: {contains: [${f.county.id}]}}, kind: {equalTo: ELDERLY_CANTEEN}}, orderBy: [NAME_ZH_ASC, PRIMARY_KEY_ASC]) { totalCount nodes { id nameZh kind peopleServed } } }`
}

export const PG_NESTED = `{ allDivisions(condition: {level: TOWNSHIP}, first: 11, orderBy: PRIMARY_KEY_ASC) { nodes { nameZh settlementsByDivisionId(first: 10, orderBy: PRIMARY_KEY_ASC) { nodes { nameZh relocatedPopulation communitiesBySettlementId(first: 10, orderBy: PRIMARY_KEY_ASC) { nodes { nameZh relocatedPopulation careFacilitiesByCommunityId(first: 5, orderBy: PRIMARY_KEY_ASC) { nodes { nameZh kind peopleServed } } } } } } } } }`

export function pgById(nodeId: string) {
  return `{ node(id: "${nodeId}") { id ... on Hospital { nameZh role plannedBeds openBeds version divisionByDivisionId { id nameZh } citationsByHospitalId(orderBy: PRIMARY_KEY_ASC) { nodes { field statedAs qualifier quote sourceBySourceId { nameZh } } } } } }`
}

/** PostGraphile has no optimistic locking: the patch is applied as is and `version` is not bumped. */
export const PG_UPDATE = `mutation Update($id: Int!, $openBeds: Int) { updateHospitalByRowId(input: {rowId: $id, hospitalPatch: {openBeds: $openBeds}}) { hospital { id version openBeds } } }`

export function postgraphileSpecs(f: Fixtures, hospitalNodeId: string): Partial<Record<ScenarioName, LoadSpec>> {
  return {
    list: { kind: 'static', body: body(pgList(f)) },
    nested: { kind: 'static', body: body(PG_NESTED) },
    byId: { kind: 'static', body: body(pgById(hospitalNodeId)) },
    update: {
      kind: 'update',
      query: PG_UPDATE,
      hospitals: f.updateHospitalIds.map((id) => ({ id, version: null })),
      versionPath: null,
    },
    cold: { kind: 'cold', template: body(pgList(f, '__ALIAS__: ')) },
  }
}

/** The ceiling answers a constant body whatever it is sent; it gets the list document. */
export function ceilingSpecs(f: Fixtures): Partial<Record<ScenarioName, LoadSpec>> {
  return { list: { kind: 'static', body: body(ourList(f)) } }
}
