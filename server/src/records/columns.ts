// Record types use Pothos's select mode (a request reads only the columns its fields need). A write
// that has the whole row already (an update's RETURNING) answers with it when the caller's
// selection asks for nothing more.
import { datamodel } from '../datamodel.ts'

const columnsByModel = new Map<string, Record<string, true>>()

function allColumns(model: string): Record<string, true> {
  let columns = columnsByModel.get(model)
  if (!columns) {
    const fields = datamodel().datamodel.models[model]?.fields ?? []
    columns = Object.fromEntries(fields.filter((f) => f.kind !== 'object').map((f) => [f.name, true as const]))
    columnsByModel.set(model, columns)
  }
  return columns
}

/** Whether Pothos's query for a record reads its columns alone (no relation), so a row of the table answers it. */
export function selectsColumnsOnly(model: string, query: { select?: Record<string, unknown>; include?: unknown }) {
  if (query.include) return false
  const columns = allColumns(model)
  return Object.keys(query.select ?? {}).every((name) => name in columns)
}
