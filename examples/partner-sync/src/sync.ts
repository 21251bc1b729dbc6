// The incremental-sync recipe (docs/partners.md, section 2) for hospitals and care facilities:
// store where the change feed stands, pull every record once, then apply the changes from the
// stored cursor. The replica is plain JSON, so a partner can keep it in a file (src/main.ts).
import type { HubClient } from './client.ts'
import {
  CareFacilitiesPageDocument,
  type CareFacilityFieldsFragment,
  ChangesSinceDocument,
  type ChangesSinceQuery,
  FeedHeadDocument,
  type HospitalFieldsFragment,
  HospitalsPageDocument,
} from './gql/graphql.ts'

/** The partner's copy: the records it keeps, by global ID, and where the feed stood for them. */
export interface Replica {
  /** Pass it as `after` next time; the feed continues from here without skipping or repeating. */
  cursor: string
  hospitals: Record<string, HospitalFieldsFragment>
  careFacilities: Record<string, CareFacilityFieldsFragment>
}

export type Change = ChangesSinceQuery['changes']['edges'][number]['node']

/** The hub's largest list page; a partner may ask for less. */
const LIST_PAGE = 200
/** The hub's largest page of changes. */
const CHANGES_PAGE = 500

interface Page<T> {
  nodes: T[]
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
}

/** Every record of one list, following its cursors to the end. */
async function pullList<T extends { id: string }>(
  page: (after: string | null) => Promise<Page<T>>,
): Promise<Record<string, T>> {
  const records: Record<string, T> = {}
  let after: string | null = null
  for (;;) {
    const { nodes, pageInfo } = await page(after)
    for (const node of nodes) records[node.id] = node
    if (!pageInfo.hasNextPage || pageInfo.endCursor === null) return records
    after = pageInfo.endCursor
  }
}

/**
 * A new replica: the feed's head first, then every record. Whatever is published while the lists
 * are read is caught up by the first `pullChanges` (applying a change twice does no harm).
 */
export async function fullPull(client: HubClient, pageSize = LIST_PAGE): Promise<Replica> {
  const { changes } = await client.request(FeedHeadDocument)
  const hospitals = await pullList(
    async (after) => (await client.request(HospitalsPageDocument, { first: pageSize, after })).hospitals,
  )
  const careFacilities = await pullList(
    async (after) => (await client.request(CareFacilitiesPageDocument, { first: pageSize, after })).careFacilities,
  )
  return { cursor: changes.headCursor, hospitals, careFacilities }
}

/**
 * One change applied to the replica: the record as published replaces the copy; no record
 * (trashed, purged, moved out, or no longer readable with this key) removes it.
 */
export function applyChange(replica: Replica, change: Change): void {
  const { record } = change
  if (record?.__typename === 'Hospital') replica.hospitals[record.id] = record
  else if (record?.__typename === 'CareFacility') replica.careFacilities[record.id] = record
  else if (record === null && change.recordType === 'Hospital') delete replica.hospitals[change.recordId]
  else if (record === null && change.recordType === 'CareFacility') delete replica.careFacilities[change.recordId]
  // Other types are not asked for (`types:` in ChangesSince) and not kept.
}

export interface PullOptions {
  pageSize?: number
  /** Called after each page is applied, with the new cursor in the replica: store it there. */
  onPage?: (replica: Replica) => Promise<void> | void
}

/** Applies every change since the replica's cursor, page by page; returns how many it applied. */
export async function pullChanges(client: HubClient, replica: Replica, options: PullOptions = {}): Promise<number> {
  const first = options.pageSize ?? CHANGES_PAGE
  let applied = 0
  for (;;) {
    const { changes } = await client.request(ChangesSinceDocument, { after: replica.cursor, first })
    for (const edge of changes.edges) applyChange(replica, edge.node)
    applied += changes.edges.length
    replica.cursor = changes.nextCursor
    await options.onPage?.(replica)
    if (!changes.pageInfo.hasNextPage) return applied
  }
}
