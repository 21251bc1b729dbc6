// Which compiled list reads are planned for their values each time (compiled-reads.ts withinDivision),
// and which columns a compiled page's rows carry (compiled-objects.ts).
import { columnsReadFrom } from '@minsheng/server/compiled-objects'
import { withinDivision } from '@minsheng/server/compiled-reads'
import { type FieldNode, type OperationDefinitionNode, parse } from 'graphql'
import { describe, expect, it } from 'vitest'

const rootOf = (document: string) =>
  (parse(document).definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode

describe('a list read within a division', () => {
  it('is told by its filter, written out or in variables, at any depth of AND, OR and NOT', () => {
    expect(withinDivision(rootOf('{ schools(where: {withinDivision: "RGl2aXNpb246MQ=="}) { totalCount } }'), {})).toBe(
      true,
    )
    expect(
      withinDivision(rootOf('query ($w: SchoolWhere) { schools(where: $w) { totalCount } }'), {
        w: { withinDivision: 'x' },
      }),
    ).toBe(true)
    expect(
      withinDivision(
        rootOf(
          'query ($d: ID) { schools(where: {OR: [{nameZh: {contains: "a"}}, {withinDivision: $d}]}) { totalCount } }',
        ),
        {
          d: 'x',
        },
      ),
    ).toBe(true)
    expect(withinDivision(rootOf('{ schools(where: {NOT: [{withinDivision: "x"}]}) { totalCount } }'), {})).toBe(true)
  })

  it('is not when no division is named, or its variable is left null', () => {
    expect(withinDivision(rootOf('{ schools(first: 3) { totalCount } }'), {})).toBe(false)
    expect(withinDivision(rootOf('{ schools(where: {nameZh: {contains: "a"}}) { totalCount } }'), {})).toBe(false)
    expect(withinDivision(rootOf('query ($d: ID) { schools(where: {withinDivision: $d}) { totalCount } }'), {})).toBe(
      false,
    )
    expect(withinDivision(rootOf('query ($w: SchoolWhere) { schools(where: $w) { totalCount } }'), { w: null })).toBe(
      false,
    )
  })
})

describe("the columns a compiled page's rows carry", () => {
  it('are the id and the columns of its alias the SQL reads, each once, quoted as written', () => {
    const sql = `json_build_object('nameZh', t2."nameZh", 'up', t2."updatedAt", 'x', t12."kind", 'y', "t2"."note", 'q', t2."a""b") t2."nameZh" ASC, t2."id" ASC`
    expect(columnsReadFrom('t2', sql)).toBe('t2."id", t2."nameZh", t2."updatedAt", t2."a""b"')
  })

  it('are the id alone when the SQL reads none of them', () => {
    expect(columnsReadFrom('t3', `json_build_object('__typename', 'School')`)).toBe('t3."id"')
  })
})
