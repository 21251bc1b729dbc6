import { describe, expect, it } from 'vitest'
import { apiKeyInput, toApiKeyRecord, usageRange, usageTotals } from '../../admin/src/providers/operators/apiKeys.ts'
import { auditArguments } from '../../admin/src/providers/operators/auditEvents.ts'
import { localPage, unwrapInputErrors } from '../../admin/src/providers/operators/local.ts'
import { toUserRecord, userInput } from '../../admin/src/providers/operators/users.ts'

describe('lists held in full', () => {
  const users = [
    { id: 'U1', username: 'wang', displayName: '王编辑', role: 'EDITOR' },
    { id: 'U2', username: 'li', displayName: '李管理员', role: 'ADMIN' },
    { id: 'U3', username: 'zhao', displayName: null, role: 'EDITOR' },
  ]

  it('search, filter, sort and page', () => {
    expect(localPage(users, { filter: { q: '编辑' } }, ['username', 'displayName']).data).toEqual([users[0]])
    expect(localPage(users, { filter: { role: 'EDITOR', q: '' } }, ['username']).total).toBe(2)
    const sorted = localPage(users, { sort: { field: 'username', order: 'DESC' } }, [])
    expect(sorted.data.map((user) => user.id)).toEqual(['U3', 'U1', 'U2'])
    const paged = localPage(
      users,
      { sort: { field: 'username', order: 'ASC' }, pagination: { page: 2, perPage: 2 } },
      [],
    )
    expect(paged).toEqual({ data: [users[2]], total: 3 })
  })

  it('put empty values last whichever the order', () => {
    const asc = localPage(users, { sort: { field: 'displayName', order: 'ASC' } }, [])
    expect(asc.data.at(-1)?.id).toBe('U3')
  })
})

describe('operator accounts', () => {
  it('flatten the division and say whether the account is disabled', () => {
    expect(toUserRecord({ id: 'U1', division: { id: 'D1' }, disabledAt: '2026-01-01T00:00:00Z' })).toEqual({
      id: 'U1',
      divisionId: 'D1',
      disabledAt: '2026-01-01T00:00:00Z',
      disabled: true,
    })
  })

  it('send only what changed, a password only when typed, and null to clear the scope', () => {
    const previous = {
      id: 'U1',
      username: 'wang',
      displayName: '王',
      role: 'EDITOR',
      divisionId: 'D1',
      disabled: false,
    }
    expect(userInput({ ...previous, password: '' }, previous)).toEqual({})
    expect(userInput({ ...previous, divisionId: null, role: 'VIEWER', disabled: true }, previous)).toEqual({
      divisionId: null,
      role: 'VIEWER',
      disabled: true,
    })
    expect(userInput({ ...previous, password: '0123456789', displayName: ' ' }, previous)).toEqual({
      password: '0123456789',
      displayName: null,
    })
    expect(userInput({ username: ' new.user ', password: '0123456789', role: 'EDITOR' })).toEqual({
      username: 'new.user',
      password: '0123456789',
      role: 'EDITOR',
    })
  })

  it("put the hub's input.0.<field> errors beside the form's fields", () => {
    const error = { body: { errors: { input: { 0: { username: 'Too small' } }, root: { serverError: 'Invalid' } } } }
    expect(() => unwrapInputErrors(error)).toThrow()
    expect(error.body.errors).toEqual({ username: 'Too small', root: { serverError: 'Invalid' } })
  })
})

describe('partner keys', () => {
  it('are active, expired or revoked', () => {
    const now = Date.parse('2026-06-01T00:00:00Z')
    expect(toApiKeyRecord({ id: 'K1', createdBy: null }, now)).toMatchObject({ status: 'ACTIVE', createdByName: null })
    expect(toApiKeyRecord({ id: 'K2', expiresAt: '2026-05-01T00:00:00Z', createdBy: null }, now).status).toBe('EXPIRED')
    expect(
      toApiKeyRecord(
        { id: 'K3', revokedAt: '2026-05-01T00:00:00Z', createdBy: { username: 'li', displayName: '李' } },
        now,
      ),
    ).toMatchObject({ status: 'REVOKED', createdByName: '李' })
  })

  it('are created with a trimmed name, distinct scopes and an optional expiry', () => {
    expect(
      apiKeyInput({ name: ' 统计局 ', scopes: ['read', 'read'], expiresAt: '', rateLimitPerMinute: '120' }),
    ).toEqual({
      name: '统计局',
      scopes: ['read'],
      rateLimitPerMinute: 120,
    })
    expect(apiKeyInput({ name: 'x', scopes: ['restricted'], expiresAt: '2026-12-31T08:00:00.000Z' }).expiresAt).toBe(
      '2026-12-31T08:00:00.000Z',
    )
  })
})

describe('the audit filter', () => {
  it('passes type, record and actor, and turns days into an inclusive range', () => {
    const args = auditArguments({ recordType: 'Hospital', actorName: ' wang ', from: '2026-03-01', to: '2026-03-02' })
    expect(args).toMatchObject({ recordType: 'Hospital', actorName: 'wang' })
    expect(new Date(args.from as string).getTime()).toBe(new Date('2026-03-01T00:00:00').getTime())
    expect(new Date(args.to as string).getTime()).toBe(new Date('2026-03-03T00:00:00').getTime())
    expect(auditArguments({ recordType: '', actorName: '' })).toEqual({})
  })
})

describe("a key's use", () => {
  it('asks for the last days ending today (UTC)', () => {
    expect(usageRange(30, new Date('2026-12-03T01:00:00Z'))).toEqual({ from: '2026-11-04', to: '2026-12-03' })
  })

  it('sums the period, keeps the slowest day’s p95 and adds the errors up by code', () => {
    const day = (requests: number, p95: number | null, errors: { code: string; count: number }[]) => ({
      day: '2026-12-01',
      requests,
      errorCount: errors.reduce((sum, e) => sum + e.count, 0),
      errors,
      rowsReturned: requests * 10,
      p95LatencyMs: p95,
      bytesOut: requests * 100,
    })
    const totals = usageTotals([
      day(5, 50, [{ code: 'FORBIDDEN', count: 1 }]),
      day(0, null, []),
      day(3, 250, [
        { code: 'RATE_LIMITED', count: 2 },
        { code: 'FORBIDDEN', count: 2 },
      ]),
    ])
    expect(totals).toEqual({
      requests: 8,
      errors: 5,
      rows: 80,
      bytes: 800,
      worstP95: 250,
      byCode: [
        { code: 'FORBIDDEN', count: 3 },
        { code: 'RATE_LIMITED', count: 2 },
      ],
    })
    expect(usageTotals([]).worstP95).toBeNull()
  })
})
