// Who is asking: a signed-in operator, a partner system with a key, or nobody.
import type { Role } from '@minsheng/db'

export interface UserActor {
  kind: 'user'
  userId: number
  username: string
  role: Role
  /** Ids of the scope division and its ancestors' descendants test: a record is in scope when its
   * division's ancestorIds contain `scopeDivisionId`. Null: the whole hub. */
  scopeDivisionId: number | null
  sessionId: string
}

export interface KeyActor {
  kind: 'key'
  keyId: number
  name: string
  scopes: string[]
  rateLimitPerMinute: number
  /** The key has trusted operations: it may run only those (auth/trusted-operations.ts). */
  boundToOperations?: boolean
  /** Epoch ms when the secret this request used stops working: an earlier secret of a rotated key. */
  retiresAt?: number
  /** SHA-256 of the secret this request used: a stream opened with it lasts while that secret does. */
  secretHash?: string
}

export interface AnonymousActor {
  kind: 'anonymous'
}

export type Actor = UserActor | KeyActor | AnonymousActor

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' }

export function actorName(actor: Actor) {
  if (actor.kind === 'user') return actor.username
  if (actor.kind === 'key') return `key:${actor.name}`
  return 'anonymous'
}
