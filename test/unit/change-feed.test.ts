// The change feed's pure rules (server/src/rules/change-feed.ts): cursors, page sizes, where the
// next pull resumes, and which changed fields a caller is told of.
import type { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import {
  changesPageSize,
  decodeChangeCursor,
  encodeChangeCursor,
  MAX_CHANGES_PAGE,
  nextSeq,
  visibleChangedFields,
} from '../../server/src/rules/change-feed.ts'

const codeOf = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return ((error as GraphQLError).extensions.fieldErrors as { code: string }[])[0]?.code
  }
  return undefined
}

describe('change cursors', () => {
  it('round-trip a sequence number and start before the first change when empty', () => {
    for (const seq of [0, 1, 41, 2_147_483_647]) expect(decodeChangeCursor(encodeChangeCursor(seq), 'en')).toBe(seq)
    expect(decodeChangeCursor(null, 'en')).toBe(0)
    expect(encodeChangeCursor(7)).not.toContain('7')
  })

  it('refuses any other spelling', () => {
    const spell = (text: string) => Buffer.from(text).toString('base64url')
    for (const cursor of [
      '',
      'x',
      spell('chg1:01'),
      spell('chg1:-1'),
      spell('chg1:2147483648'),
      spell('chg2:5'),
      `${encodeChangeCursor(5)}=`,
    ]) {
      expect(
        codeOf(() => decodeChangeCursor(cursor, 'en')),
        cursor,
      ).toBe('invalid_cursor')
    }
  })
})

describe('page size', () => {
  it('defaults, allows 0 (where the feed stands) and refuses beyond the bounds', () => {
    expect(changesPageSize(undefined, 'en')).toBe(100)
    expect(changesPageSize(0, 'en')).toBe(0)
    expect(changesPageSize(MAX_CHANGES_PAGE, 'en')).toBe(MAX_CHANGES_PAGE)
    expect(codeOf(() => changesPageSize(MAX_CHANGES_PAGE + 1, 'zh'))).toBe('too_big')
    expect(codeOf(() => changesPageSize(-1, 'en'))).toBe('too_small')
  })
})

describe('where the next pull resumes', () => {
  it('after the last change while more follow, at the end the reader saw otherwise, never behind', () => {
    expect(nextSeq(10, 20, true, 90)).toBe(20)
    expect(nextSeq(10, undefined, true, 90)).toBe(10)
    expect(nextSeq(10, 20, false, 90)).toBe(90)
    expect(nextSeq(10, undefined, false, 90)).toBe(90)
    // A replica a little behind the cursor's source: stay where we were.
    expect(nextSeq(100, undefined, false, 90)).toBe(100)
  })
})

describe('what a change says', () => {
  it('hides fields the caller may not read', () => {
    expect(visibleChangedFields('UPDATE', ['openBeds', 'contactPhone'], new Set(['contactPhone']))).toEqual([
      'openBeds',
    ])
    expect(visibleChangedFields('PURGE', ['openBeds'], new Set())).toEqual([])
  })
})
