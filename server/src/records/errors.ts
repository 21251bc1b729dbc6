import { GraphQLError } from 'graphql'
import type { Locale } from './validation.ts'

/** Stable `extensions.code` values partners and the console can rely on. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  REFERENCE_NOT_FOUND: 'REFERENCE_NOT_FOUND',
  HAS_DEPENDENTS: 'HAS_DEPENDENTS',
  CONFLICT: 'CONFLICT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const

export interface FieldError {
  /** Dotted path of the input field, e.g. `plannedBeds` or `prices.0.minAge`. */
  field: string
  /** Machine-readable reason, e.g. `too_small`, `too_big`, `required`, `invalid`. */
  code: string
  message: string
}

/**
 * A type of record as the messages below name it: by its GraphQL type name to English callers, by
 * its Chinese name to Chinese ones. A family is one (its description gives `labelZh`, registry.ts).
 */
export interface RecordKind {
  typename: string
  /** As the console names it, e.g. `医院`. */
  labelZh: string
}

const chineseNames = new Map<string, string>()

/**
 * A kind of record, whose Chinese name messages that know only its type name then use (a reference's
 * target, a record that still refers to another): families register theirs, other models where they
 * are defined.
 */
export function recordKind(typename: string, labelZh: string): RecordKind {
  chineseNames.set(typename, labelZh)
  return { typename, labelZh }
}

/** A type of record by its Chinese name, in a Chinese message; its type name when it has none. */
export const labelZhOf = (typename: string) => chineseNames.get(typename) ?? typename

/** Fields named in parentheses after a message, as each language writes them. */
const inParentheses = (fields?: string) => ({ en: fields ? ` (${fields})` : '', zh: fields ? `（${fields}）` : '' })

const text = {
  notFound: (kind: RecordKind, id: string) => ({
    en: `No ${kind.typename} has the ID ${id}.`,
    zh: `找不到 ID 为 ${id} 的${kind.labelZh}。`,
  }),
  gone: (kind: RecordKind) => ({ en: `The ${kind.typename} does not exist.`, zh: `该${kind.labelZh}不存在。` }),
  conflict: (kind: RecordKind, expected: number, current: number, changedBy: string | null) => ({
    en: `This ${kind.typename} was changed${changedBy ? ` by ${changedBy}` : ''} since you loaded it (version ${current}, you had ${expected}). Reload it and apply your change again.`,
    zh: `该${kind.labelZh}在您打开后已被${changedBy ? ` ${changedBy} ` : ''}修改（现为第 ${current} 版，您打开的是第 ${expected} 版），请重新加载后再修改。`,
  }),
  unique: (kind: RecordKind, fields?: string) => ({
    en: `Another ${kind.typename} already has this value${inParentheses(fields).en}.`,
    zh: `已有其他${kind.labelZh}使用该值${inParentheses(fields).zh}。`,
  }),
  uniqueField: { en: 'Another record already has this value.', zh: '已有其他记录使用该值。' },
  hasDependents: (kind: RecordKind) => ({
    en: `This ${kind.typename} still has records that belong to it; move or delete them first.`,
    zh: `仍有记录属于该${kind.labelZh}，请先移动或删除它们。`,
  }),
  referenceNotFound: (kind: RecordKind, fields?: string) => ({
    en: `A record this ${kind.typename} refers to does not exist${inParentheses(fields).en}.`,
    zh: `该${kind.labelZh}引用的记录不存在${inParentheses(fields).zh}。`,
  }),
  check: (kind: RecordKind, constraint: string) => ({
    en: `The database refused a value of this ${kind.typename} (${constraint}).`,
    zh: `该${kind.labelZh}有一个值未通过数据库的检查（${constraint}）。`,
  }),
}

export function userInputError(message: string, fieldErrors: FieldError[] = []) {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, fieldErrors } })
}

export function notFoundError(kind: RecordKind, id: string, locale: Locale) {
  return new GraphQLError(text.notFound(kind, id)[locale], { extensions: { code: ErrorCode.NOT_FOUND, id } })
}

export function conflictError(
  kind: RecordKind,
  id: string,
  expected: number,
  current: number,
  updatedAt: Date,
  locale: Locale,
  changedBy: string | null = null,
) {
  return new GraphQLError(text.conflict(kind, expected, current, changedBy)[locale], {
    extensions: {
      code: ErrorCode.CONFLICT,
      id,
      expectedVersion: expected,
      currentVersion: current,
      changedBy,
      changedAt: updatedAt,
    },
  })
}

/** The database refusals we explain to callers; anything else stays an internal (masked) error. */
export type DatabaseRefusal =
  | { kind: 'unique'; detail?: string; constraint?: string }
  | { kind: 'foreignKey'; detail?: string; constraint?: string }
  | { kind: 'check'; detail?: string; constraint?: string }
  | { kind: 'notFound' }

interface ErrorLike {
  code?: unknown
  meta?: unknown
  cause?: unknown
  message?: unknown
}

/**
 * Recognises constraint violations whichever way Prisma reports them: as P20xx known request
 * errors, or as a driver adapter error carrying the PostgreSQL SQLSTATE (PGlite's adapter).
 */
