// The refusals of a write in the caller's language: NOT_FOUND, CONFLICT, ALREADY_EXISTS,
// REFERENCE_NOT_FOUND, HAS_DEPENDENTS and a value the database's checks refuse answer a Chinese
// caller in Chinese, naming the kind of record as the console does, and everyone else in English as
// before; the extensions (what partners and the console read) are the same in both languages.
import { afterAll, beforeAll } from 'vitest'
import { type Caller, startTestHub, type TestHub } from '../setup/hub.ts'
import { describeInEveryLanguage, type LanguageCase } from './scenarios/languages.ts'
import { type Input, scenarioOf } from './scenarios/records.ts'
import { type SeededRefs, seededRefs } from './support.ts'

let t: TestHub
let refs: SeededRefs
/** A hospital at version 2, changed by the test admin. */
let hospital: string
/** A settlement in the trash whose community is in the trash too (it still refers to the settlement). */
let trashedSettlement: string
/** The test viewer's account, at version 2. */
let viewer: string

const globalId = (typename: string, id: number) => Buffer.from(`${typename}:${id}`).toString('base64')

beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
  const created = await t.data(`mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`, {
    input: { ...scenarioOf('Hospital').create(refs), nameZh: '语言测试医院' } as Input,
  })
  hospital = created.createHospital.id
  await t.data(`mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { openBeds: 12 }) { id } }`, {
    id: hospital,
  })

  const settlement = await t.data(
    `mutation ($input: SettlementCreateInput!) { createSettlement(input: $input) { id } }`,
    { input: { ...scenarioOf('Settlement').create(refs), nameZh: '语言测试安置区' } },
  )
  trashedSettlement = settlement.createSettlement.id
  const community = await t.data(`mutation ($input: CommunityCreateInput!) { createCommunity(input: $input) { id } }`, {
    input: { ...scenarioOf('Community').create(refs), nameZh: '语言测试社区', settlementId: trashedSettlement },
  })
  await t.data(`mutation ($id: ID!) { deleteCommunity(id: $id, version: 1) { id } }`, {
    id: community.createCommunity.id,
  })
  await t.data(`mutation ($id: ID!) { deleteSettlement(id: $id, version: 1) { id } }`, { id: trashedSettlement })

  const users = await t.data(`{ users { id username } }`)
  viewer = (users.users as { id: string; username: string }[]).find((u) => u.username === 'test-viewer')?.id as string
  await t.data(`mutation ($id: ID!) { updateUser(id: $id, version: 1, input: { displayName: "观察员" }) { id } }`, {
    id: viewer,
  })

  // No input reaches a check constraint past the API's own validation: one added to this suite's copy
  // of the database stands for a rule only the database knows.
  await t.hub.database.prisma.$executeRawUnsafe(
    `ALTER TABLE "Hospital" ADD CONSTRAINT "Hospital_language_test" CHECK ("openBeds" <> 4242)`,
  )
})
afterAll(() => t?.close())

interface Refusal extends LanguageCase {
  caller?: Caller
  query: string
  variables: () => Record<string, unknown>
}

const updateHospital = `mutation ($id: ID!, $version: Int!, $input: HospitalUpdateInput!) {
  updateHospital(id: $id, version: $version, input: $input) { id }
}`
const updateUser = `mutation ($id: ID!, $version: Int!) { updateUser(id: $id, version: $version, input: { displayName: "x" }) { id } }`

