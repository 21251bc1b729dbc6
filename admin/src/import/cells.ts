// One value as a file holds it, both ways: numbers as numbers, dates as dates, enum values by their
// label in either language (or their code), lists split on "|", nested lists (prices, observations)
// as readable text ("起始年龄：60，价格（元）：5，计价单位：一餐；…") — or JSON, as older exports wrote.
import type { Problem } from '../providers/checks.ts'
import type { FieldMeta, HubSchema } from '../providers/schema-types.ts'
import type { Language, Languages } from './layout.ts'

/** A spreadsheet cell as read from or written to a file. */
export type Cell = string | number | boolean | Date | null | undefined

/** Separator of the items of a list inside one cell (services, products, names). */
export const LIST_SEPARATOR = '|'
const LIST_SPLIT = /[|｜\n]/
const ITEM_SEPARATOR = { zh: '；', en: '; ' }
const ITEM_SPLIT = /[；;\n]/
const PAIR_SEPARATOR = { zh: '，', en: ', ' }
const PAIR_SPLIT = /[，,]/
const KEY_VALUE = /^(.+?)[：:](.*)$/

const norm = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase()

export interface CellContext {
  schema: HubSchema
  languages: Languages
  /** The console resource whose file this is (for the labels of nested fields). */
  resource: string
}

/** The text of a cell, trimmed; empty for a blank cell. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return isoDate(cell)
  return String(cell).trim()
}

/** A CSV cell as written: the apostrophe that kept Excel from running it as a formula taken off. */
export function csvCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A date cell as YYYY-MM-DD. Spreadsheet dates are midnight UTC. */
export function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

// ——— Export ———————————————————————————————————————————————————————————————————————

/** An enum value's label in the language of the file, or the code when it has none. */
function enumLabel(ctx: CellContext, language: Language, enumName: string, value: unknown) {
  return ctx.languages[language].enumValue(enumName, String(value)) ?? String(value)
}

