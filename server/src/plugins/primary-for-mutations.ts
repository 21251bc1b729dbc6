import { getOperationAST } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { readingFromPrimary } from '../read-your-writes.ts'

/**
 * A mutation reads from the primary throughout: its payload, and anything a later field reads, must
 * show the write it just made, which a replica may not have yet. Queries keep reading from replicas.
 * (One operation per request: batching is off, so this is the whole request.)
 */
export function usePrimaryForMutations(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return
      setExecuteFn((executionArgs) => readingFromPrimary(() => executeFn(executionArgs)))
    },
  }
}
