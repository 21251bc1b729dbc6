// Structured JSON logs (pino): one object per line, secrets censored, and the id of the request
// being served added to every line written on its behalf.
import { createRequire } from 'node:module'
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino'
import { REDACT_PATHS, REDACTED } from './redaction.ts'
import { currentRequest } from './request-context.ts'

export type { Logger } from 'pino'

export type LogFormat = 'json' | 'pretty'

export interface LoggerOptions {
  level?: LevelWithSilent
  /** `pretty` (development only) needs the optional pino-pretty package; JSON is the default. */
  format?: LogFormat
  /** Where lines go; standard output when left out. */
  destination?: DestinationStream
}

export function createLogger({ level = 'info', format = 'json', destination }: LoggerOptions = {}): Logger {
  const options = {
    level,
    base: { service: 'minsheng-hub' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    // Lines written while a request is served name it, whoever writes them.
    mixin: () => {
      const request = currentRequest()
      return request ? { requestId: request.requestId } : {}
    },
  }
  if (destination) return pino(options, destination)
  if (format === 'pretty') return pino(options, prettyStream())
  return pino(options, bufferedStdout())
}

/** How long a line may wait in the buffer for others to join it. */
const LOG_FLUSH_MS = 500

/**
 * Standard output, written asynchronously in batches: lines gather until 4 KB (a dozen access-log
 * lines) or LOG_FLUSH_MS, then go out in one write. A write per line was 3–4 % of a request's CPU
 * (focus, list at 50 connections: 1.81–1.88 → 1.74–1.77 ms). pino writes what is left
 * synchronously when the process exits, a crash included; a graceful stop flushes (main.ts).
 */
function bufferedStdout() {
  const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096 })
  setInterval(() => stdout.flush(), LOG_FLUSH_MS).unref()
  return stdout
}

/** A logger that writes nothing: the default for hubs started by tests and scripts. */
export const silentLogger: Logger = pino({ level: 'silent' })

function prettyStream(): DestinationStream {
  try {
    // Optional dependency, loaded only when asked for.
    const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => DestinationStream
    return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss' })
  } catch {
    throw new Error('LOG_FORMAT=pretty needs the optional package pino-pretty; install it or use LOG_FORMAT=json')
  }
}

/** Yoga's logger interface over pino, so Yoga's own messages (unexpected errors) are JSON lines too. */
export function yogaLogger(logger: Logger) {
  // Yoga reports an error it masks from two places (the masking and the error handling): once is enough.
  const logged = new WeakSet<Error>()
  const write =
    (level: 'trace' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args
      if (first instanceof Error) {
        if (logged.has(first)) return
        logged.add(first)
        logger[level]({ err: first }, first.message)
      } else logger[level]({ details: rest.length ? rest : undefined }, String(first))
    }
  // Yoga's debug messages narrate each step of every request; at our debug level they would bury the
  // operation lines, so they are trace.
  return { debug: write('trace'), info: write('info'), warn: write('warn'), error: write('error') }
}

let hubLoggerInUse: Logger = silentLogger

/** Makes `logger` the one hubLogger() returns (startHub calls it, like useDatabase). */
export function useHubLogger(logger: Logger) {
  hubLoggerInUse = logger
}

/**
 * The hub's logger, for code that runs apart from any request and is not handed one: the live-update
 * bus, the rate limiter's Redis, publishing after commit. Their warnings belong in the JSON logs too.
 */
export function hubLogger(): Logger {
  return hubLoggerInUse
}
