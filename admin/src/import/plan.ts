// The first pass of an import, in the browser: check every value with the server's rules, resolve
// division codes and names to IDs, and sort rows into creates, updates and bad rows. The hub's dry
// run (report.ts) then checks every row again, the database's rules included.

import { checkValue, type Problem } from '../providers/checks.ts'
import type { ResourceApi } from '../providers/resources.ts'
import type { HubSchema } from '../providers/schema-types.ts'
import { type CsvColumn, csvColumns, LIST_SEPARATOR } from './columns.ts'

export type Row = Record<string, string | undefined>

export interface PlannedRow {
  /** Line in the file (the header is line 1). */
  line: number
  id?: string
  version?: number
  data: Record<string, unknown>
}

export interface Reason {
  /** The CSV column (or, from the hub, the input field) at fault; empty for the row as a whole. */
  column: string
  /** The input field the column sets (`divisionCode` → `divisionId`), to merge the hub's reasons. */
  field?: string
  problem: Problem
  /** Found by the hub's dry run rather than in the browser. */
  server?: boolean
}

export interface BadRow extends PlannedRow {
  reasons: Reason[]
}

export interface ImportPlan {
  creates: PlannedRow[]
  updates: PlannedRow[]
  bad: BadRow[]
  unknownColumns: string[]
}

/** Finds IDs of records of `reference` whose code (divisions) or Chinese name is one of `values`. */
export type Lookup = (reference: string, by: 'code' | 'nameZh', values: string[]) => Promise<Map<string, string[]>>

const clean = (value: string | undefined) => (value ?? '').trim()

function parseCell(column: Extract<CsvColumn, { role: 'value' | 'json' }>, raw: string): unknown {
  if (column.role === 'json') return JSON.parse(raw)
  if (column.meta.list) {
    return raw
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter(Boolean)
  }
  return raw
}

export async function planImport(
  schema: HubSchema,
  api: ResourceApi,
  rows: Row[],
  headers: string[],
  lookup: Lookup,
): Promise<ImportPlan> {
  const columns = csvColumns(schema, api)
  const known = new Set(columns.map((column) => column.name))
  const present = columns.filter((column) => headers.includes(column.name))
  const unknownColumns = headers.filter((header) => header && !known.has(header))

  // Resolve every code and name used in the file with one query per reference and kind.
  const wanted = new Map<string, { reference: string; by: 'code' | 'nameZh'; values: Set<string> }>()
  for (const column of present) {
    if (column.role !== 'refName' && column.role !== 'refCode') continue
    const by = column.role === 'refCode' ? 'code' : 'nameZh'
    const key = `${column.reference}:${by}`
    const entry = wanted.get(key) ?? { reference: column.reference, by, values: new Set<string>() }
    for (const row of rows) {
      for (const value of clean(row[column.name]).split(LIST_SEPARATOR))
        if (value.trim()) entry.values.add(value.trim())
    }
    wanted.set(key, entry)
  }
  const found = new Map<string, Map<string, string[]>>()
  for (const [key, { reference, by, values }] of wanted) {
    found.set(key, values.size ? await lookup(reference, by, [...values]) : new Map())
  }

  const plan: ImportPlan = { creates: [], updates: [], bad: [], unknownColumns }
  rows.forEach((row, index) => {
    const line = index + 2
    const id = clean(row.id) || undefined
    const versionText = clean(row.version)
    const reasons: Reason[] = []
    const data: Record<string, unknown> = {}
    const resolved = new Set<string>()
    for (const column of present) {
      const raw = clean(row[column.name])
      if (column.role === 'key' || !raw) continue
      if (column.role === 'refId') {
        data[column.field] = column.meta.list ? raw.split(LIST_SEPARATOR).map((item) => item.trim()) : raw
        resolved.add(column.field)
      } else if (column.role === 'refName' || column.role === 'refCode') {
        if (resolved.has(column.field)) continue
        const matches = found.get(`${column.reference}:${column.role === 'refCode' ? 'code' : 'nameZh'}`)
        const ids: string[] = []
        for (const value of column.meta.list ? raw.split(LIST_SEPARATOR).map((item) => item.trim()) : [raw]) {
          const hits = matches?.get(value) ?? []
          const args = { field: column.name, value }
          if (hits.length === 0)
            reasons.push({
              column: column.name,
              field: column.field,
              problem: { message: 'hub.import.unknownReference', args },
            })
          else if (hits.length > 1) {
            reasons.push({
              column: column.name,
              field: column.field,
              problem: { message: 'hub.import.ambiguousReference', args },
            })
          } else ids.push(hits[0] as string)
        }
        data[column.field] = column.meta.list ? ids : ids[0]
        resolved.add(column.field)
      } else if (column.role === 'value' || column.role === 'json') {
        try {
          data[column.field] = parseCell(column, raw)
        } catch {
          reasons.push({ column: column.name, field: column.field, problem: { message: 'hub.import.badJson' } })
        }
      }
    }
    // A new record needs every required field; an update only changes the cells that are filled.
    for (const column of columns) {
      if (column.role !== 'value' && column.role !== 'refId' && column.role !== 'json') continue
      if (reasons.some((reason) => reason.column.startsWith(column.field.replace(/Ids?$/, '')))) continue
      const value = data[column.field]
      if (id && value === undefined) continue
      const problem =
        column.role === 'json' ? checkNested(schema, column.meta.type, value) : checkValue(schema, column.meta, value)
      if (problem) reasons.push({ column: column.name, field: column.field, problem })
    }
    if (versionText && !/^\d+$/.test(versionText)) {
      reasons.push({ column: 'version', field: 'version', problem: { message: 'hub.validation.integer' } })
    }
    const version = /^\d+$/.test(versionText) ? Number(versionText) : undefined
    if (reasons.length) plan.bad.push({ line, ...(id ? { id, version } : {}), data, reasons })
    else if (id) plan.updates.push({ line, id, version, data })
    else plan.creates.push({ line, data })
  })
  return plan
}

/** Checks each item of a nested list (prices, observations) against its input type. */
function checkNested(schema: HubSchema, inputType: string, value: unknown): Problem | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value)) return { message: 'hub.import.badJson' }
  const fields = schema.inputs[inputType] ?? {}
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return { message: 'hub.import.badJson' }
    for (const [name, meta] of Object.entries(fields)) {
      const problem = checkValue(schema, meta, (item as Record<string, unknown>)[name])
      if (problem) return { ...problem, args: { ...problem.args, field: name } }
    }
  }
  return undefined
}
