// The console's side of review before publication and "as of" reads: which copy a request reads,
// the day a picker names, the queue's filters, and the documents the review pages send.
import { describe, expect, it } from 'vitest'
import { OVERVIEW_QUERY } from '../../admin/src/dashboard/overview.ts'
import { ACTIVE_LOCKS_QUERY, covers, lockOver, locksQuery } from '../../admin/src/governance/periods.ts'
import { asOfInstant, editable, parseReading, readingArgs } from '../../admin/src/governance/reading.ts'
import {
  CHANGE_SET_QUERY,
  CHANGE_SETS_QUERY,
  changeSetWhere,
  RETURNED_COUNT_QUERY,
  REVIEW_COUNT_QUERY,
  stepMutation,
} from '../../admin/src/providers/operators/changeSets.ts'
import {
  LOCK_MUTATION,
  LOCKS_QUERY,
  lockInput,
  UNLOCK_MUTATION,
} from '../../admin/src/providers/operators/periodLocks.ts'
import { allows } from '../../admin/src/providers/permissions.ts'
import { documentProblems } from '../e2e/documents.ts'

describe('which copy the console reads', () => {
  const noon = new Date('2026-12-03T12:00:00')

  it('names the end of a past day, and now for today (the hub refuses the future)', () => {
    expect(asOfInstant('2026-06-30', noon)).toBe(new Date('2026-06-30T23:59:59.999').toISOString())
    expect(asOfInstant('2026-12-03', noon)).toBe(noon.toISOString())
    expect(asOfInstant('2026-12-24', noon)).toBe(noon.toISOString())
    expect(asOfInstant('30/06/2026', noon)).toBeUndefined()
  })

  it('sends nothing for the working copy, view for the published one, asOf for a past day', () => {
    expect(readingArgs({ view: 'WORKING' }, noon)).toEqual({})
    expect(readingArgs({ view: 'PUBLISHED' }, noon)).toEqual({ view: 'PUBLISHED' })
    // asOf reads the published copy: the hub refuses it with view WORKING, so view is left out.
    expect(readingArgs({ view: 'WORKING', asOfDay: '2026-06-30' }, noon)).toEqual({
      asOf: new Date('2026-06-30T23:59:59.999').toISOString(),
    })
  })

  it('offers edits only on the working copy, now', () => {
    expect(editable({ view: 'WORKING' })).toBe(true)
    expect(editable({ view: 'PUBLISHED' })).toBe(false)
    expect(editable({ view: 'WORKING', asOfDay: '2026-06-30' })).toBe(false)
  })

  it('reads back only a well-formed stored choice', () => {
    expect(parseReading('{"view":"PUBLISHED"}')).toEqual({ view: 'PUBLISHED' })
    expect(parseReading('{"view":"DRAFTS","asOfDay":"yesterday"}')).toEqual({ view: 'WORKING' })
    expect(parseReading('not json')).toEqual({ view: 'WORKING' })
    expect(parseReading(null)).toEqual({ view: 'WORKING' })
  })
})

describe('the review lists', () => {
  const now = Date.parse('2026-12-03T12:00:00Z')

  it('asks the queue for the sets the operator may review, by division, author and age', () => {
    expect(changeSetWhere('reviews', {}, now)).toEqual({ reviewable: true })
    expect(
      changeSetWhere(
        'reviews',
        { withinDivision: 'RGl2aXNpb246MQ==', authorName: ' test-editor ', olderThanDays: 3 },
        now,
      ),
    ).toEqual({
      reviewable: true,
      withinDivision: 'RGl2aXNpb246MQ==',
      authorName: 'test-editor',
      submittedBefore: '2026-11-30T12:00:00.000Z',
    })
  })

  it("asks for the author's open sets unless a state is chosen", () => {
    expect(changeSetWhere('myChanges', {}, now)).toEqual({ mine: true, status: ['DRAFT', 'PENDING', 'REJECTED'] })
    expect(changeSetWhere('myChanges', { status: 'APPROVED' }, now)).toEqual({ mine: true, status: ['APPROVED'] })
  })

  it('locks a period for a division, or everywhere, for a year or a quarter', () => {
    expect(lockInput({ year: '2024', quarter: '', divisionId: null, reason: ' 已发布 ' })).toEqual({
      year: 2024,
      reason: '已发布',
    })
    expect(lockInput({ year: 2024, quarter: 3, divisionId: 'RGl2aXNpb246MQ==' })).toEqual({
      year: 2024,
      quarter: 3,
      divisionId: 'RGl2aXNpb246MQ==',
    })
  })

  it('sends documents the schema accepts', () => {
    const documents = [
      CHANGE_SETS_QUERY,
      CHANGE_SET_QUERY,
      REVIEW_COUNT_QUERY,
      RETURNED_COUNT_QUERY,
      ...(['approve', 'reject', 'withdraw', 'submit'] as const).map(stepMutation),
      LOCKS_QUERY,
      LOCK_MUTATION,
      UNLOCK_MUTATION,
      OVERVIEW_QUERY,
      ACTIVE_LOCKS_QUERY,
      locksQuery(1),
      locksQuery(3),
    ]
    for (const document of documents) expect(documentProblems(document), document).toEqual([])
  })
})

describe('locked periods in a form', () => {
  const year = { id: 'a', year: 2024, quarter: null, period: '2024', reason: null, lockedByName: 'r', division: null }
  const q3 = { ...year, id: 'b', year: 2025, quarter: 3, period: '2025Q3' }

  it('holds a whole year, or one quarter, as the hub does', () => {
    expect(covers(year, 2024, null)).toBe(true)
    expect(covers(year, '2024', '2')).toBe(true)
    expect(covers(q3, 2025, 3)).toBe(true)
    expect(covers(q3, 2025, null)).toBe(false)
    expect(covers(q3, 2025, 2)).toBe(false)
    expect(covers(year, '', null)).toBe(false)
    expect(lockOver([year, q3], 2025, '3')?.id).toBe('b')
    expect(lockOver([year, q3], 2023, null)).toBeUndefined()
  })
})

describe('who is offered review', () => {
  it('gives the queue to reviewers and admins, their own sets to editors, locks to reviewers', () => {
    expect(allows('REVIEWER', 'list', 'reviews')).toBe(true)
    expect(allows('ADMIN', 'approve', 'reviews')).toBe(true)
    expect(allows('EDITOR', 'list', 'reviews')).toBe(false)
    expect(allows('VIEWER', 'list', 'reviews')).toBe(false)
    expect(allows('EDITOR', 'withdraw', 'myChanges')).toBe(true)
    expect(allows('REVIEWER', 'list', 'myChanges')).toBe(false)
    expect(allows('REVIEWER', 'create', 'periodLocks')).toBe(true)
    expect(allows('REVIEWER', 'unlock', 'periodLocks')).toBe(false)
    expect(allows('ADMIN', 'unlock', 'periodLocks')).toBe(true)
    expect(allows('EDITOR', 'list', 'periodLocks')).toBe(false)
    // A reviewer reads the records but changes none.
    expect(allows('REVIEWER', 'show', 'hospitals')).toBe(true)
    expect(allows('REVIEWER', 'edit', 'hospitals')).toBe(false)
  })
})
