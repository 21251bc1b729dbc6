// A fuzzer of GraphQL requests: random operations built from the schema (any root field, random
// arguments and selections), random and malformed variables, broken documents, as every kind of
// caller. Whatever is sent, the hub must answer without a 5xx (except a deliberate 503), without
// showing its internals, and with a code on every error.
import { schema } from '@minsheng/server/schema'
import fc from 'fast-check'
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import { LEAKS } from './scenarios/errors.ts'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000)
/** The suite stays within seconds on a busy machine: it stops sending after this long. */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 30)
/** Deliberate 503s: the instance is busy, an operation ran too long, the database is away. */
const DELIBERATE_503 = new Set(['OVERLOADED', 'EXECUTION_TIMEOUT', 'SERVICE_UNAVAILABLE'])
const CALLERS = ['admin', 'editor', 'viewer', 'zhenxiongEditor', 'anonymous', 'key'] as const

let t: TestHub
let key: string
/** Real global IDs of every record type, so some arguments find something. */
let realIds: string[]
beforeAll(async () => {
  // Every request counts: no rate limit stands between the fuzzer and the resolvers.
  t = await startTestHub({ config: { RATE_LIMIT_PER_MINUTE: 0, IDENTIFIED_RATE_LIMIT_PER_MINUTE: 0 } })
  key = (await t.data('mutation { createApiKey(input: { name: "fuzz", scopes: ["read:Hospital"] }) { secret } }'))
    .createApiKey.secret
  const lists = ['divisions', 'settlements', 'hospitals', 'schools', 'enterprises', 'indicators', 'sources']
  const data = await t.data(`{ ${lists.map((list) => `${list}(first: 3) { nodes { id } }`).join(' ')} users { id } }`)
  realIds = [
    ...lists.flatMap((list) => (data[list].nodes as { id: string }[]).map((node) => node.id)),
    ...(data.users as { id: string }[]).map((user) => user.id),
  ]
})
afterAll(() => t?.close())

const base64 = (text: string) => Buffer.from(text).toString('base64')

const strings = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '%',
      '_',
      '\\',
      '\u0000',
      'a\u0000b',
      '\ud800',
      '\udc00x',
      "'; DROP TABLE x; --",
      '卯家湾',
      '𠀀',
    ),
  },
  { weight: 1, arbitrary: fc.constant('长'.repeat(3_000)) },
)

// Mostly IDs of real records, so arguments reach the resolvers; the rest malformed in every way.
const ids = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 40 }).map((i) => realIds[i % realIds.length] as string) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('Hospital', 'Division', 'User', 'ApiKey', 'Nope', ''), fc.oneof(fc.integer(), fc.string()))
      .map(([type, id]) => base64(`${type}:${id}`)),
  },
  { weight: 1, arbitrary: fc.oneof(strings, fc.integer()) },
)

/** Well-formed values of each scalar, so most requests get past the checks into the resolvers. */
const TAME: Record<string, fc.Arbitrary<unknown>> = {
  Int: fc.integer({ min: 0, max: 30 }),
  Float: fc.double({ min: -1_000, max: 1_000, noNaN: true }),
  Boolean: fc.boolean(),
  String: fc.oneof(fc.constantFrom('卯家湾', '医院', '镇雄', 'Zhaotong', '%', ''), fc.string({ maxLength: 8 })),
  ID: fc.integer({ min: 0, max: 40 }).map((i) => realIds[i % realIds.length] as string),
  NonNegativeInt: fc.integer({ min: 0, max: 5_000 }),
  Latitude: fc.double({ min: 26, max: 29, noNaN: true }),
  Longitude: fc.double({ min: 102, max: 106, noNaN: true }),
  Decimal: fc.constantFrom('12.5', '0', '5000.00'),
  Date: fc.constantFrom('2021-09-01', '2024-02-29'),
  DateTime: fc.constantFrom('2024-01-01T00:00:00Z', '2026-06-30T12:00:00+08:00'),
  JSON: fc.jsonValue({ maxDepth: 2 }),
}

