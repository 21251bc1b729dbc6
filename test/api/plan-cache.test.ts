// Prisma plans (reads and writes) are cached by the query's shape, the values filled in per request
// (prisma/src/plan-cache.ts). A cached plan must answer exactly as a freshly compiled one, for any
// values, and plans never cross between clients of different PostgreSQL schemas.
import {
  allPlanCacheStats,
  type CareFacilityKind,
  type PlanCacheStats,
  PrismaClient,
  setPlanCacheEnabled,
} from '@minsheng/db'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseKind, startTestHub, type TestHub } from '../setup/hub.ts'

let t: TestHub
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

const delta = (before: PlanCacheStats, after: PlanCacheStats) => ({
  shapeHits: after.shapeHits - before.shapeHits,
  compiled: after.compiled - before.compiled,
})

interface Values {
  division: number
  county: number
  kind: CareFacilityKind
  /** A care facility of that kind, for cursors, and the county it is in. */
  after: number
  region: number
  /** The same kind in every set. */
  firstKind: CareFacilityKind
  text: string
}

/** Reads of the shapes the hub sends: by id with relations, filtered pages with cursors, counts, aggregates. */
function reads(prisma: PrismaClient) {
  return {
    byId: (v: Values) =>
      prisma.division.findUnique({
        where: { id: v.division, deletedAt: null },
        select: {
          id: true,
          nameZh: true,
          parent: { select: { nameZh: true } },
          settlements: { select: { nameZh: true } },
        },
      }),
    page: (v: Values) =>
      prisma.careFacility.findMany({
        where: { kind: v.kind, division: { ancestorIds: { has: v.region } }, deletedAt: null },
        orderBy: [{ nameZh: 'asc' }, { id: 'asc' }],
        take: 5,
        select: { id: true, nameZh: true, kind: true },
      }),
    // An enum as a value (kinds stay in the shape: the compiler casts them) with other values varying.
    pageOfOneKind: (v: Values) =>
      prisma.careFacility.findMany({
        where: { kind: v.firstKind, id: { gte: v.after } },
        orderBy: [{ nameZh: 'asc' }, { id: 'asc' }],
        take: 3,
        select: { id: true },
      }),
    afterCursor: (v: Values) =>
      prisma.careFacility.findMany({
        where: { deletedAt: null },
        orderBy: [{ nameZh: 'asc' }, { id: 'asc' }],
        cursor: { id: v.after },
        take: 3,
        select: { id: true, nameZh: true },
      }),
    // A keyset page, as the hub's lists read it: the conditions are combined in AND/OR lists.
    keysetPage: (v: Values) =>
      prisma.careFacility.findMany({
        where: {
          AND: [
            { deletedAt: null },
            { kind: v.firstKind },
            { OR: [{ id: { gt: v.after } }, { AND: [{ id: v.after }, { nameZh: { gt: '' } }] }] },
          ],
        },
        orderBy: [{ id: 'asc' }],
        take: 3,
        select: { id: true, nameZh: true },
      }),
    search: (v: Values) =>
      prisma.division.findMany({
        where: { OR: [{ nameZh: { contains: v.text } }, { nameEn: { contains: v.text, mode: 'insensitive' } }] },
        orderBy: { id: 'asc' },
        take: 5,
        select: { id: true, nameZh: true },
      }),
    nestedFilter: (v: Values) =>
      prisma.division.findMany({
        where: { id: v.county },
        select: {
          nameZh: true,
          settlements: { where: { nameZh: { startsWith: v.text } }, take: 3, select: { nameZh: true } },
        },
      }),
    count: (v: Values) => prisma.careFacility.count({ where: { id: { lte: v.after }, deletedAt: null } }),
    aggregate: (v: Values) =>
      prisma.careFacility.aggregate({
        where: { id: { gte: v.after }, kind: { not: v.kind } },
        _count: true,
        _max: { nameZh: true },
      }),
  }
}

