// Communities (社区) of settlements the text names. Natural key: nameZh within the division.
import { type Cited, cite, syncCitations } from './cite.ts'
import type { SeedContext } from './context.ts'
import * as q from './quotes.ts'
import { save } from './save.ts'
import { FUXING_FIGURES } from './settlements.ts'

interface CommunitySeed {
  division: string
  settlement: string
  nameZh: string
  nameEn: string
  relocatedPopulation?: number
  elderly?: number
  leftBehindElderly?: number
  note: string | null
  cites: Cited[]
}

export const COMMUNITIES: CommunitySeed[] = [
  {
    division: '雨露社区',
    settlement: '卯家湾易地扶贫搬迁安置区',
    nameZh: '雨露社区',
    nameEn: 'Yulu Community',
    note: 'The source gives no figures for the community itself.',
    cites: [cite('nameZh', '卯家湾易地扶贫搬迁安置区雨露社区', 'EXACT', q.YULU_MORNING)],
  },
  {
    division: '福兴社区',
    settlement: '福兴社区（易地扶贫搬迁安置）',
    nameZh: '福兴社区',
    nameEn: 'Fuxing Community',
    ...FUXING_FIGURES.data,
    note: 'The figures are the relocated residents the community took in (承接安置), the same as on its settlement record.',
    cites: [cite('nameZh', '绥江县中城镇福兴社区', 'EXACT', q.FUXING_CANTEEN), ...FUXING_FIGURES.cites],
  },
]

export async function seedCommunities(ctx: SeedContext) {
  const { tx, tally } = ctx
  for (const { division, settlement, cites, ...fields } of COMMUNITIES) {
    const data = {
      divisionId: tally.idOf('division', division),
      settlementId: tally.idOf('settlement', settlement),
      relocatedPopulation: null,
      elderly: null,
      leftBehindElderly: null,
      ...fields,
    }
    const found = await tx.community.findFirst({
      where: { divisionId: data.divisionId, nameZh: data.nameZh },
      orderBy: { id: 'asc' },
    })
    const row = await save(ctx, 'community', data.nameZh, found, data, {
      create: () => tx.community.create({ data }),
      update: (id) => tx.community.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
    })
    await syncCitations(ctx, { communityId: row.id }, cites)
  }
}
