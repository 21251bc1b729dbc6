// The API's other refusals in the caller's language (error-language.test.ts has those of a write):
// signing in and keys, permissions, IDs that name no record of the type, filters, pages of the
// quality list, partner keys and their trusted operations, accounts, period locks, imports and
// versions. A Chinese caller reads them in Chinese, naming a type of record as the console does;
// everyone else reads them in English as before; the extensions are the same in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Caller, type GraphQLResponse, startTestHub, type TestHub } from '../setup/hub.ts'
import { describeInEveryLanguage, type LanguageCase, languages } from './scenarios/languages.ts'
import { type Input, scenarioOf } from './scenarios/records.ts'
import { type SeededRefs, seededRefs } from './support.ts'

let t: TestHub
let refs: SeededRefs
/** A partner key that reads everything. */
let key: string
/** The secret a key had before it was rotated with no overlap (refused with KEY_ROTATED). */
let rotatedSecret: string
/** The secret of a key bound to one trusted operation. */
let boundSecret: string
/** The test admin's own account, and its version. */
let admin: { id: string; version: number }
/** A hospital at version 1. */
let hospital: string
/** A county whose only dependent is an operator scoped to it. */
let staffedCounty: string

const globalId = (typename: string, id: number) => Buffer.from(`${typename}:${id}`).toString('base64')

beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
  const created = await t.data(
    `mutation { createApiKey(input: { name: "语言测试密钥", scopes: ["read"] }) { apiKey { id } secret } }`,
  )
  key = created.createApiKey.apiKey.id
  const rotated = await t.data(
    `mutation { createApiKey(input: { name: "轮换测试密钥", scopes: ["read"] }) { apiKey { id } secret } }`,
  )
  rotatedSecret = rotated.createApiKey.secret
  await t.data(`mutation ($id: ID!) { rotateApiKey(id: $id, overlapHours: 0) { secret } }`, {
    id: rotated.createApiKey.apiKey.id,
  })

  const bound = await t.data(
    `mutation { createApiKey(input: { name: "受信测试密钥", scopes: ["read"] }) { apiKey { id } secret } }`,
  )
  boundSecret = bound.createApiKey.secret
  await t.data(
    `mutation ($id: ID!) { registerTrustedOperations(apiKeyId: $id, document: "query Seats { schools { totalCount } }") { hash } }`,
    { id: bound.createApiKey.apiKey.id },
  )

  const users = await t.data(`{ users { id username version } }`)
  admin = (users.users as { id: string; username: string; version: number }[]).find(
    (u) => u.username === 'test-admin',
  ) as { id: string; version: number }

  const created2 = await t.data(`mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`, {
    input: { ...scenarioOf('Hospital').create(refs), nameZh: '语言测试医院二' } as Input,
  })
  hospital = created2.createHospital.id

  const county = await t.data(
    `mutation ($parent: ID!) { createDivision(input: { nameZh: "语言测试县", level: COUNTY, parentId: $parent }) { id } }`,
    { parent: refs.city },
  )
  staffedCounty = county.createDivision.id
  await t.data(
    `mutation ($division: ID!) {
      createUser(input: { username: "lang-test-scoped", password: "long enough password", role: EDITOR, divisionId: $division }) { id }
    }`,
    { division: staffedCounty },
  )
})
afterAll(() => t?.close())

interface Refusal extends LanguageCase {
  /** The test admin unless said; a function for a caller known only once the suite has started. */
  caller?: Caller | (() => Caller)
  /** Headers of the request besides its language (an Authorization header). */
  headers?: Record<string, string>
  query: string
  variables?: () => Record<string, unknown>
  /** A request t.gqlAs cannot make, in place of it. */
  send?: (headers: Record<string, string>) => Promise<GraphQLResponse>
}

