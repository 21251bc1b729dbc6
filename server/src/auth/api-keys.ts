// Partner keys: shown once at creation, stored as a hash, revocable, with an expiry and a rate limit.
import { db } from '../db.ts'
import type { Tx } from '../records/registry.ts'
import type { KeyActor } from './actor.ts'
import { randomSecret, sha256 } from './secrets.ts'

export const KEY_PREFIX = 'mh_key_'
const TOUCH_INTERVAL_MS = 60_000

export async function createApiKey(data: {
  name: string
  scopes: string[]
  expiresAt?: Date | null
  rateLimitPerMinute?: number
  createdById?: number
}) {
  const secret = randomSecret(KEY_PREFIX)
  const record = await db().apiKey.create({
    data: { ...data, keyHash: sha256(secret), prefix: secret.slice(0, KEY_PREFIX.length + 6) },
  })
  return { record, secret }
}

export function keyIsUsable(key: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()) {
  return key.revokedAt == null && (key.expiresAt == null || now < key.expiresAt)
}

/** A secret that was rotated away and whose overlap has ended: refused with KEY_ROTATED. */
export const ROTATED = 'rotated' as const

/**
 * The key a secret belongs to: its current secret, or an earlier one still in its overlap (the
 * actor then carries when that secret retires). A secret past its overlap answers ROTATED.
 */
export async function actorForKey(secret: string): Promise<KeyActor | typeof ROTATED | undefined> {
  const hash = sha256(secret)
  const now = new Date()
  const bound = { _count: { select: { trustedOps: true } } } as const
  let key = await db().apiKey.findUnique({ where: { keyHash: hash }, include: bound })
  let retiresAt: number | undefined
  if (!key) {
    const rotated = await db().rotatedApiKeySecret.findUnique({
      where: { keyHash: hash },
      include: { apiKey: { include: bound } },
    })
    if (!rotated) return undefined
    if (now >= rotated.validUntil) return keyIsUsable(rotated.apiKey, now) ? ROTATED : undefined
    key = rotated.apiKey
    retiresAt = rotated.validUntil.getTime()
  }
  if (!keyIsUsable(key, now)) return undefined
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } })
  }
  return {
    kind: 'key',
    keyId: key.id,
    name: key.name,
    scopes: key.scopes,
    rateLimitPerMinute: key.rateLimitPerMinute,
    boundToOperations: key._count.trustedOps > 0,
    secretHash: hash,
    ...(retiresAt === undefined ? {} : { retiresAt }),
  }
}

export const MAX_OVERLAP_HOURS = 720

/**
 * Gives a key a new secret. The old one keeps working for `overlapHours` (so a partner can switch
 * without a gap), then is refused with KEY_ROTATED. Runs in the caller's transaction.
 */
export async function rotateKeySecret(tx: Tx, keyId: number, overlapHours: number, now = new Date()) {
  const key = await tx.apiKey.findUnique({ where: { id: keyId } })
  if (!key) return undefined
  const secret = randomSecret(KEY_PREFIX)
  const validUntil = new Date(now.getTime() + overlapHours * 3_600_000)
  await tx.rotatedApiKeySecret.create({
    data: { apiKeyId: key.id, keyHash: key.keyHash, prefix: key.prefix, rotatedAt: now, validUntil },
  })
  const updated = await tx.apiKey.update({
    where: { id: key.id },
    data: { keyHash: sha256(secret), prefix: secret.slice(0, KEY_PREFIX.length + 6), rotatedAt: now },
  })
  return { before: key, after: updated, secret, validUntil }
}
