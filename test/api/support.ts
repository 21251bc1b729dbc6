// Small helpers the API suites share: finding seeded records by their natural keys and reading errors.
import { createHash, randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import type { GraphQLResponse, TestHub } from '../setup/hub.ts'

/** Global ID of the division with this GB/T 2260 code. */
export async function divisionId(t: TestHub, code: string): Promise<string> {
  const data = await t.data(
    `query ($code: String!) { divisions(where: { code: { equals: $code } }) { nodes { id } } }`,
    {
      code,
    },
  )
  const id = data.divisions.nodes[0]?.id
  if (!id) throw new Error(`No division has the code ${code}`)
  return id
}

/** Global ID of the one record of `plural` with this exact Chinese name. */
export async function idByName(t: TestHub, plural: string, nameZh: string): Promise<string> {
  const data = await t.data(
    `query ($name: String!) { ${plural}(where: { nameZh: { equals: $name } }) { nodes { id } } }`,
    {
      name: nameZh,
    },
  )
  const nodes = data[plural].nodes as { id: string }[]
  if (nodes.length !== 1) throw new Error(`Expected one ${plural} named ${nameZh}, found ${nodes.length}`)
  return (nodes[0] as { id: string }).id
}

/** Global IDs of the seeded records the scenarios refer to. */
export interface SeededRefs {
  /** 镇雄县 (530627) */
  zhenxiong: string
  /** 鲁甸县 (530621) */
  ludian: string
  /** 昭通市 (530600) */
  city: string
  /** 卯家湾易地扶贫搬迁安置区 */
  maojiawan: string
  /** 呢噜坪易地扶贫搬迁安置区 */
  niluping: string
  /** 雨露社区 (the Community record) */
  yulu: string
  /** 镇雄县纺织服装产业园 */
  textilePark: string
}

export async function seededRefs(t: TestHub): Promise<SeededRefs> {
  const [zhenxiong, ludian, city, maojiawan, niluping, yulu, textilePark] = await Promise.all([
    divisionId(t, '530627'),
    divisionId(t, '530621'),
    divisionId(t, '530600'),
    idByName(t, 'settlements', '卯家湾易地扶贫搬迁安置区'),
    idByName(t, 'settlements', '呢噜坪易地扶贫搬迁安置区'),
    idByName(t, 'communities', '雨露社区'),
    idByName(t, 'industrialParks', '镇雄县纺织服装产业园'),
  ])
  return { zhenxiong, ludian, city, maojiawan, niluping, yulu, textilePark } as SeededRefs
}

/** The one error of a response, failing the test when there is not exactly one. */
export function onlyError(result: GraphQLResponse) {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1)
  return (result.errors as NonNullable<GraphQLResponse['errors']>)[0] as NonNullable<GraphQLResponse['errors']>[number]
}

export interface FieldError {
  field: string
  code: string
  message: string
}

/** `extensions.fieldErrors` of the one error, by field. */
export function fieldErrorsOf(result: GraphQLResponse): Record<string, FieldError> {
  const error = onlyError(result)
  expect(error.extensions?.code).toBe('BAD_USER_INPUT')
  const list = (error.extensions?.fieldErrors ?? []) as FieldError[]
  return Object.fromEntries(list.map((e) => [e.field, e]))
}

/** Text containing Chinese characters. */
export const CHINESE = /[\u4e00-\u9fff]/

/** Chinese names of the nodes of a connection, sorted, for comparing sets of records. */
export function sortedNames(connection: { nodes: { nameZh: string }[] }) {
  return connection.nodes.map((node) => node.nameZh).sort()
}

/**
 * A new operator of this role, signed in: the cookie of a session made straight in the database
 * (many at once, without the sign-in throttle the sessions suite tests).
 */
export async function sessionOfNewOperator(t: TestHub, username: string, role: 'EDITOR' | 'REVIEWER'): Promise<string> {
  const prisma = t.hub.database.prisma
  const user = await prisma.user.create({ data: { username, role, passwordHash: 'not used: signed in below' } })
  const token = randomBytes(24).toString('base64url')
  await prisma.session.create({
    data: {
      id: createHash('sha256').update(token).digest('hex'),
      userId: user.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  })
  return `mh_session=${token}`
}
