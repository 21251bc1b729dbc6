// A record read by its ID is answered by one SQL statement returning the response's JSON
// (server/src/records/compiled-reads.ts); callers must not be able to tell: every field it compiles,
// of every family, for every kind of caller, answers exactly as the executor does. The executor's
// answer is had by sending the same document with an `@include(if: true)`, which the compiler
// leaves alone.
import { allFamilies, type Family } from '@minsheng/server/records'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'

let t: TestHub
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

const COMPILED_KINDS = new Set(['text', 'textList', 'int', 'decimal', 'date', 'enum'])
const CITATIONS = 'citations { id __typename field statedAs qualifier quote source { id nameZh } }'

/** Every field the compiler answers on a family's type, its relations and citations included. */
async function selectionOf(f: Family): Promise<string> {
  const { __type } = await t.data<{
    __type: { fields: { name: string; type: { name: string; ofType?: { name: string } } }[] }
  }>(`query Type($name: String!) { __type(name: $name) { fields { name type { name ofType { name } } } } }`, {
    name: f.typename,
  })
  const exposed = new Set(__type.fields.map((field) => field.name))
  const scalars = Object.entries(f.fields)
    .filter(([, spec]) => COMPILED_KINDS.has(spec.kind))
    .map(([name]) => name)
  const relations = Object.values(f.fields).flatMap((spec) =>
    spec.kind === 'ref' && exposed.has(spec.relation) ? [`${spec.relation} { id __typename nameZh }`] : [],
  )
  const listsCitations = __type.fields.some(
    (field) => field.name === 'citations' && field.type.ofType?.name !== undefined,
  )
  return [
    'id __typename',
    ...scalars,
    'createdAt updatedAt version deletedAt',
    ...relations,
    ...(listsCitations && f.typename !== 'Source' && f.typename !== 'Indicator' ? [CITATIONS] : []),
  ].join(' ')
}

// The same length either way, so that errors point at the same columns.
const documentOf = (f: Family, selection: string, forceExecutor = false) =>
  `query Read($id: ID!) { node(id: $id) { id ${forceExecutor ? '@include(if: true)' : ' '.repeat(18)} ... on ${f.typename} { ${selection} } } }`

/** A response without what differs from request to request. */
const withoutRequestIds = (response: object) =>
  JSON.parse(JSON.stringify(response, (key, value) => (key === 'requestId' ? undefined : value)))

/** The statements a request sent, and its response. */
async function answered(caller: Parameters<TestHub['gqlAs']>[0], query: string, variables: Record<string, unknown>) {
  const statements: string[] = []
  const stop = t.hub.database.onStatement(({ query: sql }) => void statements.push(sql))
  try {
    return { response: await t.gqlAs(caller, query, variables), statements }
  } finally {
    stop()
  }
}

const isCompiled = (sql: string) => sql.startsWith('SELECT json_build_object(')

async function compare(caller: Parameters<TestHub['gqlAs']>[0], f: Family, selection: string, id: string) {
  const compiled = await answered(caller, documentOf(f, selection), { id })
  const executed = await answered(caller, documentOf(f, selection, true), { id })
  expect(executed.statements.some(isCompiled)).toBe(false)
  expect(withoutRequestIds(compiled.response)).toEqual(withoutRequestIds(executed.response))
  return compiled
}

/** Global IDs of some live records of a family: the first, the last, and some with citations. */
async function idsOf(f: Family): Promise<string[]> {
  const model = (t.hub.database.prisma as unknown as Record<string, any>)[f.delegate]
  const first = await model.findMany({
    where: { deletedAt: null },
    orderBy: { id: 'asc' },
    take: 2,
    select: { id: true },
  })
  const last = await model.findMany({
    where: { deletedAt: null },
    orderBy: { id: 'desc' },
    take: 2,
    select: { id: true },
  })
  const cited = await t.hub.database.prisma.citation
    .findMany({
      where: { [`${f.delegate}Id`]: { not: null } },
      take: 2,
      select: { [`${f.delegate}Id`]: true },
    })
    .catch(() => [])
  const ids = new Set<number>([
    ...first.map((row: { id: number }) => row.id),
    ...last.map((row: { id: number }) => row.id),
    ...cited.map((row: Record<string, number>) => row[`${f.delegate}Id`] as number),
  ])
  return [...ids].map((id) => Buffer.from(`${f.typename}:${id}`).toString('base64'))
}

