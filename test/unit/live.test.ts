// The pure rules of live updates: which changes a subscriber asked for and may hear of.
import { describe, expect, it } from 'vitest'
import { ANONYMOUS, type KeyActor, type UserActor } from '../../server/src/auth/actor.ts'
import { matchesFilter, mayKnowWho, mayReceive, type RecordChangeEvent } from '../../server/src/live/change.ts'

const CITY = 1
const COUNTY = 2
const TOWN = 3
const OTHER_COUNTY = 4

const change = (patch: Partial<RecordChangeEvent> = {}): RecordChangeEvent => ({
  recordType: 'School',
  recordId: 10,
  action: 'CREATE',
  version: 1,
  divisionId: TOWN,
  divisionPath: [CITY, COUNTY, TOWN],
  at: '2026-11-28T00:00:00.000Z',
  actorName: 'someone',
  requestId: 'r1',
  published: false,
  ...patch,
})

const editor: UserActor = {
  kind: 'user',
  userId: 1,
  username: 'e',
  role: 'EDITOR',
  scopeDivisionId: OTHER_COUNTY,
  sessionId: 's',
}
const hospitalKey: KeyActor = { kind: 'key', keyId: 1, name: 'k', scopes: ['read:Hospital'], rateLimitPerMinute: 10 }

describe('matchesFilter', () => {
  it('passes every change without a filter', () => {
    expect(matchesFilter(change(), {})).toBe(true)
    expect(matchesFilter(change({ divisionId: null, divisionPath: [] }), { types: [] })).toBe(true)
  })
  it('keeps the types asked for', () => {
    expect(matchesFilter(change(), { types: ['School', 'Hospital'] })).toBe(true)
    expect(matchesFilter(change(), { types: ['Hospital'] })).toBe(false)
  })
  it('keeps a division and everything beneath it, nothing beside it or outside any division', () => {
    expect(matchesFilter(change(), { divisionId: COUNTY })).toBe(true)
    expect(matchesFilter(change(), { divisionId: TOWN })).toBe(true)
    expect(matchesFilter(change(), { divisionId: OTHER_COUNTY })).toBe(false)
    expect(matchesFilter(change({ divisionId: null, divisionPath: [] }), { divisionId: CITY })).toBe(false)
  })
})

describe('mayReceive and mayKnowWho', () => {
  it('follow what the subscriber could query', () => {
    expect(mayReceive(ANONYMOUS, false, change())).toBe(false)
    expect(mayReceive(ANONYMOUS, true, change())).toBe(true)
    expect(mayReceive(hospitalKey, false, change())).toBe(false)
    expect(mayReceive(hospitalKey, false, change({ recordType: 'Hospital' }))).toBe(true)
    // Reads are not limited by an editor's division.
    expect(mayReceive(editor, false, change())).toBe(true)
  })
  it('tell operators who made a change, nobody else', () => {
    expect(mayKnowWho(editor)).toBe(true)
    expect(mayKnowWho(hospitalKey)).toBe(false)
    expect(mayKnowWho(ANONYMOUS)).toBe(false)
  })
})
