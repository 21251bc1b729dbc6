// Export of a list as the operator filtered and sorted it: the records, the records they reference
// (each division with its ancestors, for its path), written as .xlsx or CSV under a name that says
// what, which and when.
import hubSchema from 'virtual:hub-schema'
import type { RaRecord, SortPayload, TranslateFunction } from 'react-admin'
import { loadLanguages } from '../import/languages.ts'
import type { Language } from '../import/layout.ts'
import type { RefRecord } from '../import/references.ts'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { type ResourceApi, resourceApi } from '../providers/resources.ts'
import { describeFilter } from './describeFilter.ts'
import { exportFileName } from './filename.ts'
import { csvBlob, saveFile, xlsxBlob } from './files.ts'
import { recordsTable, referencedIds } from './table.ts'

/** Most records one export writes. */
export const MAX_EXPORT = 10_000

export interface ExportRequest {
  resource: string
  filter: Record<string, unknown>
  sort: SortPayload
  format: 'xlsx' | 'csv'
  globalIds: boolean
  language: Language
}

/** Referenced records by resource and ID; divisions with every ancestor up to the county. */
export async function loadRelated(dataProvider: HubDataProvider, api: ResourceApi, records: RaRecord[]) {
  const related = new Map<string, Map<string, RefRecord>>()
  for (const [reference, ids] of referencedIds(api, records)) {
    const known = related.get(reference) ?? new Map<string, RefRecord>()
    related.set(reference, known)
    let missing = [...ids].filter((id) => !known.has(id))
    while (missing.length) {
      const { data } = await dataProvider.getMany(reference, { ids: missing })
      for (const record of data) known.set(String(record.id), record as unknown as RefRecord)
      // A division's path needs its parents too.
      missing =
        reference === 'divisions'
          ? [
              ...new Set(
                data.flatMap((record) => {
                  const parent = (record as unknown as RefRecord).parentId
                  return parent && !known.has(parent) ? [parent] : []
                }),
              ),
            ]
          : []
    }
  }
  return related
}

export async function exportRecords(
  dataProvider: HubDataProvider,
  translate: TranslateFunction,
  request: ExportRequest,
): Promise<{ rows: number; filename: string }> {
  const api = resourceApi(request.resource)
  const [{ data: records }, languages] = await Promise.all([
    dataProvider.getList(request.resource, {
      filter: request.filter,
      sort: request.sort,
      pagination: { page: 1, perPage: MAX_EXPORT },
      meta: { depth: 'file' },
    }),
    loadLanguages(),
  ])
  const related = await loadRelated(dataProvider, api, records)
  const table = recordsTable(hubSchema, api, languages, records, related, request)
  const name = translate(`resources.${request.resource}.name`, { smart_count: 2 })
  const filename = exportFileName(
    [name, ...(await describeFilter(dataProvider, translate, api, request.filter))],
    request.format,
  )
  const sheet = { name, headers: table.headers, rows: table.rows }
  saveFile(request.format === 'xlsx' ? await xlsxBlob([sheet]) : csvBlob(sheet), filename)
  return { rows: records.length, filename }
}
