// The baseline: graphql-yoga with hand-written resolvers, one SQL statement per request, for the
// list, nested and by-id documents the hub is measured with (same schema shape, same global IDs).
// It answers exactly those documents; it is what "as fast as Yoga and PostgreSQL allow" means here.
//   DATABASE_URL=postgresql://… PORT=… node --import tsx src/servers/baseline.ts
import { createServer } from 'node:http'
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql'
import { createSchema, createYoga } from 'graphql-yoga'
import pg from 'pg'
import { countStatements } from './statement-counter.ts'

const port = Number(process.env.PORT ?? 5680)
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
const counter = countStatements(pool)

const typeDefs = /* GraphQL */ `
  interface Node { id: ID! }
  enum CareFacilityKind { ELDERLY_CANTEEN ELDERLY_SERVICE_CENTRE DISABILITY_CARE_INSTITUTION TOWNSHIP_ELDERLY_CENTRE
    COMMUNITY_HOME_CARE_CENTRE NURSING_HOME CHILDRENS_HOME CHILDCARE_CENTRE }
  enum DivisionLevel { PROVINCE CITY COUNTY TOWNSHIP COMMUNITY }
  enum HospitalRole { PROVINCIAL_REGIONAL_MEDICAL_CENTRE GENERAL_HOSPITAL SPECIALTY_HOSPITAL
    MEDICAL_COMMUNITY_HEAD_HOSPITAL TCM_HOSPITAL TOWNSHIP_HEALTH_CENTRE COMMUNITY_HEALTH_CENTRE }
  enum FigureQualifier { EXACT MORE_THAN NEARLY PLANNED }
  enum CareFacilityOrderField { NAME_ZH }
  enum SortDirection { ASC DESC }
  input CareFacilityOrderBy { field: CareFacilityOrderField!, direction: SortDirection = ASC }
  input CareFacilityKindFilter { equals: CareFacilityKind }
  input CareFacilityWhere { withinDivision: ID, kind: CareFacilityKindFilter }
  input DivisionLevelFilter { equals: DivisionLevel }
  input DivisionWhere { level: DivisionLevelFilter }
  type Query {
    careFacilities(first: Int, after: String, where: CareFacilityWhere, orderBy: [CareFacilityOrderBy!]): CareFacilityConnection!
    divisions(first: Int, after: String, where: DivisionWhere): DivisionConnection!
    node(id: ID!): Node
  }
  type CareFacilityConnection { totalCount: Int!, nodes: [CareFacility!]! }
  type CareFacility implements Node { id: ID!, nameZh: String!, kind: CareFacilityKind!, peopleServed: Int }
  type DivisionConnection { nodes: [Division!]! }
  type Division implements Node { id: ID!, nameZh: String!, settlements(first: Int): SettlementConnection! }
  type SettlementConnection { nodes: [Settlement!]! }
  type Settlement { nameZh: String!, relocatedPopulation: Int, communities(first: Int): CommunityConnection! }
  type CommunityConnection { nodes: [Community!]! }
  type Community { nameZh: String!, relocatedPopulation: Int, careFacilities(first: Int): CareFacilityConnection! }
  type Hospital implements Node {
    id: ID!, nameZh: String!, role: HospitalRole!, plannedBeds: Int, openBeds: Int, version: Int!
    division: Division!, citations: [Citation!]!
  }
  type Citation { field: String!, statedAs: String, qualifier: FigureQualifier!, quote: String!, source: Source! }
  type Source { nameZh: String! }
`

const encode = (typename: string, id: number) => Buffer.from(`${typename}:${id}`).toString('base64')
function decode(globalId: string) {
  const [typename, id] = Buffer.from(globalId, 'base64').toString('utf8').split(':')
  return { typename, id: Number(id) }
}
/**
 * The id in one of the hub's keyset cursors (server/src/records/cursors.ts): base64url of
 * `[version, typename, order, [...sort values, id]]`; null without one.
 */
function afterId(cursor: string | null | undefined): number | null {
  if (!cursor) return null
  const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))?.[3]
  const id = Array.isArray(values) ? values.at(-1) : undefined
  if (!Number.isSafeInteger(id)) throw new Error(`Invalid cursor: ${cursor}`)
  return id
}

// One statement: the total and the page as two sub-plans; the page starts after the cursor's
// record in (name, id) order, as the hub's cursor pagination does. (count(*) OVER () would be one plan
// too, but it makes PostgreSQL join every match before the LIMIT: 28 ms instead of 6 ms here.)
const LIST_SQL = `
  SELECT t.total, p.id, p."nameZh", p.kind, p."peopleServed"
  FROM (SELECT count(*) AS total FROM "CareFacility" c JOIN "Division" d ON d.id = c."divisionId"
        WHERE d."ancestorIds" @> ARRAY[$1::int] AND c.kind = $2::"CareFacilityKind") t
  LEFT JOIN LATERAL (
    SELECT c.id, c."nameZh", c.kind, c."peopleServed"
    FROM "CareFacility" c JOIN "Division" d ON d.id = c."divisionId"
    WHERE d."ancestorIds" @> ARRAY[$1::int] AND c.kind = $2::"CareFacilityKind"
      AND ($4::int IS NULL OR (c."nameZh", c.id) > (SELECT a."nameZh", a.id FROM "CareFacility" a WHERE a.id = $4::int))
    ORDER BY c."nameZh", c.id LIMIT $3) p ON true`

