// What an import or export asks of the hub, through the data provider: records by code or name,
// the current state of the records a file changes, and the import itself.
import type { Identifier } from 'react-admin'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import type { ResourceApi } from '../providers/resources.ts'
import type { FindRecords, RefRecord } from './references.ts'
import { IMPORT_MUTATION, type ImportReport, type ServerRows } from './report.ts'

type Json = Record<string, unknown>

const LOOKUP_BATCH = 100
const PAGE = 200

/** Records of a resource whose code or Chinese name is one of the values. */
export function findRecords(dataProvider: HubDataProvider): FindRecords {
  return async (reference, by, values) => {
    const found: RefRecord[] = []
    for (let start = 0; start < values.length; start += LOOKUP_BATCH) {
      const batch = values.slice(start, start + LOOKUP_BATCH)
      // A name may be shared by several records: ask for every match (up to a page of them).
      const { data } = await dataProvider.getList(reference, {
        filter: { [`${by}_in`]: batch },
        pagination: { page: 1, perPage: PAGE * 5 },
        sort: { field: 'id', order: 'ASC' },
      })
      for (const record of data) found.push(record as unknown as RefRecord)
    }
    return found
  }
}

/** The records with these IDs as they are now (many-to-many IDs included), by ID. */
export async function currentRecords(dataProvider: HubDataProvider, api: ResourceApi, ids: Identifier[]) {
  const records = new Map<string, Json>()
  if (!ids.length) return records
  const { data } = await dataProvider.getMany(api.resource, { ids, meta: { depth: 'file' } })
  for (const record of data) records.set(String(record.id), record as Json)
  return records
}

export async function runImport(
  dataProvider: HubDataProvider,
  api: ResourceApi,
  sent: ServerRows,
  { dryRun, reason }: { dryRun: boolean; reason?: string },
): Promise<ImportReport> {
  const { report } = await dataProvider.graphql<{ report: ImportReport }>(IMPORT_MUTATION, {
    recordType: api.type,
    rows: sent.rows,
    dryRun,
    reason: reason?.trim() || null,
  })
  return report
}
