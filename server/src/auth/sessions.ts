// Server-side console sessions: the cookie holds a random token, the database its hash.
import { db, readRows } from '../db.ts'
import { announceAccessChange } from '../live/bus.ts'
import type { UserActor } from './actor.ts'
import { randomSecret, sha256 } from './secrets.ts'

export const SESSION_COOKIE = 'mh_session'

export interface SessionPolicy {
  idleMinutes: number
  absoluteHours: number
}

// Writing lastSeenAt on every request would turn reads into writes; a minute's precision is enough.
const TOUCH_INTERVAL_MS = 60_000

export async function createSession(userId: number, policy: SessionPolicy) {
  const token = randomSecret('')
  const expiresAt = new Date(Date.now() + policy.absoluteHours * 3_600_000)
  await db().session.create({ data: { id: sha256(token), userId, expiresAt } })
  return { token, expiresAt }
}

export async function endSession(token: string) {
  const id = sha256(token)
  await db().session.deleteMany({ where: { id } })
  // Live streams opened with this session end at once.
  await announceAccessChange({ sessionId: id })
}

/** Whether a session is still valid at `now`, given when it was last used. Pure, for tests. */
export function sessionIsLive(session: { lastSeenAt: Date; expiresAt: Date }, policy: SessionPolicy, now = new Date()) {
  return now < session.expiresAt && now.getTime() - session.lastSeenAt.getTime() < policy.idleMinutes * 60_000
}

export async function userForSession(token: string, policy: SessionPolicy): Promise<UserActor | undefined> {
  const id = sha256(token)
  const session = (await readRows(SESSION_WITH_USER, [id]))[0] as SessionWithUser | undefined
  if (!session || session.disabledAt) return undefined
  const now = new Date()
  if (!sessionIsLive(session, policy, now)) {
    await db().session.deleteMany({ where: { id } })
    return undefined
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db().session.update({ where: { id }, data: { lastSeenAt: now } })
  }
  return {
    kind: 'user',
    userId: session.userId,
    username: session.username,
    role: session.role,
    scopeDivisionId: session.divisionId,
    sessionId: id,
  }
}

interface SessionWithUser {
  lastSeenAt: Date
  expiresAt: Date
  disabledAt: Date | null
  userId: number
  username: string
  role: UserActor['role']
  divisionId: number | null
}

// Every authenticated request asks this, so it goes straight to the driver (as the compiled reads
// do) rather than through Prisma's client and its result mapping. The columns are stored as UTC
// without a zone; AT TIME ZONE makes them instants the driver reads as such.
const SESSION_WITH_USER = `SELECT s."lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt",
    s."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", u."disabledAt" AT TIME ZONE 'UTC' AS "disabledAt",
    u.id AS "userId", u.username, u.role::text AS role, u."divisionId"
  FROM "public"."Session" s JOIN "public"."User" u ON u.id = s."userId" WHERE s.id = $1`