describe('read plans keyed on the query shape', () => {
  it('answers every value as a freshly compiled plan does, and reuses the plan of the shape', async () => {
    const prisma = t.hub.database.prisma
    const divisions = await prisma.division.findMany({
      where: { parentId: { not: null } },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: 3,
    })
    const counties = await prisma.division.findMany({
      where: { level: 'COUNTY' },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: 3,
    })
    // One care facility of each of three kinds (the seed holds few of some kinds).
    const facilities = await prisma.careFacility.findMany({
      distinct: ['kind'],
      select: { id: true, kind: true, division: { select: { ancestorIds: true } } },
      orderBy: [{ kind: 'asc' }, { id: 'asc' }],
      take: 3,
    })
    expect([divisions.length, counties.length, facilities.length]).toEqual([3, 3, 3])
    const texts = ['昭', 'Zhen', '镇雄']
    const valueSets: Values[] = [0, 1, 2].map((i) => ({
      division: divisions[i]?.id as number,
      county: counties[i]?.id as number,
      kind: facilities[i]?.kind as CareFacilityKind,
      after: facilities[i]?.id as number,
      region: facilities[i]?.division.ancestorIds[2] as number,
      firstKind: facilities[0]?.kind as CareFacilityKind,
      text: texts[i] as string,
    }))
    const hits: Record<string, number> = {}
    for (const [name, read] of Object.entries(reads(prisma))) {
      const start = allPlanCacheStats()
      const answers = new Set<string>()
      for (const values of valueSets) {
        const cached = await read(values)
        setPlanCacheEnabled(false)
        let fresh: unknown
        try {
          fresh = await read(values)
        } finally {
          setPlanCacheEnabled(true)
        }
        expect(cached, `${name} with ${JSON.stringify(values)}`).toEqual(fresh)
        answers.add(JSON.stringify(cached))
      }
      // Different values, different answers: a plan that kept its first values would fail here.
      expect(answers.size, name).toBeGreaterThan(1)
      hits[name] = delta(start, allPlanCacheStats()).shapeHits
    }
    // The second and third values of these shapes came from the first one's plan. The others stay
    // keyed by value: another kind is another shape, and the compiler rewrites the values of
    // `contains`/`startsWith` into patterns, which the check on each shape's first plan finds.
    expect(hits).toMatchObject({ byId: 2, pageOfOneKind: 2, afterCursor: 2, count: 2, keysetPage: 2 })
  })

  it('serves the API with other ids from the same plan, each its own record', async () => {
    const rows = await t.hub.database.prisma.division.findMany({
      where: { level: 'COUNTY' },
      select: { id: true, nameZh: true },
      orderBy: { id: 'asc' },
      take: 4,
    })
    expect(rows).toHaveLength(4)
    const before = allPlanCacheStats()
    for (const row of rows) {
      const id = Buffer.from(`Division:${row.id}`).toString('base64')
      // A named fragment: compiled reads leave it to the executor, whose resolvers ask Prisma.
      const data = await t.data<{ node: { nameZh: string } }>(
        'query ($id: ID!) { node(id: $id) { ...Named } } fragment Named on Division { nameZh }',
        { id },
      )
      expect(data.node.nameZh).toBe(row.nameZh)
    }
    expect(delta(before, allPlanCacheStats()).shapeHits).toBeGreaterThanOrEqual(3)
  })
})

