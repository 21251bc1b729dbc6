// Who may do what, for every record type and every operation the schema offers: the matrix is
// generated from the schema, so a new root field, mutation or nested list is checked (or fails the
// "every field is classified" tests) without anyone remembering to add it here.
import { randomBytes } from 'node:crypto'
import { schema } from '@minsheng/server/schema'
import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Caller, startTestHub, type TestHub } from '../setup/hub.ts'
import {
  adminOnly,
  CALLERS,
  type CallerName,
  createMatrixKeys,
  expectOutcome,
  matrixInput,
  type Outcome,
  readOutcome,
  storedRow,
  type Verb,
  writeOutcome,
} from './scenarios/permissions.ts'
import { type Input, scenarioOf } from './scenarios/records.ts'
import { divisionId, onlyError, type SeededRefs, seededRefs } from './support.ts'

let t: TestHub
let refs: SeededRefs
let callerOf: (name: CallerName) => Caller

beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
  callerOf = await createMatrixKeys(t)
  // One audited change, so that the audit trail is not empty for the readers who may list it.
  await t.data(`mutation ($input: CareFacilityCreateInput!) { createCareFacility(input: $input) { id } }`, {
    input: { ...scenarioOf('CareFacility').create(refs), nameZh: '权限矩阵食堂' },
  })
})
afterAll(() => t?.close())

/** Root query fields that are not lists of records, with who may use them and a selection. */
const operatorsOnly = (caller: CallerName): Outcome =>
  caller === 'anonymous' ? 'UNAUTHENTICATED' : caller === 'readKey' || caller === 'hospitalKey' ? 'FORBIDDEN' : 'ok'

const OTHER_QUERY_FIELDS: Record<string, { outcome: (caller: CallerName) => Outcome; selection: string } | null> = {
  users: { outcome: adminOnly, selection: '{ id }' },
  apiKeys: { outcome: adminOnly, selection: '{ id }' },
  trash: {
    outcome: (caller) =>
      caller === 'anonymous' ? 'UNAUTHENTICATED' : caller === 'admin' || caller === 'editor' ? 'ok' : 'FORBIDDEN',
    selection: '{ id }',
  },
  // Figures over every record type: for callers who may read them all.
  overview: {
    outcome: (caller) => (caller === 'anonymous' ? 'UNAUTHENTICATED' : caller === 'hospitalKey' ? 'FORBIDDEN' : 'ok'),
    selection: '{ __typename }',
  },
  // What is in review, and the locks on reporting periods: the operators' business.
  changeSets: { outcome: operatorsOnly, selection: '{ totalCount }' },
  auditEvents: { outcome: adminOnly, selection: '{ totalCount }' },
  periodLocks: { outcome: operatorsOnly, selection: '{ id }' },
  // What the data-quality rules find: the operators' worklist.
  dataQualityIssues: { outcome: operatorsOnly, selection: '{ totalCount }' },
  // The published change feed, authorised per type, field and division: partner-sync.test.ts.
  changes: null,
  // Checked by their own tests below.
  me: null,
  // Each operator's own (and shared) lists: saved-queries.test.ts.
  savedQueries: null,
  node: null,
  nodes: null,
}

// ——— The schema, walked ————————————————————————————————————————————————————————————

const queryFields = Object.values(schema.getQueryType()?.getFields() ?? {})
const mutationFields = Object.values(schema.getMutationType()?.getFields() ?? {})
const recordTypeEnum = schema.getType('RecordType')
const RECORD_TYPES = isEnumType(recordTypeEnum) ? recordTypeEnum.getValues().map((v) => v.name) : []

/** The type of the records a connection type holds (`HospitalConnection` → Hospital). */
function nodeTypeOf(field: GraphQLField<unknown, unknown>): string | undefined {
  const type = getNamedType(field.type)
  if (!isObjectType(type) || !type.name.endsWith('Connection')) return undefined
  const edges = type.getFields().edges
  const edge = edges && getNamedType(edges.type)
  return edge && isObjectType(edge) ? getNamedType(edge.getFields().node?.type)?.name : undefined
}

const rootConnections = queryFields
  .map((field) => ({ field: field.name, typename: nodeTypeOf(field) }))
  .filter(
    (c): c is { field: string; typename: string } => c.typename !== undefined && RECORD_TYPES.includes(c.typename),
  )
