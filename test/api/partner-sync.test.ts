// Incremental sync (增量同步): a partner follows the README's recipe — store the feed's head, pull
// every list with cursors, then apply `changes` — through a simulated week of edits, imports,
// trashes, restores, purges and concurrent writes, and ends with a copy equal to what the hub
// publishes. Also: the feed never skips or repeats, and is authorised like the lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeChangeCursor } from '../../server/src/rules/change-feed.ts'
import { type Caller, startTestHub, type TestHub } from '../setup/hub.ts'
import { scenarioOf } from './scenarios/records.ts'
import { fieldErrorsOf, onlyError, type SeededRefs, seededRefs } from './support.ts'

let t: TestHub
let refs: SeededRefs
let partner: string
beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
  const key = await t.data(
    `mutation { createApiKey(input: { name: "省平台", scopes: ["read", "restricted"] }) { secret } }`,
  )
  partner = key.createApiKey.secret
})
afterAll(() => t?.close())

const LISTS = [
  'divisions',
  'settlements',
  'communities',
  'industrialParks',
  'enterprises',
  'hospitals',
  'schools',
  'careFacilities',
  'indicators',
  'sources',
]
const TYPES = [
  'Division',
  'Settlement',
  'Community',
  'IndustrialPark',
  'Enterprise',
  'Hospital',
  'School',
  'CareFacility',
  'Indicator',
  'Source',
]

/** What the partner keeps of each record: the same selection in the full pull and in `changes`. */
const REPLICA_FRAGMENT = `fragment Replica on Node {
  id
  ${TYPES.map((type) => `... on ${type} { version updatedAt nameZh nameEn }`).join('\n  ')}
  ... on Hospital { plannedBeds openBeds contactPhone division { id } }
  ... on School { seats division { id } }
  ... on Division { code parent { id } }
}`

type Replica = Map<string, Record<string, unknown>>

async function ok(caller: Caller, query: string, variables?: Record<string, unknown>) {
  const result = await t.gqlAs(caller, query, variables)
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors, null, 2))
  return result.data as Record<string, any>
}

/** Every list, page by page with cursors, as the partner sees it. */
async function fullPull(caller: Caller, pageSize = 200): Promise<Replica> {
  const replica: Replica = new Map()
  for (const list of LISTS) {
    let after: string | null = null
    for (;;) {
      const data = await ok(
        caller,
        `query ($after: String) { ${list}(first: ${pageSize}, after: $after) { nodes { ...Replica } pageInfo { hasNextPage endCursor } } }
         ${REPLICA_FRAGMENT}`,
        { after },
      )
      for (const node of data[list].nodes) replica.set(node.id, node)
      if (!data[list].pageInfo.hasNextPage) break
      after = data[list].pageInfo.endCursor
    }
  }
  return replica
}

const CHANGES = `query ($after: String, $first: Int, $types: [RecordType!], $withinDivision: ID) {
  changes(after: $after, first: $first, types: $types, withinDivision: $withinDivision) {
    edges { cursor node { action recordType recordId version changedFields movedOut record { ...Replica } } }
    pageInfo { hasNextPage endCursor }
    nextCursor headCursor
  }
}
${REPLICA_FRAGMENT}`

interface Change {
  action: string
  recordType: string
  recordId: string
  version: number | null
  changedFields: string[]
  movedOut: boolean
  record: Record<string, unknown> | null
}

/** A partner's copy: the cursor it stores and the records it holds, and every change it applied. */
class Partner {
  records: Replica = new Map()
  cursor: string | null = null
  seen: number[] = []
  constructor(
    readonly caller: Caller,
    readonly filter: { types?: string[]; withinDivision?: string } = {},
  ) {}

  async head() {
    const data = await ok(this.caller, CHANGES, { first: 0, ...this.filter })
    return data.changes.headCursor as string
  }

  /** The recipe's nightly step: apply changes from the stored cursor until none follow. */
  async sync(pageSize = 50) {
    for (;;) {
      const data = await ok(this.caller, CHANGES, { after: this.cursor, first: pageSize, ...this.filter })
      for (const edge of data.changes.edges as { cursor: string; node: Change }[]) {
        this.seen.push(decodeChangeCursor(edge.cursor, 'en'))
        const change = edge.node
        if (change.record) this.records.set(change.recordId, change.record)
        else this.records.delete(change.recordId)
      }
      this.cursor = data.changes.nextCursor
      if (!data.changes.pageInfo.hasNextPage) return
    }
  }
}