describe('record reads by ID compiled to one statement', () => {
  it('answers every compiled field of every family as the executor does, in one statement', async () => {
    const families = allFamilies()
    expect(families.length).toBeGreaterThanOrEqual(8)
    for (const f of families) {
      const selection = await selectionOf(f)
      for (const id of await idsOf(f)) {
        const { response, statements } = await compare('admin', f, selection, id)
        expect(response.errors, `${f.typename} ${id}`).toBeUndefined()
        expect((response.data?.node as { id?: string } | null)?.id, `${f.typename} ${id}`).toBe(id)
        // Besides who is signed in, one statement: the compiled one (had it failed, the executor's
        // would have followed it).
        const reads = statements.filter((sql) => !sql.includes('FROM "public"."Session"'))
        expect(reads.length, `${f.typename} ${id}: ${reads.join('\n')}`).toBe(1)
        expect(isCompiled(reads[0] ?? ''), f.typename).toBe(true)
      }
    }
  })

  it('keeps restricted fields null for a key without the restricted scope, and refuses callers who may not read', async () => {
    const hospitals = allFamilies().find((f) => f.typename === 'Hospital') as Family
    const [id] = await idsOf(hospitals)
    await t.hub.database.prisma.hospital.update({
      where: {
        id: Number(
          Buffer.from(id as string, 'base64')
            .toString()
            .split(':')[1],
        ),
      },
      data: { contactPhone: '0870-2222222' },
    })
    const selection = 'nameZh contactPhone division { nameZh }'
    const created = await t.data<{ createApiKey: { secret: string } }>(
      'mutation Key($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'compiled reads', scopes: ['read'] } },
    )
    const key = { bearer: created.createApiKey.secret }
    const asKey = await compare(key, hospitals, selection, id as string)
    expect(asKey.response.data?.node).toMatchObject({ contactPhone: null })
    const asAdmin = await compare('admin', hospitals, selection, id as string)
    expect(asAdmin.response.data?.node).toMatchObject({ contactPhone: '0870-2222222' })
    // Anonymous callers may not read records here (PUBLIC_READ off): the executor answers.
    const anonymous = await compare('anonymous', hospitals, selection, id as string)
    expect(anonymous.statements.some(isCompiled)).toBe(false)
    expect(anonymous.response.errors?.[0]?.extensions?.code).toBeDefined()
  })

  it('finds no record in the trash, nor one of another type, and leaves what it cannot compile to the executor', async () => {
    const schools = allFamilies().find((f) => f.typename === 'School') as Family
    const [id] = await idsOf(schools)
    const databaseId = Number(
      Buffer.from(id as string, 'base64')
        .toString()
        .split(':')[1],
    )
    await t.hub.database.prisma.school.update({ where: { id: databaseId }, data: { deletedAt: new Date() } })
    const trashed = await compare('admin', schools, 'nameZh', id as string)
    expect(trashed.response.data).toEqual({ node: null })
    expect(trashed.statements.filter(isCompiled)).toHaveLength(1)

    // An ID of a family without a fragment in the document, and a computed field: the executor's.
    const hospitals = allFamilies().find((f) => f.typename === 'Hospital') as Family
    const [hospital] = await idsOf(hospitals)
    const other = await compare('admin', schools, 'nameZh', hospital as string)
    expect(other.response.data).toEqual({ node: { id: hospital } })
    expect(other.statements.some(isCompiled)).toBe(false)
    const computed = await compare('admin', hospitals, 'nameZh canEdit', hospital as string)
    expect(computed.response.data?.node).toMatchObject({ canEdit: true })
    expect(computed.statements.some(isCompiled)).toBe(false)
  })
})