const aggregates = queryFields
  .filter((field) => field.name.endsWith('Aggregate'))
  .map((field) => {
    const list = rootConnections.find((c) => `${c.field}Aggregate` === field.name)
    return { field: field.name, typename: list?.typename ?? '?' }
  })

const VERBS: Verb[] = ['create', 'update', 'delete', 'restore', 'purge']
const RECORD_MUTATION = new RegExp(`^(${VERBS.join('|')})(${RECORD_TYPES.join('|')})$`)
const recordMutations = mutationFields.flatMap((field) => {
  const match = RECORD_MUTATION.exec(field.name)
  return match ? [{ field, verb: match[1] as Verb, typename: match[2] as string }] : []
})
/** Mutations on operator accounts and keys: admins only. Signing in and out: anyone. */
const ACCOUNT_MUTATIONS = ['createUser', 'updateUser', 'createApiKey', 'revokeApiKey']
const OPEN_MUTATIONS = ['login', 'logout']
/** Editors' bulk work (the console's import): editors and admins only; covered in import.test.ts too. */
const EDITOR_MUTATIONS = ['importRecords']
/** Any signed-in operator's own saved lists: covered in saved-queries.test.ts. */
const OPERATOR_MUTATIONS = ['saveQuery', 'deleteSavedQuery']
/** Editors' changes to citations, within their division: covered in citations.test.ts. */
const CITATION_MUTATIONS = ['updateCitation', 'deleteCitation']
/** Admins' further key work: checked role by role in key-rotation.test.ts and trusted-operations.test.ts. */
const KEY_MUTATIONS = ['rotateApiKey', 'registerTrustedOperations', 'removeTrustedOperation']
/** Review and reporting periods: checked role by role in test/api/governance/. */
const GOVERNANCE_MUTATIONS = [
  'createChangeSet',
  'submitChangeSet',
  'approveChangeSet',
  'rejectChangeSet',
  'withdrawChangeSet',
  'lockPeriod',
  'unlockPeriod',
]

const division = schema.getType('Division') as GraphQLObjectType
const divisionConnections = Object.values(division.getFields())
  .map((field) => ({ field: field.name, typename: nodeTypeOf(field) }))
  .filter((c): c is { field: string; typename: string } => c.typename !== undefined)

/** An operation calling `field` with its required arguments as variables, named as in the schema. */
function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, selection = '{ id }') {
  const required = field.args.filter((arg) => isNonNullType(arg.type))
  const params = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ')
  const select = isLeafType(getNamedType(field.type)) ? '' : selection
  return `${kind}${params ? ` (${params})` : ''} { ${field.name}${args ? `(${args})` : ''} ${select} }`
}

describe('the schema, as the matrix sees it', () => {
  it('has a list, an aggregate and all five changes for every record type', () => {
    expect(RECORD_TYPES.length).toBeGreaterThanOrEqual(10)
    for (const typename of RECORD_TYPES) {
      expect(rootConnections.map((c) => c.typename)).toContain(typename)
      expect(aggregates.map((a) => a.typename)).toContain(typename)
      const verbs = recordMutations.filter((m) => m.typename === typename).map((m) => m.verb)
      expect(verbs.sort(), typename).toEqual([...VERBS].sort())
    }
  })

  it('classifies every root query field and every mutation', () => {
    const classified = new Set([
      ...rootConnections.map((c) => c.field),
      ...aggregates.map((a) => a.field),
      ...Object.keys(OTHER_QUERY_FIELDS),
    ])
    expect(queryFields.map((f) => f.name).filter((name) => !classified.has(name))).toEqual([])
    const mutations = new Set([
      ...recordMutations.map((m) => m.field.name),
      ...ACCOUNT_MUTATIONS,
      ...OPEN_MUTATIONS,
      ...EDITOR_MUTATIONS,
      ...OPERATOR_MUTATIONS,
      ...CITATION_MUTATIONS,
      ...GOVERNANCE_MUTATIONS,
      ...KEY_MUTATIONS,
    ])
    expect(mutationFields.map((f) => f.name).filter((name) => !mutations.has(name))).toEqual([])
  })

  it('finds the nested lists of a division', () => {
    expect(divisionConnections.map((c) => c.typename)).toEqual(
      expect.arrayContaining(['Division', 'Settlement', 'Hospital', 'School', 'CareFacility']),
    )
  })
})

