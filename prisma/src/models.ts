// What the data model says about itself, read from Prisma's datamodel so that no list of record
// types or tables is kept by hand: a new model takes its place in exports, backups, the seed's tally,
// permissions and the API's record types by being declared in schema.prisma.
import { getDatamodel } from '../generated/pothos-types.ts'

interface ModelField {
  name: string
  kind: string
  type: string
  isList: boolean
  isRequired: boolean
  relationName?: string
  relationFromFields?: string[]
}

const models = getDatamodel().datamodel.models as unknown as Record<string, { fields: ModelField[] }>
const fieldsOf = (model: string) => models[model]?.fields ?? []
const has = (model: string, field: string) => fieldsOf(model).some((f) => f.name === field)

/** Names of a model's fields, relations included. */
export const fieldNamesOf = (model: string) => fieldsOf(model).map((field) => field.name)

/** Models in the order schema.prisma declares them. */
export const MODEL_NAMES = Object.keys(models)

/**
 * The record families: models an operator edits, versioned and trashable (they have `version`
 * and `deletedAt`), in schema order. Divisions, sources, settlements, hospitals, …
 */
export const RECORD_MODELS = MODEL_NAMES.filter((model) => has(model, 'version') && has(model, 'deletedAt'))

/** To-one relations of a model that it holds the key of: (relation field, key column, target). */
export function foreignKeys(model: string) {
  return fieldsOf(model).flatMap((field) => {
    const column = field.relationFromFields?.[0]
    return field.kind === 'object' && !field.isList && column
      ? [{ relation: field.name, column, target: field.type, required: field.isRequired }]
      : []
  })
}

/**
 * The city's data: the record families and the parts that cannot exist without them (a facility's
 * prices, an indicator's observations, citations of a source). Operators, keys, sessions and the
 * audit trail are not data in this sense.
 */
export const DATA_MODELS = (() => {
  const data = new Set(RECORD_MODELS)
  for (let grew = true; grew; ) {
    grew = false
    for (const model of MODEL_NAMES) {
      if (data.has(model)) continue
      if (foreignKeys(model).some((key) => key.required && data.has(key.target))) {
        data.add(model)
        grew = true
      }
    }
  }
  return MODEL_NAMES.filter((model) => data.has(model))
})()

/** Prisma's implicit many-to-many join tables (`_ParkSupportsSettlement`), with the two models they join. */
export const JOIN_TABLES = (() => {
  const seen = new Map<string, string[]>()
  for (const model of MODEL_NAMES) {
    for (const field of fieldsOf(model)) {
      if (field.kind !== 'object' || !field.isList || !field.relationName) continue
      const back = fieldsOf(field.type).find((f) => f.relationName === field.relationName)
      if (back?.isList) {
        seen.set(`_${field.relationName}`, [...new Set([...(seen.get(`_${field.relationName}`) ?? []), model])])
      }
    }
  }
  return [...seen.entries()].map(([table, joined]) => ({ table, joined }))
})()

/** The column of a model that refers to another row of the same model (a division's parent), if any. */
export const selfReference = (model: string) => foreignKeys(model).find((key) => key.target === model)?.column

/**
 * Every table in an order that inserts each row after the rows it refers to: models by their
 * foreign keys (a self-reference is ordered within the table), join tables after both their models.
 */
export function tablesInInsertOrder(): string[] {
  const ordered: string[] = []
  const placed = new Set<string>()
  const remaining = [...MODEL_NAMES]
  while (remaining.length > 0) {
    const index = remaining.findIndex((model) =>
      foreignKeys(model).every((key) => key.target === model || placed.has(key.target)),
    )
    if (index < 0) throw new Error(`Foreign keys form a cycle among ${remaining.join(', ')}`)
    const [model] = remaining.splice(index, 1) as [string]
    ordered.push(model)
    placed.add(model)
    for (const join of JOIN_TABLES) {
      if (!placed.has(join.table) && join.joined.every((joined) => placed.has(joined))) {
        ordered.push(join.table)
        placed.add(join.table)
      }
    }
  }
  return ordered
}
