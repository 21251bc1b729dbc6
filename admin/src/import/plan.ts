// The first pass of an import, in the browser: every header matched to a column, every value read
// and checked with the server's rules, references resolved to IDs, and each row sorted into a new
// record, a change to an existing one (only the fields that differ), a row that changes nothing, or a
// bad row with its reasons. The hub's dry run (report.ts) then checks the rows again, the database's
// rules included.
import { checkValue, type Problem } from '../providers/checks.ts'
import { databaseId, globalId, type ResourceApi } from '../providers/resources.ts'
import type { FieldMeta, HubSchema } from '../providers/schema-types.ts'
import { type Cell, type CellContext, canonicalDecimal, cellText, readNested, readScalar } from './cells.ts'
import { type Column, type Languages, layoutOf, matchHeaders } from './layout.ts'
import { type FindRecords, PATH_SPLIT, References } from './references.ts'

type Json = Record<string, unknown>

export interface PlannedRow {
  /** Line in the file (the header is line 1). */
  line: number
  id?: string
  version?: number
  /** The input fields to send: all of them for a new record, the changed ones for an update. */
  data: Json
  /** What the row is about, for the preview (its name, or the record's). */
  title?: string
}

export interface Reason {
  /** The header (or, from the hub, the input field) at fault; empty for the row as a whole. */
  column: string
  /** The input field the column sets (`所在区划代码` → `divisionId`), to merge the hub's reasons. */
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
  /** Lines whose record already holds every value of the row. */
  unchanged: number[]
  bad: BadRow[]
  /** The hub's data-quality warnings for rows it would write (after its dry run). */
  warnings?: { line: number; code: string; message: string }[]
  /** How many warnings the hub found in all (it lists the first thousand). */
  warningCount?: number
  unknownColumns: string[]
  repeatedColumns: string[]
  /** The file's header of each input field it sets (the first, `所在区划` before `所在区划代码`). */
  fieldHeaders?: Record<string, string>
}

export interface PlanInput {
  schema: HubSchema
  api: ResourceApi
  languages: Languages
  headers: string[]
  /** Data rows, each aligned with the headers. */
  rows: Cell[][]
  /** The line of the file the first data row is on (2 when the header is line 1). */
  firstLine?: number
  find: FindRecords
  /** The records that rows with a number or ID change, by global ID (as react-admin holds them). */
  current(ids: string[]): Promise<Map<string, Json>>
}

/** A template's example row starts its name so; importing it by mistake is refused. */
export const EXAMPLE_MARK = /^[（(]?\s*(示例|example)\s*[）):：]/i

const isBlank = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

/** Whether two input values say the same (decimals and dates compared as such, not as text). */
export function sameValue(schema: HubSchema, meta: FieldMeta, a: unknown, b: unknown): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b)
  if (meta.list) {
    const x = Array.isArray(a) ? a : [a]
    const y = Array.isArray(b) ? b : [b]
    return x.length === y.length && x.every((item, i) => sameValue(schema, { ...meta, list: false }, item, y[i]))
  }
  if (meta.kind === 'object') {
    const fields = schema.inputs[meta.type] ?? schema.inputs[`${meta.type}Input`] ?? {}
    return Object.entries(fields).every(([name, fieldMeta]) =>
      sameValue(schema, fieldMeta, (a as Json)[name], (b as Json)[name]),
    )
  }
  switch (meta.type) {
    case 'Decimal':
      return canonicalDecimal(String(a)) === canonicalDecimal(String(b))
    case 'Int':
    case 'Float':
      return Number(a) === Number(b)
    case 'Date':
      return String(a).slice(0, 10) === String(b).slice(0, 10)
    default:
      return String(a) === String(b)
  }
}

/** The record a row's number or ID names: a database id (`12`) or a global ID of this type. */
function rowId(api: ResourceApi, text: string): string | undefined {
  if (/^\d+$/.test(text)) return globalId(api.type, text)
  return databaseId(text, api.type) === undefined ? undefined : text
}

/** Checks each item of a nested list (prices, observations) against its input type. */
function checkNested(schema: HubSchema, meta: FieldMeta, value: unknown): Problem | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value)) return { message: 'hub.import.badJson' }
  const fields = schema.inputs[meta.type] ?? schema.inputs[`${meta.type}Input`] ?? {}
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return { message: 'hub.import.badJson' }
    for (const [name, fieldMeta] of Object.entries(fields)) {
      const problem = checkValue(schema, fieldMeta, (item as Json)[name])
      if (problem) return { ...problem, args: { ...problem.args, field: name } }
    }
  }
  return undefined
}

const split = (text: string, list: boolean | undefined) =>
  list
    ? text
        .split(/[|｜\n]/)
        .map((item) => item.trim())
        .filter(Boolean)
    : [text]