const sorted = (replica: Replica) => Object.fromEntries([...replica.entries()].sort(([a], [b]) => a.localeCompare(b)))

// --- the week's work, by operators ---

const CREATE_SCHOOL = `mutation ($input: SchoolCreateInput!) { createSchool(input: $input) { id version } }`
const UPDATE_SCHOOL = `mutation ($id: ID!, $version: Int!, $input: SchoolUpdateInput!) { updateSchool(id: $id, version: $version, input: $input) { id version } }`
const DELETE_SCHOOL = `mutation ($id: ID!, $version: Int!) { deleteSchool(id: $id, version: $version) { id version } }`
const RESTORE_SCHOOL = `mutation ($id: ID!, $version: Int!) { restoreSchool(id: $id, version: $version) { id version } }`
const PURGE_SCHOOL = `mutation ($id: ID!, $version: Int!) { purgeSchool(id: $id, version: $version) }`
const IMPORT = `mutation ($type: RecordType!, $rows: [JSON!]!) {
  importRecords(recordType: $type, rows: $rows, dryRun: false) { applied created updated errors { row field message } }
}`

const school = (divisionId: string, nameZh: string, seats = 300) => ({
  nameZh,
  stage: 'PRIMARY',
  divisionId,
  seats,
  openedOn: '2021-09-01',
})

async function createSchool(divisionId: string, nameZh: string) {
  return (await ok('editor', CREATE_SCHOOL, { input: school(divisionId, nameZh) })).createSchool as {
    id: string
    version: number
  }
}

async function importSchools(rows: Record<string, unknown>[]) {
  const data = await ok('editor', IMPORT, { type: 'School', rows })
  expect(data.importRecords).toMatchObject({ applied: true, errors: [] })
}

