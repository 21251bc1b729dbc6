// A resource's records as the table a file holds: headers in the chosen language, numbers as
// numbers, dates as dates, enum values by their label, references by name (a division by its path
// from the county, with its code beside it), and the record's number and version to import it back.
import type { RaRecord } from 'react-admin'
import { type Cell, type CellContext, LIST_SEPARATOR, nestedText, scalarCell } from '../import/cells.ts'
import { type Column, exportColumns, type Language, type Languages, layoutOf } from '../import/layout.ts'
import { divisionPath, type RefRecord } from '../import/references.ts'
import { databaseId, type ResourceApi } from '../providers/resources.ts'
import type { FieldMeta, HubSchema } from '../providers/schema-types.ts'

export interface FileTable {
  columns: Column[]
  headers: string[]
  rows: Cell[][]
}

/** Referenced records by resource and ID (divisions with their ancestors, for paths). */
export type Related = ReadonlyMap<string, ReadonlyMap<string, RefRecord>>

export interface TableOptions {
  language: Language
  /** Global IDs for the record and its references, for systems rather than people. */
  globalIds?: boolean
}

function referenceCell(column: Column, value: unknown, related: Related): Cell {
  const records = related.get(column.reference as string) ?? new Map<string, RefRecord>()
  const ids = (Array.isArray(value) ? value : [value]).filter((id) => id !== null && id !== undefined && id !== '')
  if (!ids.length) return null
  const text = (id: unknown) => {
    const record = records.get(String(id))
    if (column.role === 'refId') return String(id)
    if (column.role === 'refCode') return record?.code ?? ''
    if (column.reference === 'divisions') return divisionPath(String(id), records)
    return record?.nameZh ?? String(id)
  }
  return ids.map(text).join(LIST_SEPARATOR) || null
}

function cellOf(
  ctx: CellContext,
  options: TableOptions,
  api: ResourceApi,
  column: Column,
  record: RaRecord,
  related: Related,
) {
  switch (column.role) {
    case 'id':
      return options.globalIds ? String(record.id) : (databaseId(String(record.id), api.type) ?? String(record.id))
    case 'version':
      return typeof record.version === 'number' ? record.version : null
    case 'value':
      return scalarCell(ctx, options.language, column.meta as FieldMeta, record[column.field])
    case 'nested':
      return nestedText(ctx, options.language, column.field, column.meta as FieldMeta, record[column.field])
    default:
      return referenceCell(column, record[column.field], related)
  }
}

export function recordsTable(
  schema: HubSchema,
  api: ResourceApi,
  languages: Languages,
  records: RaRecord[],
  related: Related,
  options: TableOptions,
): FileTable {
  const ctx: CellContext = { schema, languages, resource: api.resource }
  const columns = exportColumns(layoutOf(schema, api, languages), options)
  return {
    columns,
    headers: columns.map((column) => column.headers[options.language]),
    rows: records.map((record) => columns.map((column) => cellOf(ctx, options, api, column, record, related))),
  }
}

/** The IDs each referenced resource needs loading for these records. */
export function referencedIds(api: ResourceApi, records: RaRecord[]): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>()
  const references = {
    ...api.references,
    ...Object.fromEntries(Object.entries(api.idLists).map(([f, l]) => [f, l.reference])),
  }
  for (const [field, reference] of Object.entries(references)) {
    const ids = wanted.get(reference) ?? new Set<string>()
    for (const record of records) {
      const value = record[field]
      for (const id of Array.isArray(value) ? value : [value]) if (id) ids.add(String(id))
    }
    wanted.set(reference, ids)
  }
  return wanted
}
