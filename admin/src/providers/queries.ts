// Turns react-admin's requests into GraphQL documents and variables, and GraphQL records into
// react-admin records, from the build-time description of the schema. Pure: unit tested.
import type { ResourceApi } from './resources.ts'
import type { FieldMeta, HubSchema } from './schema-types.ts'

/** `list`: a list's columns; `file`: those and many-to-many IDs (export, import); `one`: a record page. */
export type Depth = 'list' | 'file' | 'one'
type Json = Record<string, unknown>

const CITATIONS = 'citations { id field statedAs qualifier quote matchesRecord source { id nameZh nameEn file } }'
const ID_LIST_LIMIT = 200

/** Scalars and enums of a nested (non-record) object, e.g. a care facility's prices. */
function nestedSelection(schema: HubSchema, type: string, depth: Depth): string {
  const fields = schema.objects[type] ?? {}
  const names = Object.entries(fields)
    .filter(([, meta]) => meta.kind !== 'object' && !meta.args)
    .map(([name]) => name)
  if (depth === 'one' && fields.citations) names.push(CITATIONS)
  return `{ ${names.join(' ')} }`
}

/** What the console shows of a record's quality issues (admin/src/quality/). */
export const QUALITY_ISSUE = '{ rule severity field title message }'

/**
 * The fields a page needs: every scalar and enum, references as `{ id }`, nested lists of values;
 * citations and many-to-many ID lists only for a single record.
 */
export function selection(schema: HubSchema, api: ResourceApi, depth: Depth): string {
  const fields = schema.objects[api.type]
  if (!fields) throw new Error(`The schema has no type ${api.type}`)
  const parts: string[] = []
  for (const [name, meta] of Object.entries(fields)) {
    // The audit trail is read on its own tab, not with every record.
    if (meta.args || meta.type === 'AuditEvent') continue
    // Unpublished changes: which set holds them, for the lists' mark and the record's notice (the
    // diffs themselves are read with the set).
    if (name === 'pendingChanges') parts.push('pendingChanges { action changeSet { id status authorName } }')
    // Quality issues as the badge and the notice show them (the record itself is the one in hand).
    else if (name === 'qualityIssues') parts.push(`qualityIssues ${QUALITY_ISSUE}`)
    else if (meta.kind !== 'object') parts.push(name)
    else if (name === 'citations') {
      if (depth === 'one') parts.push(CITATIONS)
    } else if (schema.nodeTypes.includes(meta.type) && !meta.list) parts.push(`${name} { id }`)
    else if (meta.list) parts.push(`${name} ${nestedSelection(schema, meta.type, depth)}`)
  }
  if (depth !== 'list') {
    for (const [field, { connection }] of Object.entries(api.idLists)) {
      parts.push(`${field}: ${connection}(first: ${ID_LIST_LIMIT}) { nodes { id } }`)
    }
  }
  return `{ ${parts.join(' ')} }`
}

