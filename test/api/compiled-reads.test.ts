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
  // Partner keys' use is written every few seconds (and pruned hourly, the first time at the first
  // write): written now, so that a tick landing during the request is not counted as the request's.
  await t.hub.flushUsage()
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

/** The list's document, and the same with the executor forced (the same length, for error columns). */
const listDocumentOf = (f: Family, selection: string, forceExecutor = false) =>
  `query List($first: Int, $after: String, $offset: Int, $search: String, $orderBy: [${f.typename}OrderBy!], $where: ${f.typename}Where) { ${f.options.plural}(first: $first, after: $after, offset: $offset, search: $search, orderBy: $orderBy, where: $where) { totalCount ${forceExecutor ? '@include(if: true)' : ' '.repeat(18)} __typename nodes { ${selection} } } }`

async function compareLists(
  caller: Parameters<TestHub['gqlAs']>[0],
  f: Family,
  selection: string,
  variables: Record<string, unknown>,
) {
  const compiled = await answered(caller, listDocumentOf(f, selection), variables)
  const executed = await answered(caller, listDocumentOf(f, selection, true), variables)
  expect(executed.statements.some(isCompiled)).toBe(false)
  expect(withoutRequestIds(compiled.response), JSON.stringify(variables)).toEqual(withoutRequestIds(executed.response))
  return compiled
}

/** The global ID of a county of the seed. */
async function aCounty(): Promise<string> {
  const { divisions } = await t.data<{ divisions: { nodes: { id: string }[] } }>(
    '{ divisions(where: {level: {equals: COUNTY}}, first: 1) { nodes { id } } }',
  )
  return divisions.nodes[0]?.id as string
}

const compiledOnly = (statements: string[]) => statements.filter((sql) => !sql.includes('FROM "public"."Session"'))

