// Partner keys: shown once at creation, stored as a hash, revocable, with an expiry and a rate limit.
import { db } from '../db.ts'
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

export async function actorForKey(secret: string): Promise<KeyActor | undefined> {
  const key = await db().apiKey.findUnique({ where: { keyHash: sha256(secret) } })
  const now = new Date()
  if (!key || !keyIsUsable(key, now)) return undefined
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } })
  }
  return { kind: 'key', keyId: key.id, name: key.name, scopes: key.scopes, rateLimitPerMinute: key.rateLimitPerMinute }
}
