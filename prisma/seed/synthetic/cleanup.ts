import type { PrismaClient } from '../../generated/client/client.ts'
import { SYNTHETIC_MARK } from './common.ts'

/**
 * Deletes every record an earlier run generated (those whose note starts with the synthetic mark),
 * children before parents. Prices, observations and park links go with their records (cascade).
 * Real records, and the city and counties, are untouched.
 */
export async function removeSynthetic(prisma: PrismaClient): Promise<number> {
  const synthetic = { note: { startsWith: SYNTHETIC_MARK } }
  const counts = [
    await prisma.citation.deleteMany({ where: { source: synthetic } }),
    await prisma.enterprise.deleteMany({ where: synthetic }),
    await prisma.careFacility.deleteMany({ where: synthetic }),
    await prisma.school.deleteMany({ where: synthetic }),
    await prisma.hospital.deleteMany({ where: synthetic }),
    await prisma.community.deleteMany({ where: synthetic }),
    await prisma.industrialPark.deleteMany({ where: synthetic }),
    await prisma.settlement.deleteMany({ where: synthetic }),
    await prisma.indicator.deleteMany({ where: synthetic }),
    await prisma.division.deleteMany({ where: { ...synthetic, level: 'COMMUNITY' } }),
    await prisma.division.deleteMany({ where: { ...synthetic, level: 'TOWNSHIP' } }),
    await prisma.source.deleteMany({ where: synthetic }),
  ]
  return counts.reduce((sum, { count }) => sum + count, 0)
}
