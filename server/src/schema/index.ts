// Imports every type file (order does not matter: fields are resolved when the schema is built).
import { isInterfaceType, isObjectType, lexicographicSortSchema, printSchema } from 'graphql'
import { builder, nodeTypes } from '../builder.ts'
import './enums.ts'
import './node.ts'
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
import './session.ts'
import './user.ts'
import './api-key.ts'
import './audit.ts'
import './change-set.ts'
import './period-lock.ts'
import './import.ts'
import './live.ts'
import './saved-query.ts'
import './citation-check.ts'
import './quality.ts'
import './changes.ts'

export const schema = builder.toSchema({ sortSchema: false })

// plugin-prisma adds `totalCount` to connections without a description; every field has one.
for (const type of Object.values(schema.getTypeMap())) {
  if (!isObjectType(type) || !type.name.endsWith('Connection')) continue
  const totalCount = type.getFields().totalCount
  if (totalCount && !totalCount.description) totalCount.description = 'Records in the whole list, on all pages.'
}

const nodeInterface = schema.getType('Node')
if (isInterfaceType(nodeInterface)) {
  for (const type of schema.getImplementations(nodeInterface).objects) nodeTypes.add(type.name)
}

/** The schema as checked in at server/schema.graphql. */
export function printedSchema() {
  return `${printSchema(lexicographicSortSchema(schema))}\n`
}
