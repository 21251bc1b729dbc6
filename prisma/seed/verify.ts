// Checks the seed on a throwaway database: a second run changes nothing, every figure is cited, every
// quote is verbatim from the source, and drift is repaired. Run: cd prisma && npx tsx seed/verify.ts
import assert from 'node:assert/strict'
import {
  fieldNamesOf,
  foreignKeys,
  openDatabase,
  type PrismaClient,
  RECORD_MODELS as RECORD_FAMILIES,
} from '../src/index.ts'
import { isEmpty, readSourceText, SEEDED_MODELS, type SeedSummary, seed } from './index.ts'

// Records that state figures of a place: every family that lies in a division and carries citations.
const RECORD_MODELS = RECORD_FAMILIES.filter(
  (model) => foreignKeys(model).some((key) => key.column === 'divisionId') && fieldNamesOf(model).includes('citations'),
).map((model) => `${model[0]?.toLowerCase()}${model.slice(1)}` as 'hospital')
// Keys that place or describe a record rather than state a figure of it.
const NOT_FIGURES = new Set(['id', 'divisionId', 'parkId', 'communityId', 'settlementId', 'nameEn', 'note'])
const BOOKKEEPING = new Set(['createdAt', 'updatedAt', 'version', 'kind', 'targetGroup'])

const database = await openDatabase({ dataDir: 'memory://' })
const prisma = database.prisma
try {
  const text = await readSourceText()
  assert.equal(await isEmpty(prisma), true, 'a new database is empty')

  const first = await seed(prisma)
  const afterFirst = await snapshot(prisma)
  const second = await seed(prisma)
  const afterSecond = await snapshot(prisma)
  assert.equal(await isEmpty(prisma), false, 'a seeded database is not empty')
  assert.deepEqual(second.rows, first.rows, 'both runs hold the same rows')
  assert.deepEqual([second.created, second.updated, second.deleted], [0, 0, 0], 'the second run writes nothing')
  assert.deepEqual(afterSecond, afterFirst, 'every row, ids and timestamps included, is unchanged by a re-run')
  await assertTableCounts(prisma, first)
  await assertCitations(prisma, text)
  await assertAncestors(prisma)
  await assertRepairsDrift(prisma, first)

  console.log('Seed summary (rows per model):')
  for (const model of SEEDED_MODELS) console.log(`  ${model.padEnd(22)}${first.rows[model]}`)
  console.log('verify: ok')
} finally {
  await database.close()
}

async function snapshot(prisma: PrismaClient) {
  const byId = { orderBy: { id: 'asc' as const } }
  return JSON.parse(
    JSON.stringify({
      source: await prisma.source.findMany(byId),
      division: await prisma.division.findMany(byId),
      settlement: await prisma.settlement.findMany(byId),
      community: await prisma.community.findMany(byId),
      industrialPark: await prisma.industrialPark.findMany({ ...byId, include: { supportedSettlements: true } }),
      enterprise: await prisma.enterprise.findMany(byId),
      hospital: await prisma.hospital.findMany(byId),
      school: await prisma.school.findMany(byId),
      careFacility: await prisma.careFacility.findMany(byId),
      carePrice: await prisma.carePrice.findMany(byId),
      indicator: await prisma.indicator.findMany(byId),
      indicatorObservation: await prisma.indicatorObservation.findMany(byId),
      citation: await prisma.citation.findMany(byId),
    }),
  )
}

/** On a database only the seed wrote, the summary's counts are the table counts. */
async function assertTableCounts(prisma: PrismaClient, summary: SeedSummary) {
  const tables = (await snapshot(prisma)) as Record<string, unknown[]>
  for (const model of SEEDED_MODELS) assert.equal(tables[model]?.length, summary.rows[model], `${model} rows`)
}

