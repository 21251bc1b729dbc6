import { GraphQLError } from 'graphql'

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

export function userInputError(message: string, fieldErrors: FieldError[] = []) {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, fieldErrors } })
}

export function notFoundError(typename: string, id: string) {
  return new GraphQLError(`No ${typename} has the ID ${id}.`, { extensions: { code: ErrorCode.NOT_FOUND, id } })
}

export function conflictError(
  typename: string,
  id: string,
  expected: number,
  current: number,
  updatedAt: Date,
  changedBy: string | null = null,
) {
  return new GraphQLError(
    `This ${typename} was changed${changedBy ? ` by ${changedBy}` : ''} since you loaded it (version ${current}, you had ${expected}). Reload it and apply your change again.`,
    {
      extensions: {
        code: ErrorCode.CONFLICT,
        id,
        expectedVersion: expected,
        currentVersion: current,
        changedBy,
        changedAt: updatedAt,
      },
    },
  )
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
      return { kind: 'foreignKey', detail: describeTarget(e.meta) }
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

function describeTarget(meta: unknown): string | undefined {
  if (!meta || typeof meta !== 'object') return undefined
  const m = meta as Record<string, unknown>
  const target = m.target ?? m.field_name ?? m.constraint
  return target == null ? undefined : String(target)
}

/** Turns a database refusal of a write into a clear, typed error; rethrows anything else. */
export function translateWriteError(error: unknown, typename: string, action: 'create' | 'update' | 'delete'): never {
  const refusal = classifyDatabaseError(error)
  if (!refusal) throw error
  switch (refusal.kind) {
    case 'unique':
      throw new GraphQLError(`Another ${typename} already has this value${fieldHint(refusal.detail)}.`, {
        extensions: { code: ErrorCode.ALREADY_EXISTS, fieldErrors: uniqueFieldErrors(refusal.detail) },
      })
    case 'foreignKey':
      if (action === 'delete') {
        throw new GraphQLError(`This ${typename} still has records that belong to it; move or delete them first.`, {
          extensions: { code: ErrorCode.HAS_DEPENDENTS },
        })
      }
      throw new GraphQLError(`A record this ${typename} refers to does not exist${fieldHint(refusal.detail)}.`, {
        extensions: { code: ErrorCode.REFERENCE_NOT_FOUND },
      })
    case 'check':
      throw userInputError(`The database refused a value of this ${typename} (${refusal.constraint ?? 'check'}).`)
    case 'notFound':
      throw new GraphQLError(`The ${typename} does not exist.`, { extensions: { code: ErrorCode.NOT_FOUND } })
  }
}

function fieldHint(detail?: string) {
  const fields = /Key \(([^)]+)\)/.exec(detail ?? '')?.[1] ?? detail
  return fields ? ` (${fields})` : ''
}

function uniqueFieldErrors(detail?: string): FieldError[] {
  const fields = /Key \(([^)]+)\)/.exec(detail ?? '')?.[1] ?? detail
  if (!fields) return []
  return fields.split(/,\s*/).map((field) => ({
    field: field.replaceAll('"', ''),
    code: 'unique',
    message: 'Another record already has this value.',
  }))
}
