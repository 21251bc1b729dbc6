// A live stream lasts long after the request that opened it was authorised: the caller's access is
// checked again while it runs — on every event (at most once a second), whenever an access change is
// announced on the live bus (logout, a key revoked, an account changed), when the key or session
// expires, and every minute in any case. The stream ends, with a clear code, once access has changed.
import { GraphQLError } from 'graphql'
import type { Actor } from '../auth/actor.ts'
import { keyIsUsable } from '../auth/api-keys.ts'
import { type SessionPolicy, sessionIsLive } from '../auth/sessions.ts'
import { db } from '../db.ts'
import { readingFromPrimary } from '../read-your-writes.ts'

/** What changed about whose access: announced on the live bus, so every instance's streams hear it. */
export interface AccessChange {
  userId?: number
  keyId?: number
  /** The session's id (the hash of its token). */
  sessionId?: string
}

export type AccessVerdict =
  | { ok: true /** Epoch ms when the access lapses by itself (expiry), if it does. */; lapsesAt?: number }
  | { ok: false; error: GraphQLError }

const ended = (reason: string, message: string, code = 'UNAUTHENTICATED') =>
  ({ ok: false, error: new GraphQLError(message, { extensions: { code, reason } }) }) as const

/** Whether the change concerns this caller. */
export function concerns(actor: Actor, change: AccessChange) {
  if (actor.kind === 'key') return change.keyId === actor.keyId
  if (actor.kind === 'user') return change.userId === actor.userId || change.sessionId === actor.sessionId
  return false
}

/** The caller's access now, as its stream began with it: still the same, or why it ended. */
export function checkAccess(actor: Actor, policy: SessionPolicy): Promise<AccessVerdict> {
  // From the primary: a revocation must count at once, not when a replica catches up.
  return readingFromPrimary(async (): Promise<AccessVerdict> => {
    if (actor.kind === 'anonymous') return { ok: true }
    if (actor.kind === 'key') {
      const key = await db().apiKey.findUnique({ where: { id: actor.keyId } })
      if (!key || key.revokedAt) return ended('KEY_REVOKED', 'This API key was revoked: the stream has ended.')
      if (!keyIsUsable(key)) return ended('KEY_EXPIRED', 'This API key has expired: the stream has ended.')
      if ([...key.scopes].sort().join() !== [...actor.scopes].sort().join()) {
        return ended('SCOPES_CHANGED', "This key's scopes changed: subscribe again.", 'ACCESS_CHANGED')
      }
      return { ok: true, lapsesAt: key.expiresAt?.getTime() }
    }
    const session = await db().session.findUnique({ where: { id: actor.sessionId }, include: { user: true } })
    if (!session || !sessionIsLive(session, policy)) {
      return ended('SESSION_ENDED', 'Your session has ended (signed out or expired): sign in again.')
    }
    if (session.user.disabledAt) return ended('ACCOUNT_DISABLED', 'Your account was disabled: the stream has ended.')
    if (session.user.role !== actor.role || session.user.divisionId !== actor.scopeDivisionId) {
      return ended('ROLE_CHANGED', 'Your role or division changed: subscribe again.', 'ACCESS_CHANGED')
    }
    const idleEnd = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000
    return { ok: true, lapsesAt: Math.min(session.expiresAt.getTime(), idleEnd) }
  })
}