/** A GraphQL record as react-admin wants it: references as `divisionId`, ID lists as arrays. */
export function toRecord(schema: HubSchema, api: ResourceApi, node: Json): Json {
  const fields = schema.objects[api.type] ?? {}
  const record: Json = { ...node }
  for (const [name, meta] of Object.entries(fields)) {
    if (meta.kind === 'object' && !meta.list && !meta.args && schema.nodeTypes.includes(meta.type) && name in record) {
      record[`${name}Id`] = (record[name] as { id?: string } | null)?.id ?? null
      delete record[name]
    }
  }
  for (const field of Object.keys(api.idLists)) {
    const value = record[field] as { nodes: { id: string }[] } | undefined
    if (value) record[field] = value.nodes.map((node) => node.id)
  }
  return record
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === ''

function pad(n: number) {
  return String(n).padStart(2, '0')
}

/** Converts one form value to what the input type expects; `undefined` drops it. */
function coerce(schema: HubSchema, meta: FieldMeta, value: unknown): unknown {
  if (value === undefined) return undefined
  if (meta.list) {
    if (value === null) return null
    const items = Array.isArray(value) ? value : [value]
    return items.map((item) => coerce(schema, { ...meta, list: false }, item)).filter((item) => !isEmpty(item))
  }
  if (isEmpty(value)) return null
  if (meta.kind === 'object') return toInput(schema, meta.type, value as Json)
  switch (meta.type) {
    case 'Int':
    case 'Float': {
      const number = typeof value === 'number' ? value : Number(String(value).trim())
      return Number.isNaN(number) ? value : number
    }
    case 'Decimal':
      return String(value).trim()
    case 'Date':
      if (value instanceof Date) return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`
      return String(value).slice(0, 10)
    case 'DateTime':
      return value instanceof Date ? value.toISOString() : String(value)
    case 'String':
    case 'ID':
      return typeof value === 'string' ? value.trim() || null : String(value)
    default:
      return value
  }
}

/** Keeps the fields an input type accepts, converted to their GraphQL types. */
export function toInput(schema: HubSchema, inputType: string, data: Json): Json {
  const fields = schema.inputs[inputType]
  if (!fields) throw new Error(`The schema has no input ${inputType}`)
  const input: Json = {}
  for (const [name, meta] of Object.entries(fields)) {
    if (!(name in data)) continue
    const value = coerce(schema, meta, data[name])
    if (value !== undefined) input[name] = value
  }
  return input
}

/** A create input: empty optional values are left out. */
export function createInput(schema: HubSchema, api: ResourceApi, data: Json): Json {
  const input = toInput(schema, `${api.type}CreateInput`, data)
  for (const [key, value] of Object.entries(input)) if (value === null) delete input[key]
  return input
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The input fields a form changed, compared with the record it started from. */
export function changedFields(schema: HubSchema, api: ResourceApi, data: Json, previous: Json): string[] {
  return Object.keys(updateInput(schema, api, data, previous))
}

/** An update input with only the fields that changed; null clears an optional field. */
export function updateInput(schema: HubSchema, api: ResourceApi, data: Json, previous: Json | undefined): Json {
  const input = toInput(schema, `${api.type}UpdateInput`, data)
  if (!previous) return input
  const before = toInput(schema, `${api.type}UpdateInput`, previous)
  for (const key of Object.keys(input)) if (same(input[key], before[key])) delete input[key]
  return input
}

const OPERATORS = ['gte', 'lte', 'gt', 'lt', 'in', 'not', 'equals', 'contains', 'startsWith'] as const

/**
 * Translates react-admin filter values into `search` and `where`:
 * `q` is the search box, `plannedBeds_gte` a bound, `kind` an exact value (a list means any of them),
 * `withinDivision` the division subtree, and a text field matches when it contains the value.
 */
export function toWhere(schema: HubSchema, api: ResourceApi, filter: Json = {}): { where?: Json; search?: string } {
  const whereType = schema.inputs[`${api.type}Where`] ?? {}
  const where: Json = {}
  let search: string | undefined
  for (const [key, raw] of Object.entries(filter)) {
    if (isEmpty(raw) || (Array.isArray(raw) && raw.length === 0)) continue
    if (key === 'q') {
      search = String(raw).trim() || undefined
      continue
    }
    const suffix = OPERATORS.find((op) => key.endsWith(`_${op}`))
    const field = suffix ? key.slice(0, -suffix.length - 1) : key
    const meta = whereType[field]
    if (!meta) continue
    if (meta.kind === 'scalar' && meta.type === 'ID') {
      // withinDivision: a plain ID argument.
      where[field] = raw
      continue
    }
    const filterType = schema.inputs[meta.type] ?? {}
    const operator = suffix ?? (Array.isArray(raw) ? 'in' : meta.type === 'StringFilter' ? 'contains' : 'equals')
    const operand = filterType[operator]
    if (!operand) continue
    const value = coerce(schema, operand, raw)
    if (isEmpty(value)) continue
    where[field] = { ...(where[field] as Json | undefined), [operator]: value }
  }
  return { where: Object.keys(where).length ? where : undefined, search }
}

/** `plannedBeds` → `PLANNED_BEDS` when the type can be sorted by it. */
export function toOrderBy(
  schema: HubSchema,
  api: ResourceApi,
  sort: { field: string; order: string } | undefined,
): Json[] | undefined {
  if (!sort?.field) return undefined
  const field = sort.field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()
  if (!schema.enums[`${api.type}OrderField`]?.includes(field)) return undefined
  return [{ field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' }]
}

/** Which copy a read takes (governance/reading.ts): the working copy when both are left out. */
export const READING_VARIABLES = '$view: RecordView, $asOf: DateTime'
const READING_ARGS = 'view: $view, asOf: $asOf'

export function listQuery(schema: HubSchema, api: ResourceApi, depth: Depth = 'list') {
  return `query List($first: Int, $offset: Int, $where: ${api.type}Where, $orderBy: [${api.type}OrderBy!], $search: String, ${READING_VARIABLES}) {
  list: ${api.resource}(first: $first, offset: $offset, where: $where, orderBy: $orderBy, search: $search, ${READING_ARGS}) {
    totalCount nodes ${selection(schema, api, depth)}
  }
}`
}

export function oneQuery(schema: HubSchema, api: ResourceApi) {
  return `query One($id: ID!, ${READING_VARIABLES}) { node(id: $id, ${READING_ARGS}) { __typename ... on ${api.type} ${selection(schema, api, 'one')} } }`
}

export function manyQuery(schema: HubSchema, api: ResourceApi, depth: Depth = 'list') {
  return `query Many($ids: [ID!]!, ${READING_VARIABLES}) { nodes(ids: $ids, ${READING_ARGS}) { __typename ... on ${api.type} ${selection(schema, api, depth)} } }`
}

export function createMutation(schema: HubSchema, api: ResourceApi) {
  return `mutation Create($input: ${api.type}CreateInput!, $reason: String) { record: create${api.type}(input: $input, reason: $reason) ${selection(schema, api, 'one')} }`
}

export function updateMutation(schema: HubSchema, api: ResourceApi) {
  return `mutation Update($id: ID!, $version: Int!, $input: ${api.type}UpdateInput!, $reason: String) {
  record: update${api.type}(id: $id, version: $version, input: $input, reason: $reason) ${selection(schema, api, 'one')}
}`
}

export function deleteMutation(api: ResourceApi) {
  return `mutation Delete($id: ID!, $version: Int!, $reason: String) { record: delete${api.type}(id: $id, version: $version, reason: $reason) { id version } }`
}

/** Several deletes in one request, one alias each, each at the version the list showed. */
export function deleteManyMutation(api: ResourceApi, count: number) {
  const variables = [...Array.from({ length: count }, (_, i) => `$id${i}: ID!, $v${i}: Int!`), '$reason: String'].join(
    ', ',
  )
  const fields = Array.from(
    { length: count },
    (_, i) => `d${i}: delete${api.type}(id: $id${i}, version: $v${i}, reason: $reason) { id version }`,
  ).join(' ')
  return `mutation DeleteMany(${variables}) { ${fields} }`
}

/** The current versions of some records (for deletes from a list that did not load them). */
export function versionsQuery(api: ResourceApi) {
  return `query Versions($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on ${api.type} { id version } } }`
}

export const AUDIT_EVENT = 'id at actorKind actorName action changes reason version'

/** A record's audit trail, newest first. */
export function historyQuery(type: string) {
  return `query History($id: ID!) { node(id: $id) { __typename ... on ${type} { id version history { ${AUDIT_EVENT} } } } }`
}

/** Back from the trash, or (with toVersion) back to an earlier version. */
export function restoreMutation(type: string) {
  return `mutation Restore($id: ID!, $version: Int!, $toVersion: Int, $reason: String) {
  record: restore${type}(id: $id, version: $version, toVersion: $toVersion, reason: $reason) { id version }
}`
}

export function purgeMutation(type: string) {
  return `mutation Purge($id: ID!, $version: Int!, $reason: String) { purged: purge${type}(id: $id, version: $version, reason: $reason) }`
}
