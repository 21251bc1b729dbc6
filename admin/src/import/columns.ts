// The CSV layout of each resource, shared by export, the import template and the import itself:
// `id` and `version` (present to update, absent to create), one column per input field, and for
// each reference its global ID plus a readable name (and code, for divisions) to look it up by.
import type { ResourceApi } from '../providers/resources.ts'
import type { FieldMeta, HubSchema } from '../providers/schema-types.ts'

export type CsvColumn =
  | { name: 'id' | 'version'; role: 'key' }
  | { name: string; role: 'value'; field: string; meta: FieldMeta }
  /** A nested list (prices, observations) as JSON. */
  | { name: string; role: 'json'; field: string; meta: FieldMeta }
  | { name: string; role: 'refId' | 'refName' | 'refCode'; field: string; meta: FieldMeta; reference: string }

/** Separator of list values (services, products) inside one cell. */
export const LIST_SEPARATOR = '|'

export function csvColumns(schema: HubSchema, api: ResourceApi): CsvColumn[] {
  const input = schema.inputs[`${api.type}CreateInput`]
  if (!input) throw new Error(`The schema has no input ${api.type}CreateInput`)
  const columns: CsvColumn[] = [
    { name: 'id', role: 'key' },
    { name: 'version', role: 'key' },
  ]
  for (const [field, meta] of Object.entries(input)) {
    const reference = api.references[field] ?? api.idLists[field]?.reference
    if (reference) {
      const base = field.replace(/Ids?$/, '')
      const plural = meta.list ? 's' : ''
      columns.push({ name: field, role: 'refId', field, meta, reference })
      if (reference === 'divisions') columns.push({ name: `${base}Code`, role: 'refCode', field, meta, reference })
      columns.push({ name: `${base}Name${plural}`, role: 'refName', field, meta, reference })
    } else if (meta.kind === 'object') {
      columns.push({ name: field, role: 'json', field, meta })
    } else {
      columns.push({ name: field, role: 'value', field, meta })
    }
  }
  return columns
}