export function classifyDatabaseError(error: unknown): DatabaseRefusal | undefined {
  const e = error as ErrorLike | undefined
  if (!e || typeof e !== 'object') return undefined
  switch (e.code) {
    case 'P2010':
      // A raw statement refused (a form save's one statement): the driver adapter's error says why.
      return classifyAdapterRefusal(e.meta)
    case 'P2002':
      return { kind: 'unique', detail: describeTarget(e.meta) ?? adapterFields(e.meta) }
    case 'P2003':
      return { kind: 'foreignKey', detail: describeTarget(e.meta) ?? foreignKeyField(e.meta) }
    case 'P2025':
      return { kind: 'notFound' }
  }
  const cause = e.cause as { kind?: string; code?: string; detail?: string; message?: string } | undefined
  if (cause && typeof cause === 'object') {
    const detail = cause.detail ?? cause.message
    const constraint = /constraint "([^"]+)"/.exec(cause.message ?? '')?.[1]
    if (cause.code === '23505' || cause.kind === 'UniqueConstraintViolation')
      return { kind: 'unique', detail, constraint }
    // 23001 is how PGlite reports ON DELETE RESTRICT; PostgreSQL reports 23503 for the same refusal.
    if (cause.code === '23503' || cause.code === '23001' || cause.kind === 'ForeignKeyConstraintViolation')
      return { kind: 'foreignKey', detail, constraint }
    if (cause.code === '23514') return { kind: 'check', detail, constraint }
    return classifyDatabaseError(cause)
  }
  return undefined
}

/** How @prisma/adapter-pg (original…, constraint) and PGlite's adapter (the driver's code, message, detail) report a refusal. */
interface AdapterCause {
  kind?: string
  originalCode?: string
  originalMessage?: string
  constraint?: { index?: string; fields?: string[] }
  code?: string
  message?: string
  detail?: string
}

/** A driver adapter's error (meta.driverAdapterError.cause) as the refusals above classify a driver's. */
function classifyAdapterRefusal(meta: unknown): DatabaseRefusal | undefined {
  const cause = adapterCauseOf(meta)
  if (!cause) return undefined
  const { fields, index } = cause.constraint ?? {}
  return classifyDatabaseError({
    cause: {
      kind: cause.kind,
      code: cause.originalCode ?? cause.code,
      message: cause.originalMessage ?? cause.message,
      detail: fields?.length ? `Key (${fields.join(', ')})` : (cause.detail ?? index),
    },
  })
}

const adapterCauseOf = (meta: unknown) =>
  (meta as { driverAdapterError?: { cause?: AdapterCause } } | undefined)?.driverAdapterError?.cause

/** Fields of a unique violation as @prisma/adapter-pg reports them (meta.driverAdapterError.cause.constraint.fields). */
function adapterFields(meta: unknown): string | undefined {
  const fields = adapterCauseOf(meta)?.constraint?.fields
  return fields?.length ? `Key (${fields.join(', ')})` : undefined
}

/**
 * The column of a foreign key @prisma/adapter-pg reports by its constraint's name alone
 * (`Division_parentId_fkey`, Prisma's naming), as PGlite's detail names it: `Key (parentId)`.
 */
function foreignKeyField(meta: unknown): string | undefined {
  const model = (meta as { modelName?: unknown } | undefined)?.modelName
  const index = adapterCauseOf(meta)?.constraint?.index
  const column =
    typeof model === 'string' &&
    index?.startsWith(`${model}_`) &&
    /^(.+)_fkey$/.exec(index.slice(model.length + 1))?.[1]
  return column ? `Key (${column})` : undefined
}

function describeTarget(meta: unknown): string | undefined {
  if (!meta || typeof meta !== 'object') return undefined
  const m = meta as Record<string, unknown>
  const target = m.target ?? m.field_name ?? m.constraint
  return target == null ? undefined : String(target)
}

/** Turns a database refusal of a write into a clear, typed error in the caller's language; rethrows anything else. */
export function translateWriteError(
  error: unknown,
  kind: RecordKind,
  action: 'create' | 'update' | 'delete',
  locale: Locale,
): never {
  const refusal = classifyDatabaseError(error)
  if (!refusal) throw error
  switch (refusal.kind) {
    case 'unique':
      throw new GraphQLError(text.unique(kind, fieldsOf(refusal.detail))[locale], {
        extensions: { code: ErrorCode.ALREADY_EXISTS, fieldErrors: uniqueFieldErrors(refusal.detail, locale) },
      })
    case 'foreignKey':
      if (action === 'delete') {
        throw new GraphQLError(text.hasDependents(kind)[locale], { extensions: { code: ErrorCode.HAS_DEPENDENTS } })
      }
      throw new GraphQLError(text.referenceNotFound(kind, fieldsOf(refusal.detail))[locale], {
        extensions: { code: ErrorCode.REFERENCE_NOT_FOUND },
      })
    case 'check':
      throw userInputError(text.check(kind, refusal.constraint ?? 'check')[locale])
    case 'notFound':
      throw new GraphQLError(text.gone(kind)[locale], { extensions: { code: ErrorCode.NOT_FOUND } })
  }
}

/** The fields a refusal's detail names: `code` from `Key (code)=(530627) already exists.` */
function fieldsOf(detail?: string) {
  return /Key \(([^)]+)\)/.exec(detail ?? '')?.[1] ?? detail
}

function uniqueFieldErrors(detail: string | undefined, locale: Locale): FieldError[] {
  const fields = fieldsOf(detail)
  if (!fields) return []
  return fields.split(/,\s*/).map((field) => ({
    field: field.replaceAll('"', ''),
    code: 'unique',
    message: text.uniqueField[locale],
  }))
}
