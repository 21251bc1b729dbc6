// Stops an operation that runs longer than the limit: answers 503 EXECUTION_TIMEOUT and aborts the
// executor's signal so no further resolver starts. A SQL statement already sent runs on until
// PostgreSQL's statement_timeout (STATEMENT_TIMEOUT_MS) ends it.
import { type DocumentNode, type ExecutionResult, Kind, type OperationDefinitionNode } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { refusal } from './errors.ts'

/** Root fields allowed to run longer, with their own limit: one import writes up to 10,000 rows. */
const LONG_RUNNING_FIELDS: Record<string, number> = { importRecords: 300_000 }

/** The limit for an operation: the longest allowance of its root fields, or the default. */
export function timeoutFor(document: DocumentNode, timeoutMs: number) {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )
  let limit = timeoutMs
  for (const operation of operations) {
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind === Kind.FIELD) limit = Math.max(limit, LONG_RUNNING_FIELDS[selection.name.value] ?? 0)
    }
  }
  return limit
}

export function useExecutionTimeout(defaultTimeoutMs: number): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const timeoutMs = timeoutFor(args.document, defaultTimeoutMs)
      const controller = new AbortController()
      // The clock starts here, so the time other plugins' hooks take counts too.
      const timer = setTimeout(() => {
        controller.abort(
          refusal(
            'EXECUTION_TIMEOUT',
            `The operation took longer than ${timeoutMs} ms and was stopped.`,
            { status: 503 },
            { timeoutMs },
          ),
        )
      }, timeoutMs)
      timer.unref()
      // @graphql-tools/executor (Yoga's) checks this signal before each field and rejects with its reason.
      const execution = args as typeof args & { signal?: AbortSignal }
      execution.signal = execution.signal ? AbortSignal.any([execution.signal, controller.signal]) : controller.signal
      const timedOut = new Promise<ExecutionResult>((resolve) => {
        controller.signal.addEventListener('abort', () => resolve({ errors: [controller.signal.reason] }), {
          once: true,
        })
      })
      setExecuteFn(async (executionArgs) => {
        try {
          // A resolver awaiting one long call is not interrupted by the signal: race it.
          return await Promise.race([executeFn(executionArgs) as Promise<ExecutionResult>, timedOut])
        } catch (error) {
          if (controller.signal.aborted && error === controller.signal.reason) return timedOut
          throw error
        } finally {
          clearTimeout(timer)
        }
      })
      return {
        onExecuteDone() {
          clearTimeout(timer)
        },
      }
    },
  }
}
