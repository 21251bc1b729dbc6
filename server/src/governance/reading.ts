// Which copy of the records a request reads: the working copy operators edit, the published copy
// partners read, or the published copy as it stood at a past moment. Each root field that reads
// records takes `view` and `asOf`; a request reads one copy, decided before execution from those
// arguments (all that are given must agree) and the caller's default.

import { handleMaybePromise } from '@whatwg-node/promise-helpers'
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  Kind,
  type SelectionSetNode,
} from 'graphql'
import { getVariableValues } from 'graphql/execution/values.js'
import type { Plugin } from 'graphql-yoga'
import type { Actor } from '../auth/actor.ts'
import type { Context } from '../builder.ts'
import { asOfReading } from './as-of.ts'

export type ReadView = 'WORKING' | 'PUBLISHED'

export interface Reading {
  view: ReadView
  /** Reading the published copy as it stood at a moment: the schema that holds it. */
  asOf?: { at: Date; seq: number; schema: string }
}

/** Keys and anonymous callers read what is published; operators the copy they edit. */
export function defaultReading(actor: Actor): Reading {
  return { view: actor.kind === 'user' ? 'WORKING' : 'PUBLISHED' }
}

export const mayReadWorking = (actor: Actor) => actor.kind === 'user'

interface Requested {
  view?: ReadView
  asOf?: Date
}

/** The `view` and `asOf` arguments of the operation's root fields, fragments followed. */
function requestedReadings(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  inputs: Record<string, unknown>,
): Requested[] {
  const operation = getOperationAST(document, operationName)
  const root = operation?.operation === 'query' ? schema.getQueryType() : undefined
  if (!operation || !root) return []
  // Variables as execution will coerce them; when they do not coerce, execution reports why.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs)
  if (coerced.errors) return []
  const variables = coerced.coerced
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const fields: FieldNode[] = []
  const requested: Requested[] = []
  const seen = new Set<string>()
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection)
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet)
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value)
        const fragment = fragments.get(selection.name.value)
        if (fragment) walk(fragment.selectionSet)
      }
    }
  }
  walk(operation.selectionSet)
  for (const node of fields) {
    const definition = root.getFields()[node.name.value]
    // A field about the published copy whatever the caller's default (`changes`) asks for it.
    if (definition?.extensions?.readsPublished === true) {
      requested.push({ view: 'PUBLISHED' })
      continue
    }
    if (!definition?.args.some((arg) => arg.name === 'view' || arg.name === 'asOf')) continue
    let args: { view?: ReadView | null; asOf?: Date | null }
    try {
      args = getArgumentValues(definition, node, variables)
    } catch {
      // A literal the argument's type refuses: execution reports it.
      continue
    }
    requested.push({ ...(args.view ? { view: args.view } : {}), ...(args.asOf ? { asOf: args.asOf } : {}) })
  }
  return requested
}

const message = {
  mixedViews: {
    en: 'One request reads one copy of the records: give every field the same `view` and `asOf`.',
    zh: '一次请求只能读取同一份数据：各字段的 view 与 asOf 必须一致。',
  },
  workingForbidden: {
    en: 'Partner keys and anonymous callers read published data only (`view: PUBLISHED`).',
    zh: '合作方密钥和匿名访问只能读取已发布的数据（view: PUBLISHED）。',
  },
  asOfWorking: {
    en: '`asOf` reads the published copy as it stood then; it cannot be combined with `view: WORKING`.',
    zh: 'asOf 读取的是当时已发布的数据，不能与 view: WORKING 同用。',
  },
}

/**
 * Decides the request's reading from its root fields' arguments, before any resolver runs; at once
 * unless it reads as of a moment (which looks the moment's copy up).
 */
export function decideReading(ctx: Context, requested: Requested[]): Reading | Promise<Reading> {
  const views = new Set(requested.flatMap((r) => (r.view ? [r.view] : [])))
  const moments = new Set(requested.flatMap((r) => (r.asOf ? [r.asOf.getTime()] : [])))
  const refuse = (text: { en: string; zh: string }, code = 'BAD_USER_INPUT') =>
    new GraphQLError(text[ctx.locale], { extensions: { code } })
  if (views.size > 1 || moments.size > 1) throw refuse(message.mixedViews)
  const view = [...views][0] ?? (moments.size > 0 ? 'PUBLISHED' : ctx.reading.view)
  if (view === 'WORKING' && !mayReadWorking(ctx.actor)) {
    // Signing in is the way to the working copy for an anonymous caller; a key has no such way.
    throw refuse(message.workingForbidden, ctx.actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN')
  }
  const at = [...moments][0]
  if (at === undefined) return { view }
  if (view === 'WORKING') throw refuse(message.asOfWorking)
  return asOfReading(new Date(at), ctx.locale).then((asOf): Reading => ({ view: 'PUBLISHED', asOf }))
}

/** Sets `ctx.reading` for the operation about to run; mutations always read the working copy. */
export function useReadingView(): Plugin<Context> {
  return {
    // Synchronous unless the operation reads as of a moment (see plugins/sync-unless-serving.ts).
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as Context
      const operation = getOperationAST(args.document, args.operationName)
      if (operation?.operation === 'mutation') {
        ctx.reading = { view: 'WORKING' }
        return
      }
      const refuse = (error: unknown) => {
        if (!(error instanceof GraphQLError)) throw error
        setResultAndStopExecution({ errors: [error] })
      }
      return handleMaybePromise(
        () =>
          decideReading(
            ctx,
            requestedReadings(
              args.schema,
              args.document,
              args.operationName,
              (args.variableValues ?? {}) as Record<string, unknown>,
            ),
          ),
        (reading) => {
          ctx.reading = reading
        },
        refuse,
      )
    },
  }
}
