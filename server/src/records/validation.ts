import { z } from 'zod'
import { withArticle } from './article.ts'
import { type FieldError, labelZhOf, userInputError } from './errors.ts'
import type { FieldMap, FieldSpec } from './fields.ts'
import { idOf } from './ids.ts'

export type Locale = 'zh' | 'en'

const localeErrors = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError }
const requiredMessage = { zh: '必填', en: 'Required' }
/** A value that is not a global ID of the type, in Chinese: the type by its Chinese name (医院). */
export const notAnIdZh = (target: string) => `不是有效的${labelZhOf(target)}记录 ID`
const wrongTypeMessage = (target: string) => ({ zh: notAnIdZh(target), en: `Not the ID of ${withArticle(target)}` })

// A field's schema is made once: zod builds its checks when a schema is made, per parse was a
// measurable part of a form save.
const schemas = new WeakMap<FieldSpec, z.ZodType>()
function fieldSchema(spec: FieldSpec): z.ZodType {
  let schema = schemas.get(spec)
  if (!schema) {
    schema = schemaOf(spec)
    schemas.set(spec, schema)
  }
  return schema
}

function schemaOf(spec: FieldSpec): z.ZodType {
  switch (spec.kind) {
    case 'text':
      return z.string().trim().max(spec.max)
    case 'textList':
      return z.array(z.string().trim().min(1).max(spec.maxLength)).max(spec.maxItems)
    case 'int':
      return z
        .number()
        .int()
        .min(spec.min ?? -2_147_483_648)
        .max(spec.max ?? 2_147_483_647)
    case 'decimal':
      return z.string().refine((value) => Number(value) >= (spec.min ?? Number.NEGATIVE_INFINITY), {
        message: `>= ${spec.min}`,
        params: { code: 'too_small', minimum: spec.min },
      })
    case 'date':
      return z.date()
    case 'enum':
      return z.enum(spec.values as [string, ...string[]])
    case 'ref':
      // Checked for its type in `parseInput` so the message can name the expected type.
      return z.string()
    case 'coordinate':
      return spec.axis === 'latitude' ? z.number().min(-90).max(90) : z.number().min(-180).max(180)
  }
}

/**
 * Validates a create (all required fields present) or update (any subset; `null` clears an
 * optional field) input against the family's field specs and returns the Prisma scalar data,
 * references decoded to database ids. Throws one BAD_USER_INPUT error naming every failing field.
 */
export function parseInput(
  fields: FieldMap,
  input: Record<string, unknown>,
  mode: 'create' | 'update',
  locale: Locale,
): Record<string, unknown> {
  const errors: FieldError[] = []
  const data: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(fields)) {
    let value = input[name]
    if (spec.kind === 'text' && typeof value === 'string' && value.trim() === '' && !spec.required) value = null
    if (value === undefined && mode === 'update') continue
    if (value == null && spec.defaultValue !== undefined) {
      if (mode === 'update' && value === null) {
        errors.push({ field: name, code: 'required', message: requiredMessage[locale] })
      }
      continue
    }
    if (value == null) {
      if (spec.required) errors.push({ field: name, code: 'required', message: requiredMessage[locale] })
      else data[name] = spec.kind === 'textList' ? [] : null
      continue
    }
    const result = fieldSchema(spec).safeParse(value, { error: localeErrors[locale] })
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = [name, ...issue.path].join('.')
        const code = (issue as { params?: { code?: string } }).params?.code ?? issue.code
        errors.push({ field, code, message: issue.message })
      }
      continue
    }
    if (spec.kind === 'text' && spec.required && result.data === '') {
      errors.push({ field: name, code: 'required', message: requiredMessage[locale] })
      continue
    }
    if (spec.kind === 'ref') {
      const id = idOf(result.data as string, spec.target)
      if (id === undefined)
        errors.push({ field: name, code: 'invalid_id', message: wrongTypeMessage(spec.target)[locale] })
      else data[name] = id
      continue
    }
    data[name] = result.data
  }
  if (errors.length > 0) {
    throw userInputError(
      locale === 'zh'
        ? `输入有误：${errors.map((e) => e.field).join('、')}`
        : `Invalid input: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    )
  }
  return data
}
