// Keyset cursors and pages (server/src/records/cursors.ts, pages.ts): encoding, refusals, the
// condition of the records after a position (empty values last both ways), and page info.
import type { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import {
  afterPosition,
  type CursorScope,
  decodeCursor,
  encodeCursor,
  keyKindOf,
  prismaOrderByOf,
  reversed,
  type SortKey,
  sortKeysOf,
} from '../../server/src/records/cursors.ts'
import { count, date, decimal, text } from '../../server/src/records/fields.ts'
import { connectionOf, planPage } from '../../server/src/records/pages.ts'
import { toPrismaOrderBy } from '../../server/src/records/where.ts'

const fields = {
  nameZh: text(200, 'Chinese name', { required: true }),
  nameEn: text(200, 'English name'),
  employees: count('Employees'),
  wage: decimal('Wage'),
  openedOn: date('Opened'),
}

function scopeOf(orderBy: { field: string; direction?: 'asc' | 'desc' }[]): CursorScope {
  const keys = sortKeysOf(toPrismaOrderBy(fields, orderBy))
  return { typename: 'Enterprise', keys, kinds: keys.map((key) => keyKindOf(fields, key.field)) }
}

function refusal(run: () => unknown): GraphQLError {
  try {
    run()
  } catch (error) {
    return error as GraphQLError
  }
  throw new Error('not refused')
}

describe('sort keys', () => {
  it('follow the Prisma order where.ts writes, and give it back unchanged', () => {
    const orderBy = toPrismaOrderBy(fields, [{ field: 'employees', direction: 'desc' }, { field: 'nameZh' }])
    expect(sortKeysOf(orderBy)).toEqual([
      { field: 'employees', direction: 'desc', nulls: 'last' },
      { field: 'nameZh', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ])
    expect(prismaOrderByOf(sortKeysOf(orderBy))).toEqual(orderBy)
  })

  it('reverse to read from the end: empty values then come first', () => {
    expect(reversed(scopeOf([{ field: 'employees' }]).keys)).toEqual([
      { field: 'employees', direction: 'desc', nulls: 'first' },
      { field: 'id', direction: 'desc' },
    ])
  })
})

describe('afterPosition', () => {
  const byName: SortKey[] = [
    { field: 'nameZh', direction: 'asc' },
    { field: 'id', direction: 'asc' },
  ]

  it('is after on the first key, or equal on it and after on the id; bounded on the first key so an index on it can start there', () => {
    expect(afterPosition(byName, ['乙', 7])).toEqual({
      AND: [
        { nameZh: { gte: '乙' } },
        { OR: [{ nameZh: { gt: '乙' } }, { AND: [{ nameZh: '乙' }, { id: { gt: 7 } }] }] },
      ],
    })
    expect(afterPosition(reversed(byName), ['乙', 7])).toEqual({
      AND: [
        { nameZh: { lte: '乙' } },
        { OR: [{ nameZh: { lt: '乙' } }, { AND: [{ nameZh: '乙' }, { id: { lt: 7 } }] }] },
      ],
    })
  })

  it('counts empty values as after a value, when they sort last', () => {
    const keys = scopeOf([{ field: 'employees', direction: 'desc' }]).keys
    expect(afterPosition(keys, [30, 7])).toEqual({
      OR: [{ OR: [{ employees: { lt: 30 } }, { employees: null }] }, { AND: [{ employees: 30 }, { id: { gt: 7 } }] }],
    })
  })

  it('after an empty value sorted last, only the later ids among the empty ones', () => {
    const keys = scopeOf([{ field: 'employees' }]).keys
    expect(afterPosition(keys, [null, 7])).toEqual({ AND: [{ employees: null }, { id: { gt: 7 } }] })
  })

  it('read from the end, every value comes after an empty one', () => {
    const keys = reversed(scopeOf([{ field: 'employees' }]).keys)
    expect(afterPosition(keys, [null, 7])).toEqual({
      OR: [{ employees: { not: null } }, { AND: [{ employees: null }, { id: { lt: 7 } }] }],
    })
  })
})

describe('cursors', () => {
  const scope = scopeOf([{ field: 'openedOn', direction: 'desc' }, { field: 'wage' }])
  const row = { id: 12, openedOn: new Date('2021-03-01T00:00:00Z'), wage: { toString: () => '3500.50' } }

  it('carry the sort values and id, and decode to them', () => {
    const cursor = encodeCursor(scope, row)
    expect(decodeCursor(scope, cursor, 'after')).toEqual([new Date('2021-03-01T00:00:00Z'), '3500.50', 12])
  })

  it('carry empty values of optional keys', () => {
    const cursor = encodeCursor(scope, { id: 3, openedOn: null, wage: null })
    expect(decodeCursor(scope, cursor, 'before')).toEqual([null, null, 3])
  })

  it('are refused for another list or order with cursor_mismatch naming the argument', () => {
    const cursor = encodeCursor(scope, row)
    const otherOrder = scopeOf([{ field: 'openedOn' }, { field: 'wage' }])
    const otherList = { ...scope, typename: 'Hospital' }
    for (const other of [otherOrder, otherList]) {
      const error = refusal(() => decodeCursor(other, cursor, 'before', 'zh'))
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'before', code: 'cursor_mismatch' }],
      })
      expect(error.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('are refused when malformed, or when a value is not of its key’s type', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const order = 'openedOn:desc,wage:asc,id:asc'
    for (const bad of [
      'not a cursor',
      '',
      encode({ id: 1 }),
      encode([2, 'Enterprise', order, [null, null, 1]]),
      encode([1, 'Enterprise', order, [null, null]]),
      encode([1, 'Enterprise', order, ['yesterday', null, 1]]),
      encode([1, 'Enterprise', order, [null, 'a lot', 1]]),
      encode([1, 'Enterprise', order, [null, null, -1]]),
      encode([1, 'Enterprise', order, [null, null, null]]),
    ]) {
      const error = refusal(() => decodeCursor(scope, bad, 'after'))
      expect(error.extensions, bad).toMatchObject({ fieldErrors: [{ field: 'after', code: 'invalid_cursor' }] })
    }
  })
})

describe('pages', () => {
  const scope = scopeOf([{ field: 'nameZh' }])
  const sizes = { defaultSize: 20, maxSize: 200 }
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, nameZh: `名${i + 1}` }))

  it('read one row more than asked, in the list order or from its end', () => {
    expect(planPage(scope, { first: 2 }, sizes)).toMatchObject({ take: 3, skip: 0, backwards: false, where: {} })
    expect(planPage(scope, { last: 2 }, sizes)).toMatchObject({
      take: 3,
      backwards: true,
      orderBy: [{ nameZh: 'desc' }, { id: 'desc' }],
    })
    expect(planPage(scope, {}, sizes)).toMatchObject({ take: 21 })
  })

  it('lie between both cursors when both are given', () => {
    const after = encodeCursor(scope, { id: 1, nameZh: '甲' })
    const before = encodeCursor(scope, { id: 9, nameZh: '癸' })
    expect(planPage(scope, { after, before }, sizes).where).toEqual({
      AND: [afterPosition(scope.keys, ['甲', 1]), afterPosition(reversed(scope.keys), ['癸', 9])],
    })
  })

  it.each([
    [{ first: 1, last: 1 }, 'last', 'first_with_last'],
    [{ first: 201 }, 'first', 'out_of_range'],
    [{ last: -1 }, 'last', 'out_of_range'],
    [{ offset: -1 }, 'offset', 'too_small'],
    [{ offset: 2, last: 2 }, 'offset', 'invalid'],
    [{ offset: 2, after: 'x' }, 'offset', 'invalid'],
  ])('refuse %o (%s: %s)', (args, field, code) => {
    expect(refusal(() => planPage(scope, args, sizes)).extensions).toMatchObject({ fieldErrors: [{ field, code }] })
  })

  it('tell from the extra row whether more follow, and that a cursor or offset has records before it', () => {
    const plan = planPage(scope, { first: 2 }, sizes)
    const full = connectionOf(scope, plan, { first: 2 }, rows(3), () => 3)
    expect(full.edges.map((e) => e.node.id)).toEqual([1, 2])
    expect(full.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false })
    expect(full.pageInfo.endCursor).toBe(encodeCursor(scope, { id: 2, nameZh: '名2' }))
    const offset = connectionOf(scope, plan, { first: 2, offset: 4 }, rows(2), () => 6)
    expect(offset.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true })
  })

  it('put rows read from the end back in list order', () => {
    const plan = planPage(scope, { last: 2 }, sizes)
    const page = connectionOf(scope, plan, { last: 2 }, rows(3).reverse(), () => 3)
    expect(page.edges.map((e) => e.node.id)).toEqual([2, 3])
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false })
  })
})