// ——— Reads ——————————————————————————————————————————————————————————————————————

describe.each(rootConnections)('root list $field ($typename)', ({ field, typename }) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const query = `{ ${field}(first: 1) { totalCount } }`
    const outcome = readOutcome(caller, typename)
    const result = await t.gqlAs(callerOf(caller), query)
    expectOutcome(result, outcome, `${caller} ${field}`)
    if (outcome === 'ok') {
      const all = await t.data(query)
      expect(all[field].totalCount).toBeGreaterThan(0)
      expect(result.data?.[field]).toEqual(all[field])
    } else {
      expect(result.data).toBeNull()
    }
  })
})

describe.each(aggregates)('aggregate $field ($typename)', ({ field, typename }) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const result = await t.gqlAs(callerOf(caller), `{ ${field} { count } }`)
    expectOutcome(result, readOutcome(caller, typename), `${caller} ${field}`)
    if (readOutcome(caller, typename) === 'ok') expect(result.data?.[field][0].count).toBeGreaterThan(0)
  })
})

describe.each(Object.entries(OTHER_QUERY_FIELDS).flatMap(([field, rule]) => (rule ? [{ field, ...rule }] : [])))(
  '$field',
  ({ field, outcome, selection }) => {
    it.each(CALLERS)('as %s', async (caller) => {
      const result = await t.gqlAs(callerOf(caller), `{ ${field} ${selection} }`)
      expectOutcome(result, outcome(caller), `${caller} ${field}`)
      if (outcome(caller) !== 'ok') expect(result.data).toBeNull()
    })
  },
)

describe('me', () => {
  it.each([
    ['admin', { username: 'test-admin' }],
    ['viewer', { username: 'test-viewer' }],
    ['readKey', null],
    ['anonymous', null],
  ] as const)('as %s', async (caller, me) => {
    const result = await t.gqlAs(callerOf(caller), '{ me { username } }')
    expect(result).toEqual({ status: 200, data: { me } })
  })
})

describe('node(id) of every record type', () => {
  const ids = new Map<string, { live: string; missing: string }>()

  beforeAll(async () => {
    for (const { field, typename } of rootConnections.filter((c) => RECORD_TYPES.includes(c.typename))) {
      const data = await t.data(
        `{ ${field}(first: 1, orderBy: [{ field: CREATED_AT, direction: DESC }]) { nodes { id } } }`,
      )
      const live = data[field].nodes[0].id as string
      ids.set(typename, { live, missing: Buffer.from(`${typename}:99999999`).toString('base64') })
    }
  })

  describe.each(RECORD_TYPES)('%s', (typename) => {
    it.each(CALLERS)('as %s: the record when readable, else null exactly as for a missing one', async (caller) => {
      const { live, missing } = ids.get(typename) as { live: string; missing: string }
      const query = `query ($id: ID!) { node(id: $id) { id } }`
      const found = await t.gqlAs(callerOf(caller), query, { id: live })
      const notFound = await t.gqlAs(callerOf(caller), query, { id: missing })
      const outcome = readOutcome(caller, typename)
      if (outcome === 'UNAUTHENTICATED') {
        expect(onlyError(found).extensions?.code).toBe('UNAUTHENTICATED')
        expect(onlyError(notFound).extensions?.code).toBe('UNAUTHENTICATED')
        return
      }
      expect(notFound).toEqual({ status: 200, data: { node: null } })
      expect(found).toEqual(outcome === 'ok' ? { status: 200, data: { node: { id: live } } } : notFound)
    })
  })

  it('nodes(ids) answers null in the places of records the caller may not read', async () => {
    const hospital = ids.get('Hospital')?.live
    const settlement = ids.get('Settlement')?.live
    const query = `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`
    const result = await t.gqlAs(callerOf('hospitalKey'), query, { ids: [settlement, hospital] })
    expect(result).toEqual({ status: 200, data: { nodes: [null, { id: hospital }] } })
    expect(await t.gqlAs(callerOf('readKey'), query, { ids: [settlement, hospital] })).toEqual({
      status: 200,
      data: { nodes: [{ id: settlement }, { id: hospital }] },
    })
  })
})

