// What a subscriber learns about one committed change, and who may learn it: pure rules.
import type { Actor } from '../auth/actor.ts'
import { canRead } from '../auth/permissions.ts'
import type { AuditAction } from '../records/audit.ts'

/** What a change did: the audit trail's words for the same change (one set of actions). */
export type ChangeAction = AuditAction

/** One committed change as it travels between hubs (JSON: dates as ISO strings). */
export interface RecordChangeEvent {
  recordType: string
  recordId: number
  action: ChangeAction
  /** The record's version after the change; its last version when purged. */
  version: number | null
  /** The division the record belongs to (a division: itself); null for records outside any. */
  divisionId: number | null
  /** That division and its ancestors, so a filter on any of them matches without a query. */
  divisionPath: number[]
  at: string
  actorName: string
  requestId: string
  /** A publication (partners hear of these) rather than a change to the working copy (operators). */
  published: boolean
}

export interface ChangeFilter {
  types?: readonly string[] | null
  /** Only records in this division or beneath it. */
  divisionId?: number | null
}

/** Whether the subscriber asked for this change. */
export function matchesFilter(event: RecordChangeEvent, filter: ChangeFilter): boolean {
  if (filter.types?.length && !filter.types.includes(event.recordType)) return false
  if (filter.divisionId != null && !event.divisionPath.includes(filter.divisionId)) return false
  return true
}

/**
 * Whether the subscriber may learn of this change at all: exactly when it could read records of the
 * type with a query. Reads are not limited by division (an editor's division limits what it may
 * change), so a division-scoped operator hears of every change it could query.
 */
export function mayReceive(actor: Actor, publicRead: boolean, event: RecordChangeEvent): boolean {
  return canRead(actor, event.recordType, publicRead)
}

/** Who made a change and through which request: operators only, as in a record's history. */
export function mayKnowWho(actor: Actor): boolean {
  return actor.kind === 'user'
}
