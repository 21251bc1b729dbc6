// The audit trail (`auditEvents`, admins): paged by the hub with cursors, remembered per page so
// numbered pages work.
import { isEmpty, type Json, type ListParams, oneOf, operatorProvider, type Send } from './local.ts'

const AUDIT_LIST = 'id at actorKind actorName recordType recordId action changes reason version'

/** The next day at midnight, local time (`to` is exclusive; the filter names an inclusive day). */
function dayAfter(day: string) {
  const date = new Date(`${day.slice(0, 10)}T00:00:00`)
  date.setDate(date.getDate() + 1)
  return date
}

/** Arguments of `auditEvents` from the list's filter: type, record, actor, and days from/to (inclusive). */
export function auditArguments(filter: Json = {}): Json {
  const args: Json = {}
  if (!isEmpty(filter.recordType)) args.recordType = filter.recordType
  if (!isEmpty(filter.recordId)) args.recordId = filter.recordId
  if (typeof filter.actorName === 'string' && filter.actorName.trim()) args.actorName = filter.actorName.trim()
  if (!isEmpty(filter.from)) args.from = new Date(`${String(filter.from).slice(0, 10)}T00:00:00`).toISOString()
  if (!isEmpty(filter.to)) args.to = dayAfter(String(filter.to)).toISOString()
  return args
}

const AUDIT_QUERY = `query Audit($first: Int, $after: String, $recordType: RecordType, $recordId: ID, $actorName: String, $from: DateTime, $to: DateTime) {
  auditEvents(first: $first, after: $after, recordType: $recordType, recordId: $recordId, actorName: $actorName, from: $from, to: $to) {
    totalCount pageInfo { endCursor hasNextPage } nodes { ${AUDIT_LIST} }
  }
}`

interface AuditPage {
  totalCount: number
  pageInfo: { endCursor: string | null; hasNextPage: boolean }
  nodes: Json[]
}

export function createAuditEventsProvider(send: Send) {
  /** End cursors of pages already read: `<filter>|<perPage>|<page>` → cursor after it. */
  const cursors = new Map<string, string | null>()

  async function page(params: ListParams, signal?: AbortSignal) {
    const args = auditArguments(params.filter)
    const { page = 1, perPage = 25 } = params.pagination || {}
    const prefix = `${JSON.stringify(args)}|${perPage}|`
    const key = (n: number) => `${prefix}${n}`
    // The first page starts afresh: newer events may have moved every later page.
    if (page === 1) for (const known of [...cursors.keys()]) if (known.startsWith(prefix)) cursors.delete(known)
    // Pages before this one whose end is not known yet are walked once, from the nearest known.
    let known = page - 1
    while (known > 0 && !cursors.has(key(known))) known--
    let after = known > 0 ? (cursors.get(key(known)) ?? null) : null
    for (let n = known + 1; n < page; n++) {
      const data = await send<{ auditEvents: AuditPage }>(AUDIT_QUERY, { ...args, first: perPage, after }, signal)
      after = data.auditEvents.pageInfo.endCursor
      cursors.set(key(n), after)
      if (!data.auditEvents.pageInfo.hasNextPage) break
    }
    const data = await send<{ auditEvents: AuditPage }>(AUDIT_QUERY, { ...args, first: perPage, after }, signal)
    cursors.set(key(page), data.auditEvents.pageInfo.endCursor)
    return { data: data.auditEvents.nodes, total: data.auditEvents.totalCount }
  }

  const provider = operatorProvider({
    getList: (_resource, params) => page(params, params.signal) as never,
    getOne: (resource, { id, signal }) => oneOf(provider, resource, id, signal) as never,
  })
  return provider
}