describe.each(divisionConnections)('nested Division.$field ($typename)', ({ field, typename }) => {
  /** 镇雄县's list, made non-empty first, so an empty answer can only mean refusal. */
  let all: { totalCount: number; nodes: { id: string }[] }
  const query = `query ($id: ID!) { node(id: $id) { ... on Division { ${field}(first: 3) { totalCount nodes { id } } } } }`

  beforeAll(async () => {
    const input = {
      ...inputOf(typename, 'nested'),
      [typename === 'Division' ? 'parentId' : 'divisionId']: refs.zhenxiong,
    }
    await t.data(`mutation ($input: ${typename}CreateInput!) { create${typename}(input: $input) { id } }`, { input })
    all = (await t.data(query, { id: refs.zhenxiong })).node[field]
    expect(all.totalCount).toBeGreaterThan(0)
  })

  it.each(CALLERS)('as %s: the list when readable, else an empty list', async (caller) => {
    const result = await t.gqlAs(callerOf(caller), query, { id: refs.zhenxiong })
    const outcome = readOutcome(caller, typename)
    if (outcome === 'UNAUTHENTICATED') {
      expect(onlyError(result).extensions?.code).toBe('UNAUTHENTICATED')
      return
    }
    const empty = { totalCount: 0, nodes: [] }
    expect(result).toEqual({ status: 200, data: { node: { [field]: outcome === 'ok' ? all : empty } } })
  })
})

describe('links to records the caller may not read', () => {
  it('read as null for a key that reads only the linking type', async () => {
    const secret = (
      await t.data(`mutation { createApiKey(input: { name: "links", scopes: ["read:CareFacility"] }) { secret } }`)
    ).createApiKey.secret as string
    const query = `{ careFacilities(first: 200) { nodes { id division { id } settlement { id } community { id } } } }`
    const asAdmin = (await t.data(query)).careFacilities.nodes as Record<string, unknown>[]
    // The facility created in beforeAll serves a settlement and a community.
    expect(asAdmin.filter((f) => f.settlement && f.community).length).toBeGreaterThan(0)
    const asKey = await t.gqlAs({ bearer: secret }, query)
    expect(asKey.errors).toBeUndefined()
    // Divisions are reference data every reader sees; settlements and communities are not in the key.
    expect(asKey.data?.careFacilities.nodes).toEqual(asAdmin.map((f) => ({ ...f, settlement: null, community: null })))
  })
})

// ——— Changes ———————————————————————————————————————————————————————————————————————

/** A valid create input of the type, unique where the type has unique fields. */
const inputOf = (typename: string, tag: string): Input => matrixInput(refs, typename, tag)
const stored = (typename: string, id: string) => storedRow(t, typename, id)