const notADivision = { en: 'Not the ID of a Division', zh: '不是有效的行政区划记录 ID' }
const hospitals = `query ($where: HospitalWhere) { hospitals(where: $where) { totalCount } }`
const quality = `query ($where: QualityIssueWhere, $first: Int, $last: Int, $after: String) {
  dataQualityIssues(where: $where, first: $first, last: $last, after: $after) { totalCount }
}`

const refusals: Refusal[] = [
  {
    name: 'UNAUTHENTICATED: a list read by someone not signed in',
    caller: 'anonymous',
    query: `{ hospitals { totalCount } }`,
    code: 'UNAUTHENTICATED',
    en: () => 'Sign in or send an API key (Authorization: Bearer …) to use the hub.',
    zh: () => '请先登录，或发送 API 密钥（Authorization: Bearer …），再使用本系统。',
  },
  {
    name: 'UNAUTHENTICATED: the schema explored by someone not signed in',
    caller: 'anonymous',
    query: `{ __schema { queryType { name } } }`,
    code: 'UNAUTHENTICATED',
    en: () => 'Sign in or send an API key to explore the schema.',
    zh: () => '请先登录或发送 API 密钥，再查看接口结构（schema）。',
  },
  {
    name: 'UNAUTHENTICATED: an Authorization header that is not a bearer key',
    caller: 'anonymous',
    headers: { authorization: 'Basic dXNlcjpwYXNz' },
    query: `{ hospitals { totalCount } }`,
    code: 'UNAUTHENTICATED',
    en: () => 'The Authorization header must be "Bearer <key>".',
    zh: () => '请求头 Authorization 须为“Bearer <密钥>”。',
  },
  {
    name: 'UNAUTHENTICATED: a key the hub does not know',
    caller: { bearer: 'mh_not_a_key_of_this_hub' },
    query: `{ hospitals { totalCount } }`,
    code: 'UNAUTHENTICATED',
    en: () => 'This API key is not valid (unknown, revoked or expired).',
    zh: () => '该 API 密钥无效（不存在、已吊销或已过期）。',
  },
  {
    name: 'KEY_ROTATED: the old secret of a key rotated without overlap',
    caller: () => ({ bearer: rotatedSecret }),
    query: `{ hospitals { totalCount } }`,
    code: 'KEY_ROTATED',
    en: () => 'This API key was rotated and its overlap has ended: use the new secret.',
    zh: () => '该 API 密钥已轮换，旧密钥的过渡期已结束：请使用新密钥。',
  },
  {
    name: 'TRUSTED_OPERATIONS_ONLY: a key bound to trusted operations sending a query of its own',
    caller: () => ({ bearer: boundSecret }),
    query: `{ schools { totalCount } }`,
    code: 'TRUSTED_OPERATIONS_ONLY',
    en: () => 'This key may run only its trusted operations, by hash (extensions.persistedQuery.sha256Hash).',
    zh: () => '该密钥只能运行已登记的受信操作，请按摘要发送（extensions.persistedQuery.sha256Hash）。',
  },
  {
    name: 'PERSISTED_QUERY_NOT_FOUND: a hash no trusted operation has',
    query: '',
    send: async (headers) => {
      const response = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${boundSecret}`, ...headers },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
      })
      return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) }
    },
    code: 'PERSISTED_QUERY_NOT_FOUND',
    en: () => 'No trusted operation you may run has this hash.',
    zh: () => '没有您可运行的、摘要与此相同的受信操作。',
  },
  {
    name: 'FORBIDDEN: a viewer creating a record',
    caller: 'viewer',
    query: `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`,
    variables: () => ({ input: { ...scenarioOf('Hospital').create(refs), nameZh: '观察员的医院' } }),
    code: 'FORBIDDEN',
    en: () => 'You are not allowed to do this.',
    zh: () => '您没有权限进行此操作。',
  },
  {
    name: 'NOT_FOUND: a key revoked by the ID of another type of record',
    query: `mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`,
    variables: () => ({ id: hospital }),
    code: 'NOT_FOUND',
    en: () => 'No such key.',
    zh: () => '找不到该 API 密钥。',
  },
  {
    name: 'NOT_FOUND: a key rotated that does not exist',
    query: `mutation ($id: ID!) { rotateApiKey(id: $id, overlapHours: 1) { secret } }`,
    variables: () => ({ id: globalId('ApiKey', 999999) }),
    code: 'NOT_FOUND',
    en: () => 'No such key.',
    zh: () => '找不到该 API 密钥。',
  },
  {
    name: 'NOT_FOUND: operations registered for a key that does not exist',
    query: `mutation ($id: ID!) { registerTrustedOperations(apiKeyId: $id, document: "query A { hospitals { totalCount } }") { hash } }`,
    variables: () => ({ id: globalId('ApiKey', 999999) }),
    code: 'NOT_FOUND',
    en: () => 'No such key.',
    zh: () => '找不到该 API 密钥。',
  },
  {
    name: 'NOT_FOUND: an operation removed from a key that does not exist',
    query: `mutation ($id: ID!) { removeTrustedOperation(apiKeyId: $id, hash: "abc") }`,
    variables: () => ({ id: globalId('ApiKey', 999999) }),
    code: 'NOT_FOUND',
    en: () => 'No such key.',
    zh: () => '找不到该 API 密钥。',
  },
  {
    name: 'BAD_USER_INPUT: a key with no name and a scope the hub does not know',
    query: `mutation { createApiKey(input: { name: " ", scopes: ["write"] }) { secret } }`,
    code: 'BAD_USER_INPUT',
    en: () => 'Invalid input',
    zh: () => '输入有误',
    fieldMessages: {
      en: ['Unknown scope write', '1–100 characters'],
      zh: ['未知的权限范围 write', '须为 1–100 个字符'],
    },
  },
  {
    name: 'BAD_USER_INPUT: a rotation whose overlap is out of range',
    query: `mutation ($id: ID!) { rotateApiKey(id: $id, overlapHours: -1) { secret } }`,
    variables: () => ({ id: key }),
    code: 'BAD_USER_INPUT',
    en: () => 'Invalid input',
    zh: () => '输入有误',
  },
  {
    name: 'BAD_USER_INPUT: a key’s use asked for days the wrong way round',
    query: `query ($id: ID!) { node(id: $id) { ... on ApiKey { usage(from: "2026-03-02", to: "2026-03-01") { day } } } }`,
    variables: () => ({ id: key }),
    code: 'BAD_USER_INPUT',
    en: () => 'Invalid range',
    zh: () => '日期范围有误',
    fieldMessages: { en: ['1 – 400 days, from ≤ to'], zh: ['须为 1 – 400 天，且 from 不晚于 to'] },
  },
  {
    name: 'BAD_USER_INPUT: a mutation registered as a trusted operation',
    query: `mutation ($id: ID!) { registerTrustedOperations(apiKeyId: $id, document: "mutation M { logout }") { hash } }`,
    variables: () => ({ id: key }),
    code: 'BAD_USER_INPUT',
    en: () =>
      'The operations cannot be registered: Partner keys only read: register queries (or subscriptions), not mutations.',
    zh: () => '无法登记这些操作：合作方密钥只能读取数据，请登记查询（或订阅），不能登记变更（mutation）。',
    fieldMessages: {
      en: ['Partner keys only read: register queries (or subscriptions), not mutations.'],
      zh: ['合作方密钥只能读取数据，请登记查询（或订阅），不能登记变更（mutation）。'],
    },
  },
  {
    name: 'BAD_USER_INPUT: an account scoped to something that is not a division',
    query: `mutation ($division: ID!) {
      createUser(input: { username: "lang-test-user", password: "long enough password", role: EDITOR, divisionId: $division }) { id }
    }`,
    variables: () => ({ division: refs.maojiawan }),
    code: 'BAD_USER_INPUT',
    en: () => 'divisionId: not the ID of a Division',
    zh: () => 'divisionId：不是有效的行政区划记录 ID',
    fieldMessages: { en: [notADivision.en], zh: [notADivision.zh] },
  },
  {
    name: 'BAD_USER_INPUT: an admin disabling their own account',
    query: `mutation ($id: ID!, $version: Int!) { updateUser(id: $id, version: $version, input: { disabled: true }) { id } }`,
    variables: () => ({ id: admin.id, version: admin.version }),
    code: 'BAD_USER_INPUT',
    en: () => 'You cannot disable yourself or give up your own admin role.',
    zh: () => '不能停用自己的账号，也不能取消自己的管理员角色。',
  },
  {
    name: 'BAD_USER_INPUT: a period lock for a year out of range, in something that is not a division',
    query: `mutation ($division: ID!) { lockPeriod(input: { year: 1900, divisionId: $division }) { id } }`,
    variables: () => ({ division: refs.maojiawan }),
    code: 'BAD_USER_INPUT',
    en: () => 'Invalid input',
    zh: () => '输入有误',
    fieldMessages: { en: ['1949 – 2100', notADivision.en], zh: ['1949 – 2100', notADivision.zh] },
  },
  {
    name: 'BAD_USER_INPUT: a filter on the ID with the ID of another type of record',
    query: hospitals,
    variables: () => ({ where: { id: { equals: refs.maojiawan } } }),
    code: 'BAD_USER_INPUT',
    en: () => 'id: not the ID of a Hospital',
    zh: () => 'id：不是有效的医院记录 ID',
    fieldMessages: { en: ['Not the ID of a Hospital'], zh: ['不是有效的医院记录 ID'] },
  },
  {
    name: 'BAD_USER_INPUT: a filter on a reference with the ID of another type of record',
    query: hospitals,
    variables: () => ({ where: { divisionId: { in: [refs.maojiawan] } } }),
    code: 'BAD_USER_INPUT',
    en: () => 'divisionId: not the ID of a Division',
    zh: () => 'divisionId：不是有效的行政区划记录 ID',
    fieldMessages: { en: [notADivision.en], zh: [notADivision.zh] },
  },
  {
    name: 'BAD_USER_INPUT: withinDivision given something that is not a division',
    query: hospitals,
    variables: () => ({ where: { withinDivision: refs.maojiawan } }),
    code: 'BAD_USER_INPUT',
    en: () => 'withinDivision: not the ID of a Division',
    zh: () => 'withinDivision：不是有效的行政区划记录 ID',
    fieldMessages: { en: [notADivision.en], zh: [notADivision.zh] },
  },
  {
    name: 'BAD_USER_INPUT: withinBounds with its edges the wrong way round',
    query: hospitals,
    variables: () => ({ where: { withinBounds: { south: 28, north: 27, west: 103, east: 104 } } }),
    code: 'BAD_USER_INPUT',
    en: () => 'withinBounds: south must not exceed north, nor west east.',
    zh: () => 'withinBounds：south 不能大于 north，west 也不能大于 east。',
    fieldMessages: { en: ['south ≤ north and west ≤ east'], zh: ['须 south ≤ north 且 west ≤ east'] },
  },
  {
    name: 'BAD_USER_INPUT: quality issues within something that is not a division',
    query: quality,
    variables: () => ({ where: { division: refs.maojiawan } }),
    code: 'BAD_USER_INPUT',
    en: () => 'division: not the ID of a Division',
    zh: () => 'division：不是有效的行政区划记录 ID',
    fieldMessages: { en: [notADivision.en], zh: [notADivision.zh] },
  },
  {
    name: 'BAD_USER_INPUT: quality issues after a cursor of another list',
    query: quality,
    variables: () => ({ after: 'bm90LWEtY3Vyc29y' }),
    code: 'BAD_USER_INPUT',
    en: () => 'after: not a cursor of this list',
    zh: () => 'after：不是该列表的游标',
    fieldMessages: { en: ['Not a cursor of this list'], zh: ['不是该列表的游标'] },
  },
  {
    name: 'BAD_USER_INPUT: quality issues asked for with first and last',
    query: quality,
    variables: () => ({ first: 5, last: 5 }),
    code: 'BAD_USER_INPUT',
    en: () => '`first` and `last` cannot be combined.',
    zh: () => 'first 与 last 不能同时使用。',
    fieldMessages: { en: ['`first` and `last` cannot be combined.'], zh: ['first 与 last 不能同时使用。'] },
  },
  {
    name: 'BAD_USER_INPUT: a page of quality issues larger than the largest',
    query: quality,
    variables: () => ({ first: 500 }),
    code: 'BAD_USER_INPUT',
    en: () => 'From 0 to 200.',
    zh: () => '须在 0 到 200 之间。',
    fieldMessages: { en: ['From 0 to 200.'], zh: ['须在 0 到 200 之间。'] },
  },
  {
    name: 'BAD_USER_INPUT: a record restored to a version it never had',
    query: `mutation ($id: ID!) { restoreHospital(id: $id, version: 1, toVersion: 99) { id } }`,
    variables: () => ({ id: hospital }),
    code: 'BAD_USER_INPUT',
    en: () => 'Version 99 is not in the history of this Hospital.',
    zh: () => '该医院的历史中没有第 99 版。',
    fieldMessages: { en: ['No such version'], zh: ['没有这个版本'] },
  },
  {
    name: 'BAD_USER_INPUT: a park supporting something that is not a settlement',
    query: `mutation ($input: IndustrialParkCreateInput!) { createIndustrialPark(input: $input) { id } }`,
    variables: () => ({
      input: {
        ...scenarioOf('IndustrialPark').create(refs),
        nameZh: '语言测试产业园',
        supportedSettlementIds: [hospital],
      },
    }),
    code: 'BAD_USER_INPUT',
    en: () => 'Invalid input: supportedSettlementIds',
    zh: () => '输入有误：supportedSettlementIds',
    fieldMessages: { en: ['Not the ID of a Settlement'], zh: ['不是有效的安置区记录 ID'] },
  },
  {
    name: 'HAS_DEPENDENTS: a county an operator is scoped to, to the trash',
    query: `mutation ($id: ID!) { deleteDivision(id: $id, version: 1) { id } }`,
    variables: () => ({ id: staffedCounty }),
    code: 'HAS_DEPENDENTS',
    en: () => '1 User record(s) still belong to this Division; move or delete them first.',
    zh: () => '仍有 1 条用户记录属于该行政区划，请先移动或删除它们。',
  },
]

function send(refusal: Refusal, language: Record<string, string>) {
  if (refusal.send) return refusal.send(language)
  const caller = typeof refusal.caller === 'function' ? refusal.caller() : (refusal.caller ?? 'admin')
  return t.gqlAs(caller, refusal.query, refusal.variables?.() ?? {}, { ...refusal.headers, ...language })
}

describeInEveryLanguage(refusals, send)

// An import reports each row's problems instead of refusing: the report is in the caller's language.
describe('an import row with a column the records do not have', () => {
  const report = async (language: Record<string, string>) => {
    const result = await t.gqlAs(
      'admin',
      `mutation ($rows: [JSON!]!) { importRecords(recordType: Hospital, rows: $rows) { errors { row field code message } } }`,
      { rows: [{ ...scenarioOf('Hospital').create(refs), nameZh: '导入语言测试医院', beds: 5 }] },
      language,
    )
    expect(result.errors).toBeUndefined()
    return result.data?.importRecords.errors
  }

  it('is reported in Chinese to a Chinese caller and in English to the others', async () => {
    expect(await report(languages.zh)).toEqual([
      { row: 1, field: 'beds', code: 'unknown_field', message: '未识别的列 beds' },
    ])
    for (const language of [languages.en, languages.none]) {
      expect(await report(language)).toEqual([
        { row: 1, field: 'beds', code: 'unknown_field', message: 'Unknown column beds' },
      ])
    }
  })
})