/** A decimal's digits without a sign, leading zeros or trailing zeros: "05.50" → "5.5". */
export function canonicalDecimal(text: string): string {
  const match = /^([+-]?)0*(\d*)(?:\.(\d*?)0*)?$/.exec(text.trim())
  if (!match) return text.trim()
  const whole = match[2] || '0'
  const fraction = match[3] ?? ''
  const sign = match[1] === '-' && (whole !== '0' || fraction) ? '-' : ''
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`
}

/** A Decimal as a number when the number says exactly the same, otherwise as the text the hub sent. */
function decimalCell(value: unknown): Cell {
  const text = canonicalDecimal(String(value))
  const number = Number(text)
  return Number.isFinite(number) && String(number) === text ? number : text
}

/** A scalar or enum value as a typed cell. */
export function scalarCell(ctx: CellContext, language: Language, meta: FieldMeta, value: unknown): Cell {
  if (value === null || value === undefined || value === '') return null
  if (meta.list) {
    const items = (Array.isArray(value) ? value : [value]).map((item) =>
      cellText(scalarCell(ctx, language, { ...meta, list: false }, item)),
    )
    return items.length ? items.join(LIST_SEPARATOR) : null
  }
  if (meta.kind === 'enum') return enumLabel(ctx, language, meta.type, value)
  switch (meta.type) {
    case 'Int':
    case 'Float':
      return typeof value === 'number' ? value : Number(value)
    case 'Decimal':
      return decimalCell(value)
    case 'Date':
      return new Date(`${String(value).slice(0, 10)}T00:00:00Z`)
    default:
      return String(value)
  }
}

/** The nested input fields in the order their labels are listed (`prices.minAge` before `prices.unitEn`). */
function nestedFields(ctx: CellContext, field: string, inputType: string): [string, FieldMeta][] {
  const fields = Object.entries(ctx.schema.inputs[inputType] ?? {})
  const order = ctx.languages.zh.fieldOrder(ctx.resource)
  const position = (name: string) => {
    const index = order.indexOf(`${field}.${name}`)
    return index === -1 ? order.length : index
  }
  return fields.sort(([a], [b]) => position(a) - position(b))
}

/** Items of a nested list as text a person reads: `label：value` pairs, items apart. */
export function nestedText(ctx: CellContext, language: Language, field: string, meta: FieldMeta, items: unknown) {
  if (!Array.isArray(items) || items.length === 0) return null
  const fields = nestedFields(ctx, field, inputTypeOf(ctx, meta))
  return items
    .map((item) =>
      fields
        .filter(([name]) => {
          const value = (item as Record<string, unknown>)[name]
          return value !== null && value !== undefined && value !== ''
        })
        .map(([name, fieldMeta]) => {
          const label = ctx.languages[language].field(ctx.resource, `${field}.${name}`) ?? name
          const value = cellText(scalarCell(ctx, language, fieldMeta, (item as Record<string, unknown>)[name]))
          return `${label}${language === 'zh' ? '：' : ': '}${value}`
        })
        .join(PAIR_SEPARATOR[language]),
    )
    .join(ITEM_SEPARATOR[language])
}

/** The input type of a nested list field: its object type's input (`CarePrice` → `CarePriceInput`). */
function inputTypeOf(ctx: CellContext, meta: FieldMeta) {
  return ctx.schema.inputs[meta.type] ? meta.type : `${meta.type}Input`
}

// ——— Import ———————————————————————————————————————————————————————————————————————

export type Read = { value: unknown } | { problem: Problem }

/** Code, Chinese label or English label → code, for one enum. */
function enumLookup(ctx: CellContext, enumName: string) {
  const values = new Map<string, string>()
  for (const code of ctx.schema.enums[enumName] ?? []) {
    values.set(norm(code), code)
    for (const language of ['zh', 'en'] as const) {
      const label = ctx.languages[language].enumValue(enumName, code)
      if (label && !values.has(norm(label))) values.set(norm(label), code)
    }
  }
  return values
}

const enumCache = new WeakMap<CellContext, Map<string, Map<string, string>>>()

function enumCode(ctx: CellContext, enumName: string, text: string): string | undefined {
  const byEnum = enumCache.get(ctx) ?? new Map<string, Map<string, string>>()
  enumCache.set(ctx, byEnum)
  const lookup = byEnum.get(enumName) ?? enumLookup(ctx, enumName)
  byEnum.set(enumName, lookup)
  return lookup.get(norm(text))
}

/** Excel stores dates as days since 1899-12-30 when a cell has no date format. */
function excelSerialDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined
  return isoDate(new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000))
}

/** "2022-07-01", "2022/7/1", "2022.7.1", "2022年7月1日" → 2022-07-01. */
function dateText(text: string): string | undefined {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/.exec(text.normalize('NFKC'))
  if (!match) return undefined
  return `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`
}

/** A figure as typed: thousands separators and full-width digits allowed. */
function numberText(text: string): string {
  return text.normalize('NFKC').replace(/[,\s]/g, '')
}

/** One scalar or enum value of a cell, converted to what the input field takes. */
export function readScalar(ctx: CellContext, meta: FieldMeta, cell: Cell): Read {
  if (meta.list) {
    const items = cellText(cell)
      .split(LIST_SPLIT)
      .map((item) => item.trim())
      .filter(Boolean)
    const values: unknown[] = []
    for (const item of items) {
      const read = readScalar(ctx, { ...meta, list: false }, item)
      if ('problem' in read) return read
      values.push(read.value)
    }
    return { value: values }
  }
  if (meta.kind === 'enum') {
    const code = enumCode(ctx, meta.type, cellText(cell))
    if (code) return { value: code }
    const options = (ctx.schema.enums[meta.type] ?? [])
      .map((value) => ctx.languages.zh.enumValue(meta.type, value) ?? value)
      .join('、')
    return { problem: { message: 'ra.validation.oneOf', args: { options } } }
  }
  switch (meta.type) {
    case 'Int':
    case 'Float': {
      if (typeof cell === 'number') return { value: cell }
      const number = Number(numberText(cellText(cell)))
      return Number.isNaN(number) ? { problem: { message: 'ra.validation.number' } } : { value: number }
    }
    case 'Decimal':
      return { value: typeof cell === 'number' ? String(cell) : numberText(cellText(cell)) }
    case 'Date': {
      if (cell instanceof Date) return { value: isoDate(cell) }
      const date = typeof cell === 'number' ? excelSerialDate(cell) : dateText(cellText(cell))
      return date ? { value: date } : { problem: { message: 'hub.validation.date' } }
    }
    default:
      return { value: cellText(cell) }
  }
}

/** A nested list from its readable text (or JSON): each item's fields by label or name. */
export function readNested(ctx: CellContext, field: string, meta: FieldMeta, cell: Cell): Read {
  const text = cellText(cell)
  if (text.startsWith('[')) {
    try {
      return { value: JSON.parse(text) }
    } catch {
      return { problem: { message: 'hub.import.badJson' } }
    }
  }
  const fields = nestedFields(ctx, field, inputTypeOf(ctx, meta))
  const byLabel = new Map<string, [string, FieldMeta]>()
  for (const entry of fields) {
    byLabel.set(norm(entry[0]), entry)
    for (const language of ['zh', 'en'] as const) {
      const label = ctx.languages[language].field(ctx.resource, `${field}.${entry[0]}`)
      if (label && !byLabel.has(norm(label))) byLabel.set(norm(label), entry)
    }
  }
  const items: Record<string, unknown>[] = []
  for (const itemText of text.split(ITEM_SPLIT)) {
    if (!itemText.trim()) continue
    const item: Record<string, unknown> = {}
    for (const pair of itemText.split(PAIR_SPLIT)) {
      if (!pair.trim()) continue
      const match = KEY_VALUE.exec(pair.trim())
      const entry = match && byLabel.get(norm(match[1] as string))
      if (!match || !entry) return { problem: { message: 'hub.import.badNested', args: { text: pair.trim() } } }
      const read = readScalar(ctx, entry[1], (match[2] as string).trim())
      if ('problem' in read) return { problem: { ...read.problem, args: { ...read.problem.args, field: entry[0] } } }
      item[entry[0]] = read.value
    }
    items.push(item)
  }
  return { value: items }
}
