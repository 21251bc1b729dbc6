import type { Prisma, PrismaClient } from '../../generated/client/client.ts'
import { SYNTHETIC_NOTE } from './common.ts'
import { insertRows } from './insert.ts'
import type { Random } from './random.ts'

export type CitationFields = Omit<Prisma.CitationCreateManyInput, 'sourceId'>
/** A figure that could be cited; called only for the figures drawn, after the record has its id. */
export type Citable = () => CitationFields

export const SYNTHETIC_SOURCE = {
  nameZh: '合成数据（仅供测试）',
  nameEn: 'Synthetic data (for testing only)',
  publisher: 'Minsheng Hub',
}

const TARGETS = [
  'divisionId',
  'settlementId',
  'communityId',
  'industrialParkId',
  'enterpriseId',
  'hospitalId',
  'schoolId',
  'careFacilityId',
  'indicatorObservationId',
] as const

/** The synthetic source and citations of `count` figures drawn from all citable ones. */
export async function seedCitations(
  prisma: PrismaClient,
  rng: Random,
  count: number,
  citable: readonly Citable[],
): Promise<number> {
  const source = await prisma.source.create({
    data: { ...SYNTHETIC_SOURCE, file: null, note: `${SYNTHETIC_NOTE}。本来源下的引文均为生成的示例句子。` },
    select: { id: true },
  })
  const noTarget = Object.fromEntries(TARGETS.map((target) => [target, null]))
  // Every row names all columns, so each statement has one shape.
  const rows = rng.sample(citable, count).map(
    (make): Prisma.CitationCreateManyInput => ({
      ...noTarget,
      sourceId: source.id,
      statedAs: null,
      qualifier: 'EXACT' as const,
      ...make(),
    }),
  )
  return (await insertRows(prisma, 'Citation', rows)).length
}
