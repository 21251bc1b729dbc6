// The six scenarios as each server is asked them. The baseline serves our schema's shape, so it
// gets our documents; PostGraphile gets the equivalent document in its own schema. The read
// scenarios send their values as variables, drawn in turn from the pools of fixtures.ts.
import { type Fixtures, globalId, ourCursor } from './fixtures.ts'

export const SCENARIOS = ['list', 'nested', 'byId', 'aggregate', 'update', 'cold'] as const
export type ScenarioName = (typeof SCENARIOS)[number]
/** The scenarios measured with varied and with fixed variables. */
export const READ_SCENARIOS = ['list', 'nested', 'byId'] as const
export type ReadScenario = (typeof READ_SCENARIOS)[number]
/**
 * `varied`: each request takes the next entry of the scenario's pool, as real traffic would;
 * `fixed`: every request sends the pool's first entry (what a cache keyed on values favours).
 */
export type Variables = 'varied' | 'fixed'

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
  /** Request bodies sent in turn, one a request (the same order on every server). */
  | { kind: 'rotate'; bodies: string[] }
  /** As rotate, and every request replaces __ALIAS__ with a new alias, so no document cache hits. */
  | { kind: 'cold'; bodies: string[] }
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

const body = (query: string, variables?: Record<string, unknown>) =>
  JSON.stringify(variables ? { query, variables } : { query })

/** The same requests with the pool's first entry only: the `fixed` runs. */
export function fixedOf(spec: LoadSpec): LoadSpec {
  if (spec.kind === 'rotate') return { kind: 'static', body: spec.bodies[0] as string }
  if (spec.kind === 'cold') return { kind: 'cold', bodies: spec.bodies.slice(0, 1) }
  return spec
}

/** The first bodies of a spec: what the servers' answers are compared on. */
export function sampleBodies(spec: LoadSpec | undefined, count: number): string[] {
  if (spec?.kind === 'static') return [spec.body]
  if (spec?.kind === 'rotate') return spec.bodies.slice(0, count)
  return []
}

// ——— Ours (and the baseline, which answers the same documents) ————————————————————————

export function ourList(alias = '') {
  return `query List($division: ID!, $kind: CareFacilityKind!, $after: String) { ${alias}careFacilities(first: 50, after: $after, where: {withinDivision: $division, kind: {equals: $kind}}, orderBy: [{field: NAME_ZH}]) { totalCount nodes { id nameZh kind peopleServed } } }`
}

// Synthetic settlements hang from townships, not counties (prisma/seed/synthetic/relocation.ts):
// 11 counties have 2 settlements between them, so the tree starts at townships.
export const OUR_NESTED = `query Nested($after: String) { divisions(where: {level: {equals: TOWNSHIP}}, first: 11, after: $after) { nodes { nameZh settlements(first: 10) { nodes { nameZh relocatedPopulation communities(first: 10) { nodes { nameZh relocatedPopulation careFacilities(first: 5) { nodes { nameZh kind peopleServed } } } } } } } } }`

export const OUR_BY_ID = `query ById($id: ID!) { node(id: $id) { id ... on Hospital { nameZh role plannedBeds openBeds version division { id nameZh } citations { field statedAs qualifier quote source { nameZh } } } } }`

export const OUR_AGGREGATE = `{ careFacilitiesAggregate(groupBy: {divisionLevel: COUNTY, kind: true}) { division { nameZh } kind count } }`

/**
 * A form save, as an operator makes it on a hub with review on (REVIEW=on, the default, as the bench
 * runs it): the first save of a hospital opens a change set of its own (submitted at once), and each
 * later save by the same operator amends that set while it awaits review — the path every measured
 * update takes, since each connection saves its own hospital again and again. Checks the version,
 * the ERROR rules of data quality, writes the audit event and the set's change, and announces a
 * live event after commit.
 */
export const OUR_UPDATE = `mutation Update($id: ID!, $version: Int!, $openBeds: Int) { updateHospital(id: $id, version: $version, input: {openBeds: $openBeds}) { id version openBeds } }`

const ourListVariables = (f: Fixtures) =>
  f.pools.list.map((entry) => ({
    division: globalId('Division', entry.division),
    kind: entry.kind,
    after: entry.afterId === null ? null : ourCursor.careFacilityByName(entry.afterId, entry.afterName ?? ''),
  }))

export function ourSpecs(f: Fixtures, versions: Map<number, number>, cookie?: string): Record<ScenarioName, LoadSpec> {
  return {
    list: { kind: 'rotate', bodies: ourListVariables(f).map((v) => body(ourList(), v)) },
    nested: {
      kind: 'rotate',
      bodies: f.pools.nested.map((after) =>
        body(OUR_NESTED, { after: after === null ? null : ourCursor.division(after) }),
      ),
    },
    byId: { kind: 'rotate', bodies: f.pools.byId.map((id) => body(OUR_BY_ID, { id: globalId('Hospital', id) })) },
    aggregate: { kind: 'static', body: body(OUR_AGGREGATE) },
    update: {
      kind: 'update',
      query: OUR_UPDATE,
      hospitals: f.updateHospitalIds.map((id) => ({ id: globalId('Hospital', id), version: versions.get(id) ?? null })),
      versionPath: ['data', 'updateHospital', 'version'],
      ...(cookie ? { headers: { cookie } } : {}),
    },
    cold: { kind: 'cold', bodies: ourListVariables(f).map((v) => body(ourList('__ALIAS__: '), v)) },
  }
}

