// CSV export in the import layout, so an exported file can be edited and imported back.

import hubSchema from 'virtual:hub-schema'
import Papa from 'papaparse'
import type { FetchRelatedRecords, RaRecord } from 'react-admin'
import { toInput } from '../providers/queries.ts'
import { resourceApi } from '../providers/resources.ts'
import { type CsvColumn, csvColumns, LIST_SEPARATOR } from './columns.ts'

/** UTF-8 with a byte order mark, so spreadsheet programs read the Chinese correctly. */
export function downloadCsv(csv: string, filename: string) {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }))
  link.download = `${filename}.csv`
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(link.href), 1000)
}

function cell(column: CsvColumn, record: RaRecord, related: Map<string, Record<string, RaRecord>>): string {
  if (column.role === 'key') return String(record[column.name] ?? '')
  const value = record[column.field]
  if (value === null || value === undefined) return ''
  switch (column.role) {
    case 'value':
      return Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value)
    case 'json': {
      const items = (value as Record<string, unknown>[]).map((item) => toInput(hubSchema, column.meta.type, item))
      return items.length ? JSON.stringify(items) : ''
    }
    case 'refId':
      return Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value)
    case 'refName':
    case 'refCode': {
      const records = related.get(column.field) ?? {}
      const key = column.role === 'refCode' ? 'code' : 'nameZh'
      const ids = Array.isArray(value) ? value : [value]
      return ids.map((id) => String(records[id as string]?.[key] ?? '')).join(LIST_SEPARATOR)
    }
  }
}

export async function exportCsv(resource: string, records: RaRecord[], fetchRelated: FetchRelatedRecords) {
  const columns = csvColumns(hubSchema, resourceApi(resource))
  const related = new Map<string, Record<string, RaRecord>>()
  for (const column of columns) {
    if ((column.role === 'refName' || column.role === 'refCode') && !related.has(column.field)) {
      related.set(column.field, await fetchRelated(records, column.field, column.reference))
    }
  }
  const csv = Papa.unparse({
    fields: columns.map((column) => column.name),
    data: records.map((record) => columns.map((column) => cell(column, record, related))),
  })
  downloadCsv(csv, resource)
}

/** An empty file with the columns an import reads. */
export function downloadTemplate(resource: string) {
  const columns = csvColumns(hubSchema, resourceApi(resource)).filter(
    (column) => column.role !== 'key' || column.name === 'id',
  )
  downloadCsv(Papa.unparse({ fields: columns.map((column) => column.name), data: [] }), `${resource}-template`)
}
