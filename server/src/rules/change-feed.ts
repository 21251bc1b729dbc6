// The change feed partners sync from (`changes`): pure rules for its cursors, its page size, what
// each entry says, and where the next pull resumes. The feed is the publication log read in `seq`
// order; publishers take turns under a lock held until they commit, so every change with a `seq`
// below the highest one a reader sees has already committed (or rolled back): a cursor made of a
// `seq` never skips a change that commits later.
import { userInputError } from '../records/errors.ts'
import type { Locale } from '../records/validation.ts'

export const DEFAULT_CHANGES_PAGE = 100
export const MAX_CHANGES_PAGE = 500

const PREFIX = 'chg1:'

/** An opaque cursor for a position in the publication log (the `seq` of the last change read). */
export function encodeChangeCursor(seq: number): string {
  return Buffer.from(`${PREFIX}${seq}`, 'utf8').toString('base64url')
}

/** The `seq` a cursor stands for (0: before the first change); refuses anything the hub did not issue. */
export function decodeChangeCursor(cursor: string | null | undefined, locale: Locale): number {
  if (cursor == null) return 0
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const digits = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : ''
  const seq = /^(0|[1-9][0-9]{0,9})$/.test(digits) ? Number(digits) : Number.NaN
  if (!Number.isSafeInteger(seq) || seq > 2_147_483_647 || encodeChangeCursor(seq) !== cursor) {
    const message = locale === 'zh' ? '不是变更流的游标。' : 'Not a cursor of the change feed.'
    throw userInputError(message, [{ field: 'after', code: 'invalid_cursor', message }])
  }
  return seq
}

/** The page size asked for, within bounds; `first: 0` asks only where the feed stands. */
export function changesPageSize(first: number | null | undefined, locale: Locale): number {
  if (first == null) return DEFAULT_CHANGES_PAGE
  if (first < 0 || first > MAX_CHANGES_PAGE) {
    const message =
      locale === 'zh'
        ? `first 必须在 0 到 ${MAX_CHANGES_PAGE} 之间。`
        : `first must be between 0 and ${MAX_CHANGES_PAGE}.`
    throw userInputError(message, [{ field: 'first', code: first < 0 ? 'too_small' : 'too_big', message }])
  }
  return first
}

/** What a published change did: the audit trail's words (one set of actions across the hub). */
export type FeedAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE' | 'PURGE'

/**
 * The cursor to store after reading a page: after its last change while more follow; otherwise at
 * the end of the log as the reader saw it (`head`, read in the same statement as the page), so a
 * filtered feed does not look through the same unrelated changes again. Never behind `after`
 * (a replica a little behind the primary may answer one pull).
 */
export function nextSeq(after: number, lastSeq: number | undefined, hasMore: boolean, head: number): number {
  if (hasMore) return lastSeq ?? after
  return Math.max(after, lastSeq ?? 0, head)
}

/**
 * The changed fields a caller may know of: none for tombstones, and none of the fields the caller
 * may not read (restricted ones without the restricted scope). `hidden` names those fields.
 */
export function visibleChangedFields(action: FeedAction, changed: string[], hidden: ReadonlySet<string>): string[] {
  if (action === 'PURGE') return []
  return changed.filter((field) => !hidden.has(field))
}
