// A cost limit that knows list sizes: every field costs 1, and the fields under a list cost as
// often as the list may hold items. Checked with the request's variables, just before execution.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  getNullableType,
  isCompositeType,
  isLeafType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../builder.ts'
import { argumentValue, listItemsIn, selectedOperation, type Variables } from './argument-values.ts'
import { documentRefusal } from './errors.ts'

/** Items assumed for a list without a size argument (citations, prices, aggregate groups). */
export const UNSIZED_LIST_ITEMS = 10

interface Schemaish {
  getType(name: string): GraphQLNamedType | undefined
  getQueryType(): GraphQLNamedType | null | undefined
  getMutationType(): GraphQLNamedType | null | undefined
  getSubscriptionType(): GraphQLNamedType | null | undefined
}

const pageSize = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 0), MAX_PAGE_SIZE) : undefined

/**
 * How many items a field may return for each of its parents: `first`/`last` (default page size,
 * capped at the largest page) for paginated fields, the length of a list argument (`nodes(ids:)`)
 * the field's `maxItems` extension or UNSIZED_LIST_ITEMS for other lists of records, 1 otherwise. The lists inside a page
 * (`nodes`, `edges`) hold the items its `first` already counted.
 */
function itemsOf(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  insidePage: boolean,
  variables: Variables,
  operation: OperationDefinitionNode,
): { items: number; paginated: boolean } {
  const names = new Set(definition.args.map((argument) => argument.name))
  if (names.has('first') || names.has('last')) {
    const sizes = ['first', 'last']
      .map((name) => pageSize(argumentValue(field, name, variables, operation)))
      .filter((size) => size !== undefined)
    return { items: sizes.length ? Math.max(...sizes) : DEFAULT_PAGE_SIZE, paginated: true }
  }
  const type = getNullableType(definition.type)
  if (!isListType(type) || isLeafType(getNamedType(type)) || insidePage) return { items: 1, paginated: false }
  for (const argument of definition.args) {
    if (!isListType(getNullableType(argument.type))) continue
    const value = argumentValue(field, argument.name, variables, operation)
    if (Array.isArray(value)) return { items: value.length, paginated: false }
  }
  // A list known to be short says so on its field (`extensions: { maxItems }`).
  const known = definition.extensions?.maxItems
  return { items: typeof known === 'number' ? known : UNSIZED_LIST_ITEMS, paginated: false }
}

/** The estimated cost of the operation a request runs, with its variables. */
export function operationCost(
  schema: Schemaish,
  document: DocumentNode,
  variables?: Variables,
  operationName?: string | null,
): number {
  const operation = selectedOperation(document, operationName)
  if (!operation) return 0
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  // A fragment costs the same wherever it is spread (variables do not change within a request).
  const fragmentCost = new Map<string, number>()

  const costOf = (selectionSet: SelectionSetNode, type: GraphQLNamedType, insidePage: boolean): number => {
    if (!isCompositeType(type)) return 0
    let cost = 0
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value
        // Introspection is bounded by the schema; __typename is free.
        if (name.startsWith('__')) continue
        const definition = 'getFields' in type ? type.getFields()[name] : undefined
        if (!definition) continue
        const { items, paginated } = itemsOf(selection, definition, insidePage, variables, operation)
        const children = selection.selectionSet
          ? costOf(selection.selectionSet, getNamedType(definition.type), paginated)
          : 0
        // Every item of a list argument (ids, `in`, AND/OR, orderBy) is work for the database too.
        const sent = (selection.arguments ?? []).reduce(
          (sum, argument) => sum + listItemsIn(argumentValue(selection, argument.name.value, variables, operation)),
          0,
        )
        cost += 1 + sent + items * children
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value)
        cost += costOf(selection.selectionSet, condition ?? type, insidePage)
      } else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        if (!fragment) continue
        const key = `${name}/${insidePage}`
        let known = fragmentCost.get(key)
        if (known === undefined) {
          fragmentCost.set(key, 0) // a cycle (refused by validation anyway) adds nothing
          known = costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? type, insidePage)
          fragmentCost.set(key, known)
        }
        cost += known
      }
    }
    return cost
  }

  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType()
  return root ? costOf(operation.selectionSet, root, false) : 0
}

const estimates = new WeakMap<object, number>()

/** The estimated cost of the operation running with this context (admission control weighs by it). */
export function estimatedCost(context: object): number | undefined {
  return estimates.get(context)
}

/** Refuses, before any resolver runs, an operation whose estimated cost is above `maxCost`. */
export function useCostLimit(maxCost: number): Plugin {
  const plugin: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.schema, args.document, args.variableValues, args.operationName)
      estimates.set(args.contextValue, cost)
      if (cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            documentRefusal('COST_LIMIT_EXCEEDED', `Query cost limit of ${maxCost} exceeded, estimated ${cost}.`, {
              limit: maxCost,
              cost,
            }),
          ],
        })
      }
    },
  }
  // A subscription's selection runs again for every event: it is estimated once, when it starts.
  plugin.onSubscribe = plugin.onExecute as Plugin['onSubscribe']
  return plugin
}
