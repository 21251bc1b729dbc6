// The pure decisions of the trust layer: who may read and change what, when a session or key is
// still good, and what an audit event records.
import { describe, expect, it } from 'vitest'
import { ANONYMOUS, actorName, type KeyActor, type UserActor } from '../../server/src/auth/actor.ts'
import { keyIsUsable } from '../../server/src/auth/api-keys.ts'
import {
  canEditDivision,
  canEditIn,
  canRead,
  canReadRestricted,
  isAdmin,
  isEditor,
  isValidKeyScope,
  READ_SCOPE_TYPES,
  scopeTypeOf,
} from '../../server/src/auth/permissions.ts'
import { sessionIsLive } from '../../server/src/auth/sessions.ts'
import { auditValue, diffRecords, snapshotOf } from '../../server/src/records/audit.ts'

const user = (role: UserActor['role'], scopeDivisionId: number | null = null): UserActor => ({
  kind: 'user',
  userId: 1,
  username: `a-${role.toLowerCase()}`,
  role,
  scopeDivisionId,
  sessionId: 'x',
})
const key = (...scopes: string[]): KeyActor => ({
  kind: 'key',
  keyId: 1,
  name: 'partner',
  scopes,
  rateLimitPerMinute: 60,
})

const admin = user('ADMIN')
const editor = user('EDITOR')
const viewer = user('VIEWER')

describe('canRead', () => {
  it('lets every operator read every type', () => {
    for (const actor of [admin, editor, viewer]) {
      for (const type of [...READ_SCOPE_TYPES, 'IndicatorObservation']) expect(canRead(actor, type, false)).toBe(true)
    }
  })

  it('lets anonymous callers read only when the hub is public', () => {
    expect(canRead(ANONYMOUS, 'Hospital', false)).toBe(false)
    expect(canRead(ANONYMOUS, 'Hospital', true)).toBe(true)
  })

  it('lets a "read" key read every type', () => {
    for (const type of READ_SCOPE_TYPES) expect(canRead(key('read'), type, false)).toBe(true)
  })

  it('lets a "read:Hospital" key read hospitals and reference data (divisions, sources, citations) only', () => {
    const hospitalKey = key('read:Hospital')
    expect(['Hospital', 'Division', 'Source', 'Citation'].filter((type) => canRead(hospitalKey, type, false))).toEqual([
      'Hospital',
      'Division',
      'Source',
      'Citation',
    ])
    for (const type of ['Settlement', 'Community', 'School', 'CareFacility', 'Indicator', 'IndustrialPark']) {
      expect(canRead(hospitalKey, type, false), type).toBe(false)
    }
  })

  it('reads observations with their indicator’s scope', () => {
    expect(scopeTypeOf('IndicatorObservation')).toBe('Indicator')
    expect(canRead(key('read:Indicator'), 'IndicatorObservation', false)).toBe(true)
    expect(canRead(key('read:Hospital'), 'IndicatorObservation', false)).toBe(false)
  })

  it('gives a key without a read scope nothing, not even reference data, whatever the hub', () => {
    expect(canRead(key('restricted'), 'Division', true)).toBe(false)
    expect(canRead(key(), 'Source', true)).toBe(false)
  })
})

describe('canReadRestricted', () => {
  it('is for operators and keys with the restricted scope', () => {
    expect([admin, editor, viewer].map(canReadRestricted)).toEqual([true, true, true])
    expect(canReadRestricted(key('read'))).toBe(false)
    expect(canReadRestricted(key('read', 'restricted'))).toBe(true)
    expect(canReadRestricted(ANONYMOUS)).toBe(false)
  })
})

describe('roles', () => {
  it('makes admins and editors editors, admins alone admins; keys and anonymous callers neither', () => {
    const actors = [admin, editor, viewer, key('read', 'restricted'), ANONYMOUS]
    expect(actors.map(isEditor)).toEqual([true, true, false, false, false])
    expect(actors.map(isAdmin)).toEqual([true, false, false, false, false])
  })
})

describe('canEditIn', () => {
  // Division ids along a path: 1 昭通市 → 7 镇雄县 → 70 a township.
  const township = [1, 7, 70]
  const county = [1, 7]
  const otherCounty = [1, 6]

  it('lets unscoped editors edit anywhere, records outside divisions included', () => {
    for (const path of [township, otherCounty, null]) {
      expect(canEditIn(editor, path)).toBe(true)
      expect(canEditIn(admin, path)).toBe(true)
    }
  })

  it('lets a scoped editor edit in the division and beneath it only', () => {
    const scoped = user('EDITOR', 7)
    expect(canEditIn(scoped, county)).toBe(true)
    expect(canEditIn(scoped, township)).toBe(true)
    expect(canEditIn(scoped, otherCounty)).toBe(false)
    expect(canEditIn(scoped, [1])).toBe(false)
    expect(canEditIn(scoped, null)).toBe(false)
  })

  it('never lets viewers, keys or anonymous callers edit', () => {
    for (const actor of [viewer, user('VIEWER', 7), key('read', 'restricted'), ANONYMOUS]) {
      expect(canEditIn(actor, county)).toBe(false)
      expect(canEditIn(actor, null)).toBe(false)
    }
  })
})

