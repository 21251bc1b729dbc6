import type { PrismaClient } from '../../generated/client/client.ts'
import { planBudget } from './budget.ts'
import { seedCare } from './care.ts'
import { type Citable, seedCitations } from './citations.ts'
import { removeSynthetic } from './cleanup.ts'
import { seedDivisions } from './divisions.ts'
import { seedEconomy } from './economy.ts'
import { seedHospitals } from './hospitals.ts'
import { seedIndicators } from './indicators.ts'
import { Random } from './random.ts'
import { seedRelocation } from './relocation.ts'
import { seedSchools } from './schools.ts'
import { ensureZhaotong } from './zhaotong.ts'

export interface SyntheticOptions {
  /** Approximate number of rows to create across all tables (200 to 1,000,000). */
  size: number
  /** Same size and seed give the same data. Default 1. */
  seed?: number
  /** Yearly observations per indicator, ending with 2024. Default 10. */
  indicatorYears?: number
}

/**
 * Fills Zhaotong's eleven counties with synthetic records of every type, for load tests and UI
 * work. Every record's note starts with 合成数据 synthetic; records of an earlier run are removed
 * first, so running it twice leaves one data set. Returns the rows created per table.
 */
export async function seedSynthetic(prisma: PrismaClient, options: SyntheticOptions): Promise<Record<string, number>> {
  const budget = planBudget(options.size, options.indicatorYears ?? 10)
  const rng = new Random(options.seed ?? 1)
  await removeSynthetic(prisma)

  const { city, counties } = await ensureZhaotong(prisma)
  const cite: Citable[] = []
  const world = await seedDivisions(prisma, rng.fork('divisions'), budget, counties)
  const { settlements, communities } = await seedRelocation(prisma, rng.fork('relocation'), budget, world, cite)
  const economy = await seedEconomy(prisma, rng.fork('economy'), budget, world, settlements, communities, cite)
  const hospitals = await seedHospitals(prisma, rng.fork('hospitals'), budget, world, cite)
  const schools = await seedSchools(prisma, rng.fork('schools'), budget, world, cite)
  const care = await seedCare(prisma, rng.fork('care'), budget, world, communities, cite)
  const indicators = await seedIndicators(prisma, rng.fork('indicators'), budget, city, world, cite)
  const citations = await seedCitations(prisma, rng.fork('citations'), budget.citations, cite)

  const townships = world.flatMap((county) => county.townships)
  const counts: Record<string, number> = {
    division: townships.length + townships.reduce((sum, township) => sum + township.villages.length, 0),
    settlement: settlements.length,
    community: communities.length,
    industrialPark: economy.parks,
    parkSettlementLink: economy.parkSettlementLinks,
    enterprise: economy.enterprises,
    hospital: hospitals,
    school: schools,
    careFacility: care.careFacilities,
    carePrice: care.carePrices,
    indicator: indicators.indicators,
    indicatorObservation: indicators.observations,
    source: 1,
    citation: citations,
  }
  counts.total = Object.values(counts).reduce((sum, count) => sum + count, 0)
  // Fresh statistics, or the planner keeps its empty-table plans until autovacuum runs (a list page
  // measured 44 ms instead of 5.6 ms at 100k rows).
  await prisma.$executeRawUnsafe('ANALYZE')
  return counts
}
