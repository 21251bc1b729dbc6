// Removes records this source's citations mark as seeded that the seed data no longer lists (renamed or
// dropped), so the database always holds exactly the current seed. Children go before their parents.
// Divisions and indicators are never removed: other data may hang off them.
import type { SeedContext } from './context.ts'

export async function pruneStale(ctx: SeedContext) {
  const { tx, tally, source } = ctx
  const stale = (model: Parameters<typeof tally.idsOf>[0]) => ({
    id: { notIn: tally.idsOf(model) },
    citations: { some: { sourceId: source.id } },
  })
  const counts = [
    await tx.careFacility.deleteMany({ where: stale('careFacility') }),
    await tx.enterprise.deleteMany({ where: stale('enterprise') }),
    await tx.school.deleteMany({ where: stale('school') }),
    await tx.hospital.deleteMany({ where: stale('hospital') }),
    await tx.community.deleteMany({ where: stale('community') }),
    await tx.industrialPark.deleteMany({ where: stale('industrialPark') }),
    await tx.settlement.deleteMany({ where: stale('settlement') }),
    await tx.indicatorObservation.deleteMany({ where: stale('indicatorObservation') }),
  ]
  tally.deleted += counts.reduce((sum, { count }) => sum + count, 0)
}