describe('canEditDivision', () => {
  const scoped = user('EDITOR', 7)

  it('lets a scoped editor change and create divisions beneath the scope root', () => {
    expect(canEditDivision(scoped, [1, 7, 70], 70)).toBe(true)
    expect(canEditDivision(scoped, [1, 7], undefined)).toBe(true)
  })

  it('never lets a scoped editor change the scope root itself, wherever it would go', () => {
    expect(canEditDivision(scoped, [1, 7], 7)).toBe(false)
    expect(canEditDivision(scoped, [7], 7)).toBe(false)
  })

  it('keeps the rule for records: nothing outside the scope, anything for unscoped editors', () => {
    expect(canEditDivision(scoped, [1, 6, 60], 60)).toBe(false)
    expect(canEditDivision(scoped, [1], 1)).toBe(false)
    expect(canEditDivision(editor, [1, 7], 7)).toBe(true)
    expect(canEditDivision(viewer, [1, 7, 70], 70)).toBe(false)
  })
})

describe('isValidKeyScope', () => {
  it.each([
    ['read', true],
    ['restricted', true],
    ['read:Hospital', true],
    ['read:CareFacility', true],
    ['read:', false],
    ['read:User', false],
    ['read:ApiKey', false],
    ['read:AuditEvent', false],
    ['write', false],
    ['admin', false],
    ['READ', false],
    ['read:hospital', false],
  ])('%s → %s', (scope, valid) => {
    expect(isValidKeyScope(scope)).toBe(valid)
  })
})

describe('actorName', () => {
  it('names users by username, keys by name, and anonymous callers', () => {
    expect(actorName(editor)).toBe('a-editor')
    expect(actorName(key('read'))).toBe('key:partner')
    expect(actorName(ANONYMOUS)).toBe('anonymous')
  })
})

describe('sessionIsLive', () => {
  const policy = { idleMinutes: 30, absoluteHours: 12 }
  const now = new Date('2026-01-01T12:00:00Z')
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000)
  const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000)

  it('is live while used within the idle time and before the absolute expiry', () => {
    expect(sessionIsLive({ lastSeenAt: minutesAgo(0), expiresAt: inHours(1) }, policy, now)).toBe(true)
    expect(sessionIsLive({ lastSeenAt: minutesAgo(29.9), expiresAt: inHours(1) }, policy, now)).toBe(true)
  })

  it('ends when idle for the idle time', () => {
    expect(sessionIsLive({ lastSeenAt: minutesAgo(30), expiresAt: inHours(1) }, policy, now)).toBe(false)
    expect(sessionIsLive({ lastSeenAt: minutesAgo(31), expiresAt: inHours(1) }, policy, now)).toBe(false)
  })

  it('ends at the absolute expiry however recently used', () => {
    expect(sessionIsLive({ lastSeenAt: now, expiresAt: now }, policy, now)).toBe(false)
    expect(sessionIsLive({ lastSeenAt: now, expiresAt: inHours(-1) }, policy, now)).toBe(false)
  })

  it('follows the policy it is given', () => {
    const session = { lastSeenAt: minutesAgo(10), expiresAt: inHours(1) }
    expect(sessionIsLive(session, { ...policy, idleMinutes: 5 }, now)).toBe(false)
    expect(sessionIsLive(session, { ...policy, idleMinutes: 15 }, now)).toBe(true)
  })
})

describe('keyIsUsable', () => {
  const now = new Date('2026-01-01T12:00:00Z')
  const later = new Date(now.getTime() + 1000)
  const earlier = new Date(now.getTime() - 1000)

  it('is usable unrevoked and unexpired, or without an expiry', () => {
    expect(keyIsUsable({ revokedAt: null, expiresAt: null }, now)).toBe(true)
    expect(keyIsUsable({ revokedAt: null, expiresAt: later }, now)).toBe(true)
  })

  it('is not usable once revoked, expiry or not', () => {
    expect(keyIsUsable({ revokedAt: earlier, expiresAt: null }, now)).toBe(false)
    expect(keyIsUsable({ revokedAt: earlier, expiresAt: later }, now)).toBe(false)
  })

  it('is not usable from its expiry on', () => {
    expect(keyIsUsable({ revokedAt: null, expiresAt: now }, now)).toBe(false)
    expect(keyIsUsable({ revokedAt: null, expiresAt: earlier }, now)).toBe(false)
  })
})

describe('audit values', () => {
  const decimal = { toFixed: () => '1.50', toString: () => '1.5' }

  it('stores dates as ISO strings, decimals as strings, lists element by element', () => {
    expect(auditValue(new Date('2024-05-01T00:00:00Z'))).toBe('2024-05-01T00:00:00.000Z')
    expect(auditValue(decimal)).toBe('1.5')
    expect(auditValue([new Date('2024-05-01T00:00:00Z'), 'a'])).toEqual(['2024-05-01T00:00:00.000Z', 'a'])
    expect(auditValue(undefined)).toBeNull()
  })

  it('diffs only the listed fields that changed, with before and after', () => {
    const before = { nameZh: '甲', openBeds: 1, note: null, secret: 'x', services: ['a'] }
    const after = { nameZh: '甲', openBeds: 2, note: '注', secret: 'y', services: ['a'] }
    expect(diffRecords(before, after, ['nameZh', 'openBeds', 'note', 'services'])).toEqual({
      openBeds: { before: 1, after: 2 },
      note: { before: null, after: '注' },
    })
  })

  it('diffs a creation from nothing and a purge to nothing', () => {
    expect(diffRecords(null, { nameZh: '甲' }, ['nameZh'])).toEqual({ nameZh: { before: null, after: '甲' } })
    expect(diffRecords({ nameZh: '甲' }, null, ['nameZh'])).toEqual({ nameZh: { before: '甲', after: null } })
  })

  it('snapshots the listed fields only', () => {
    expect(
      snapshotOf({ nameZh: '甲', openedOn: new Date('2020-01-01T00:00:00Z'), other: 1 }, ['nameZh', 'openedOn']),
    ).toEqual({
      nameZh: '甲',
      openedOn: '2020-01-01T00:00:00.000Z',
    })
  })
})