describe.each(RECORD_TYPES)('changes to %s', (typename) => {
  const mutation = (verb: Verb) => {
    const found = recordMutations.find((m) => m.typename === typename && m.verb === verb)
    if (!found) throw new Error(`no ${verb}${typename}`)
    return found.field
  }
  /** For each verb after create and each caller, a record of its own, in the state the verb needs. */
  const fixtures = new Map<string, string>()

  beforeAll(async () => {
    const wanted = VERBS.filter((verb) => verb !== 'create').flatMap((verb) => CALLERS.map((c) => `${verb}_${c}`))
    const params = wanted.map((name) => `$${name}: ${typename}CreateInput!`).join(', ')
    const fields = wanted.map((name) => `${name}: create${typename}(input: $${name}) { id }`).join('\n')
    const inputs = Object.fromEntries(wanted.map((name) => [name, inputOf(typename, name)]))
    const created = await t.data(`mutation (${params}) { ${fields} }`, inputs)
    for (const name of wanted) fixtures.set(name, created[name].id)
    const trashed = wanted.filter((name) => name.startsWith('restore_') || name.startsWith('purge_'))
    const deletes = trashed.map((name, i) => `d${i}: delete${typename}(id: "${fixtures.get(name)}", version: 1) { id }`)
    await t.data(`mutation { ${deletes.join('\n')} }`)
  })

  it.each(CALLERS)('create as %s', async (caller) => {
    const input = inputOf(typename, caller)
    const result = await t.gqlAs(callerOf(caller), operationFor('mutation', mutation('create')), { input })
    const outcome = writeOutcome(caller, 'create')
    expectOutcome(result, outcome, `${caller} create${typename}`)
    const plural = rootConnections.find((c) => c.typename === typename)?.field
    const written = await t.data(
      `query ($name: String!) { ${plural}(where: { nameZh: { equals: $name } }) { totalCount } }`,
      {
        name: input.nameZh,
      },
    )
    expect(written[plural as string].totalCount).toBe(outcome === 'ok' ? 1 : 0)
  })

  it.each(CALLERS)('update as %s', async (caller) => {
    const id = fixtures.get(`update_${caller}`) as string
    const input = { nameEn: `changed by ${caller}` }
    const result = await t.gqlAs(callerOf(caller), operationFor('mutation', mutation('update')), {
      id,
      version: 1,
      input,
    })
    const outcome = writeOutcome(caller, 'update')
    expectOutcome(result, outcome, `${caller} update${typename}`)
    expect(await stored(typename, id)).toMatchObject(
      outcome === 'ok' ? { version: 2, nameEn: input.nameEn } : { version: 1, deletedAt: null },
    )
  })

  it.each(CALLERS)('delete as %s', async (caller) => {
    const id = fixtures.get(`delete_${caller}`) as string
    const result = await t.gqlAs(callerOf(caller), operationFor('mutation', mutation('delete')), { id, version: 1 })
    const outcome = writeOutcome(caller, 'delete')
    expectOutcome(result, outcome, `${caller} delete${typename}`)
    const row = await stored(typename, id)
    if (outcome === 'ok') expect(row?.deletedAt).toBeInstanceOf(Date)
    else expect(row).toMatchObject({ version: 1, deletedAt: null })
  })

  it.each(CALLERS)('restore as %s', async (caller) => {
    const id = fixtures.get(`restore_${caller}`) as string
    const result = await t.gqlAs(callerOf(caller), operationFor('mutation', mutation('restore')), { id, version: 2 })
    const outcome = writeOutcome(caller, 'restore')
    expectOutcome(result, outcome, `${caller} restore${typename}`)
    const row = await stored(typename, id)
    if (outcome === 'ok') expect(row).toMatchObject({ version: 3, deletedAt: null })
    else expect(row).toMatchObject({ version: 2, deletedAt: expect.any(Date) })
  })

  it.each(CALLERS)('purge as %s', async (caller) => {
    const id = fixtures.get(`purge_${caller}`) as string
    const result = await t.gqlAs(callerOf(caller), operationFor('mutation', mutation('purge')), { id, version: 2 })
    const outcome = writeOutcome(caller, 'purge')
    expectOutcome(result, outcome, `${caller} purge${typename}`)
    if (outcome === 'ok') expect(result.data?.[`purge${typename}`]).toBe(true)
    const row = await stored(typename, id)
    if (outcome === 'ok') expect(row).toBeNull()
    else expect(row).toMatchObject({ version: 2, deletedAt: expect.any(Date) })
  })
})

describe.each(ACCOUNT_MUTATIONS)('%s', (name) => {
  const field = mutationFields.find((f) => f.name === name) as GraphQLField<unknown, unknown>
  const variablesFor = async (caller: CallerName): Promise<Record<string, unknown>> => {
    const suffix = `${caller}-${randomBytes(3).toString('hex')}`
    if (name === 'createUser') {
      return { input: { username: `matrix-${suffix}`, password: 'long enough password', role: 'VIEWER' } }
    }
    if (name === 'createApiKey') return { input: { name: `matrix ${suffix}`, scopes: ['read'] } }
    if (name === 'updateUser') {
      const user = await t.data(`mutation ($input: UserInput!) { createUser(input: $input) { id } }`, {
        input: { username: `target-${suffix}`, password: 'long enough password', role: 'VIEWER' },
      })
      return { id: user.createUser.id, version: 1, input: { displayName: `renamed by ${caller}` } }
    }
    const key = await t.data(
      `mutation { createApiKey(input: { name: "target ${suffix}", scopes: ["read"] }) { apiKey { id } } }`,
    )
    return { id: key.createApiKey.apiKey.id }
  }

  it.each(CALLERS)('as %s', async (caller) => {
    const selection = name === 'createApiKey' ? '{ secret }' : '{ id }'
    const result = await t.gqlAs(
      callerOf(caller),
      operationFor('mutation', field, selection),
      await variablesFor(caller),
    )
    expectOutcome(result, adminOnly(caller), `${caller} ${name}`)
    if (adminOnly(caller) !== 'ok') expect(result.data).toBeNull()
  })
})

