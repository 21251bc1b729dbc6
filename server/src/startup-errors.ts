// Refusals to start that the operator must act on, as one sentence each instead of a stack trace:
// a port another program holds, a data directory on a full disk, one the hub may not write to, or
// one whose files are damaged. The embedded database reports file errors with WebAssembly (WASI)
// errno numbers and no message; Node with its own codes.
import type { Config } from './config.ts'

/** WASI errno numbers, as PGlite's ErrnoError carries them. */
const WASI = { EACCES: 2, EDQUOT: 19, ENOSPC: 51, EPERM: 63, EROFS: 69 } as const
const FULL = new Set(['ENOSPC', 'EDQUOT'])
const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM'])

interface ErrorLike {
  code?: unknown
  errno?: unknown
  name?: unknown
  cause?: unknown
}

/** The error's file-system code (ENOSPC, EROFS, …), from Node or from the embedded database. */
function fileSystemCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined
  const e = error as ErrorLike
  if (typeof e.code === 'string' && (FULL.has(e.code) || NOT_WRITABLE.has(e.code))) return e.code
  if (e.name === 'ErrnoError' && typeof e.errno === 'number') {
    return Object.entries(WASI).find(([, errno]) => errno === e.errno)?.[0]
  }
  return fileSystemCode(e.cause, depth + 1)
}

/** The sentence to print when `error` stopped the start, or undefined when it is not one of these. */
export function startupProblem(
  error: unknown,
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'METRICS_PORT'>,
): string | undefined {
  const port = portProblem(error, config)
  if (port || config.DATABASE_URL) return port
  const code = fileSystemCode(error)
  if (code && FULL.has(code)) {
    return `Cannot start: the disk holding the data directory ${config.DATA_DIR} is full. Free some space there (or set DATA_DIR to a directory on a disk with room) and start again.`
  }
  if (code && NOT_WRITABLE.has(code)) {
    return `Cannot start: the data directory ${config.DATA_DIR} is read-only or not writable by this user. Make it writable (or set DATA_DIR to a writable directory) and start again.`
  }
  if (!code && isDatabaseAbort(error)) {
    return `Cannot start: the embedded database in ${config.DATA_DIR} cannot be opened; its files are damaged (a crash while writing, or another program changed them). Restore a backup into an empty directory (pnpm db:restore <file> with DATA_DIR set to it), or move this directory aside to start on a newly seeded database.`
  }
  return undefined
}

/**
 * PGlite's PostgreSQL stopping inside WebAssembly (Emscripten's abort: `RuntimeError: Aborted()`),
 * which is how it meets a data directory it cannot read, e.g. a control file cut short.
 */
function isDatabaseAbort(error: unknown): boolean {
  return error instanceof WebAssembly.RuntimeError && /^Aborted\(/.test(error.message)
}

/** A listener's port that cannot be had (in use, or reserved for root), naming the setting to change. */
function portProblem(error: unknown, config: Pick<Config, 'METRICS_PORT'>): string | undefined {
  const e = error as { syscall?: unknown; code?: unknown; port?: unknown; address?: unknown } | null
  if (e?.syscall !== 'listen' || (e.code !== 'EADDRINUSE' && e.code !== 'EACCES')) return undefined
  const variable = e.port === config.METRICS_PORT ? 'METRICS_PORT' : 'PORT'
  const why = e.code === 'EADDRINUSE' ? 'is already in use (another hub, or another program)' : 'is reserved for root'
  return `Cannot start: port ${e.port} on ${e.address} ${why}. Stop what holds it, or set ${variable} to a free port, and start again.`
}