// One statement: the whole tree as JSON, each level limited with LATERAL.
const NESTED_SQL = `
  SELECT d.id, d."nameZh", s.items AS settlements
  FROM (SELECT id, "nameZh" FROM "Division" WHERE level = $1::"DivisionLevel" AND ($6::int IS NULL OR id > $6::int)
        ORDER BY id LIMIT $2) d
  CROSS JOIN LATERAL (
    SELECT coalesce(json_agg(json_build_object('nameZh', s."nameZh", 'relocatedPopulation', s."relocatedPopulation",
      'communities', c.items) ORDER BY s.id), '[]') AS items
    FROM (SELECT id, "nameZh", "relocatedPopulation" FROM "Settlement" WHERE "divisionId" = d.id ORDER BY id LIMIT $3) s
    CROSS JOIN LATERAL (
      SELECT coalesce(json_agg(json_build_object('nameZh', c."nameZh", 'relocatedPopulation', c."relocatedPopulation",
        'careFacilities', f.items) ORDER BY c.id), '[]') AS items
      FROM (SELECT id, "nameZh", "relocatedPopulation" FROM "Community" WHERE "settlementId" = s.id ORDER BY id LIMIT $4) c
      CROSS JOIN LATERAL (
        SELECT coalesce(json_agg(json_build_object('nameZh', f."nameZh", 'kind', f.kind, 'peopleServed', f."peopleServed")
          ORDER BY f.id), '[]') AS items
        FROM (SELECT id, "nameZh", kind, "peopleServed" FROM "CareFacility" WHERE "communityId" = c.id ORDER BY id LIMIT $5) f
      ) f
    ) c
  ) s
  ORDER BY d.id`

const HOSPITAL_SQL = `
  SELECT h.id, h."nameZh", h.role, h."plannedBeds", h."openBeds", h.version,
    json_build_object('id', d.id, 'nameZh', d."nameZh") AS division,
    coalesce((SELECT json_agg(json_build_object('field', c.field, 'statedAs', c."statedAs", 'qualifier', c.qualifier,
        'quote', c.quote, 'source', json_build_object('nameZh', s."nameZh")) ORDER BY c.id)
      FROM "Citation" c JOIN "Source" s ON s.id = c."sourceId" WHERE c."hospitalId" = h.id), '[]') AS citations
  FROM "Hospital" h JOIN "Division" d ON d.id = h."divisionId"
  WHERE h.id = $1`

/** The literal `first` argument of the field at `path` below the current field (nested limits). */
function nestedFirst(info: GraphQLResolveInfo, path: string[], fallback: number): number {
  let selections: SelectionSetNode | undefined = (info.fieldNodes[0] as FieldNode).selectionSet
  let field: FieldNode | undefined
  for (const name of path) {
    field = selections?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name)
    selections = field?.selectionSet
  }
  const arg = field?.arguments?.find((a) => a.name.value === 'first')
  return arg?.value.kind === Kind.INT ? Number(arg.value.value) : fallback
}

type Row = Record<string, unknown>

const resolvers = {
  Query: {
    async careFacilities(
      _: unknown,
      args: { first?: number; after?: string | null; where?: { withinDivision?: string; kind?: { equals?: string } } },
    ) {
      const division = decode(args.where?.withinDivision ?? '')
      const { rows } = await pool.query(LIST_SQL, [
        division.id,
        args.where?.kind?.equals,
        args.first ?? 20,
        afterId(args.after),
      ])
      // With no match the one row holds the total and nulls.
      return { totalCount: Number(rows[0]?.total ?? 0), nodes: rows.filter((row) => row.id !== null) }
    },
    async divisions(
      _: unknown,
      args: { first?: number; after?: string | null; where?: { level?: { equals?: string } } },
      __: unknown,
      info: GraphQLResolveInfo,
    ) {
      const settlements = nestedFirst(info, ['nodes', 'settlements'], 20)
      const communities = nestedFirst(info, ['nodes', 'settlements', 'nodes', 'communities'], 20)
      const facilities = nestedFirst(
        info,
        ['nodes', 'settlements', 'nodes', 'communities', 'nodes', 'careFacilities'],
        20,
      )
      const { rows } = await pool.query(NESTED_SQL, [
        args.where?.level?.equals,
        args.first ?? 20,
        settlements,
        communities,
        facilities,
        afterId(args.after),
      ])
      return { nodes: rows }
    },
    async node(_: unknown, args: { id: string }) {
      const { typename, id } = decode(args.id)
      if (typename !== 'Hospital' || !Number.isSafeInteger(id)) return null
      const { rows } = await pool.query(HOSPITAL_SQL, [id])
      return rows[0] ? { __typename: 'Hospital', ...rows[0] } : null
    },
  },
  Node: { __resolveType: (node: Row) => node.__typename },
  CareFacility: { id: (row: Row) => encode('CareFacility', row.id as number) },
  Division: {
    id: (row: Row) => encode('Division', row.id as number),
    settlements: (row: Row) => ({ nodes: row.settlements }),
  },
  Settlement: { communities: (row: Row) => ({ nodes: row.communities }) },
  Community: { careFacilities: (row: Row) => ({ nodes: row.careFacilities }) },
  Hospital: { id: (row: Row) => encode('Hospital', row.id as number) },
}

const yoga = createYoga({
  schema: createSchema({ typeDefs, resolvers }),
  graphqlEndpoint: '/graphql',
  maskedErrors: true,
  batching: false,
  landingPage: false,
  graphiql: false,
})
const server = createServer((request, response) => {
  if (!counter.handle(request, response)) yoga(request, response)
})
server.listen(port, '127.0.0.1', () => console.log(`ready http://127.0.0.1:${port}/graphql`))

process.once('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
  pool.end().then(() => process.exit(0))
})
