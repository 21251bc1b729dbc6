// Every argument a caller sends is checked before any resolver runs, driven by the schema's argument
// types and the request's variables: lists hold at most so many items, input objects nest only so
// deep, text is text PostgreSQL can store (no NUL, no lone UTF-16 surrogate), and every ID is a
// global ID the hub issues. One mechanism for every field of every record family; a refusal is
// BAD_USER_INPUT naming each argument at fault.
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { nodeTypes } from '../../builder.ts'
import { parseGlobalId } from '../../records/ids.ts'
import { selectedOperation, sentValue, type Variables } from './argument-values.ts'

export interface InputLimits {
  /** Items in any one list argument (ids, `in`, AND/OR, orderBy, types, …). */
  maxListItems: number
  /** Nesting of input objects and lists within one argument. */
  maxInputDepth: number
  /** Lists allowed to be longer, by `Type.field.argument` (an import's rows). */
  longerLists?: Record<string, number>
  /**
   * Characters in the free text a caller writes, by argument name on any field (every `reason`, every
   * `note`): the columns it is kept in hold no more. An argument may also carry its own limit as
   * `extensions.maxTextLength` (a list's `search`: the longest column it looks in).
   */
  maxTextLength?: Record<string, number>
  /**
   * The same, by field name in any input object (LockPeriodInput.reason). Kept apart from arguments
   * because a record input's `note` is checked by the record's own rules, with every other field.
   * An input field may also carry its own limit as `extensions.maxTextLength`, which holds for every
   * text within it (a `where`'s `nameZh: { contains, in: […] }`).
   */
  maxInputFieldTextLength?: Record<string, number>
}

type ProblemCode = 'too_many' | 'too_deep' | 'invalid_text' | 'invalid_id' | 'too_long'

interface Problem {
  field: string
  code: ProblemCode
  message: string
}

const MESSAGES: Record<ProblemCode, { en: (limit: number) => string; zh: (limit: number) => string }> = {
  too_many: { en: (n) => `At most ${n} items`, zh: (n) => `最多 ${n} 项` },
  too_deep: { en: (n) => `Nested more than ${n} levels deep`, zh: (n) => `嵌套超过 ${n} 层` },
  invalid_text: {
    en: () => 'Contains a NUL character or an unpaired surrogate',
    zh: () => '含有 NUL 字符或不成对的代理项，不是有效文本',
  },
  invalid_id: { en: () => 'Not a global ID of this hub', zh: () => '不是本系统的全局 ID' },
  too_long: { en: (n) => `At most ${n} characters`, zh: (n) => `最多 ${n} 个字符` },
}

const maxTextLengthOf = (extensions: Readonly<Record<string, unknown>>) =>
  typeof extensions.maxTextLength === 'number' ? extensions.maxTextLength : undefined

/** A UTF-16 surrogate without its partner (JSON can carry one; UTF-8 cannot). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Neither NUL nor a lone surrogate can be stored as PostgreSQL text. */
export function isStorableText(text: string) {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text)
}

/** Whether a value is the global ID of a record type of this hub. */
export function isGlobalId(value: unknown) {
  const parsed = parseGlobalId(typeof value === 'number' ? String(value) : value)
  return parsed !== undefined && nodeTypes.has(parsed.typename)
}

class Checker {
  readonly problems: Problem[] = []
  constructor(
    private readonly limits: InputLimits,
    private readonly locale: 'zh' | 'en',
  ) {}

