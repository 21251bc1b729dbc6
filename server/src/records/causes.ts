// An error and the errors under it, however Prisma, its adapters and GraphQL wrap them: `cause`,
// GraphQL's `originalError`, Prisma's `meta.driverAdapterError`.

export interface ErrorLike {
  code?: unknown
  kind?: unknown
  message?: unknown
  cause?: unknown
  originalError?: unknown
  meta?: { driverAdapterError?: unknown }
}

/** Whether `test` holds for the error or any error under it (a few levels down). */
export function someCause(error: unknown, test: (error: ErrorLike) => boolean, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false
  const e = error as ErrorLike
  if (test(e)) return true
  return [e.cause, e.originalError, e.meta?.driverAdapterError].some((inner) => someCause(inner, test, depth + 1))
}
