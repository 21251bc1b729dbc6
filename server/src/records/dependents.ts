// Which records refer to a record of a given type, read from the Prisma datamodel so no family
// lists them by hand. A record with live dependents cannot go to the trash.
import { datamodel } from '../datamodel.ts'

export interface Dependent {
  model: string
  delegate: string
  column: string
  softDeletes: boolean
}

const OWNED_PARTS = new Set(['Citation', 'CarePrice', 'IndicatorObservation', 'AuditEvent', 'Session'])
const cache = new Map<string, Dependent[]>()

export function dependentsOf(typename: string): Dependent[] {
  let found = cache.get(typename)
  if (found) return found
  found = []
  const models = datamodel().datamodel.models
  for (const [model, { fields }] of Object.entries(models)) {
    // Parts owned by a record (its citations, prices, observations) go with it.
    if (OWNED_PARTS.has(model)) continue
    for (const field of fields) {
      const column = 'relationFromFields' in field ? field.relationFromFields?.[0] : undefined
      if (field.kind !== 'object' || field.type !== typename || field.isList || !column) continue
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