// ——— An editor scoped to 镇雄县 ————————————————————————————————————————————————————————————

describe('an editor scoped to 镇雄县', () => {
  let suijiang: string
  const editor: Caller = 'zhenxiongEditor'
  const createHospital = `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id version } }`
  const updateHospital = `mutation ($id: ID!, $version: Int!, $input: HospitalUpdateInput!) {
    updateHospital(id: $id, version: $version, input: $input) { id version division { id } }
  }`
  const hospitalIn = (divisionId: string, tag: string): Input => ({ ...inputOf('Hospital', tag), divisionId })

  beforeAll(async () => {
    suijiang = await divisionId(t, '530626')
  })

  it('creates and updates a hospital and a settlement in 镇雄县', async () => {
    const created = await t.gqlAs(editor, createHospital, { input: hospitalIn(refs.zhenxiong, 'scoped') })
    expect(created.errors).toBeUndefined()
    const id = created.data?.createHospital.id
    const updated = await t.gqlAs(editor, updateHospital, { id, version: 1, input: { openBeds: 10 } })
    expect(updated).toEqual({
      status: 200,
      data: { updateHospital: { id, version: 2, division: { id: refs.zhenxiong } } },
    })
    const settlement = await t.gqlAs(
      editor,
      `mutation ($input: SettlementCreateInput!) { createSettlement(input: $input) { id } }`,
      { input: { ...inputOf('Settlement', 'scoped'), divisionId: refs.zhenxiong } },
    )
    expect(settlement.errors).toBeUndefined()
    const changed = await t.gqlAs(
      editor,
      `mutation ($id: ID!) { updateSettlement(id: $id, version: 1, input: { households: 99 }) { households version } }`,
      { id: settlement.data?.createSettlement.id },
    )
    expect(changed).toEqual({ status: 200, data: { updateSettlement: { households: 99, version: 2 } } })
  })

  it('changes records in a township beneath 镇雄县', async () => {
    const town = await t.data(
      `mutation ($parent: ID!) { createDivision(input: { nameZh: "矩阵测试镇", level: TOWNSHIP, parentId: $parent }) { id } }`,
      { parent: refs.zhenxiong },
    )
    const created = await t.data(createHospital, { input: hospitalIn(town.createDivision.id, 'township') })
    const result = await t.gqlAs(editor, updateHospital, {
      id: created.createHospital.id,
      version: 1,
      input: { openBeds: 5 },
    })
    expect(result.errors).toBeUndefined()
    expect(result.data?.updateHospital.version).toBe(2)
  })

  it('is refused (FORBIDDEN) a hospital in 绥江县, which stays as it was', async () => {
    const created = await t.data(createHospital, { input: hospitalIn(suijiang, 'suijiang') })
    const id = created.createHospital.id
    const update = await t.gqlAs(editor, updateHospital, { id, version: 1, input: { openBeds: 1 } })
    expect(onlyError(update).extensions?.code).toBe('FORBIDDEN')
    const remove = await t.gqlAs(editor, `mutation ($id: ID!) { deleteHospital(id: $id, version: 1) { id } }`, { id })
    expect(onlyError(remove).extensions?.code).toBe('FORBIDDEN')
    expect(await stored('Hospital', id)).toMatchObject({ version: 1, deletedAt: null })
  })

  it('is refused creating a hospital in 绥江县, and nothing is written', async () => {
    const input = hospitalIn(suijiang, 'create-suijiang')
    expect(onlyError(await t.gqlAs(editor, createHospital, { input })).extensions?.code).toBe('FORBIDDEN')
    const written = await t.data(
      `query ($name: String!) { hospitals(where: { nameZh: { equals: $name } }) { totalCount } }`,
      {
        name: input.nameZh,
      },
    )
    expect(written.hospitals.totalCount).toBe(0)
  })

  it('is refused moving a hospital out of 镇雄县', async () => {
    const created = await t.gqlAs(editor, createHospital, { input: hospitalIn(refs.zhenxiong, 'move') })
    const id = created.data?.createHospital.id
    const moved = await t.gqlAs(editor, updateHospital, { id, version: 1, input: { divisionId: suijiang } })
    expect(onlyError(moved).extensions?.code).toBe('FORBIDDEN')
    const after = await t.data(`query ($id: ID!) { node(id: $id) { ... on Hospital { version division { id } } } }`, {
      id,
    })
    expect(after.node).toEqual({ version: 1, division: { id: refs.zhenxiong } })
  })

  it('is refused changing 镇雄县 itself: its parent (which would drop it out of the city), or anything else', async () => {
    const { node: before } = await t.data(`query ($id: ID!) { node(id: $id) { ... on Division { version } } }`, {
      id: refs.zhenxiong,
    })
    const updateDivision = `mutation ($id: ID!, $version: Int!, $input: DivisionUpdateInput!) {
      updateDivision(id: $id, version: $version, input: $input) { id }
    }`
    for (const input of [{ parentId: null }, { nameEn: 'Renamed by its own scoped editor' }]) {
      const result = await t.gqlAs(editor, updateDivision, { id: refs.zhenxiong, version: before.version, input })
      expect(onlyError(result).extensions?.code, JSON.stringify(input)).toBe('FORBIDDEN')
    }
    const after = await t.data(
      `query ($id: ID!) { node(id: $id) { ... on Division { version canEdit parent { id } } } }`,
      { id: refs.zhenxiong },
    )
    expect(after.node).toEqual({ version: before.version, canEdit: true, parent: { id: refs.city } })
    const asScoped = await t.gqlAs(editor, `query ($id: ID!) { node(id: $id) { ... on Division { canEdit } } }`, {
      id: refs.zhenxiong,
    })
    expect(asScoped.data?.node).toEqual({ canEdit: false })
  })

  it('is refused moving a township of 镇雄县 out of it, and told it may edit it where it is', async () => {
    const town = await t.gqlAs(
      editor,
      `mutation ($parent: ID!) { createDivision(input: { nameZh: "矩阵迁出镇", level: TOWNSHIP, parentId: $parent }) { id version canEdit } }`,
      { parent: refs.zhenxiong },
    )
    expect(town.data?.createDivision).toMatchObject({ version: 1, canEdit: true })
    const moved = await t.gqlAs(
      editor,
      `mutation ($id: ID!, $to: ID!) { updateDivision(id: $id, version: 1, input: { parentId: $to }) { id } }`,
      { id: town.data?.createDivision.id, to: suijiang },
    )
    expect(onlyError(moved).extensions?.code).toBe('FORBIDDEN')
  })

  it('is told which records it may change (canEdit), record by record', async () => {
    const query = `query ($zx: ID!, $sj: ID!) {
      inside: hospitals(first: 1, where: { withinDivision: $zx }) { nodes { canEdit } }
      outside: hospitals(first: 1, where: { withinDivision: $sj }) { nodes { canEdit } }
      sources(first: 1) { nodes { canEdit } }
    }`
    await t.data(createHospital, { input: hospitalIn(suijiang, 'can-edit') })
    await t.data(createHospital, { input: hospitalIn(refs.zhenxiong, 'can-edit') })
    const scoped = await t.gqlAs(editor, query, { zx: refs.zhenxiong, sj: suijiang })
    expect(scoped.data).toEqual({
      inside: { nodes: [{ canEdit: true }] },
      outside: { nodes: [{ canEdit: false }] },
      sources: { nodes: [{ canEdit: false }] },
    })
    const viewer = await t.gqlAs('viewer', query, { zx: refs.zhenxiong, sj: suijiang })
    expect(viewer.data).toEqual({
      inside: { nodes: [{ canEdit: false }] },
      outside: { nodes: [{ canEdit: false }] },
      sources: { nodes: [{ canEdit: false }] },
    })
    expect((await t.data(query, { zx: refs.zhenxiong, sj: suijiang })).outside).toEqual({ nodes: [{ canEdit: true }] })
  })

  it('is refused records outside any division (sources)', async () => {
    const result = await t.gqlAs(
      editor,
      `mutation ($input: SourceCreateInput!) { createSource(input: $input) { id } }`,
      {
        input: inputOf('Source', 'scoped'),
      },
    )
    expect(onlyError(result).extensions?.code).toBe('FORBIDDEN')
  })
})