export async function planImport(input: PlanInput): Promise<ImportPlan> {
  const { schema, api, languages, headers, rows } = input
  const columns = layoutOf(schema, api, languages)
  const match = matchHeaders(columns, headers)
  const ctx: CellContext = { schema, languages, resource: api.resource }
  const plan: ImportPlan = {
    creates: [],
    updates: [],
    unchanged: [],
    bad: [],
    unknownColumns: match.unknown,
    repeatedColumns: match.repeated,
  }
  const headerOf = (column: Column) => headers[match.columns.indexOf(column)] ?? column.key
  // So that the hub's reasons (by input field) are told under the file's own headers.
  plan.fieldHeaders = {}
  for (const column of match.columns) if (column?.field) plan.fieldHeaders[column.field] ??= headerOf(column)
  /** The cells of a row by column (the first header naming a column wins). */
  const cellsOf = (row: Cell[]) => {
    const cells = new Map<Column, Cell>()
    match.columns.forEach((column, index) => {
      if (column && !cells.has(column)) cells.set(column, row[index])
    })
    return cells
  }

  // Every code and name the file uses, looked up together.
  const references = new References(input.find)
  const byOf = (column: Column) => (column.role === 'refCode' ? 'code' : 'nameZh') as 'code' | 'nameZh'
  for (const row of rows) {
    for (const [column, cell] of cellsOf(row)) {
      if (column.role !== 'refCode' && column.role !== 'refName') continue
      for (const text of split(cellText(cell), column.meta?.list))
        references.want({ reference: column.reference as string, by: byOf(column), text })
    }
  }
  await references.load()

  interface Read {
    line: number
    id?: string
    version?: number
    data: Json
    reasons: Reason[]
  }
  const read: Read[] = rows.map((row, index) => {
    const line = index + (input.firstLine ?? 2)
    const cells = cellsOf(row)
    const reasons: Reason[] = []
    const data: Json = {}
    const reason = (column: Column, problem: Problem) =>
      reasons.push({ column: headerOf(column), field: column.field, problem })
    let id: string | undefined
    let version: number | undefined
    // A reference is taken from its ID, else its code, else its name: the first column filled.
    const referenceOrder = { refId: 0, refCode: 1, refName: 2 } as Record<string, number>
    const ordered = [...cells].sort(([a], [b]) => (referenceOrder[a.role] ?? -1) - (referenceOrder[b.role] ?? -1))
    for (const [column, cell] of ordered) {
      const text = cellText(cell)
      if (!text) continue
      switch (column.role) {
        case 'id':
          id = rowId(api, text)
          if (!id) reason(column, { message: 'hub.import.badId', args: { value: text } })
          break
        case 'version':
          if (/^\d+$/.test(text)) version = Number(text)
          else reason(column, { message: 'hub.validation.integer' })
          break
        case 'value': {
          const value = readScalar(ctx, column.meta as FieldMeta, cell)
          if ('problem' in value) reason(column, value.problem)
          else data[column.field] = value.value
          break
        }
        case 'nested': {
          const value = readNested(ctx, column.field, column.meta as FieldMeta, cell)
          if ('problem' in value) reason(column, value.problem)
          else data[column.field] = value.value
          break
        }
        case 'refId':
          data[column.field] = column.meta?.list ? split(text, true) : text
          break
        case 'refCode':
        case 'refName': {
          if (column.field in data) break
          const ids: string[] = []
          for (const value of split(text, column.meta?.list)) {
            const found = references.resolve({ reference: column.reference as string, by: byOf(column), text: value })
            if ('id' in found) ids.push(found.id)
            else {
              const path = column.reference === 'divisions' && PATH_SPLIT.test(value)
              reason(column, {
                message: `hub.import.${found.problem}${path && found.problem === 'unknownReference' ? 'Path' : ''}`,
                args: { field: headerOf(column), value },
              })
            }
          }
          data[column.field] = column.meta?.list ? ids : ids[0]
          break
        }
      }
    }
    if (typeof data.nameZh === 'string' && EXAMPLE_MARK.test(data.nameZh)) {
      reasons.push({ column: '', problem: { message: 'hub.import.exampleRow' } })
    }
    return { line, id, version, data, reasons }
  })

  const current = await input.current([...new Set(read.flatMap((row) => (row.id ? [row.id] : [])))])
  const fields = schema.inputs[`${api.type}CreateInput`] ?? {}
  const columnOf = (field: string) => columns.find((column) => column.field === field && column.role !== 'refCode')

  for (const row of read) {
    const title = typeof row.data.nameZh === 'string' ? row.data.nameZh : undefined
    const fieldsWithReasons = new Set(row.reasons.map((reason) => reason.field))
    const check = (field: string, value: unknown) => {
      if (fieldsWithReasons.has(field)) return
      const meta = fields[field] as FieldMeta
      const problem = meta.kind === 'object' ? checkNested(schema, meta, value) : checkValue(schema, meta, value)
      const column = columnOf(field)
      if (problem) row.reasons.push({ column: column ? headerOf(column) : field, field, problem })
    }
    if (!row.id) {
      // A new record needs every required field.
      for (const field of Object.keys(fields)) check(field, row.data[field])
      if (row.reasons.length) plan.bad.push({ line: row.line, data: row.data, title, reasons: row.reasons })
      else plan.creates.push({ line: row.line, data: row.data, title })
      continue
    }
    const record = current.get(row.id)
    if (!record) {
      row.reasons.push({ column: '', field: 'id', problem: { message: 'hub.import.notFound' } })
      plan.bad.push({ line: row.line, id: row.id, version: row.version, data: row.data, title, reasons: row.reasons })
      continue
    }
    // An update changes the cells that are filled and differ from the record; blank cells keep their value.
    const changed: Json = {}
    for (const [field, value] of Object.entries(row.data)) {
      const meta = fields[field]
      if (!meta || value === undefined) continue
      if (!sameValue(schema, meta, value, record[field])) changed[field] = value
    }
    for (const [field, value] of Object.entries(changed)) check(field, value)
    const version = row.version ?? (record.version as number | undefined)
    const recordTitle = title ?? (typeof record.nameZh === 'string' ? record.nameZh : undefined)
    if (row.reasons.length) {
      plan.bad.push({ line: row.line, id: row.id, version, data: changed, title: recordTitle, reasons: row.reasons })
    } else if (Object.keys(changed).length === 0) {
      plan.unchanged.push(row.line)
    } else {
      plan.updates.push({ line: row.line, id: row.id, version, data: changed, title: recordTitle })
    }
  }
  return plan
}
