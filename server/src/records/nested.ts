// Validation of the nested lists some families accept (prices, observations, links).
import { z } from 'zod'
import { withArticle } from './article.ts'
import { type FieldError, userInputError } from './errors.ts'
import { idOf } from './ids.ts'
import { type Locale, notAnIdZh } from './validation.ts'

/** Database ids behind a list of global IDs of one type; one error names every bad entry. */
export function idsOf(globalIds: string[], typename: string, field: string, locale: Locale): number[] {
  const errors: FieldError[] = []
  const message = locale === 'zh' ? notAnIdZh(typename) : `Not the ID of ${withArticle(typename)}`
  const ids = globalIds.map((globalId, index) => {
    const id = idOf(globalId, typename)
    if (id === undefined) errors.push({ field: `${field}.${index}`, code: 'invalid_id', message })
    return id ?? 0
  })
  if (errors.length > 0)
    throw userInputError(locale === 'zh' ? `输入有误：${field}` : `Invalid input: ${field}`, errors)
  return [...new Set(ids)]
}

const localeErrors = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError }

/** Parses a nested list with a zod schema, reporting failures as `field.index.key`. */
export function parseList<T>(schema: z.ZodType<T>, items: unknown[], field: string, locale: Locale): T[] {
  const result = z.array(schema).safeParse(items, { error: localeErrors[locale] })
  if (result.success) return result.data
  throw userInputError(
    locale === 'zh' ? `输入有误：${field}` : `Invalid input: ${field}`,
    result.error.issues.map((issue) => ({
      field: [field, ...issue.path].join('.'),
      code: issue.code,
      message: issue.message,
    })),
  )
}

export const decimalString = (min = 0) => z.string().refine((value) => Number(value) >= min, { message: `>= ${min}` })