// ——— Introspection ——————————————————————————————————————————————————————————————————

describe('introspection', () => {
  const introspect = '{ __schema { queryType { name } } }'

  it('is refused to anonymous callers of a private hub (UNAUTHENTICATED)', async () => {
    const result = await t.gqlAs('anonymous', introspect)
    expect(onlyError(result).extensions?.code).toBe('UNAUTHENTICATED')
    expect(result.data).toBeUndefined()
  })

  it.each(['admin', 'viewer', 'readKey', 'hospitalKey'] as const)('is allowed to %s', async (caller) => {
    expect(await t.gqlAs(callerOf(caller), introspect)).toEqual({
      status: 200,
      data: { __schema: { queryType: { name: 'Query' } } },
    })
  })
})

// ——— PUBLIC_READ ———————————————————————————————————————————————————————————————————

describe('importRecords, for each caller', () => {
  it.each(CALLERS)('%s: editors and admins may import (a dry run here); nobody else', async (caller) => {
    const result = await t.gqlAs(
      callerOf(caller),
      `mutation { importRecords(recordType: Source, rows: [{ nameZh: "矩阵导入" }], dryRun: true) { created } }`,
    )
    expectOutcome(result, writeOutcome(caller, 'create'), `importRecords as ${caller}`)
  })
})

