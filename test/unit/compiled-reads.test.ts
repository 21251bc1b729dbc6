// Which compiled list reads are planned for their values each time (compiled-reads.ts withinDivision).
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