describe('pages of the root lists compiled to one statement', () => {
  it('answers pages of every family as the executor does: sizes, offsets, cursors, search, order, filters', async () => {
    for (const f of allFamilies()) {
      const selection = await selectionOf(f)
      const { [f.options.plural]: firstPage } = await t.data<
        Record<string, { pageInfo: { endCursor: string | null }; nodes: { nameZh: string }[] }>
      >(`{ ${f.options.plural}(first: 2, orderBy: [{field: NAME_ZH}]) { pageInfo { endCursor } nodes { nameZh } } }`)
      const name = firstPage?.nodes[0]?.nameZh ?? '昭'
      const pages: Record<string, unknown>[] = [
        {},
        { first: 3 },
        { first: 0 },
        { first: 2, offset: 3 },
        { first: 3, orderBy: [{ field: 'NAME_ZH' }], after: firstPage?.pageInfo.endCursor ?? null },
        { first: 4, orderBy: [{ field: 'NAME_ZH', direction: 'DESC' }] },
        { first: 3, search: name.slice(0, 1) },
        { first: 3, where: { nameZh: { contains: name.slice(1, 2) } } },
        {
          first: 3,
          where: { OR: [{ nameZh: { startsWith: name.slice(0, 1) } }, { updatedAt: { gt: '2020-01-01T00:00:00Z' } }] },
        },
        // Within a county (sent unnamed, planned for its values: withinDivision).
        ...(f.within === 'none' ? [] : [{ first: 3, where: { withinDivision: await aCounty() } }]),
        // Instants, dates and decimals as parameters (where-sql.ts sends them as text, cast in the statement).
        { first: 3, where: { updatedAt: { lte: new Date(Date.now() + 60_000).toISOString() } } },
        ...Object.entries(f.fields).flatMap(([field, spec]): Record<string, unknown>[] => {
          if (spec.kind === 'decimal') return [{ first: 3, where: { [field]: { gte: '0.5', lt: '100000000.25' } } }]
          if (spec.kind === 'date') return [{ first: 3, where: { [field]: { gte: '1990-01-01', lte: '2099-12-31' } } }]
          return []
        }),
      ]
      for (const variables of pages) {
        const { response, statements } = await compareLists('admin', f, selection, variables)
        expect(response.errors, `${f.typename} ${JSON.stringify(variables)}`).toBeUndefined()
        const reads = compiledOnly(statements)
        expect(reads.length, `${f.typename} ${JSON.stringify(variables)}: ${reads.join('\n')}`).toBe(1)
        expect(isCompiled(reads[0] ?? ''), f.typename).toBe(true)
      }
    }
  })

  it('leaves refusals, pages read backwards and callers who may not read to the executor, with its answers', async () => {
    const careFacilities = allFamilies().find((f) => f.typename === 'CareFacility') as Family
    for (const variables of [{ first: 1000 }, { after: 'not a cursor' }, { first: 2, offset: -1 }]) {
      const { response, statements } = await compareLists('admin', careFacilities, 'nameZh', variables)
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
      expect(statements.some(isCompiled)).toBe(false)
    }
    const backwards = await answered('admin', `{ careFacilities(last: 2) { totalCount nodes { nameZh } } }`, {})
    expect(backwards.statements.some(isCompiled)).toBe(false)
    const anonymous = await compareLists('anonymous', careFacilities, 'nameZh', { first: 2 })
    expect(anonymous.statements.some(isCompiled)).toBe(false)
    const created = await t.data<{ createApiKey: { secret: string } }>(
      'mutation Key($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'compiled lists', scopes: ['read:Hospital'] } },
    )
    const hospitalsOnly = await compareLists({ bearer: created.createApiKey.secret }, careFacilities, 'nameZh', {
      first: 2,
    })
    expect(hospitalsOnly.statements.some(isCompiled)).toBe(false)
    expect(hospitalsOnly.response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})

describe("a compiled page's rows", () => {
  it('carry only the columns the answer and the order read, at every level', async () => {
    // PostgreSQL sorts a page's rows with every column they carry (compiled-objects.ts columnsReadFrom).
    const list = await answered(
      'admin',
      '{ careFacilities(first: 2, orderBy: [{field: NAME_ZH}]) { nodes { kind } } }',
      {},
    )
    const [read] = compiledOnly(list.statements)
    expect(read).not.toContain('SELECT *')
    expect(read).toMatch(/SELECT (t\d+)\."id", \1\."kind", \1\."nameZh" FROM "[a-z]+"\."CareFacility" \1 WHERE/)
    const tree = await answered(
      'admin',
      '{ divisions(first: 2) { nodes { nameZh settlements(first: 2) { nodes { relocatedPopulation } } } } }',
      {},
    )
    const [nested] = compiledOnly(tree.statements)
    expect(nested).not.toContain('SELECT *')
    expect(nested).toMatch(/SELECT (t\d+)\."id", \1\."relocatedPopulation" FROM "[a-z]+"\."Settlement" \1 WHERE/)
    expect(nested).toMatch(/SELECT (t\d+)\."id", \1\."nameZh" FROM "[a-z]+"\."Division" \1 WHERE/)
  })

  it('are sorted once, by the page that reads them, not again where they are aggregated', async () => {
    const sorts = (sql: string) => sql.split('ORDER BY').length - 1
    const list = await answered(
      'admin',
      '{ careFacilities(first: 3, orderBy: [{field: NAME_ZH}]) { nodes { nameZh } } }',
      {},
    )
    expect(sorts(compiledOnly(list.statements)[0] ?? '')).toBe(1)
    const tree = await answered(
      'admin',
      '{ divisions(first: 2) { nodes { nameZh settlements(first: 2) { nodes { nameZh } } } } }',
      {},
    )
    expect(sorts(compiledOnly(tree.statements)[0] ?? '')).toBe(2)
  })
})

describe('pages of related records inside the compiled statement', () => {
  const nested = (force: boolean, settlementsArgs = 'first: 2') =>
    `query Nested($after: String, $where: DivisionWhere) { divisions(where: $where, first: 4, after: $after) { totalCount ${force ? '@include(if: true)' : ' '.repeat(18)} nodes { nameZh settlements(${settlementsArgs}) { totalCount nodes { nameZh relocatedPopulation communities(first: 3, orderBy: [{field: NAME_ZH, direction: DESC}]) { __typename nodes { nameZh careFacilities(first: 2, where: {kind: {in: [ELDERLY_CANTEEN, NURSING_HOME, CHILDRENS_HOME]}}) { totalCount nodes { nameZh kind peopleServed } } } } } } } } }`

  it('answers a division tree as the executor does, each level paged and filtered as asked', async () => {
    // The divisions the seed's settlements are in, and the counties.
    const holding = await t.hub.database.prisma.settlement.findMany({ select: { divisionId: true } })
    const ids = [...new Set(holding.map((row) => Buffer.from(`Division:${row.divisionId}`).toString('base64')))]
    expect(ids.length).toBeGreaterThan(0)
    const { divisions } = await t.data<{ divisions: { pageInfo: { endCursor: string } } }>(
      '{ divisions(where: {level: {equals: COUNTY}}, first: 3) { pageInfo { endCursor } } }',
    )
    const pages = [
      { where: { id: { in: ids } } },
      { where: { level: { equals: 'COUNTY' } } },
      { where: { level: { equals: 'COUNTY' } }, after: divisions.pageInfo.endCursor },
    ]
    let settlementsSeen = 0
    for (const variables of pages) {
      const compiled = await answered('admin', nested(false), variables)
      const executed = await answered('admin', nested(true), variables)
      expect(executed.statements.some(isCompiled)).toBe(false)
      expect(withoutRequestIds(compiled.response)).toEqual(withoutRequestIds(executed.response))
      expect(compiled.response.errors).toBeUndefined()
      settlementsSeen += JSON.stringify(compiled.response.data).split('relocatedPopulation').length - 1
      expect(compiledOnly(compiled.statements)).toHaveLength(1)
      expect(isCompiled(compiledOnly(compiled.statements)[0] ?? '')).toBe(true)
    }
    expect(settlementsSeen).toBeGreaterThan(0)
  })

  it('leaves a nested page the list refuses, or one read backwards, to the executor', async () => {
    for (const args of ['first: 1000', 'last: 2']) {
      const compiled = await answered('admin', nested(false, args), {})
      const executed = await answered('admin', nested(true, args), {})
      expect(withoutRequestIds(compiled.response)).toEqual(withoutRequestIds(executed.response))
      expect(compiled.statements.some(isCompiled)).toBe(false)
    }
  })
})
