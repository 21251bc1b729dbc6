import { BREAK, type DocumentNode, GraphQLError, visit } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Context } from '../builder.ts'
import { errorsOf, rewriteErrors, withMessage } from './result-errors.ts'

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

const SIGN_IN = {
  en: 'Sign in or send an API key to explore the schema.',
  zh: '请先登录或发送 API 密钥，再查看接口结构（schema）。',
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
        errors: [new GraphQLError(SIGN_IN[context.locale] ?? SIGN_IN.en, { extensions: { code: 'UNAUTHENTICATED' } })],
      })
    },
  }
}

/** graphql-js's hint at names the schema has (" Did you mean "x" or "y"?"). */
const SUGGESTION = /\s*Did you mean [^?]*\?/
const SUGGESTIONS = new RegExp(SUGGESTION, 'g')

/**
 * Names suggested in error messages ("Did you mean …") reveal the schema bit by bit: callers who
 * may not introspect do not get them either. Validation runs before the caller is known, so the
 * caller is looked up here when a message holds a suggestion.
 */
export function useSuggestionsForCallers(
  callerOf: (request: Request) => Promise<Context['actor']>,
  publicRead: boolean,
): Plugin {
  return {
    // Synchronous unless a message holds a suggestion (see sync-unless-serving.ts).
    onResultProcess(payload) {
      if (publicRead || !errorsOf(payload.result).some((error) => SUGGESTION.test(error.message))) return
      return callerOf(payload.request)
        .catch(() => undefined)
        .then((actor) => {
          if (actor && actor.kind !== 'anonymous') return
          rewriteErrors(payload, (error) =>
            SUGGESTION.test(error.message) ? withMessage(error, error.message.replace(SUGGESTIONS, '')) : undefined,
          )
        })
    },
  }
}
