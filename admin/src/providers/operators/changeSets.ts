// Change sets (review before publication): the review queue (`reviews`, sets others submitted that
// the operator may review) and the author's own (`myChanges`). The hub pages them with cursors, the
// longest waiting first; the console reads the first MAX_SETS and searches and pages them here.
// The steps of review (approve, reject, withdraw, submit) are sent at the version the page showed.
import hubSchema from 'virtual:hub-schema'
import type { HubSchema } from '../schema-types.ts'
import { isEmpty, type Json, localPage, operatorProvider, type Send } from './local.ts'

/** Most sets one list reads (the hub's largest page). */
export const MAX_SETS = 200

const CHANGE_SET =
  'id status origin note authorName submittedAt reviewedAt reviewerName reviewReason createdAt updatedAt version changeCount canReview canManage'

/** The names of changed records, for every record type that has one. */
function recordNames(schema: HubSchema) {
  return schema.records
    .filter(({ type }) => schema.objects[type]?.nameZh)
    .map(({ type }) => `... on ${type} { nameZh nameEn }`)
    .join(' ')
}

const CHANGES = `changes { recordType recordId action fields baseVersion version record { __typename id ${recordNames(hubSchema)} } }`
const HISTORY = 'history { id at actorKind actorName action reason }'

/** Days a set has waited, as the age filter offers them. */
export const AGE_CHOICES = [1, 3, 7, 30] as const

/** The `ChangeSetFilter` of a list: the queue's or the author's, with the list's filter values. */
export function changeSetWhere(resource: string, filter: Json = {}, now = Date.now()): Json {
  const where: Json =
    resource === 'reviews'
      ? { reviewable: true }
      : {
          mine: true,
          status: isEmpty(filter.status) ? ['DRAFT', 'PENDING', 'REJECTED'] : [filter.status].flat(),
        }
  if (!isEmpty(filter.withinDivision)) where.withinDivision = filter.withinDivision
  if (typeof filter.authorName === 'string' && filter.authorName.trim()) where.authorName = filter.authorName.trim()
  // Age: submitted at least this many days ago.
  if (!isEmpty(filter.olderThanDays)) {
    where.submittedBefore = new Date(now - Number(filter.olderThanDays) * 86_400_000).toISOString()
  }
  return where
}

export type ReviewStep = 'approve' | 'reject' | 'withdraw' | 'submit'

const STEP_FIELDS: Record<ReviewStep, string> = {
  approve: 'approveChangeSet(id: $id, version: $version, reason: $reason)',
  reject: 'rejectChangeSet(id: $id, version: $version, reason: $reason)',
  withdraw: 'withdrawChangeSet(id: $id, version: $version, reason: $reason)',
  submit: 'submitChangeSet(id: $id, version: $version, note: $reason)',
}

/** The mutation of one step of review; rejection requires its reason. */
export function stepMutation(step: ReviewStep) {
  const reason = step === 'reject' ? 'String!' : 'String'
  return `mutation Review($id: ID!, $version: Int!, $reason: ${reason}) { set: ${STEP_FIELDS[step]} { ${CHANGE_SET} } }`
}

export const CHANGE_SETS_QUERY = `query ChangeSets($where: ChangeSetFilter, $first: Int) { changeSets(where: $where, first: $first) { nodes { ${CHANGE_SET} } } }`

export const CHANGE_SET_QUERY = `query ChangeSet($id: ID!) { node(id: $id) { __typename ... on ChangeSet { ${CHANGE_SET} ${CHANGES} ${HISTORY} } } }`

export const REVIEW_COUNT_QUERY = 'query ReviewCount { changeSets(where: { reviewable: true }) { totalCount } }'

/** The author's sets a reviewer returned, waiting for them. */
export const RETURNED_COUNT_QUERY =
  'query ReturnedCount { changeSets(where: { mine: true, status: [REJECTED] }) { totalCount } }'

export function createChangeSetsProvider(send: Send) {
  const provider = operatorProvider({
    async getList(resource, params) {
      const { withinDivision: _d, authorName: _a, olderThanDays: _o, status: _s, ...rest } = params.filter ?? {}
      const data = await send<{ changeSets: { nodes: Json[] } }>(
        CHANGE_SETS_QUERY,
        { where: changeSetWhere(resource, params.filter), first: MAX_SETS },
        params.signal,
      )
      return localPage(data.changeSets.nodes, { ...params, filter: rest }, ['note', 'authorName']) as never
    },
    async getOne(_resource, { id, signal }) {
      const data = await send<{ node: Json | null }>(CHANGE_SET_QUERY, { id }, signal)
      if (data.node?.__typename !== 'ChangeSet') throw new Error('ra.notification.item_doesnt_exist')
      return { data: data.node as never }
    },
  })
  // getMany (the bulk approval's versions) from the list.
  provider.getMany = async (resource, { ids, signal }) => {
    const found = await Promise.all(ids.map((id) => provider.getOne(resource, { id, signal }).catch(() => null)))
    return { data: found.flatMap((one) => (one ? [one.data] : [])) }
  }
  return {
    provider,
    /** One step of review at the version shown; the set as it now stands. */
    async step(step: ReviewStep, id: string, version: number, reason?: string): Promise<Json> {
      // The hub says so (in the reader's language) when a rejection comes without its reason.
      const text = step === 'reject' ? (reason ?? '') : reason?.trim() || undefined
      const data = await send<{ set: Json }>(stepMutation(step), { id, version, reason: text })
      return data.set
    },
    /** How many sets wait for this operator: to review (`reviews`), or returned to them (`myChanges`). */
    async waitingCount(resource: 'reviews' | 'myChanges', signal?: AbortSignal): Promise<number> {
      const query = resource === 'reviews' ? REVIEW_COUNT_QUERY : RETURNED_COUNT_QUERY
      const data = await send<{ changeSets: { totalCount: number } }>(query, {}, signal)
      return data.changeSets.totalCount
    },
  }
}