async function assertCitations(prisma: PrismaClient, text: string) {
  const citations = await prisma.citation.findMany()
  for (const { quote, statedAs, qualifier, field } of citations) {
    assert.ok(text.includes(quote), `quote of ${field} is verbatim from the source: ${quote}`)
    assert.ok(statedAs && quote.includes(statedAs), `"${statedAs}" occurs in its quote`)
    // 余/多/以上 after a figure mean "more than"; an age threshold (60岁以上) does not qualify the price.
    if (/[\d万亿](余|多)|(?<!岁)以上/.test(statedAs)) assert.equal(qualifier, 'MORE_THAN', `${statedAs} is "more than"`)
    else if (statedAs.startsWith('近')) assert.equal(qualifier, 'NEARLY', `${statedAs} is "nearly"`)
  }
  for (const model of RECORD_MODELS) {
    // biome-ignore lint/suspicious/noExplicitAny: the same findMany on each record delegate
    const rows: Record<string, unknown>[] = await (prisma[model] as any).findMany({ include: { citations: true } })
    for (const row of rows) {
      const cited = new Set((row.citations as { field: string }[]).map((citation) => citation.field))
      for (const [field, value] of Object.entries(row)) {
        if (NOT_FIGURES.has(field) || BOOKKEEPING.has(field) || field === 'citations') continue
        if (value === null || (Array.isArray(value) && value.length === 0)) continue
        assert.ok(cited.has(field), `${model} ${row.nameZh}: ${field} has a citation`)
      }
    }
  }
  const observations = await prisma.indicatorObservation.findMany({ include: { citations: true, indicator: true } })
  for (const observation of observations) {
    const cited = new Set(observation.citations.map((citation) => citation.field))
    assert.ok(cited.has('value'), `${observation.indicator.code}: value has a citation`)
    if (observation.provincialRank !== null) assert.ok(cited.has('provincialRank'), 'rank has a citation')
  }
}

async function assertAncestors(prisma: PrismaClient) {
  const divisions = await prisma.division.findMany()
  const byId = new Map(divisions.map((division) => [division.id, division]))
  for (const division of divisions) {
    const parent = division.parentId === null ? undefined : byId.get(division.parentId)
    assert.deepEqual(
      division.ancestorIds,
      [...(parent?.ancestorIds ?? []), division.id],
      `${division.nameZh} ancestors`,
    )
  }
  assert.equal(divisions.filter((division) => division.level === 'COUNTY').length, 11, 'all 11 counties')
}

/** Edited figures are restored, lost citations recreated, and records the data no longer lists removed. */
async function assertRepairsDrift(prisma: PrismaClient, expected: SeedSummary) {
  const hospital = await prisma.hospital.findFirstOrThrow({ where: { nameZh: '云南省滇东北中心医院' } })
  await prisma.hospital.update({ where: { id: hospital.id }, data: { plannedBeds: 1 } })
  const citation = await prisma.citation.findFirstOrThrow({ where: { field: 'jobCapacity' } })
  await prisma.citation.delete({ where: { id: citation.id } })
  const source = await prisma.source.findFirstOrThrow()
  const stale = await prisma.settlement.create({
    data: {
      divisionId: hospital.divisionId,
      nameZh: '已从种子数据删除的安置区',
      citations: { create: { sourceId: source.id, field: 'nameZh', quote: '昭通' } },
    },
  })

  const repaired = await seed(prisma)
  assert.deepEqual(repaired.rows, expected.rows, 'the repaired database holds the seed again')
  assert.equal(repaired.updated, 1, 'only the edited hospital is updated')
  const restored = await prisma.hospital.findUniqueOrThrow({ where: { id: hospital.id } })
  assert.equal(restored.plannedBeds, 5000, 'planned beds restored')
  assert.equal(await prisma.citation.count({ where: { field: 'jobCapacity' } }), 1, 'citation recreated')
  assert.equal(await prisma.settlement.count({ where: { id: stale.id } }), 0, 'stale record removed')
}
