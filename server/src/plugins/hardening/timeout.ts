// Stops an operation that runs longer than the limit, or whose client went away: answers 503
// EXECUTION_TIMEOUT, aborts the executor's signal so no further resolver starts, and (through
// cancellation.ts) refuses every further database query made for it. A SQL statement already sent
// runs on until PostgreSQL's statement_timeout (no longer than the execution timeout) ends it.
import { type DocumentNode, type ExecutionResult, Kind, type OperationDefinitionNode } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { runCancellable } from '../../cancellation.ts'
import { refusal } from './errors.ts'

/** Root fields allowed to run longer, with their own limit: one import writes up to 10,000 rows. */
export const LONG_RUNNING_DEFAULTS: Record<string, number> = { importRecords: 300_000 }

/** The limit for an operation: the longest of its root fields' limits (their own, or the default). */
export function timeoutFor(document: DocumentNode, timeoutMs: number, longRunning = LONG_RUNNING_DEFAULTS) {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )
  let limit = 0
  for (const operation of operations) {
    for (const selection of operation.selectionSet.selections) {
      limit = Math.max(limit, (selection.kind === Kind.FIELD && longRunning[selection.name.value]) || timeoutMs)
    }
  }
  return limit || timeoutMs
}

export function useExecutionTimeout(defaultTimeoutMs: number, longRunning = LONG_RUNNING_DEFAULTS): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const timeoutMs = timeoutFor(args.document, defaultTimeoutMs, longRunning)
      const controller = new AbortController()
      const expire = () =>
        controller.abort(
          refusal(
            'EXECUTION_TIMEOUT',
            `The operation took longer than ${timeoutMs} ms and was stopped.`,
            { status: 503 },
            { timeoutMs },
          ),
        )
      let timer: NodeJS.Timeout | undefined
      // A client that disconnects stops its work too (the HTTP server aborts the request's signal).
      const request = (args.contextValue as { request?: Request }).request
      const stopped = [controller.signal, request?.signal].filter((signal): signal is AbortSignal => Boolean(signal))
      // @graphql-tools/executor (Yoga's) checks this signal before each field and rejects with its reason.
      const execution = args as typeof args & { signal?: AbortSignal }
      if (execution.signal) stopped.push(execution.signal)
      const { signal, release } = eitherOf(stopped)
      execution.signal = signal
      const timedOut = new Promise<ExecutionResult>((resolve) => {
        controller.signal.addEventListener('abort', () => resolve({ errors: [controller.signal.reason] }), {
          once: true,
        })
      })
      setExecuteFn(async (executionArgs) => {
        // The clock starts when the operation is let in (admission.ts wraps this), and counts the
        // time the plugins registered before this one take too.
        const deadline = Date.now() + timeoutMs
        timer = setTimeout(expire, timeoutMs)
        timer.unref()
        try {
          // A resolver awaiting one long call is not interrupted by the signal: race it.
          return await Promise.race([
            runCancellable({ signal, deadline, expire }, () => executeFn(executionArgs)) as Promise<ExecutionResult>,
            timedOut,
          ])
        } catch (error) {
          if (controller.signal.aborted && error === controller.signal.reason) return timedOut
          throw error
        } finally {
          clearTimeout(timer)
          release()
        }
      })
      return {
        onExecuteDone() {
          clearTimeout(timer)
          release()
        },
      }
    },
  }
}

/**
 * A signal that aborts when any of `sources` does, and `release` to stop listening to them once
 * the operation is done. Not AbortSignal.any: Node keeps such a combined signal alive while it has
 * an abort listener and no source has aborted, and the executor never removes its listener, so
 * every request's signal — and all its listeners reach — would stay in memory for good.
 */
function eitherOf(sources: readonly AbortSignal[]): { signal: AbortSignal; release: () => void } {
  const combined = new AbortController()
  const aborted = sources.find((source) => source.aborted)
  if (aborted) {
    combined.abort(aborted.reason)
    return { signal: combined.signal, release: () => {} }
  }
  const forward = (event: Event) => combined.abort((event.target as AbortSignal).reason)
  for (const source of sources) source.addEventListener('abort', forward, { once: true })
  const release = () => {
    for (const source of sources) source.removeEventListener('abort', forward)
  }
  return { signal: combined.signal, release }
}