describe('pages through the API', () => {
  it('reads every page of a list from the plan of its shape, whatever its cursor', async () => {
    const query = `query ($after: String) { divisions(first: 2, after: $after, where: {level: {equals: TOWNSHIP}}) {
      nodes { id } pageInfo { endCursor } } }`
    type Page = { divisions: { nodes: { id: string }[]; pageInfo: { endCursor: string } } }
    let after: string | null = (await t.data<Page>(query, { after: null })).divisions.pageInfo.endCursor
    const seen = new Set<string>()
    const before = allPlanCacheStats()
    for (let page = 0; page < 4; page++) {
      const data: Page = await t.data<Page>(query, { after })
      for (const node of data.divisions.nodes) seen.add(node.id)
      after = data.divisions.pageInfo.endCursor
    }
    expect(seen.size).toBe(8)
    // The first page after a cursor compiles its shape (the first page had none); the other three
    // reuse it. (Counted as compilations: the session lookups of the requests are shape hits too.)
    expect(delta(before, allPlanCacheStats()).compiled).toBeLessThanOrEqual(1)
  })
})

describe.runIf(databaseKind === 'postgres')('clients of different PostgreSQL schemas', () => {
  let other: PrismaClient | undefined
  let pool: pg.Pool | undefined
  afterAll(async () => {
    await other?.$disconnect()
    await pool?.end()
  })

  it('never share a plan', async () => {
    const prisma = t.hub.database.prisma
    const [first] = await prisma.hospital.findMany({
      select: { id: true, nameZh: true },
      orderBy: { id: 'asc' },
      take: 1,
    })
    if (!first) throw new Error('the seed has no hospital')
    const url = (await prisma.$queryRawUnsafe<{ url: string }[]>('SELECT current_database()::text AS url'))[0]
      ?.url as string
    // A second schema with a Hospital table of its own, holding the same id under another name.
    await prisma.$executeRawUnsafe('CREATE SCHEMA IF NOT EXISTS plan_cache_other')
    await prisma.$executeRawUnsafe(
      'CREATE TABLE plan_cache_other."Hospital" (LIKE public."Hospital" INCLUDING DEFAULTS INCLUDING GENERATED)',
    )
    await prisma.$executeRawUnsafe(
      `INSERT INTO plan_cache_other."Hospital" SELECT * FROM public."Hospital" WHERE id = ${first.id}`,
    )
    await prisma.$executeRawUnsafe(`UPDATE plan_cache_other."Hospital" SET "nameZh" = '另一个模式的医院'`)
    const admin = new URL(process.env.TEST_DATABASE_URL as string)
    admin.pathname = `/${url}`
    pool = new pg.Pool({ connectionString: admin.toString(), max: 2 })
    other = new PrismaClient({ adapter: new PrismaPg(pool, { schema: 'plan_cache_other' }) })

    const byId = (client: PrismaClient, id: number) =>
      client.hospital.findUnique({ where: { id }, select: { nameZh: true } })
    // Public first, so its plan of this shape is cached before the other client asks.
    expect(await byId(prisma, first.id)).toEqual({ nameZh: first.nameZh })
    expect(await byId(other, first.id)).toEqual({ nameZh: '另一个模式的医院' })
    expect(await byId(prisma, first.id)).toEqual({ nameZh: first.nameZh })
    expect(await other.hospital.count({ where: { nameZh: { contains: '医院' } } })).toBe(1)
  })
})