describe('the sync recipe over a simulated week', () => {
  it('ends with a copy equal to what the hub publishes', async () => {
    const p = new Partner({ bearer: partner })
    // 1. Store where the feed stands, 2. pull every list (work goes on meanwhile), 3. changes.
    p.cursor = await p.head()
    const early = await createSchool(refs.zhenxiong, '同步周一新校')
    p.records = await fullPull({ bearer: partner }, 50)
    await ok('editor', UPDATE_SCHOOL, { id: early.id, version: early.version, input: { seats: 321 } })
    await p.sync(7)

    // Monday: new records and edits.
    const a = await createSchool(refs.ludian, '同步测试小学甲')
    const b = await createSchool(refs.zhenxiong, '同步测试小学乙')
    const hospital = await ok(
      'editor',
      `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id version } }`,
      {
        input: { ...scenarioOf('Hospital').create(refs), nameZh: '同步测试医院', contactPhone: '0870-1234567' },
      },
    )
    await p.sync(7)

    // Tuesday: an import of 60 schools, and an import that updates two of them.
    await importSchools(Array.from({ length: 60 }, (_, i) => school(refs.ludian, `同步导入学校${i + 1}`, 100 + i)))
    await p.sync(7)
    const imported = await ok(
      'editor',
      `{ schools(search: "同步导入学校", first: 2, orderBy: [{ field: NAME_ZH, direction: ASC }]) { nodes { id version } } }`,
    )
    await importSchools(
      imported.schools.nodes.map((row: { id: string; version: number }) => ({
        id: row.id,
        version: row.version,
        seats: 999,
      })),
    )

    // Wednesday: trash, edit, restore, a hospital's restricted field; no sync in between.
    const trashed = (await ok('editor', DELETE_SCHOOL, { id: a.id, version: a.version })).deleteSchool
    const bEdited = (await ok('editor', UPDATE_SCHOOL, { id: b.id, version: b.version, input: { seats: 500 } }))
      .updateSchool
    await ok('editor', RESTORE_SCHOOL, { id: a.id, version: trashed.version })
    await ok(
      'editor',
      `mutation ($id: ID!, $version: Int!) { updateHospital(id: $id, version: $version, input: { contactPhone: "0870-7654321", openBeds: 80 }) { version } }`,
      { id: hospital.createHospital.id, version: hospital.createHospital.version },
    )
    await p.sync(7)

    // Thursday: trash and purge; a division renamed.
    const gone = (await ok('editor', DELETE_SCHOOL, { id: bEdited.id, version: bEdited.version })).deleteSchool
    await ok('admin', PURGE_SCHOOL, { id: gone.id, version: gone.version })
    const county = await ok('editor', `query ($id: ID!) { node(id: $id) { ... on Division { version } } }`, {
      id: refs.ludian,
    })
    await ok(
      'editor',
      `mutation ($id: ID!, $version: Int!) { updateDivision(id: $id, version: $version, input: { nameEn: "Ludian County (synced)" }) { version } }`,
      { id: refs.ludian, version: county.node.version },
    )

    // Friday: created and trashed before the partner looks; created and purged, too.
    const brief = await createSchool(refs.ludian, '同步短命学校')
    await ok('editor', DELETE_SCHOOL, brief)
    const briefer = await createSchool(refs.ludian, '同步更短命学校')
    const briefTrashed = (await ok('editor', DELETE_SCHOOL, briefer)).deleteSchool
    await ok('admin', PURGE_SCHOOL, { id: briefer.id, version: briefTrashed.version })

    // The weekend: many writers at once (within what the test hub admits) while the partner pulls.
    const many = await ok('editor', `{ schools(search: "同步导入学校", first: 12) { nodes { id version } } }`)
    await Promise.all([
      ...many.schools.nodes.map((row: { id: string; version: number }, i: number) =>
        ok('editor', UPDATE_SCHOOL, { id: row.id, version: row.version, input: { seats: 2000 + i } }),
      ),
      p.sync(5),
    ])
    await p.sync(11)

    const hub = await fullPull({ bearer: partner })
    expect(p.records.size).toBe(hub.size)
    expect(sorted(p.records)).toEqual(sorted(hub))
    // Spot checks that the week's work is there.
    expect(p.records.has(b.id)).toBe(false)
    expect(p.records.get(a.id)).toMatchObject({ nameZh: '同步测试小学甲' })
    expect(p.records.get(hospital.createHospital.id)).toMatchObject({ contactPhone: '0870-7654321', openBeds: 80 })
    expect(p.records.get(refs.ludian)).toMatchObject({ nameEn: 'Ludian County (synced)' })

    // Never skipped, never repeated: exactly the log's entries after the first cursor, in order.
    const logged = await t.hub.database.prisma.publication.findMany({
      where: { seq: { gt: p.seen[0] as number } },
      select: { seq: true },
      orderBy: { seq: 'asc' },
    })
    expect(p.seen.slice(1)).toEqual(logged.map((row) => row.seq))
  })

  it('resumes from a stored cursor with nothing new: an empty page and the same place', async () => {
    const p = new Partner({ bearer: partner })
    p.cursor = await p.head()
    const data = await ok({ bearer: partner }, CHANGES, { after: p.cursor })
    expect(data.changes.edges).toEqual([])
    expect(data.changes.pageInfo.hasNextPage).toBe(false)
    expect(data.changes.nextCursor).toBe(p.cursor)
  })
})

describe('what each change says', () => {
  it('names the changed fields of an update, and tombstones carry the type and ID only', async () => {
    const p = new Partner({ bearer: partner })
    p.cursor = await p.head()
    const created = await createSchool(refs.ludian, '同步字段学校')
    const updated = (await ok('editor', UPDATE_SCHOOL, { ...created, input: { seats: 42, nameEn: 'Field School' } }))
      .updateSchool
    const trashed = (await ok('editor', DELETE_SCHOOL, updated)).deleteSchool
    await ok('admin', PURGE_SCHOOL, trashed)
    const data = await ok({ bearer: partner }, CHANGES, { after: p.cursor })
    const nodes = data.changes.edges.map((edge: { node: Change }) => edge.node)
    expect(nodes.map((n: Change) => [n.action, n.version])).toEqual([
      ['CREATE', 1],
      ['UPDATE', 2],
      ['DELETE', 3],
      ['PURGE', null],
    ])
    expect(nodes[1].changedFields.sort()).toEqual(['nameEn', 'seats'])
    expect(nodes[3]).toMatchObject({ recordType: 'School', recordId: created.id, changedFields: [], record: null })
  })
})

