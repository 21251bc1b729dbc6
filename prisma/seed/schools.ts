// Schools the text mentions. Natural key: nameZh within the division.
import { cite, syncCitations } from './cite.ts'
import type { SeedContext } from './context.ts'
import * as q from './quotes.ts'
import { save } from './save.ts'

export const SCHOOLS = [
  {
    division: '雨露社区',
    settlement: '卯家湾易地扶贫搬迁安置区',
    nameZh: '雨露社区家门口的小学（原文未载校名）',
    nameEn: 'Primary school at Yulu Community’s doorstep (name not given in the source)',
    stage: 'PRIMARY' as const,
    note: 'The source names no school: a relocated resident of 雨露社区 takes her two children to the primary school at her doorstep (家门口的小学), a 10-minute walk from the potato-chip workshop.',
    cites: [cite('nameZh', '家门口的小学', 'EXACT', q.YULU_MORNING), cite('stage', '小学', 'EXACT', q.YULU_MORNING)],
  },
]

export async function seedSchools(ctx: SeedContext) {
  const { tx, tally } = ctx
  for (const { division, settlement, cites, ...fields } of SCHOOLS) {
    const data = {
      divisionId: tally.idOf('division', division),
      settlementId: tally.idOf('settlement', settlement),
      ...fields,
    }
    const found = await tx.school.findFirst({
      where: { divisionId: data.divisionId, nameZh: data.nameZh },
      orderBy: { id: 'asc' },
    })
    const row = await save(ctx, 'school', data.nameZh, found, data, {
      create: () => tx.school.create({ data }),
      update: (id) => tx.school.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
    })
    await syncCitations(ctx, { schoolId: row.id }, cites)
  }
}