describe('write plans keyed on the query shape', () => {
  it('writes each request its own values and time, with the plan of the shape', async () => {
    const prisma = t.hub.database.prisma
    const facilities = await prisma.careFacility.findMany({
      select: { id: true, version: true },
      orderBy: { id: 'asc' },
      take: 3,
    })
    expect(facilities).toHaveLength(3)
    const before = allPlanCacheStats()
    const written: {
      id: number
      version: number
      peopleServed: number | null
      note: string | null
      updatedAt: Date
    }[] = []
    for (const [i, facility] of facilities.entries()) {
      // Apart in time, so a plan that kept the first write's @updatedAt would show.
      await new Promise((resolve) => setTimeout(resolve, 5))
      written.push(
        await prisma.careFacility.update({
          where: { id: facility.id, version: facility.version },
          data: { peopleServed: 100 + i, note: `plan cache ${i}`, version: { increment: 1 } },
          select: { id: true, version: true, peopleServed: true, note: true, updatedAt: true },
        }),
      )
    }
    // The second and third writes came from the first one's plan.
    expect(delta(before, allPlanCacheStats()).shapeHits).toBeGreaterThanOrEqual(2)
    const stored = await prisma.careFacility.findMany({
      where: { id: { in: facilities.map((s) => s.id) } },
      select: { id: true, version: true, peopleServed: true, note: true, updatedAt: true },
      orderBy: { id: 'asc' },
    })
    expect(stored).toEqual(written)
    expect(written.map((row) => row.peopleServed)).toEqual([100, 101, 102])
    expect(written.map((row) => row.version)).toEqual(facilities.map((s) => s.version + 1))
    const times = written.map((row) => row.updatedAt.getTime())
    expect(times[1]).toBeGreaterThan(times[0] as number)
    expect(times[2]).toBeGreaterThan(times[1] as number)
    // The version in the shape's where is checked with each request's value: a stale one writes nothing.
    const first = facilities[0] as (typeof facilities)[number]
    await expect(
      prisma.careFacility.update({ where: { id: first.id, version: first.version }, data: { peopleServed: 1 } }),
    ).rejects.toMatchObject({ code: 'P2025' })
  })
})

describe('writes with Json values, dates and generated times', () => {
  it('writes each audit event its own changes, snapshot, moment and time, from the plan of the shape', async () => {
    const prisma = t.hub.database.prisma
    const before = allPlanCacheStats()
    const events = [0, 1, 2].map((i) => ({
      actorKind: 'SYSTEM' as const,
      actorName: 'plan cache test',
      requestId: `plan-cache-${i}`,
      recordType: 'Hospital',
      recordId: 900_000 + i,
      action: 'UPDATE' as const,
      // Keys in an order of their own, nested values, text that needs escaping, numbers and nulls:
      // each event must keep exactly its own.
      changes: {
        openBeds: { before: i, after: i === 1 ? null : 10 * i },
        nameZh: { before: `甲"${i}\\`, after: '乙' },
      },
      snapshot: { zeta: i, alpha: [i, { deep: `第${i}` }], note: null },
    }))
    const written = []
    for (const event of events) {
      // Apart in time, so a plan that kept the first event's generated time would show.
      await new Promise((resolve) => setTimeout(resolve, 5))
      written.push(await prisma.auditEvent.create({ data: event }))
    }
    // The second and third events came from the first one's plan.
    expect(delta(before, allPlanCacheStats()).shapeHits).toBeGreaterThanOrEqual(2)
    const stored = await prisma.auditEvent.findMany({
      where: { id: { in: written.map((row) => row.id) } },
      orderBy: { id: 'asc' },
    })
    expect(stored).toEqual(written)
    for (const [i, row] of stored.entries()) {
      expect(row).toMatchObject({ requestId: `plan-cache-${i}`, recordId: 900_000 + i })
      expect(row.changes).toEqual(events[i]?.changes)
      expect(row.snapshot).toEqual(events[i]?.snapshot)
    }
    const times = stored.map((row) => row.at.getTime())
    expect(times[1]).toBeGreaterThan(times[0] as number)
    expect(times[2]).toBeGreaterThan(times[1] as number)
    // Audit events are never deleted (a trigger refuses): these name records that do not exist.
  })

  it('writes each change set the moment it was given, from the plan of the shape', async () => {
    const prisma = t.hub.database.prisma
    const moments = [new Date('2026-01-02T03:04:05.678Z'), new Date('2026-07-08T09:10:11.012Z')]
    const before = allPlanCacheStats()
    const created = []
    for (const [i, submittedAt] of moments.entries()) {
      created.push(
        await prisma.changeSet.create({
          data: { status: 'PENDING', origin: 'FORM', authorName: `plan cache ${i}`, submittedAt },
          select: { id: true },
        }),
      )
    }
    expect(delta(before, allPlanCacheStats()).shapeHits).toBeGreaterThanOrEqual(1)
    const stored = await prisma.changeSet.findMany({
      where: { id: { in: created.map((row) => row.id) } },
      orderBy: { id: 'asc' },
      select: { authorName: true, submittedAt: true },
    })
    expect(stored).toEqual(moments.map((submittedAt, i) => ({ authorName: `plan cache ${i}`, submittedAt })))
    await prisma.changeSet.deleteMany({ where: { id: { in: created.map((row) => row.id) } } })
  })
})

