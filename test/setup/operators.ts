// Operators every test hub starts with, each already signed in: their session tokens are fixed so
// a test sends the cookie directly instead of signing in first.
import { createHash } from 'node:crypto'
import type { PrismaClient } from '@minsheng/db'

export const OPERATORS = {
  admin: { username: 'test-admin', role: 'ADMIN', scope: null },
  editor: { username: 'test-editor', role: 'EDITOR', scope: null },
  viewer: { username: 'test-viewer', role: 'VIEWER', scope: null },
  /** An editor who may change only records in 镇雄县 (530627) and beneath it. */
  zhenxiongEditor: { username: 'test-zhenxiong-editor', role: 'EDITOR', scope: '530627' },
  /** Approves or rejects other operators' change sets. */
  reviewer: { username: 'test-reviewer', role: 'REVIEWER', scope: null },
  /** A reviewer of changes in 镇雄县 (530627) and beneath it only. */
  zhenxiongReviewer: { username: 'test-zhenxiong-reviewer', role: 'REVIEWER', scope: '530627' },
} as const

export type OperatorName = keyof typeof OPERATORS

/** The password of every test operator (for the sign-in tests). */
export const TEST_PASSWORD = 'correct horse battery staple'

export const sessionToken = (name: OperatorName) => `test-session-${name}`

/** The stored id of an operator's session: the hash of its token, as the hub keeps it. */
const sessionId = (name: OperatorName) => createHash('sha256').update(sessionToken(name)).digest('hex')

/** How long a test operator's session lasts from its creation or refresh: longer than any run. */
const SESSION_LIFETIME_MS = 24 * 3_600_000

export async function createTestOperators(prisma: PrismaClient) {
  const { hash } = await import('@node-rs/argon2')
  const passwordHash = await hash(TEST_PASSWORD)
  for (const [name, operator] of Object.entries(OPERATORS) as [OperatorName, (typeof OPERATORS)[OperatorName]][]) {
    const division = operator.scope ? await prisma.division.findUnique({ where: { code: operator.scope } }) : null
    const user = await prisma.user.create({
      data: { username: operator.username, role: operator.role, passwordHash, divisionId: division?.id ?? null },
    })
    await prisma.session.create({
      data: {
        id: sessionId(name),
        userId: user.id,
        expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
      },
    })
  }
}

/**
 * Signs every test operator in afresh. A test hub starts from a copy of the template the run made at
 * its start, sessions included, and a session unused for SESSION_IDLE_MINUTES (30) has ended: on a
 * slow machine, files starting more than 30 minutes into the run found their operators signed out.
 */
export async function refreshTestSessions(prisma: PrismaClient) {
  const ids = (Object.keys(OPERATORS) as OperatorName[]).map(sessionId)
  const now = new Date()
  await prisma.session.updateMany({
    where: { id: { in: ids } },
    data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) },
  })
}
