// One page of a list: from the page arguments (first/after, last/before, offset) to the Prisma
// arguments that read it, and from the rows read to the Relay connection. The same for the root lists
// and the nested ones. Cursors are keyset positions (cursors.ts); `first` with `last` is refused.
import { afterPosition, type CursorScope, decodeCursor, encodeCursor, prismaOrderByOf, reversed } from './cursors.ts'
import { userInputError } from './errors.ts'
import type { Locale } from './validation.ts'

export interface PageArgs {
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
  offset?: number | null
}

export interface PagePlan {
  /** `last`: read from the end of the list, then put the rows back in list order. */
  backwards: boolean
  size: number
  /** Prisma arguments: one row more than the page, to tell whether more follow. */
  take: number
  skip: number
  orderBy: ReturnType<typeof prismaOrderByOf>
  /** The part of the list between the cursors; empty without cursors. */
  where: Record<string, unknown>
}

export interface PageSizes {
  /** Rows of a page when neither first nor last is given. */
  defaultSize: number
  maxSize: number
}

const text = {
  size: (max: number) => ({ en: `must be between 0 and ${max}`, zh: `须在 0 到 ${max} 之间` }),
  firstWithLast: {
    en: 'first and last cannot be combined: page forwards with first/after or backwards with last/before.',
    zh: 'first 与 last 不能同时使用：向后翻页用 first/after，向前翻页用 last/before。',
  },
  offsetNegative: { en: 'offset must not be negative.', zh: 'offset 不能为负数。' },
  offsetWithCursor: {
    en: 'offset cannot be combined with a cursor (after/before) or with last.',
    zh: 'offset 不能与游标（after/before）或 last 同时使用。',
  },
}

/** Refuses page arguments that are out of range or contradict each other (BAD_USER_INPUT). */
export function checkPageArgs(args: PageArgs, { maxSize }: PageSizes, locale: Locale = 'en') {
  for (const name of ['first', 'last'] as const) {
    const value = args[name]
    if (value != null && (value < 0 || value > maxSize)) {
      const message = `${name} ${text.size(maxSize)[locale]}`
      throw userInputError(`${message}.`, [{ field: name, code: 'out_of_range', message: `0 – ${maxSize}` }])
    }
  }
  if (args.first != null && args.last != null) {
    const message = text.firstWithLast[locale]
    throw userInputError(message, [{ field: 'last', code: 'first_with_last', message }])
  }
  if (args.offset != null && args.offset < 0) {
    throw userInputError(text.offsetNegative[locale], [{ field: 'offset', code: 'too_small', message: '>= 0' }])
  }
  if (args.offset != null && (args.after != null || args.before != null || args.last != null)) {
    const message = text.offsetWithCursor[locale]
    throw userInputError(message, [{ field: 'offset', code: 'invalid', message }])
  }
}

/** How to read the page the arguments ask for from a list of this scope (its type and order). */
export function planPage(scope: CursorScope, args: PageArgs, sizes: PageSizes, locale: Locale = 'en'): PagePlan {
  checkPageArgs(args, sizes, locale)
  const backwards = args.last != null
  const size = args.first ?? args.last ?? sizes.defaultSize
  // Both cursors may be given: the page lies between them.
  const bounds = [
    args.after != null && afterPosition(scope.keys, decodeCursor(scope, args.after, 'after', locale)),
    args.before != null && afterPosition(reversed(scope.keys), decodeCursor(scope, args.before, 'before', locale)),
  ].filter((bound) => bound !== false)
  return {
    backwards,
    size,
    take: size + 1,
    skip: args.offset ?? 0,
    orderBy: prismaOrderByOf(backwards ? reversed(scope.keys) : scope.keys),
    where: bounds.length === 0 ? {} : bounds.length === 1 ? (bounds[0] as Record<string, unknown>) : { AND: bounds },
  }
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[]
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
  totalCount: () => number | Promise<number>
}

/**
 * The connection of the rows read with `plan`. Past a cursor there is a previous (or next) page, as
 * there is past an offset; the far side is known from the extra row read.
 */
export function connectionOf<T extends Record<string, unknown>>(
  scope: CursorScope,
  plan: PagePlan,
  args: PageArgs,
  rows: T[],
  totalCount: Connection<T>['totalCount'],
): Connection<T> {
  const more = rows.length > plan.size
  const page = rows.slice(0, plan.size)
  if (plan.backwards) page.reverse()
  const edges = page.map((node) => edgeOf(scope, node))
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: plan.backwards ? args.before != null : more || args.before != null,
      hasPreviousPage: plan.backwards ? more || args.after != null : args.after != null || (args.offset ?? 0) > 0,
      get startCursor() {
        return edges[0]?.cursor ?? null
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null
      },
    },
  }
}

/**
 * An edge whose cursor is encoded when it is read: most pages ask for their nodes and at most the
 * end cursor, and encoding every row's cursor was 1–2 % of a list's or nested read's CPU.
 */
function edgeOf<T extends Record<string, unknown>>(scope: CursorScope, node: T) {
  let cursor: string | undefined
  return {
    node,
    get cursor() {
      cursor ??= encodeCursor(scope, node)
      return cursor
    },
  }
}
