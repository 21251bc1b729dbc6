// The SQL condition of a Prisma where, for the aggregates' grouped statement. Its meaning is checked
// against the list in api/aggregates.test.ts; here, that it refuses what it does not know.
import { describe, expect, it } from 'vitest'
import { count, text } from '../../server/src/records/fields.ts'
import type { WhereShape } from '../../server/src/records/where.ts'
import { whereToSql } from '../../server/src/records/where-sql.ts'

const hospital: WhereShape = {
  typename: 'Hospital',
  within: 'relation',
  fields: { nameZh: text(200, 'Name', { required: true }), plannedBeds: count('Beds') },
}
const lookup = () => hospital

describe('whereToSql', () => {
  it('writes values as parameters, never into the text', () => {
    const statement = whereToSql(hospital, { nameZh: { equals: "x' OR 1=1 --" }, plannedBeds: { gte: 5 } }, 't', lookup)
    expect(statement.sql).not.toContain('OR 1=1')
    expect(statement.values).toEqual(["x' OR 1=1 --", 5])
  })

  it('refuses operators and fields it has no SQL for', () => {
    expect(() => whereToSql(hospital, { nameZh: { search: 'x' } }, 't', lookup)).toThrow(/search/)
    expect(() => whereToSql(hospital, { unknown: { equals: 1 } }, 't', lookup)).toThrow(/unknown/)
  })
})