const SCALARS: Record<string, fc.Arbitrary<unknown>> = {
  Int: fc.oneof(fc.integer({ min: -5, max: 300 }), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 1e20), fc.double()),
  Float: fc.oneof(fc.double(), fc.integer()),
  Boolean: fc.oneof(fc.boolean(), fc.constantFrom('true', 0)),
  String: strings,
  ID: ids,
  NonNegativeInt: fc.oneof(fc.integer({ min: -3, max: 10_000 }), fc.constant(2 ** 40)),
  Latitude: fc.oneof(fc.double({ min: -100, max: 100 }), strings),
  Longitude: fc.oneof(fc.double({ min: -200, max: 200 }), strings),
  Decimal: fc.oneof(fc.constantFrom('12.5', '-1', '1e400', 'abc', '0.000000001'), fc.double(), strings),
  Date: fc.oneof(fc.constantFrom('2024-02-29', '2023-02-30', '0000-01-01', '99999-12-31'), strings),
  DateTime: fc.oneof(fc.constantFrom('2024-01-01T00:00:00Z', '2024-13-01T00:00:00Z'), fc.date().map(String), strings),
  JSON: fc.jsonValue({ maxDepth: 3 }),
}

/**
 * A value for an input type. Tame: well-formed, to reach the resolvers; wild: mostly of the right
 * shape, sometimes not, sometimes too long, malformed text and IDs.
 */
function inputValue(type: GraphQLInputType, depth: number, wild: boolean): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return inputValue(type.ofType as GraphQLInputType, depth, wild)
  if (isListType(type)) {
    const item = inputValue(type.ofType as GraphQLInputType, depth + 1, wild)
    if (!wild) return fc.array(item, { maxLength: 3 })
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { maxLength: 3 }) },
      { weight: 1, arbitrary: item },
      // Longer than any list may be (once per argument: nested, it would multiply).
      { weight: depth === 0 ? 1 : 0, arbitrary: item.map((value) => Array.from({ length: 600 }, () => value)) },
    )
  }
  const named = getNamedType(type)
  if (isEnumType(named)) {
    const values = fc.constantFrom(...named.getValues().map((value) => value.name))
    if (!wild) return values
    return fc.oneof({ weight: 9, arbitrary: values }, { weight: 1, arbitrary: strings })
  }
  if (isInputObjectType(named)) {
    if (depth > 3) return fc.constant({})
    const fields = Object.values(named.getFields())
    const object = fc.record(
      Object.fromEntries(
        fields.map((field) => [field.name, fc.constant(null).chain(() => inputValue(field.type, depth + 1, wild))]),
      ),
      {
        requiredKeys: fields
          .filter((field) => isNonNullType(field.type) && (!wild || Math.random() < 0.9))
          .map((field) => field.name),
      },
    )
    if (!wild) return object
    return fc.oneof(
      { weight: 9, arbitrary: object },
      { weight: 1, arbitrary: fc.oneof(strings, fc.integer(), fc.constant(null)) },
    )
  }
  return (wild ? SCALARS[named.name] : TAME[named.name]) ?? strings
}

interface Built {
  query: string
  variables: Record<string, unknown>
}

/** One random operation: root fields, their arguments as variables, and a selection beneath. */
function buildOperation(g: fc.GeneratorValue): Built {
  const kind = g(() => fc.constantFrom('query', 'query', 'query', 'mutation'))
  // Two requests in five are wild throughout; the rest send well-formed values.
  const wild = g(() => fc.integer({ min: 0, max: 4 })) < 2
  const root = (kind === 'query' ? schema.getQueryType() : schema.getMutationType()) as GraphQLNamedType
  const definitions: string[] = []
  const variables: Record<string, unknown> = {}

  const argumentsOf = (field: GraphQLField<unknown, unknown>) => {
    const sent = field.args.filter((arg) => isNonNullType(arg.type) || g(() => fc.boolean()))
    if (sent.length === 0) return ''
    return `(${sent
      .map((arg) => {
        const name = `v${definitions.length}`
        definitions.push(`$${name}: ${String(arg.type)}`)
        // Now and then a required variable is left out.
        if (g(() => fc.integer({ min: 0, max: 30 })) > 0) variables[name] = g(() => inputValue(arg.type, 0, wild))
        return `${arg.name}: $${name}`
      })
      .join(', ')})`
  }

  const selectionOf = (type: GraphQLNamedType, depth: number): string => {
    if (isUnionType(type) || isInterfaceType(type)) {
      const members = isUnionType(type) ? type.getTypes() : schema.getPossibleTypes(type)
      const memberName = g(() => fc.constantFrom(...members.map((candidate) => candidate.name)))
      const member = members.find((candidate) => candidate.name === memberName) as GraphQLObjectType
      const own = isInterfaceType(type) ? fieldsOf(type, depth).slice(1, -1) : ''
      return `{ __typename ${own} ... on ${member.name} ${fieldsOf(member, depth + 1)} }`
    }
    return isObjectType(type) ? fieldsOf(type, depth) : ''
  }

  const fieldsOf = (type: GraphQLObjectType | GraphQLInterfaceType, depth: number): string => {
    const fields = Object.values(type.getFields())
    if (depth >= 3) {
      const leaves = fields.filter((field) => !isCompositeType(getNamedType(field.type)) && field.args.length === 0)
      return `{ __typename ${leaves
        .slice(0, 2)
        .map((field) => field.name)
        .join(' ')} }`
    }
    // Names, not the field objects: a failure report prints what was drawn.
    const names = g(() =>
      fc.subarray(
        fields.map((field) => field.name),
        { minLength: 1, maxLength: Math.min(3, fields.length) },
      ),
    )
    const parts = names.map((name) => {
      const field = fields.find((candidate) => candidate.name === name) as GraphQLField<unknown, unknown>
      const inner = getNamedType(field.type)
      return `${field.name}${argumentsOf(field)}${isCompositeType(inner) ? ` ${selectionOf(inner, depth + 1)}` : ''}`
    })
    return `{ ${parts.join(' ')} }`
  }

  const selection = selectionOf(root, 0)
  const header = definitions.length ? `(${definitions.join(', ')})` : ''
  return { query: `${kind} Fuzz${header} ${selection}`, variables }
}