const refusals: Refusal[] = [
  {
    name: 'NOT_FOUND: a record with an unknown ID',
    query: updateHospital,
    variables: () => ({ id: globalId('Hospital', 999999), version: 1, input: { openBeds: 1 } }),
    code: 'NOT_FOUND',
    en: ({ id }) => `No Hospital has the ID ${id}.`,
    zh: ({ id }) => `找不到 ID 为 ${id} 的医院。`,
  },
  {
    name: 'NOT_FOUND: the ID of another type of record',
    query: updateHospital,
    variables: () => ({ id: refs.maojiawan, version: 1, input: { openBeds: 1 } }),
    code: 'NOT_FOUND',
    en: ({ id }) => `No Hospital has the ID ${id}.`,
    zh: ({ id }) => `找不到 ID 为 ${id} 的医院。`,
  },
  {
    name: 'NOT_FOUND: an account that does not exist',
    query: updateUser,
    variables: () => ({ id: globalId('User', 99999999), version: 1 }),
    code: 'NOT_FOUND',
    en: ({ id }) => `No User has the ID ${id}.`,
    zh: ({ id }) => `找不到 ID 为 ${id} 的用户。`,
  },
  {
    name: 'NOT_FOUND: a key the database does not have',
    query: `mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`,
    variables: () => ({ id: globalId('ApiKey', 999999) }),
    code: 'NOT_FOUND',
    en: () => 'The ApiKey does not exist.',
    zh: () => '该API 密钥不存在。',
  },
  {
    name: 'CONFLICT: a stale version of a record, naming who changed it',
    query: updateHospital,
    variables: () => ({ id: hospital, version: 1, input: { openBeds: 1 } }),
    code: 'CONFLICT',
    en: ({ changedBy }) =>
      `This Hospital was changed by ${changedBy} since you loaded it (version 2, you had 1). Reload it and apply your change again.`,
    zh: ({ changedBy }) =>
      `该医院在您打开后已被 ${changedBy} 修改（现为第 2 版，您打开的是第 1 版），请重新加载后再修改。`,
  },
  {
    name: 'CONFLICT: a stale version of an account',
    query: updateUser,
    variables: () => ({ id: viewer, version: 1 }),
    code: 'CONFLICT',
    en: () =>
      'This User was changed since you loaded it (version 2, you had 1). Reload it and apply your change again.',
    zh: () => '该用户在您打开后已被修改（现为第 2 版，您打开的是第 1 版），请重新加载后再修改。',
  },
  {
    name: 'ALREADY_EXISTS: a division code in use',
    query: `mutation ($parent: ID!) {
      createDivision(input: { nameZh: "重复编码", level: TOWNSHIP, code: "530627", parentId: $parent }) { id }
    }`,
    variables: () => ({ parent: refs.zhenxiong }),
    code: 'ALREADY_EXISTS',
    en: () => 'Another Division already has this value (code).',
    zh: () => '已有其他行政区划使用该值（code）。',
    fieldMessages: { en: ['Another record already has this value.'], zh: ['已有其他记录使用该值。'] },
  },
  {
    name: 'ALREADY_EXISTS: a username in use',
    query: `mutation { createUser(input: { username: "test-viewer", password: "long enough password", role: VIEWER }) { id } }`,
    variables: () => ({}),
    code: 'ALREADY_EXISTS',
    en: () => 'Another User already has this value (username).',
    zh: () => '已有其他用户使用该值（username）。',
    fieldMessages: { en: ['Another record already has this value.'], zh: ['已有其他记录使用该值。'] },
  },
  {
    name: 'REFERENCE_NOT_FOUND: a division that does not exist',
    query: `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`,
    variables: () => ({
      input: {
        ...scenarioOf('Hospital').create(refs),
        nameZh: '引用测试医院',
        divisionId: globalId('Division', 999999),
      },
    }),
    code: 'REFERENCE_NOT_FOUND',
    // The column on PGlite; Prisma's refusal on PostgreSQL does not name it.
    en: () => /^A record this Hospital refers to does not exist( \(divisionId\))?\.$/,
    zh: () => /^该医院引用的记录不存在(（divisionId）)?。$/,
  },
  {
    name: 'HAS_DEPENDENTS: a purge the database refuses (a community in the trash still refers to it)',
    query: `mutation ($id: ID!) { purgeSettlement(id: $id, version: 2) }`,
    variables: () => ({ id: trashedSettlement }),
    code: 'HAS_DEPENDENTS',
    en: () => 'This Settlement still has records that belong to it; move or delete them first.',
    zh: () => '仍有记录属于该安置区，请先移动或删除它们。',
  },
  {
    name: 'HAS_DEPENDENTS: a settlement with a live community, to the trash',
    query: `mutation ($id: ID!) { deleteSettlement(id: $id, version: 1) { id } }`,
    variables: () => ({ id: refs.maojiawan }),
    code: 'HAS_DEPENDENTS',
    en: () => '1 Community record(s) still belong to this Settlement; move or delete them first.',
    zh: () => '仍有 1 条安置社区记录属于该安置区，请先移动或删除它们。',
  },
  {
    name: 'BAD_USER_INPUT: a value a check constraint of the database refuses',
    query: updateHospital,
    variables: () => ({ id: hospital, version: 2, input: { openBeds: 4242 } }),
    code: 'BAD_USER_INPUT',
    en: () => 'The database refused a value of this Hospital (Hospital_language_test).',
    zh: () => '该医院有一个值未通过数据库的检查（Hospital_language_test）。',
  },
]

function send(refusal: Refusal, headers: Record<string, string>) {
  return t.gqlAs(refusal.caller ?? 'admin', refusal.query, refusal.variables(), headers)
}

describeInEveryLanguage(refusals, send)
