// PostGraphile names records by its own node IDs and cursors; before its runs, the bench asks it
// for those of every record in the pools (fixtures.ts), a few requests in all.
import type { Fixtures } from './fixtures.ts'
import type { PostGraphileIds } from './scenarios.ts'
import { postGraphQL } from './statements.ts'

type Edge = { cursor: string; node: { rowId: number } }

async function ask<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { json } = await postGraphQL(url, JSON.stringify({ query, variables }))
  if (json.errors || !json.data) throw new Error(`PostGraphile refused a lookup: ${JSON.stringify(json).slice(0, 500)}`)
  return json.data as T
}

const byRowId = (edges: Edge[]) => new Map(edges.map((edge) => [edge.node.rowId, edge.cursor]))

export async function postgraphileIds(url: string, f: Fixtures): Promise<PostGraphileIds> {
  const hospitals = await ask<{ allHospitals: { nodes: { id: string; rowId: number }[] } }>(
    url,
    '{ allHospitals { nodes { id rowId } } }',
  )
  const townships = await ask<{ allDivisions: { edges: Edge[] } }>(
    url,
    '{ allDivisions(condition: {level: TOWNSHIP}, orderBy: PRIMARY_KEY_ASC) { edges { cursor node { rowId } } } }',
  )
  // The cursors of each (county, kind) list the pool pages through, in the scenario's order.
  const lists = new Map<string, { division: number; kind: string }>()
  for (const entry of f.pools.list) {
    if (entry.afterId !== null) lists.set(`${entry.division}:${entry.kind}`, entry)
  }
  const listCursors = new Map<number, string>()
  for (const { division, kind } of lists.values()) {
    const data = await ask<{ allCareFacilities: { edges: Edge[] } }>(
      url,
      `query Cursors($division: Int!, $kind: CareFacilityKind!) { allCareFacilities(filter: {divisionByDivisionId: {ancestorIds: {contains: [$division]}}, kind: {equalTo: $kind}}, orderBy: [NAME_ZH_ASC, PRIMARY_KEY_ASC]) { edges { cursor node { rowId } } } }`,
      { division, kind },
    )
    for (const [id, cursor] of byRowId(data.allCareFacilities.edges)) listCursors.set(id, cursor)
  }
  return {
    listCursors,
    townshipCursors: byRowId(townships.allDivisions.edges),
    hospitalNodeIds: new Map(hospitals.allHospitals.nodes.map((node) => [node.rowId, node.id])),
  }
}
