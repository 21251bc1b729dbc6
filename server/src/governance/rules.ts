// Who may review a change set: pure decisions, tested on their own.
import type { Actor } from '../auth/actor.ts'
import { isReviewer } from '../auth/permissions.ts'

export interface ReviewedSet {
  authorId: number | null
  /** The division path of each record the set changes (empty for records outside any division). */
  changes: { divisionPath: number[] }[]
}

/**
 * Why this actor may not approve or reject the set, or null when they may: reviewers and admins
 * only; never their own set (four eyes); a reviewer scoped to a division only sets whose every
 * record lies inside it.
 */
export function reviewRefusal(actor: Actor, set: ReviewedSet): 'FORBIDDEN' | 'SELF_REVIEW' | null {
  if (!isReviewer(actor) || actor.kind !== 'user') return 'FORBIDDEN'
  if (set.authorId === actor.userId) return 'SELF_REVIEW'
  const scope = actor.scopeDivisionId
  if (scope != null && !set.changes.every((change) => change.divisionPath.includes(scope))) return 'FORBIDDEN'
  return null
}

/** Whether the actor may submit, amend or withdraw the set: its author, or an admin. */
export function mayManageOwnSet(actor: Actor, set: { authorId: number | null }): boolean {
  return actor.kind === 'user' && (set.authorId === actor.userId || actor.role === 'ADMIN')
}
