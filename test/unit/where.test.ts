// Translation of GraphQL where/search/orderBy arguments into Prisma arguments.
import type { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import { count, date, decimal, enumOf, ref, text } from '../../server/src/records/fields.ts'
import { encodeGlobalID } from '../../server/src/records/ids.ts'
import {
  combineWhere,
  searchFilter,
  toPrismaOrderBy,
  toPrismaWhere,
  type WhereShape,
  withinDivisionFilter,
} from '../../server/src/records/where.ts'

/** Shapes like the hub's, small enough to read: parks, their enterprises, and divisions. */
const shapes: Record<string, WhereShape> = {
  Division: {
    typename: 'Division',
    within: 'self',
    fields: {
      nameZh: text(200, 'Chinese name', { required: true }),
      code: text(12, 'Code'),
      parentId: ref('Division', 'parent', 'Parent'),
    },
  },
  IndustrialPark: {
    typename: 'IndustrialPark',
    within: 'relation',
    fields: { nameZh: text(200, 'Chinese name', { required: true }), divisionId: ref('Division', 'division', 'In') },
  },
  Enterprise: {
    typename: 'Enterprise',
    within: 'relation',
    fields: {
      nameZh: text(200, 'Chinese name', { required: true }),
      nameEn: text(200, 'English name'),
      divisionId: ref('Division', 'division', 'In', { required: true }),
      parkId: ref('IndustrialPark', 'park', 'Park'),
      employees: count('Employees'),
      averageMonthlyWage: decimal('Wage'),
      openedOn: date('Opened'),
      kind: enumOf('Kind', { A: '', B: '' }, 'Kind'),
    },
  },
  Source: { typename: 'Source', within: 'none', fields: { nameZh: text(200, 'Title', { required: true }) } },
}
const lookup = (typename: string) => shapes[typename] as WhereShape
const enterprise = shapes.Enterprise as WhereShape
const id = (typename: string, n: number) => encodeGlobalID(typename, n)

function thrown(run: () => unknown): GraphQLError {
  try {
    run()
  } catch (error) {
    return error as GraphQLError
  }
  throw new Error('expected an error')
}

describe('toPrismaWhere', () => {
  it('gives an empty filter for no where', () => {
    expect(toPrismaWhere(enterprise, null, lookup)).toEqual({})
    expect(toPrismaWhere(enterprise, undefined, lookup)).toEqual({})
  })

  it('passes number, decimal and date comparisons through', () => {
    const openedOn = new Date('2020-01-01')
    expect(
      toPrismaWhere(
        enterprise,
        {
          employees: { gte: 10, lt: 100, in: [1, 2], not: 50 },
          averageMonthlyWage: { gt: '3000.5' },
          openedOn: { lte: openedOn },
        },
        lookup,
      ),
    ).toEqual({
      employees: { gte: 10, lt: 100, in: [1, 2], not: 50 },
      averageMonthlyWage: { gt: '3000.5' },
      openedOn: { lte: openedOn },
    })
  })

  it('keeps an explicit null comparison and skips absent fields and null conditions', () => {
    expect(toPrismaWhere(enterprise, { employees: { equals: null }, nameEn: null, kind: undefined }, lookup)).toEqual({
      employees: { equals: null },
    })
  })

  it('makes contains and startsWith ignore case, but leaves equals exact', () => {
    expect(toPrismaWhere(enterprise, { nameZh: { contains: '纺织' } }, lookup)).toEqual({
      nameZh: { contains: '纺织', mode: 'insensitive' },
    })
    expect(toPrismaWhere(enterprise, { nameEn: { startsWith: 'Zhen', not: 'x' } }, lookup)).toEqual({
      nameEn: { startsWith: 'Zhen', not: 'x', mode: 'insensitive' },
    })
    expect(toPrismaWhere(enterprise, { nameEn: { equals: 'Exact', in: ['A', 'B'] } }, lookup)).toEqual({
      nameEn: { equals: 'Exact', in: ['A', 'B'] },
    })
  })

  it('decodes global IDs of the record and of references to database ids', () => {
    expect(
      toPrismaWhere(
        enterprise,
        {
          id: { in: [id('Enterprise', 3), id('Enterprise', 4)] },
          divisionId: { equals: id('Division', 10) },
          parkId: { not: id('IndustrialPark', 1) },
        },
        lookup,
      ),
    ).toEqual({ id: { in: [3, 4] }, divisionId: { equals: 10 }, parkId: { not: 1 } })
  })

  it('refuses a global ID of the wrong type, naming the field', () => {
    const error = thrown(() => toPrismaWhere(enterprise, { parkId: { equals: id('Division', 1) } }, lookup))
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'parkId', code: 'invalid_id' }],
    })
    expect(thrown(() => toPrismaWhere(enterprise, { id: { equals: 'garbage' } }, lookup)).extensions).toMatchObject({
      fieldErrors: [{ field: 'id', code: 'invalid_id' }],
    })
  })

  it('translates relation filters through the target family’s shape, nested as deep as asked', () => {
    expect(
      toPrismaWhere(
        enterprise,
        { park: { nameZh: { contains: '园' }, division: { code: { equals: '530627' } } } },
        lookup,
      ),
    ).toEqual({
      park: {
        is: {
          nameZh: { contains: '园', mode: 'insensitive' },
          division: { is: { code: { equals: '530627' } } },
        },
      },
    })
  })

  it('translates AND, OR and NOT recursively', () => {
    expect(
      toPrismaWhere(
        enterprise,
        {
          AND: [{ employees: { gt: 1 } }, { OR: [{ nameZh: { equals: 'a' } }, { NOT: { employees: { equals: 5 } } }] }],
          NOT: { parkId: { equals: id('IndustrialPark', 2) } },
        },
        lookup,
      ),
    ).toEqual({
      AND: [{ employees: { gt: 1 } }, { OR: [{ nameZh: { equals: 'a' } }, { NOT: { employees: { equals: 5 } } }] }],
      NOT: { parkId: { equals: 2 } },
    })
  })

  it('passes createdAt and updatedAt comparisons through', () => {
    const at = new Date('2024-01-01T00:00:00Z')
    expect(toPrismaWhere(enterprise, { createdAt: { gte: at }, updatedAt: { lt: at } }, lookup)).toEqual({
      createdAt: { gte: at },
      updatedAt: { lt: at },
    })
  })

  it('refuses a field it does not know', () => {
    expect(thrown(() => toPrismaWhere(enterprise, { population: { gt: 1 } }, lookup)).extensions?.code).toBe(
      'BAD_USER_INPUT',
    )
  })
})

