// Imports every type file (order does not matter: fields are resolved when the schema is built).
import { lexicographicSortSchema, printSchema } from 'graphql'
import { builder } from '../builder.ts'
import './enums.ts'
import './division.ts'
import './settlement.ts'
import './community.ts'
import './industrial-park.ts'
import './enterprise.ts'
import './hospital.ts'
import './school.ts'
import './care-facility.ts'
import './indicator.ts'
import './source.ts'
import './overview.ts'

export const schema = builder.toSchema({ sortSchema: false })

/** The schema as checked in at server/schema.graphql. */
export function printedSchema() {
  return `${printSchema(lexicographicSortSchema(schema))}\n`
}