// Last in the file: the hub's database handle is one per process, so the second hub takes it over.
describe('a hub with PUBLIC_READ', () => {
  let publicHub: TestHub
  const anonymously = (query: string, variables?: Record<string, unknown>) =>
    publicHub.gqlAs('anonymous', query, variables)

  beforeAll(async () => {
    publicHub = await startTestHub({ config: { PUBLIC_READ: true } })
  })
  afterAll(() => publicHub?.close())

  it('lets anonymous callers read lists and records, restricted fields hidden', async () => {
    const result = await anonymously(
      `query ($id: ID!) {
      hospitals(first: 200) { totalCount nodes { contactPhone } }
      settlements { totalCount }
      node(id: $id) { id }
    }`,
      { id: refs.maojiawan },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data?.hospitals.totalCount).toBeGreaterThan(0)
    expect(result.data?.settlements.totalCount).toBeGreaterThan(0)
    expect(result.data?.hospitals.nodes.every((h: { contactPhone: unknown }) => h.contactPhone === null)).toBe(true)
    expect(result.data?.node).toEqual({ id: refs.maojiawan })
  })

  it('lets anonymous callers introspect the schema', async () => {
    const result = await anonymously('{ __schema { queryType { name } } }')
    expect(result).toEqual({ status: 200, data: { __schema: { queryType: { name: 'Query' } } } })
  })

  it.each(['createSource', 'updateHospital', 'deleteHospital', 'restoreHospital', 'purgeHospital'])(
    'refuses anonymous %s (UNAUTHENTICATED)',
    async (name) => {
      const field = mutationFields.find((f) => f.name === name) as GraphQLField<unknown, unknown>
      const hospital = (await anonymously('{ hospitals(first: 1) { nodes { id } } }')).data?.hospitals.nodes[0].id
      const variables =
        name === 'createSource' ? { input: inputOf('Source', 'public') } : { id: hospital, version: 1, input: {} }
      const result = await anonymously(operationFor('mutation', field), variables)
      expect(onlyError(result).extensions?.code).toBe('UNAUTHENTICATED')
    },
  )

  it('still keeps the audit trail, trash and history from anonymous callers', async () => {
    expect(onlyError(await anonymously('{ auditEvents { totalCount } }')).extensions?.code).toBe('UNAUTHENTICATED')
    expect(onlyError(await anonymously('{ trash { id } }')).extensions?.code).toBe('UNAUTHENTICATED')
    // A change by an operator of this hub, so there is a history to withhold.
    const changed = await publicHub.data(
      `mutation ($id: ID!) { updateSettlement(id: $id, version: 1, input: { households: 1 }) { history { action } } }`,
      { id: refs.maojiawan },
    )
    // Newest first: this change, then the seed's version 1.
    expect(changed).toEqual({ updateSettlement: { history: [{ action: 'UPDATE' }, { action: 'CREATE' }] } })
    const history = await anonymously(`query ($id: ID!) { node(id: $id) { ... on Settlement { history { id } } } }`, {
      id: refs.maojiawan,
    })
    expect(history).toEqual({ status: 200, data: { node: { history: [] } } })
  })
})