/** A request as sent: the operation, sometimes broken on purpose. */
function buildRequest(g: fc.GeneratorValue) {
  const caller = g(() => fc.constantFrom(...CALLERS))
  const built = buildOperation(g)
  let body: unknown = built
  switch (g(() => fc.integer({ min: 0, max: 19 }))) {
    case 0: {
      // A document cut short or with a stray character.
      const at = g(() => fc.integer({ min: 0, max: built.query.length }))
      body = { ...built, query: built.query.slice(0, at) + g(() => fc.constantFrom('', '{', '"', '$', '\u0000', '…')) }
      break
    }
    case 1:
      body = { ...built, variables: g(() => fc.oneof(fc.jsonValue(), fc.constant('oops'))) }
      break
    case 2:
      body = g(() => fc.jsonValue())
      break
  }
  return { caller, body }
}

const headersOf = (caller: (typeof CALLERS)[number]) =>
  caller === 'key' ? { authorization: `Bearer ${key}` } : t.headersOf(caller)

describe('fuzzing GraphQL requests', () => {
  it(`answers up to ${RUNS} random and malformed requests (at most ${SECONDS} s) without a 5xx, a leak or an error without a code`, async () => {
    const seen = new Map<string, number>()
    let sent = 0
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const { caller, body } = buildRequest(g)
        sent += 1
        const response = await fetch(t.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...headersOf(caller) },
          body: JSON.stringify(body),
        })
        const text = await response.text()
        const context = `${caller} ${JSON.stringify(body).slice(0, 2_000)}\n→ ${response.status} ${text.slice(0, 1_000)}`
        const answer = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: unknown } }[] }
        const codes = (answer.errors ?? []).map((error) => error.extensions?.code)
        for (const code of codes) seen.set(String(code), (seen.get(String(code)) ?? 0) + 1)
        if (response.status >= 500) {
          expect(codes.length > 0 && codes.every((code) => DELIBERATE_503.has(String(code))), context).toBe(true)
          expect(response.status, context).toBe(503)
        }
        for (const code of codes) expect(typeof code, context).toBe('string')
        expect(codes, context).not.toContain('INTERNAL_SERVER_ERROR')
        for (const leak of LEAKS) expect(text, `${context}\nshows ${leak}`).not.toMatch(leak)
      }),
      {
        numRuns: RUNS,
        interruptAfterTimeLimit: SECONDS * 1_000,
        // A failing request is reported as it was sent: shrinking would send thousands more.
        endOnFailure: true,
        ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
      },
    )
    console.info(`fuzz: ${sent} requests; codes seen: ${JSON.stringify(Object.fromEntries(seen))}`)
    // Enough requests were sent, and they reached past the checks into the resolvers.
    expect(sent).toBeGreaterThan(Math.min(RUNS, 300))
    expect([...seen.keys()]).toEqual(expect.arrayContaining(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED']))
  }, 120_000)
})
