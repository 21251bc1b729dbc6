// The values a caller sent as arguments, read from the document with the request's variables,
// before graphql-js coerces them: the limits on inputs and the cost estimate look at what was sent.
import { type DocumentNode, type FieldNode, Kind, type OperationDefinitionNode, type ValueNode } from 'graphql'

export type Variables = Readonly<Record<string, unknown>> | null | undefined

export function selectedOperation(document: DocumentNode, operationName?: string | null) {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )
  return operationName ? operations.find((operation) => operation.name?.value === operationName) : operations[0]
}

/** A literal as a plain value, variables replaced by what the request sent (or their defaults). */
export function sentValue(node: ValueNode, variables: Variables, operation: OperationDefinitionNode): unknown {
  switch (node.kind) {
    case Kind.INT:
      return Number.parseInt(node.value, 10)
    case Kind.FLOAT:
      return Number.parseFloat(node.value)
    case Kind.STRING:
    case Kind.ENUM:
      return node.value
    case Kind.BOOLEAN:
      return node.value
    case Kind.NULL:
      return null
    case Kind.LIST:
      return node.values.map((value) => sentValue(value, variables, operation))
    case Kind.OBJECT:
      return Object.fromEntries(
        node.fields.map((field) => [field.name.value, sentValue(field.value, variables, operation)]),
      )
    case Kind.VARIABLE: {
      const name = node.name.value
      if (variables && name in variables) return variables[name]
      const fallback = operation.variableDefinitions?.find((definition) => definition.variable.name.value === name)
      return fallback?.defaultValue && sentValue(fallback.defaultValue, variables, operation)
    }
  }
}

/** The value of one argument of a field as sent, or undefined when it was not given. */
export function argumentValue(
  field: FieldNode,
  name: string,
  variables: Variables,
  operation: OperationDefinitionNode,
): unknown {
  const node = field.arguments?.find((argument) => argument.name.value === name)?.value
  return node && sentValue(node, variables, operation)
}

/** How many list items a value holds, at any depth (a list argument costs as many items as it holds). */
export function listItemsIn(value: unknown, depth = 0): number {
  if (value === null || typeof value !== 'object' || depth > 64) return 0
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + 1 + listItemsIn(item, depth + 1), 0)
  let sum = 0
  for (const inner of Object.values(value)) sum += listItemsIn(inner, depth + 1)
  return sum
}
