// Invalid hospital inputs, one failing field each, with what the caller must be told. Messages the
// hub writes itself are stated exactly; those of the validation library are checked for language and
// for the limit they name.
import type { SeededRefs } from '../support.ts'

export interface InvalidField {
  name: string
  patch(refs: SeededRefs): Record<string, unknown>
  field: string
  code: string
  /** The limit the message must name. */
  limit?: string
  /** Exact messages, where the hub writes them. */
  messages?: { zh: string; en: string }
}

export const invalidHospitalFields: InvalidField[] = [
  { name: 'a negative count', patch: () => ({ plannedBeds: -5 }), field: 'plannedBeds', code: 'too_small', limit: '0' },
  {
    name: 'a Chinese name over 200 characters',
    patch: () => ({ nameZh: '医'.repeat(201) }),
    field: 'nameZh',
    code: 'too_big',
    limit: '200',
  },
  { name: 'a latitude of 91', patch: () => ({ latitude: 91 }), field: 'latitude', code: 'too_big', limit: '90' },
  {
    name: 'an empty Chinese name',
    patch: () => ({ nameZh: '' }),
    field: 'nameZh',
    code: 'required',
    messages: { zh: '必填', en: 'Required' },
  },
  {
    name: 'a divisionId that is the ID of a settlement',
    patch: (refs) => ({ divisionId: refs.maojiawan }),
    field: 'divisionId',
    code: 'invalid_id',
    messages: { zh: '不是有效的行政区划记录 ID', en: 'Not the ID of a Division' },
  },
]

/** Accept-Language headers and the language the messages must be in. */
export const languages = [
  { header: 'zh-CN,zh;q=0.9,en;q=0.8', chinese: true },
  { header: 'zh', chinese: true },
  { header: 'en-US,en;q=0.9', chinese: false },
  { header: 'en-GB,zh-CN;q=0.8', chinese: false },
  { header: undefined, chinese: false },
]

/** Text no response may contain: traces, database internals, SQL. */
export const LEAKS = [/stack/i, /prisma/i, /SELECT/, /node_modules/, /\.ts:\d+/]

/** Requests that are not well-formed GraphQL over HTTP, and what the hub answers. */
export const malformedRequests = [
  {
    name: 'a body that is not JSON',
    body: '{"query": "{ divisions { totalCount } }',
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'a JSON body that is not an object', body: 'null', status: 400, code: 'BAD_REQUEST' },
  { name: 'a query that is not a string', body: '{"query": 5}', status: 400, code: 'BAD_REQUEST' },
  {
    name: 'variables that are not an object',
    body: '{"query": "{ divisions { totalCount } }", "variables": "oops"}',
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a batch (not supported)',
    body: '[{"query": "{ divisions { totalCount } }"}]',
    status: 400,
    code: 'BAD_REQUEST',
  },
]

/** Well-formed requests the GraphQL layer refuses, with status for `application/json` callers. */
export const refusedOperations = [
  {
    name: 'a syntax error',
    query: '{ divisions { nodes { id }',
    variables: undefined,
    status: 200,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'an unknown field',
    query: '{ divisions { nodes { population } } }',
    variables: undefined,
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'an unknown argument',
    query: '{ divisions(limit: 5) { totalCount } }',
    variables: undefined,
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'an unknown enum value in a literal',
    query: '{ hospitals(where: { role: { equals: CLINIC } }) { totalCount } }',
    variables: undefined,
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a variable of the wrong type',
    query: 'query ($first: Int) { divisions(first: $first) { totalCount } }',
    variables: { first: 'ten' },
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a required variable left out',
    query: 'query ($id: ID!) { node(id: $id) { id } }',
    variables: {},
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'an input object with an unknown field',
    query: 'query ($where: HospitalWhere) { hospitals(where: $where) { totalCount } }',
    variables: { where: { beds: { gt: 1 } } },
    status: 400,
    code: 'BAD_USER_INPUT',
  },
]