describe('raw statements', () => {
  const SQL =
    'SELECT $1::int AS "id", $2::text AS "name", (SELECT count(*)::int FROM "Division" WHERE "id" = $1) AS "found"'

  it('run each request with its own values, from the plan of their SQL', async () => {
    const prisma = t.hub.database.prisma
    await prisma.$queryRawUnsafe(SQL, 1, 'first') // the SQL's first request compiles its plan
    const before = allPlanCacheStats()
    const answers = []
    for (const [id, name] of [
      [2, 'second'],
      [3, '第三'],
      [-5, ''],
    ] as const)
      answers.push(await prisma.$queryRawUnsafe<{ id: number; name: string }[]>(SQL, id, name))
    expect(answers).toEqual([
      [{ id: 2, name: 'second', found: 1 }],
      [{ id: 3, name: '第三', found: 1 }],
      [{ id: -5, name: '', found: 0 }],
    ])
    expect(delta(before, allPlanCacheStats())).toEqual({ shapeHits: 3, compiled: 0 })
  })

  it('keep a null in its place: the write path’s statements name no actor key, often no reason', async () => {
    const prisma = t.hub.database.prisma
    await prisma.$queryRawUnsafe(SQL, 1, null)
    const before = allPlanCacheStats()
    expect(await prisma.$queryRawUnsafe(SQL, 2, null)).toEqual([{ id: 2, name: null, found: 1 }])
    expect(await prisma.$queryRawUnsafe(SQL, null, null)).toEqual([{ id: null, name: null, found: 0 }])
    expect(await prisma.$queryRawUnsafe(SQL, null, null)).toEqual([{ id: null, name: null, found: 0 }])
    expect(delta(before, allPlanCacheStats())).toEqual({ shapeHits: 2, compiled: 1 })
  })

  it('keep long statements too (a form save’s, with its audit and review CTEs, is over 16 KB)', async () => {
    const prisma = t.hub.database.prisma
    const long = `${SQL} WHERE true${' AND true'.repeat(3000)}`
    await prisma.$queryRawUnsafe(long, 1, 'first')
    const before = allPlanCacheStats()
    expect(await prisma.$queryRawUnsafe(long, 2, 'second')).toEqual([{ id: 2, name: 'second', found: 1 }])
    expect(delta(before, allPlanCacheStats())).toEqual({ shapeHits: 1, compiled: 0 })
  })

  it('compile afresh what they cannot vary safely: other parameter types, other SQL', async () => {
    const prisma = t.hub.database.prisma
    const before = allPlanCacheStats()
    // A float and a date are not kept, and a null's first request compiles its plan.
    expect(await prisma.$queryRawUnsafe(SQL.replace('::int AS "id"', '::float8 AS "id"'), 1.5, 'x')).toEqual([
      { id: 1.5, name: 'x', found: 0 },
    ])
    expect(await prisma.$queryRawUnsafe('SELECT $1::timestamptz AS "at"', new Date('2026-01-01T00:00:00Z'))).toEqual([
      { at: new Date('2026-01-01T00:00:00Z') },
    ])
    expect(await prisma.$queryRawUnsafe('SELECT $1::text AS "nothing"', null)).toEqual([{ nothing: null }])
    expect(delta(before, allPlanCacheStats())).toEqual({ shapeHits: 0, compiled: 3 })
  })
})