  /** Free text within `limit` characters, counted as PostgreSQL counts them (code points); in lists and objects, each text. */
  text(value: unknown, path: string, limit: number) {
    if (typeof value === 'string') {
      if (value.length > limit && [...value].length > limit) this.report(path, 'too_long', limit)
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) this.text(item, `${path}.${index}`, limit)
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) this.text(inner, `${path}.${key}`, limit)
    }
  }

  private report(field: string, code: ProblemCode, limit = 0) {
    if (this.problems.length < 20) this.problems.push({ field, code, message: MESSAGES[code][this.locale](limit) })
  }

  /** A value of a known input type. */
  typed(value: unknown, type: GraphQLInputType, path: string, depth: number, listLimit?: number): void {
    if (value === null || value === undefined) return
    const nullable = getNullableType(type)
    if (depth > this.limits.maxInputDepth) {
      this.report(path, 'too_deep', this.limits.maxInputDepth)
    } else if (isListType(nullable)) {
      // A single value where a list is expected is a list of one (GraphQL's input coercion).
      const items = Array.isArray(value) ? value : [value]
      const limit = listLimit ?? this.limits.maxListItems
      if (items.length > limit) this.report(path, 'too_many', limit)
      else for (const [index, item] of items.entries()) this.typed(item, nullable.ofType, `${path}.${index}`, depth + 1)
    } else if (isInputObjectType(nullable)) {
      if (typeof value !== 'object' || Array.isArray(value)) return // coercion refuses it
      const fields = nullable.getFields()
      for (const [name, inner] of Object.entries(value)) {
        const field = fields[name]
        if (!field) continue
        this.typed(inner, field.type, `${path}.${name}`, depth + 1)
        const maxText = this.limits.maxInputFieldTextLength?.[name] ?? maxTextLengthOf(field.extensions)
        if (maxText !== undefined) this.text(inner, `${path}.${name}`, maxText)
      }
    } else if (nullable.toString() === 'ID') {
      if (!isGlobalId(value)) this.report(path, 'invalid_id')
    } else {
      this.raw(value, path, depth)
    }
  }

  /** A scalar's value, of any shape (JSON): its text, its lists and its depth. */
  raw(value: unknown, path: string, depth: number): void {
    if (typeof value === 'string') {
      if (!isStorableText(value)) this.report(path, 'invalid_text')
      return
    }
    if (value === null || typeof value !== 'object') return
    if (depth > this.limits.maxInputDepth) {
      this.report(path, 'too_deep', this.limits.maxInputDepth)
    } else if (Array.isArray(value)) {
      if (value.length > this.limits.maxListItems) this.report(path, 'too_many', this.limits.maxListItems)
      else for (const [index, item] of value.entries()) this.raw(item, `${path}.${index}`, depth + 1)
    } else {
      for (const [key, inner] of Object.entries(value)) {
        if (!isStorableText(key)) this.report(`${path}.${key}`, 'invalid_text')
        else this.raw(inner, `${path}.${key}`, depth + 1)
      }
    }
  }
}

/** Problems with the arguments of the operation a request runs (none when it is fine). */
export function inputProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Variables,
  operationName: string | null | undefined,
  limits: InputLimits,
  locale: 'zh' | 'en' = 'en',
): Problem[] {
  const operation = selectedOperation(document, operationName)
  if (!operation) return []
  const checker = new Checker(limits, locale)
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const seen = new Set<string>()
  // Unions have no fields of their own: their members' are reached through inline fragments.
  const visit = (
    selectionSet: SelectionSetNode,
    type: GraphQLNamedType | null | undefined,
    operation: OperationDefinitionNode,
  ) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const definition =
          type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[selection.name.value] : undefined
        if (!definition) continue
        for (const argument of selection.arguments ?? []) {
          const declared = definition.args.find((arg) => arg.name === argument.name.value)
          if (!declared) continue
          const value = sentValue(argument.value, variables, operation)
          const longer = limits.longerLists?.[`${type?.name}.${definition.name}.${declared.name}`]
          const path = `${selection.alias?.value ?? selection.name.value}.${declared.name}`
          checker.typed(value, declared.type, path, 1, longer)
          const maxText = limits.maxTextLength?.[declared.name] ?? maxTextLengthOf(declared.extensions)
          if (maxText !== undefined) checker.text(value, path, maxText)
        }
        if (selection.selectionSet) visit(selection.selectionSet, getNamedType(definition.type), operation)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type
        visit(selection.selectionSet, condition, operation)
      } else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        if (!fragment || seen.has(name)) continue
        seen.add(name)
        visit(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), operation)
      }
    }
  }
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType()
  visit(operation.selectionSet, root, operation)
  return checker.problems
}

export function useInputLimits(limits: InputLimits): Plugin {
  const plugin: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const locale = (args.contextValue as { locale?: 'zh' | 'en' }).locale ?? 'en'
      const problems = inputProblems(
        args.schema,
        args.document,
        args.variableValues,
        args.operationName,
        limits,
        locale,
      )
      if (problems.length === 0) return
      const [first] = problems as [Problem]
      const more =
        problems.length > 1
          ? locale === 'zh'
            ? `（另有 ${problems.length - 1} 处）`
            : ` (and ${problems.length - 1} more)`
          : ''
      setResultAndStopExecution({
        errors: [
          new GraphQLError(`${first.field}: ${first.message}${more}`, {
            extensions: { code: 'BAD_USER_INPUT', fieldErrors: problems },
          }),
        ],
      })
    },
  }
  // A subscription's arguments are checked once, when it starts.
  plugin.onSubscribe = plugin.onExecute as Plugin['onSubscribe']
  return plugin
}
