// Who may do what: pure decisions, tested on their own. The schema asks these through
// @pothos/plugin-scope-auth; resolvers never decide permissions themselves.
import { RECORD_MODELS } from '@minsheng/db'
import type { Actor } from './actor.ts'

/** Reference data every reader may see alongside the records it reads. */
const ALWAYS_READABLE = new Set(['Division', 'Source', 'Citation'])

/** Record types a key scope can name (`read:<Type>`): every record family of the data model. */
export const READ_SCOPE_TYPES: readonly string[] = RECORD_MODELS

export function scopeTypeOf(typename: string) {
  return typename === 'IndicatorObservation' ? 'Indicator' : typename
}

export function canRead(actor: Actor, typename: string, publicRead: boolean): boolean {
  switch (actor.kind) {
    case 'user':
      return true
    case 'key':
      if (actor.scopes.includes('read')) return true
      if (!actor.scopes.some((scope) => scope.startsWith('read:'))) return false
      return ALWAYS_READABLE.has(typename) || actor.scopes.includes(`read:${scopeTypeOf(typename)}`)
    case 'anonymous':
      return publicRead
  }
}

/** Restricted fields (contact phones, exact locations of children's homes). */
export function canReadRestricted(actor: Actor): boolean {
  return actor.kind === 'user' || (actor.kind === 'key' && actor.scopes.includes('restricted'))
}

export function isEditor(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'EDITOR' || actor.role === 'ADMIN')
}

/** Reviewers approve or reject other operators' change sets; admins review too. */
export function isReviewer(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'REVIEWER' || actor.role === 'ADMIN')
}

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role === 'ADMIN'
}

/**
 * Whether an editor may change a record in the division with these ancestor ids (the division's
 * own id included). Unscoped editors may change any record; records outside any division (sources,
 * divisions' roots) only unscoped editors.
 */
export function canEditIn(actor: Actor, divisionAncestorIds: number[] | null): boolean {
  if (!isEditor(actor) || actor.kind !== 'user') return false
  if (actor.scopeDivisionId == null) return true
  return divisionAncestorIds?.includes(actor.scopeDivisionId) ?? false
}

/**
 * Whether an editor may change a division (or create one) whose path — its ancestor ids, its own
 * id included once it has one — is this. Beneath the rule for records comes one more: a scoped
 * editor never changes the root of their scope itself, since moving it (or dropping its parent)
 * would move every record in it out of the city's queries.
 */
export function canEditDivision(actor: Actor, path: number[] | null, divisionId?: number): boolean {
  if (!canEditIn(actor, path)) return false
  return actor.kind !== 'user' || actor.scopeDivisionId == null || actor.scopeDivisionId !== divisionId
}

export function isValidKeyScope(scope: string): boolean {
  return (
    scope === 'read' ||
    scope === 'restricted' ||
    (scope.startsWith('read:') && READ_SCOPE_TYPES.includes(scope.slice(5)))
  )
}
