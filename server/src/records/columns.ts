// Record types use Pothos's select mode (a request reads only the columns its fields need). Where
// code needs the whole row as well — the audit trail of an update — the caller's selection is
// widened to every column of the model.
import { getDatamodel } from '@minsheng/db/pothos-types'

const columnsByModel = new Map<string, Record<string, true>>()

function allColumns(model: string): Record<string, true> {
  let columns = columnsByModel.get(model)
  if (!columns) {
    const fields = getDatamodel().datamodel.models[model]?.fields ?? []
    columns = Object.fromEntries(fields.filter((f) => f.kind !== 'object').map((f) => [f.name, true as const]))
    columnsByModel.set(model, columns)
  }
  return columns
}

/** Pothos's query for a record, reading every column besides what the caller selected. */
export function withAllColumns<Q extends { select?: Record<string, unknown> }>(model: string, query: Q): Q {
  return query.select ? { ...query, select: { ...allColumns(model), ...query.select } } : query
}
