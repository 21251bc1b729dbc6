import { GraphQLScalarType, Kind } from 'graphql'

const DECIMAL = /^-?\d{1,16}(\.\d{1,4})?$/

function parse(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value
  if (typeof text !== 'string' || !DECIMAL.test(text.trim())) {
    throw new TypeError(`Decimal must be a number written as a string, like "5000.00", not ${JSON.stringify(value)}`)
  }
  return text.trim()
}

/**
 * Exact decimal numbers (money, areas) travel as strings so no client rounds them through a float.
 * Input also accepts a JSON number for convenience.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description:
    'An exact decimal number as a string, e.g. "120000000.00" (yuan) or "237" (mu). Up to 16 digits before and 4 after the point.',
  serialize: (value) => (value == null ? value : String(value)),
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parse(ast.value)
    throw new TypeError('Decimal must be a string or a number literal')
  },
})
