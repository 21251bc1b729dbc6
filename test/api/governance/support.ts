// Review before publication, as the governance suites drive it: a hub with REVIEW=on, a partner key
// that reads what is published, and the steps of review by the operators who take them.
import { expect } from 'vitest'
import { type Caller, type GraphQLResponse, startTestHub, type TestHub } from '../../setup/hub.ts'
import { type SeededRefs, seededRefs } from '../support.ts'

export async function startReviewHub(): Promise<TestHub> {
  return startTestHub({ config: { REVIEW: 'on' } })
}

/** What a governance suite starts from: a review hub, its seeded references, and a partner's key. */
export async function startReviewSuite(): Promise<{ t: TestHub; refs: SeededRefs; key: Caller }> {
  const t = await startReviewHub()
  return { t, refs: await seededRefs(t), key: await partnerKey(t) }
}

/** A key that reads every record type, restricted fields included: a partner system. */
export async function partnerKey(t: TestHub): Promise<Caller> {
  const data = await t.data(
    `mutation { createApiKey(input: { name: "partner ${Math.random()}", scopes: ["read", "restricted"] }) { secret } }`,
  )
  return { bearer: data.createApiKey.secret }
}

export type OpenSet = { id: string; version: number; status: string }

/** The open change set holding a record (trashed ones too, which node(id) no longer finds). */
export async function setHolding(t: TestHub, recordId: string): Promise<OpenSet> {
  const { changeSets } = await t.data(
    `{ changeSets(first: 200, where: { status: [DRAFT, PENDING, REJECTED] }) { nodes { id version status changes { recordId } } } }`,
  )
  const set = changeSets.nodes.find((s: { changes: { recordId: string }[] }) =>
    s.changes.some((change) => change.recordId === recordId),
  )
  if (!set) throw new Error(`No open change set holds ${recordId}`)
  return { id: set.id, version: set.version, status: set.status }
}

export async function approve(t: TestHub, reviewer: Caller, set: { id: string; version: number }, reason?: string) {
  return t.gqlAs(
    reviewer,
    `mutation ($id: ID!, $version: Int!, $reason: String) {
      approveChangeSet(id: $id, version: $version, reason: $reason) { id status version reviewerName }
    }`,
    { ...set, reason },
  )
}

export async function reject(t: TestHub, reviewer: Caller, set: { id: string; version: number }, reason: string) {
  return t.gqlAs(
    reviewer,
    `mutation ($id: ID!, $version: Int!, $reason: String!) {
      rejectChangeSet(id: $id, version: $version, reason: $reason) { id status version reviewReason }
    }`,
    { ...set, reason },
  )
}

/** Approves the set holding `recordId`, failing the test unless it is approved. */
export async function approveRecord(t: TestHub, reviewer: Caller, recordId: string) {
  const result = await approve(t, reviewer, await setHolding(t, recordId))
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined()
  return result.data?.approveChangeSet
}

export function codeOf(result: GraphQLResponse) {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1)
  return result.errors?.[0]?.extensions?.code
}
