import { BREAK, type DocumentNode, GraphQLError, visit } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Context } from '../builder.ts'

/** Whether an operation asks for the schema (`__schema` or `__type`; `__typename` is not introspection). */
export function asksForSchema(document: DocumentNode) {
  let found = false
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true
        return BREAK
      }
      return undefined
    },
  })
  return found
}

/**
 * Anonymous callers cannot introspect the schema unless public read is on. Checked at execution,
 * when the caller is known (validation runs before the context is built).
 */
export function useIntrospectionForCallers(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as Context
      if (context.actor?.kind !== 'anonymous' || context.auth.publicRead) return
      if (!asksForSchema(args.document)) return
      setResultAndStopExecution({
        errors: [
          new GraphQLError('Sign in or send an API key to explore the schema.', {
            extensions: { code: 'UNAUTHENTICATED' },
          }),
        ],
      })
    },
  }
}