describe('who sees what', () => {
  it('gives a key only the types its scopes allow, and hides restricted fields and their names', async () => {
    const key = await t.data(
      `mutation { createApiKey(input: { name: "卫健委", scopes: ["read:Hospital"] }) { secret } }`,
    )
    const health: Caller = { bearer: key.createApiKey.secret }
    const p = new Partner(health)
    p.cursor = await p.head()
    await createSchool(refs.ludian, '卫健委看不到的学校')
    const created = await ok(
      'editor',
      `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id version } }`,
      {
        input: { ...scenarioOf('Hospital').create(refs), nameZh: '卫健委同步医院' },
      },
    )
    await ok(
      'editor',
      `mutation ($id: ID!, $version: Int!) { updateHospital(id: $id, version: $version, input: { contactPhone: "0870-1111111", openBeds: 12 }) { version } }`,
      created.createHospital,
    )
    const data = await ok(health, CHANGES, { after: p.cursor })
    const nodes = data.changes.edges.map((edge: { node: Change }) => edge.node)
    expect(nodes.map((n: Change) => n.recordType)).toEqual(['Hospital', 'Hospital'])
    expect(nodes[1].changedFields).toEqual(['openBeds'])
    expect(nodes[1].record).toMatchObject({ openBeds: 12, contactPhone: null })

    const refused = await t.gqlAs(health, CHANGES, { types: ['School'] })
    expect(onlyError(refused).extensions?.code).toBe('FORBIDDEN')
    const anonymous = await t.gqlAs('anonymous', CHANGES, {})
    expect(onlyError(anonymous).extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('shows a division-limited operator only their division, and says when a record moves out', async () => {
    const editor = new Partner('zhenxiongEditor')
    const following = new Partner({ bearer: partner }, { withinDivision: refs.zhenxiong })
    editor.cursor = await editor.head()
    following.cursor = editor.cursor
    const inside = await createSchool(refs.zhenxiong, '镇雄同步学校')
    await createSchool(refs.ludian, '鲁甸同步学校')
    const moved = (await ok('editor', UPDATE_SCHOOL, { ...inside, input: { divisionId: refs.ludian } })).updateSchool
    await ok('editor', UPDATE_SCHOOL, { ...moved, input: { seats: 77 } })
    for (const p of [editor, following]) {
      const data = await ok(p.caller, CHANGES, { after: p.cursor, ...p.filter })
      const nodes = data.changes.edges.map((edge: { node: Change }) => edge.node)
      expect(nodes.map((n: Change) => [n.action, n.recordId, n.movedOut, n.record === null])).toEqual([
        ['CREATE', inside.id, false, false],
        ['UPDATE', inside.id, true, true],
      ])
    }
  })

  it('refuses a cursor it did not issue and a page too large', async () => {
    const bad = await t.gqlAs({ bearer: partner }, CHANGES, { after: 'bm9wZQ' })
    expect(fieldErrorsOf(bad).after?.code).toBe('invalid_cursor')
    const big = await t.gqlAs({ bearer: partner }, CHANGES, { first: 501 })
    expect(fieldErrorsOf(big).first?.code).toBe('too_big')
    const division = await t.gqlAs({ bearer: partner }, CHANGES, { withinDivision: refs.maojiawan })
    expect(fieldErrorsOf(division).withinDivision?.code).toBe('invalid_id')
  })

  it('reads records from the published copy for operators too, and in few statements', async () => {
    const p = new Partner('admin')
    const statements = await t.countStatements(() => ok('admin', CHANGES, { first: 200 }))
    expect(statements).toBeLessThan(40)
    await p.sync(200)
    expect(p.records.size).toBeGreaterThan(0)
    const mixed = await t.gqlAs('admin', `{ changes(first: 1) { nextCursor } hospitals(view: WORKING) { totalCount } }`)
    expect(onlyError(mixed).extensions?.code).toBe('BAD_USER_INPUT')
  })
})

describe('GraphiQL’s example', () => {
  it('runs both of its operations, the incremental sync among them', async () => {
    const { EXAMPLE_OPERATION } = await import('../../server/src/example-operation.ts')
    for (const operationName of ['CityAtAGlance', 'ChangesSince']) {
      const response = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${partner}` },
        body: JSON.stringify({ query: EXAMPLE_OPERATION, operationName, variables: {} }),
      })
      const body = (await response.json()) as { errors?: unknown; data?: Record<string, unknown> }
      expect(body.errors, operationName).toBeUndefined()
    }
  })
})
