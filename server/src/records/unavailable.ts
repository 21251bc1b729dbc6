// Recognises "the database cannot be reached" however it surfaces: Prisma's connection error codes,
// the pg adapter's error kinds, PostgreSQL's SQLSTATEs for a server going away, socket errors, and
// node-postgres's own messages for a connection it lost or could not open in time.
import { GraphQLError } from 'graphql'
import { someCause } from './causes.ts'
import { ErrorCode } from './errors.ts'

/** P1001 cannot reach, P1002 timed out, P1017 server closed the connection, P2024 no pool connection in time. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024'])
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'])
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH'])
/**
 * 57P01 terminated by an administrator (pg_terminate_backend, fast shutdown), 57P02 crash
 * shutdown, 57P03 shutting down or starting up, 53300 too many connections; class 08 is
 * "connection exception".
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300'])
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|is not queryable|Can't reach database server|Server has closed the connection|the database system is (shutting down|starting up|in recovery mode)|terminating connection due to administrator command/i

export function isDatabaseUnavailable(error: unknown): boolean {
  return someCause(error, (e) => {
    if (typeof e.code === 'string') {
      if (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || SQLSTATES.has(e.code) || e.code.startsWith('08')) {
        return true
      }
    }
    if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true
    return typeof e.message === 'string' && MESSAGES.test(e.message)
  })
}

const MESSAGE = {
  en: 'The database cannot be reached right now. Try again in a few seconds.',
  zh: '数据库暂时无法连接，请几秒后重试。',
}

/** How long a caller should wait before trying again, in seconds (the Retry-After header). */
const RETRY_AFTER_SECONDS = 5

export function unavailableMessage(locale: 'zh' | 'en') {
  return MESSAGE[locale]
}

/** The typed error callers get instead of a masked internal one: 503, SERVICE_UNAVAILABLE. */
export function unavailableError(like?: GraphQLError) {
  return new GraphQLError(MESSAGE.en, {
    nodes: like?.nodes,
    source: like?.source,
    positions: like?.positions,
    path: like?.path,
    extensions: {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      http: { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
    },
  })
}
