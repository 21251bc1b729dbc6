// A live stream lasts long after the request that opened it was authorised: the caller's access is
// checked again while it runs — on every event (at most once a second), whenever an access change is
// announced on the live bus (logout, a key revoked, an account changed), when the key or session
// expires, and every minute in any case. The stream ends, with a clear code, once access has changed.
import { GraphQLError } from 'graphql'
import type { Actor, KeyActor } from '../auth/actor.ts'
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

type Reason =
  | 'KEY_ROTATED'
  | 'KEY_REVOKED'
  | 'KEY_EXPIRED'
  | 'SCOPES_CHANGED'
  | 'SESSION_ENDED'
  | 'ACCOUNT_DISABLED'
  | 'ROLE_CHANGED'

const MESSAGES: Record<Reason, { en: string; zh: string }> = {
  KEY_ROTATED: {
    en: 'This API key was rotated and its overlap has ended: the stream has ended; use the new secret.',
    zh: '此 API 密钥已轮换且过渡期已结束，推送已结束，请使用新密钥。',
  },
  KEY_REVOKED: { en: 'This API key was revoked: the stream has ended.', zh: '此 API 密钥已被吊销，推送已结束。' },
  KEY_EXPIRED: { en: 'This API key has expired: the stream has ended.', zh: '此 API 密钥已过期，推送已结束。' },
  SCOPES_CHANGED: { en: "This key's scopes changed: subscribe again.", zh: '此密钥的权限范围已变更，请重新订阅。' },
  SESSION_ENDED: {
    en: 'Your session has ended (signed out or expired): sign in again.',
    zh: '您的会话已结束（已退出或已过期），请重新登录。',
  },
  ACCOUNT_DISABLED: { en: 'Your account was disabled: the stream has ended.', zh: '您的账户已被停用，推送已结束。' },
  ROLE_CHANGED: { en: 'Your role or division changed: subscribe again.', zh: '您的角色或所属区划已变更，请重新订阅。' },
}

const CHANGED: ReadonlySet<Reason> = new Set(['SCOPES_CHANGED', 'ROLE_CHANGED'])

function ended(reason: Reason, locale: 'zh' | 'en') {
  const code = CHANGED.has(reason) ? 'ACCESS_CHANGED' : reason === 'KEY_ROTATED' ? 'KEY_ROTATED' : 'UNAUTHENTICATED'
  return { ok: false, error: new GraphQLError(MESSAGES[reason][locale], { extensions: { code, reason } }) } as const
}

/** Whether the change concerns this caller. */
export function concerns(actor: Actor, change: AccessChange) {
  if (actor.kind === 'key') return change.keyId === actor.keyId
  if (actor.kind === 'user') return change.userId === actor.userId || change.sessionId === actor.sessionId
  return false
}

/**
 * When the secret a key's stream was opened with stops working: never while it is the key's
 * current secret; the end of its overlap once the key was rotated (now when no overlap is left).
 */
async function retirementOf(currentHash: string, actor: KeyActor): Promise<number | undefined> {
  if (actor.secretHash === undefined) return actor.retiresAt
  if (actor.secretHash === currentHash) return undefined
  const rotated = await db().rotatedApiKeySecret.findUnique({
    where: { keyHash: actor.secretHash },
    select: { validUntil: true },
  })
  return rotated?.validUntil.getTime() ?? 0
}

/** The caller's access now, as its stream began with it: still the same, or why it ended. */
export function checkAccess(actor: Actor, policy: SessionPolicy, locale: 'zh' | 'en' = 'en'): Promise<AccessVerdict> {
  // From the primary: a revocation must count at once, not when a replica catches up.
  return readingFromPrimary(async (): Promise<AccessVerdict> => {
    if (actor.kind === 'anonymous') return { ok: true }
    if (actor.kind === 'key') {
      const key = await db().apiKey.findUnique({ where: { id: actor.keyId } })
      if (!key || key.revokedAt) return ended('KEY_REVOKED', locale)
      if (!keyIsUsable(key)) return ended('KEY_EXPIRED', locale)
      if ([...key.scopes].sort().join() !== [...actor.scopes].sort().join()) return ended('SCOPES_CHANGED', locale)
      // Opened with a secret the key has since been rotated away from (before or after the stream
      // began): it lasts until that secret's overlap ends, as the database holds it now.
      const retiresAt = await retirementOf(key.keyHash, actor)
      if (retiresAt !== undefined && Date.now() >= retiresAt) return ended('KEY_ROTATED', locale)
      const lapses = [key.expiresAt?.getTime(), retiresAt].filter((at): at is number => at !== undefined)
      return { ok: true, lapsesAt: lapses.length > 0 ? Math.min(...lapses) : undefined }
    }
    const session = await db().session.findUnique({ where: { id: actor.sessionId }, include: { user: true } })
    if (!session || !sessionIsLive(session, policy)) return ended('SESSION_ENDED', locale)
    if (session.user.disabledAt) return ended('ACCOUNT_DISABLED', locale)
    if (session.user.role !== actor.role || session.user.divisionId !== actor.scopeDivisionId) {
      return ended('ROLE_CHANGED', locale)
    }
    const idleEnd = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000
    return { ok: true, lapsesAt: Math.min(session.expiresAt.getTime(), idleEnd) }
  })
}
