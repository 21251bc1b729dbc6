// Which records refer to a record of a given type, read from the Prisma datamodel so no family
// lists them by hand. A record with live dependents cannot go to the trash.
import { datamodel } from '../datamodel.ts'

export interface Dependent {
  model: string
  delegate: string
  column: string
  softDeletes: boolean
}

/**
 * Rows that are part of the record that owns them, not records of their own: the database deletes
 * them with it (onDelete: Cascade) and they stay with it in the trash, so they never hold it back. A
 * record's citations, a care facility's prices, an indicator's observations, a division's outline
 * (DivisionBoundary), an account's sessions. Prisma's datamodel does not say which relations cascade:
 * a model added with one belongs here (test/unit/dependents.test.ts reads the schema for them).
 */
const OWNED_PARTS = new Set([
  'Citation',
  'CarePrice',
  'IndicatorObservation',
  'DivisionBoundary',
  'AuditEvent',
  'Session',
])
/**
 * A part's reference to a record other than its owner, which does hold that record back: a citation
 * names its source, and the database refuses to delete a source still cited (onDelete: Restrict).
 */
const PARTS_THAT_REFER = new Set(['Citation.sourceId'])
const cache = new Map<string, Dependent[]>()

export function dependentsOf(typename: string): Dependent[] {
  let found = cache.get(typename)
  if (found) return found
  found = []
  const models = datamodel().datamodel.models
  for (const [model, { fields }] of Object.entries(models)) {
    for (const field of fields) {
      const column = 'relationFromFields' in field ? field.relationFromFields?.[0] : undefined
      if (field.kind !== 'object' || field.type !== typename || field.isList || !column) continue
      if (OWNED_PARTS.has(model) && !PARTS_THAT_REFER.has(`${model}.${column}`)) continue
      found.push({
        model,
        delegate: model[0]?.toLowerCase() + model.slice(1),
        column,
        softDeletes: fields.some((f) => f.name === 'deletedAt'),
      })
    }
  }
  cache.set(typename, found)
  return found
}