describe('withinDivision', () => {
  it('tests the division’s ancestors for records that refer to a division', () => {
    expect(toPrismaWhere(enterprise, { withinDivision: id('Division', 10) }, lookup)).toEqual({
      division: { ancestorIds: { has: 10 } },
    })
  })

  it('tests the ancestors of the division itself for divisions', () => {
    expect(withinDivisionFilter(shapes.Division as WhereShape, id('Division', 2))).toEqual({ ancestorIds: { has: 2 } })
  })

  it('combines with other conditions in the same where', () => {
    expect(toPrismaWhere(enterprise, { withinDivision: id('Division', 10), employees: { gt: 0 } }, lookup)).toEqual({
      division: { ancestorIds: { has: 10 } },
      employees: { gt: 0 },
    })
  })

  it('refuses an ID that is not a division', () => {
    const error = thrown(() => withinDivisionFilter(enterprise, id('Settlement', 1)))
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'withinDivision', code: 'invalid_id' }],
    })
  })
})

describe('searchFilter', () => {
  it('looks for the trimmed text in either name, ignoring case', () => {
    expect(searchFilter('  卯家湾 ')).toEqual({
      OR: [
        { nameZh: { contains: '卯家湾', mode: 'insensitive' } },
        { nameEn: { contains: '卯家湾', mode: 'insensitive' } },
      ],
    })
  })

  it.each([null, undefined, '', '   '])('adds nothing for %j', (search) => {
    expect(searchFilter(search)).toEqual({})
  })
})

describe('combineWhere', () => {
  it('drops empty parts, returns a single part as is, and ANDs several', () => {
    const a = { employees: { gt: 1 } }
    const b = { nameZh: { equals: 'x' } }
    expect(combineWhere({}, {})).toEqual({})
    expect(combineWhere({}, a)).toBe(a)
    expect(combineWhere(a, {}, b)).toEqual({ AND: [a, b] })
  })
})

describe('toPrismaOrderBy', () => {
  it('sorts by id alone when no key is given', () => {
    expect(toPrismaOrderBy(enterprise.fields, null)).toEqual([{ id: 'asc' }])
    expect(toPrismaOrderBy(enterprise.fields, [])).toEqual([{ id: 'asc' }])
  })

  it('keeps the keys in order, ascending by default, and breaks ties by id', () => {
    expect(toPrismaOrderBy(enterprise.fields, [{ field: 'nameZh', direction: 'desc' }, { field: 'nameZh' }])).toEqual([
      { nameZh: 'desc' },
      { nameZh: 'asc' },
      { id: 'asc' },
    ])
  })

  it('puts empty values last, in both directions, for optional fields', () => {
    expect(
      toPrismaOrderBy(enterprise.fields, [
        { field: 'employees', direction: 'desc' },
        { field: 'openedOn', direction: 'asc' },
      ]),
    ).toEqual([
      { employees: { sort: 'desc', nulls: 'last' } },
      { openedOn: { sort: 'asc', nulls: 'last' } },
      { id: 'asc' },
    ])
  })

  it('sorts timestamps, which every record has, plainly', () => {
    expect(toPrismaOrderBy(enterprise.fields, [{ field: 'createdAt', direction: 'desc' }])).toEqual([
      { createdAt: 'desc' },
      { id: 'asc' },
    ])
  })
})
