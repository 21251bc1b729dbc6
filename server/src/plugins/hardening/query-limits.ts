// Limits on the shape of a document, checked while it is parsed and validated, before any resolver
// or SQL runs. GraphQL Armor counts depth, aliases, directives and tokens; its rejections carry no
// code and read "Syntax Error: …", so each is replaced by a typed refusal. Breadth is our own.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives'
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens'
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { documentRefusal, type HardeningCode } from './errors.ts'

export interface QueryLimits {
  maxDepth: number
  maxAliases: number
  maxTokens: number
  maxDirectives: number
  maxBreadth: number
}

/** Armor's message without its misleading "Syntax Error: " prefix. */
const armorMessage = (error: GraphQLError) => error.message.replace(/^Syntax Error: /, '')

/** Armor options that report a typed refusal instead of Armor's own error. */
function reportAs(code: HardeningCode, limit: number) {
  return {
    n: limit,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(documentRefusal(code, armorMessage(error), { limit })),
    ],
  }
}

/**
 * The most fields any selection set asks for, counting those of its fragments (inline or named,
 * as often as they are spread). graphql-js compares every pair of same-named fields of a selection
 * set during validation, so a document repeating one field thousands of times is refused here, at
 * parse time, before that quadratic check runs.
 */
export function widestSelection(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const fragmentWidth = new Map<string, number>()
  let widest = 0
  // Fields a selection set contributes to its parent's set, fragments flattened.
  const width = (selectionSet: SelectionSetNode, visiting: Set<string>): number => {
    let count = 0
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        count += 1
        if (selection.selectionSet) widest = Math.max(widest, width(selection.selectionSet, visiting))
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += width(selection.selectionSet, visiting)
      } else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        // Unknown or cyclic spreads are refused by validation; they add nothing here.
        if (!fragment || visiting.has(name)) continue
        let known = fragmentWidth.get(name)
        if (known === undefined) {
          visiting.add(name)
          known = width(fragment.selectionSet, visiting)
          visiting.delete(name)
          fragmentWidth.set(name, known)
        }
        count += known
      }
    }
    return count
  }
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      widest = Math.max(widest, width(definition.selectionSet, new Set()))
    }
  }
  return widest
}

export function useQueryLimits(limits: QueryLimits): Plugin {
  const rules = [
    maxDepthRule({ ...reportAs('DEPTH_LIMIT_EXCEEDED', limits.maxDepth), flattenFragments: true }),
    maxAliasesRule(reportAs('ALIAS_LIMIT_EXCEEDED', limits.maxAliases)),
    maxDirectivesRule(reportAs('DIRECTIVE_LIMIT_EXCEEDED', limits.maxDirectives)),
  ]
  const parseOptions = {
    n: limits.maxTokens,
    // The parser must stop at the limit, so the refusal is thrown rather than reported.
    onReject: [
      (_context: ValidationContext | null, error: GraphQLError) => {
        throw documentRefusal('TOKEN_LIMIT_EXCEEDED', armorMessage(error), { limit: limits.maxTokens })
      },
    ],
  }
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        const document = new MaxTokensParserWLexer(source, { ...options, ...parseOptions }).parseDocument()
        const widest = widestSelection(document)
        if (widest > limits.maxBreadth) {
          throw documentRefusal(
            'BREADTH_LIMIT_EXCEEDED',
            `Selection breadth limit of ${limits.maxBreadth} exceeded, found ${widest}.`,
            { limit: limits.maxBreadth },
          )
        }
        return document
      })
    },
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule)
    },
  }
}