export function baselineSpecs(f: Fixtures): Partial<Record<ScenarioName, LoadSpec>> {
  const ours = ourSpecs(f, new Map())
  return { list: ours.list, nested: ours.nested, byId: ours.byId }
}

// ——— PostGraphile v5 (amber preset + postgraphile-plugin-connection-filter) ————————————

/** "Within a division" as the connection filter states it: the division's ancestor ids contain it. */
export function pgList(alias = '') {
  return `query List($division: Int!, $kind: CareFacilityKind!, $after: Cursor) { ${alias}allCareFacilities(first: 50, after: $after, filter: {divisionByDivisionId: {ancestorIds: {contains: [$division]}}, kind: {equalTo: $kind}}, orderBy: [NAME_ZH_ASC, PRIMARY_KEY_ASC]) { totalCount nodes { id nameZh kind peopleServed } } }`
}

export const PG_NESTED = `query Nested($after: Cursor) { allDivisions(condition: {level: TOWNSHIP}, first: 11, after: $after, orderBy: PRIMARY_KEY_ASC) { nodes { nameZh settlementsByDivisionId(first: 10, orderBy: PRIMARY_KEY_ASC) { nodes { nameZh relocatedPopulation communitiesBySettlementId(first: 10, orderBy: PRIMARY_KEY_ASC) { nodes { nameZh relocatedPopulation careFacilitiesByCommunityId(first: 5, orderBy: PRIMARY_KEY_ASC) { nodes { nameZh kind peopleServed } } } } } } } } }`

export const PG_BY_ID = `query ById($id: ID!) { node(id: $id) { id ... on Hospital { nameZh role plannedBeds openBeds version divisionByDivisionId { id nameZh } citationsByHospitalId(orderBy: PRIMARY_KEY_ASC) { nodes { field statedAs qualifier quote sourceBySourceId { nameZh } } } } } }`

/** PostGraphile has no optimistic locking: the patch is applied as is and `version` is not bumped. */
export const PG_UPDATE = `mutation Update($id: Int!, $openBeds: Int) { updateHospitalByRowId(input: {rowId: $id, hospitalPatch: {openBeds: $openBeds}}) { hospital { id version openBeds } } }`

/** PostGraphile's own identifiers of the pools' records: its cursors and node IDs (postgraphile-ids.ts). */
export interface PostGraphileIds {
  /** Care facility id → cursor in its (county, kind) list ordered by name. */
  listCursors: Map<number, string>
  /** Township id → cursor in the townships ordered by id. */
  townshipCursors: Map<number, string>
  /** Hospital id → node ID. */
  hospitalNodeIds: Map<number, string>
}

function known<T>(map: Map<number, T>, id: number, what: string): T {
  const value = map.get(id)
  if (value === undefined) throw new Error(`PostGraphile: no ${what} for ${id}`)
  return value
}

function pgListVariables(f: Fixtures, ids: PostGraphileIds) {
  return f.pools.list.map((entry) => ({
    division: entry.division,
    kind: entry.kind,
    after: entry.afterId === null ? null : known(ids.listCursors, entry.afterId, 'cursor'),
  }))
}

export function postgraphileSpecs(f: Fixtures, ids: PostGraphileIds): Partial<Record<ScenarioName, LoadSpec>> {
  return {
    list: { kind: 'rotate', bodies: pgListVariables(f, ids).map((v) => body(pgList(), v)) },
    nested: {
      kind: 'rotate',
      bodies: f.pools.nested.map((after) =>
        body(PG_NESTED, { after: after === null ? null : known(ids.townshipCursors, after, 'cursor') }),
      ),
    },
    byId: {
      kind: 'rotate',
      bodies: f.pools.byId.map((id) => body(PG_BY_ID, { id: known(ids.hospitalNodeIds, id, 'node ID') })),
    },
    update: {
      kind: 'update',
      query: PG_UPDATE,
      hospitals: f.updateHospitalIds.map((id) => ({ id, version: null })),
      versionPath: null,
    },
    cold: { kind: 'cold', bodies: pgListVariables(f, ids).map((v) => body(pgList('__ALIAS__: '), v)) },
  }
}

/** The ceiling answers a constant body whatever it is sent; it gets the first list request. */
export function ceilingSpecs(f: Fixtures): Partial<Record<ScenarioName, LoadSpec>> {
  return { list: fixedOf(ourSpecs(f, new Map()).list) }
}
