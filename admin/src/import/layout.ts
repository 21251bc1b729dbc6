// The columns of a resource's files, shared by export, templates and import: one per input field,
// headed by the field's label as the console shows it (Chinese, or English), and for a reference its
// name — for a division also its code — so a person can read and write it. The record's number and
// version identify the row for an update. Import accepts the labels of both languages as well as the
// field names (`divisionCode`, `plannedBeds`), so older files and hand-made ones read too.
import type { ResourceApi } from '../providers/resources.ts'
import type { FieldMeta, HubSchema } from '../providers/schema-types.ts'

export type Language = 'zh' | 'en'

/** The console's words for one language, as they appear in file headers and cells. */
export interface LabelSet {
  /** A field's label (`resources.<resource>.fields.<field>`; nested `prices.minAge`). */
  field(resource: string, field: string): string | undefined
  /** The labelled fields of a resource, in the order the labels list them (common fields first). */
  fieldOrder(resource: string): string[]
  /** An enum value's label (`enums.<Enum>.<VALUE>`). */
  enumValue(enumName: string, value: string): string | undefined
  /** Header of the record number, the version, a reference's code and its global ID. */
  words: { id: string; version: string; code: string; globalId: string }
}

export type Languages = Record<Language, LabelSet>

export type ColumnRole = 'id' | 'version' | 'value' | 'nested' | 'refName' | 'refCode' | 'refId'

export interface Column {
  /** Field-style name, also accepted as a header (`divisionCode`). */
  key: string
  role: ColumnRole
  /** The input field the column sets (`divisionCode` → `divisionId`). */
  field: string
  meta?: FieldMeta
  /** The resource a reference column points to. */
  reference?: string
  headers: Record<Language, string>
}

/** Messages in the shape of the console's i18n files (app-zh.ts, app-en.ts). */
export interface Messages {
  resources: Record<string, { fields?: Record<string, string> } | undefined>
  enums: Record<string, Record<string, string> | undefined>
  hub: { import: { columns: { id: string; version: string; code: string; globalId: string } } }
}

export function labelSet(messages: Messages): LabelSet {
  return {
    field: (resource, field) => messages.resources[resource]?.fields?.[field],
    fieldOrder: (resource) => Object.keys(messages.resources[resource]?.fields ?? {}),
    enumValue: (enumName, value) => messages.enums[enumName]?.[value],
    words: messages.hub.import.columns,
  }
}

const fill = (template: string, label: string) => template.replace('%{field}', label)

/** Where a column sits in a file: names, references, kinds, figures, lists, location, note, version. */
function rank(column: Column): number {
  if (column.role === 'id') return 0
  if (column.role === 'version') return 90
  if (column.key === 'nameZh' || column.key === 'nameEn') return 1
  if (column.role === 'refName' || column.role === 'refCode' || column.role === 'refId') return 2
  if (['latitude', 'longitude', 'datum'].includes(column.field)) return 70
  if (column.field === 'note') return 80
  if (column.role === 'nested') return 60
  if (column.meta?.kind === 'enum') return 3
  if (column.meta?.list) return 50
  return 10
}

/**
 * Every column of a resource's files. `globalIds` adds each reference's global ID; without it the
 * record number is the database id (a plain number), with it the record's global ID.
 */
export function layoutOf(schema: HubSchema, api: ResourceApi, languages: Languages): Column[] {
  const input = schema.inputs[`${api.type}CreateInput`]
  if (!input) throw new Error(`The schema has no input ${api.type}CreateInput`)
  const label = (language: Language, field: string) => languages[language].field(api.resource, field) ?? field
  const both = (make: (language: Language) => string) => ({ zh: make('zh'), en: make('en') })
  const columns: Column[] = [
    { key: 'id', role: 'id', field: 'id', headers: both((l) => languages[l].words.id) },
    { key: 'version', role: 'version', field: 'version', headers: both((l) => languages[l].words.version) },
  ]
  // Fields in the order the console's labels list them (common fields first), then the rest.
  const labelOrder = languages.zh.fieldOrder(api.resource)
  const position = (field: string) => (labelOrder.includes(field) ? labelOrder.indexOf(field) : labelOrder.length)
  for (const field of Object.keys(input).sort((a, b) => position(a) - position(b))) {
    const meta = input[field] as FieldMeta
    const reference = api.references[field] ?? api.idLists[field]?.reference
    if (reference) {
      const base = field.replace(/Ids?$/, '')
      const plural = meta.list ? 's' : ''
      columns.push({
        key: `${base}Name${plural}`,
        role: 'refName',
        field,
        meta,
        reference,
        headers: both((l) => label(l, field)),
      })
      if (reference === 'divisions') {
        columns.push({
          key: `${base}Code`,
          role: 'refCode',
          field,
          meta,
          reference,
          headers: both((l) => fill(languages[l].words.code, label(l, field))),
        })
      }
      columns.push({
        key: field,
        role: 'refId',
        field,
        meta,
        reference,
        headers: both((l) => fill(languages[l].words.globalId, label(l, field))),
      })
    } else {
      columns.push({
        key: field,
        role: meta.kind === 'object' ? 'nested' : 'value',
        field,
        meta,
        headers: both((l) => label(l, field)),
      })
    }
  }
  return columns
    .map((column, index) => ({ column, index }))
    .sort((a, b) => rank(a.column) - rank(b.column) || a.index - b.index)
    .map(({ column }) => column)
}

/** The columns an export writes: reference IDs only when asked for. */
export function exportColumns(columns: Column[], { globalIds = false } = {}): Column[] {
  return columns.filter((column) => column.role !== 'refId' || globalIds)
}

/** A header as typed by people: width of letters and brackets, spaces, case and a "required" star ignored. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase()
}

export interface HeaderMatch {
  /** The column each header of the file fills (in file order; undefined for unknown headers). */
  columns: (Column | undefined)[]
  unknown: string[]
  /** Headers naming a column another header already names. */
  repeated: string[]
}

/** Which column each header of a file is: its field name, or its label in either language. */
export function matchHeaders(columns: Column[], headers: string[]): HeaderMatch {
  const byName = new Map<string, Column>()
  for (const column of columns) {
    for (const name of [column.key, column.headers.zh, column.headers.en]) {
      const key = normalizeHeader(name)
      if (!byName.has(key)) byName.set(key, column)
    }
  }
  const seen = new Set<Column>()
  const match: HeaderMatch = { columns: [], unknown: [], repeated: [] }
  for (const header of headers) {
    const column = header.trim() ? byName.get(normalizeHeader(header)) : undefined
    if (header.trim() && !column) match.unknown.push(header)
    if (column && seen.has(column)) {
      match.repeated.push(header)
      match.columns.push(undefined)
      continue
    }
    if (column) seen.add(column)
    match.columns.push(column)
  }
  return match
}
