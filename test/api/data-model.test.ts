// The API's rules for each field are written once, in the family descriptions; the database's
// columns are written in schema.prisma. Where both state a fact — a text's length, whether a value
// is required, an enum's values — they must agree, or a value the API accepts fails in the database.
import { allFamilies } from '@minsheng/server/records'
import { schema } from '@minsheng/server/schema'
import { isEnumType } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'

let t: TestHub
let columns: Map<string, { maxLength: number | null; nullable: boolean; udt: string }>
beforeAll(async () => {
  t = await startTestHub()
  const rows = await t.hub.database.prisma.$queryRaw<
    { table: string; column: string; max: number | null; nullable: string; udt: string }[]
  >`SELECT table_name::text AS "table", column_name::text AS "column",
           character_maximum_length::int AS "max", is_nullable::text AS nullable, udt_name::text AS udt
    FROM information_schema.columns WHERE table_schema = current_schema()`
  columns = new Map(
    rows.map((row) => [
      `${row.table}.${row.column}`,
      { maxLength: row.max == null ? null : Number(row.max), nullable: row.nullable === 'YES', udt: row.udt },
    ]),
  )
})
afterAll(() => t?.close())

describe.each(allFamilies().map((f) => [f.typename, f] as const))('%s', (typename, f) => {
  it('has a column for every described field, as long and as required as the description says', () => {
    for (const [name, spec] of Object.entries(f.fields)) {
      const column = columns.get(`${typename}.${name}`)
      expect(column, `${typename}.${name}`).toBeDefined()
      if (spec.kind === 'text') expect(column?.maxLength, `${typename}.${name} length`).toBe(spec.max)
      // Prisma keeps lists in nullable array columns; the API writes an empty list for none.
      if (spec.kind === 'textList') continue
      const required = Boolean(spec.required) || spec.defaultValue !== undefined
      expect(column?.nullable, `${typename}.${name} nullable`).toBe(!required)
    }
  })

  it('offers exactly the database enum values for its enum fields', async () => {
    for (const [name, spec] of Object.entries(f.fields)) {
      if (spec.kind !== 'enum') continue
      const labels = await t.hub.database.prisma.$queryRaw<{ label: string }[]>`
        SELECT e.enumlabel::text AS label FROM pg_enum e JOIN pg_type ty ON ty.oid = e.enumtypid
        WHERE ty.typname = ${columns.get(`${typename}.${name}`)?.udt} AND ty.typnamespace = current_schema()::regnamespace
        ORDER BY e.enumsortorder`
      const graphql = schema.getType(spec.enumName)
      expect(isEnumType(graphql)).toBe(true)
      const values = isEnumType(graphql) ? graphql.getValues().map((value) => value.name) : []
      expect(values, `${typename}.${name}`).toEqual(labels.map((row) => row.label))
      expect([...spec.values], `${typename}.${name}`).toEqual(values)
    }
  })
})
