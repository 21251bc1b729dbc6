// Seeds every figure of the source text, each with its citation. Safe to re-run: records are matched by
// natural key and written only when they differ, so a second run changes nothing.
import { type Prisma, type PrismaClient, RECORD_MODELS } from '../src/index.ts'
import { prismaSql, publish } from '../src/publication.ts'
import { seedAuditEvents } from './audit.ts'
import { seedCareFacilities } from './care-facilities.ts'
import { seedCommunities } from './communities.ts'
import { type SeededModel, type SeedSummary, Tally } from './context.ts'
import { seedDivisions } from './divisions.ts'
import { seedEnterprises } from './enterprises.ts'
import { seedHospitals } from './hospitals.ts'
import { seedIndicators } from './indicators/index.ts'
import { seedParks } from './parks.ts'
import { pruneStale } from './prune.ts'
import { seedSchools } from './schools.ts'
import { seedSettlements } from './settlements.ts'
import { readSourceText, seedSource } from './source.ts'

export type { SeededModel, SeedSummary } from './context.ts'
export { SEEDED_MODELS } from './context.ts'
export { readSourceText, SOURCE_FILE, SOURCE_PATH } from './source.ts'

/** Seeders in dependency order: each may look up rows the ones before it wrote. */
const SEEDERS = [
  seedDivisions,
  seedSettlements,
  seedCommunities,
  seedParks,
  seedEnterprises,
  seedHospitals,
  seedSchools,
  seedCareFacilities,
  seedIndicators,
  pruneStale,
  seedAuditEvents,
]

export async function seed(prisma: PrismaClient): Promise<SeedSummary> {
  const text = await readSourceText()
  return prisma.$transaction(
    async (tx) => {
      const tally = new Tally()
      const ctx = { tx, tally, source: await seedSource({ tx, tally }, text) }
      for (const seeder of SEEDERS) await seeder(ctx)
      const summary = tally.summary()
      // The seed's figures are official from the start: what it wrote is published at once.
      if (summary.created + summary.updated + summary.deleted > 0) await publishSeeded(tx, tally, prisma)
      return summary
    },
    { timeout: 120_000, maxWait: 30_000 },
  )
}

async function publishSeeded(tx: Prisma.TransactionClient, tally: Tally, cacheKey: object) {
  const items = RECORD_MODELS.flatMap((model) =>
    tally
      .idsOf(`${model[0]?.toLowerCase()}${model.slice(1)}` as SeededModel)
      .map((recordId) => ({ recordType: model, recordId, action: 'CREATE' as const })),
  )
  await publish(prismaSql(tx), items, cacheKey)
}

/** True when the database holds no divisions, i.e. has never been seeded. */
export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.division.count()) === 0
}
