// The server's input rules (required, ranges, lengths, enums) as one pure check, used by forms
// and by the CSV dry run. The rules come from the build-time schema description.
import type { FieldMeta, HubSchema } from './schema-types.ts'

export interface Problem {
  /** An i18n key. */
  message: string
  args?: Record<string, unknown>
}

const DECIMAL = /^-?\d{1,16}(\.\d{1,4})?$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

const empty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

/** The first rule a single value breaks, or undefined. */
export function checkValue(schema: HubSchema, meta: FieldMeta, value: unknown): Problem | undefined {
  if (empty(value)) return meta.required ? { message: 'ra.validation.required' } : undefined
  if (meta.list) {
    const items = Array.isArray(value) ? value : [value]
    if (meta.maxItems !== undefined && items.length > meta.maxItems) {
      return { message: 'hub.validation.maxItems', args: { max: meta.maxItems } }
    }
    for (const item of items) {
      const problem = checkValue(schema, { ...meta, list: false, required: false }, item)
      if (problem) return problem
    }
    return undefined
  }
  if (meta.kind === 'enum') {
    const values = schema.enums[meta.type] ?? []
    return values.includes(String(value))
      ? undefined
      : { message: 'ra.validation.oneOf', args: { options: values.join(', ') } }
  }
  if (meta.kind === 'object') return undefined
  let number: number | undefined
  switch (meta.type) {
    case 'Int':
    case 'Float':
      number = typeof value === 'number' ? value : Number(String(value).trim())
      if (String(value).trim() === '' || Number.isNaN(number)) return { message: 'ra.validation.number' }
      if (meta.type === 'Int' && !Number.isInteger(number)) return { message: 'hub.validation.integer' }
      break
    case 'Decimal':
      if (!DECIMAL.test(String(value).trim())) return { message: 'hub.validation.decimal' }
      number = Number(value)
      break
    case 'Date':
      if (!DATE.test(String(value).slice(0, 10)) || Number.isNaN(Date.parse(String(value).slice(0, 10)))) {
        return { message: 'hub.validation.date' }
      }
      break
    case 'String':
      if (meta.maxLength !== undefined && String(value).length > meta.maxLength) {
        return { message: 'ra.validation.maxLength', args: { max: meta.maxLength } }
      }
      break
  }
  if (number !== undefined) {
    if (meta.min !== undefined && number < meta.min)
      return { message: 'ra.validation.minValue', args: { min: meta.min } }
    if (meta.max !== undefined && number > meta.max)
      return { message: 'ra.validation.maxValue', args: { max: meta.max } }
  }
  return undefined
}
