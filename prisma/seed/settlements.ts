// Relocation settlements (易地扶贫搬迁安置区) the text names. Natural key: nameZh within the division.
import { type Cited, cite, syncCitations } from './cite.ts'
import type { SeedContext } from './context.ts'
import * as q from './quotes.ts'
import { save } from './save.ts'

/** The figures 福兴社区 reports for its relocated residents; the Community record carries them too. */
export const FUXING_FIGURES = {
  data: { relocatedPopulation: 7357, elderly: 1248, leftBehindElderly: 139 },
  cites: [
    cite('relocatedPopulation', '7357名', 'EXACT', q.FUXING_RESIDENTS),
    cite('elderly', '1248人', 'EXACT', q.FUXING_RESIDENTS),
    cite('leftBehindElderly', '139人', 'EXACT', q.FUXING_RESIDENTS),
  ],
}

interface SettlementSeed {
  division: string
  nameZh: string
  nameEn: string
  relocatedPopulation?: number
  elderly?: number
  leftBehindElderly?: number
  note: string
  cites: Cited[]
}

export const SETTLEMENTS: SettlementSeed[] = [
  {
    division: '砚池街道',
    nameZh: '卯家湾易地扶贫搬迁安置区',
    nameEn: 'Maojiawan Relocation Settlement',
    relocatedPopulation: 39_000,
    note: 'The source counts 3.9万余 (more than 39,000) relocated residents in this settlement alone; 39000 is that lower bound. It places the settlement in 鲁甸县 and names 雨露社区 as one of its communities; the hub files it under 砚池街道, the subdistrict in which the official division tree places 雨露社区 and 卯家湾社区.',
    cites: [
      cite('nameZh', '鲁甸县卯家湾易地扶贫搬迁安置区', 'EXACT', q.YULU_MORNING),
      cite('relocatedPopulation', '3.9万余人', 'MORE_THAN', q.RELOCATED_TOTALS),
    ],
  },
  {
    division: '镇雄县',
    nameZh: '呢噜坪易地扶贫搬迁安置区',
    nameEn: 'Niluping Relocation Settlement',
    note: 'The source gives no figures for this settlement; it names it as the settlement the 镇雄县纺织服装产业园 was built to support (配套项目).',
    cites: [cite('nameZh', '呢噜坪易地扶贫搬迁安置区', 'EXACT', q.PARK_PURPOSE)],
  },
  {
    division: '福兴社区',
    nameZh: '福兴社区（易地扶贫搬迁安置）',
    nameEn: 'Fuxing Community (relocation settlement)',
    ...FUXING_FIGURES.data,
    note: 'The source names no settlement here: it says 福兴社区承接安置了7357名易地扶贫搬迁群众. The hub records that resettlement as a settlement named after the community, so settlement queries include it; the Community record 福兴社区 carries the same figures.',
    cites: [cite('nameZh', '福兴社区承接安置', 'EXACT', q.FUXING_RESIDENTS), ...FUXING_FIGURES.cites],
  },
]

export async function seedSettlements(ctx: SeedContext) {
  const { tx, tally } = ctx
  for (const { division, cites, ...fields } of SETTLEMENTS) {
    const data = {
      divisionId: tally.idOf('division', division),
      relocatedPopulation: null,
      elderly: null,
      leftBehindElderly: null,
      ...fields,
    }
    // A settlement the seed filed elsewhere before (卯家湾 hung under 鲁甸县 until the official tree
    // placed it) is the same record: found by its name among the seed's own, it moves and keeps its id.
    const found =
      (await tx.settlement.findFirst({
        where: { divisionId: data.divisionId, nameZh: data.nameZh },
        orderBy: { id: 'asc' },
      })) ??
      (await tx.settlement.findFirst({
        where: { nameZh: data.nameZh, citations: { some: { sourceId: ctx.source.id } } },
        orderBy: { id: 'asc' },
      }))
    const row = await save(ctx, 'settlement', data.nameZh, found, data, {
      create: () => tx.settlement.create({ data }),
      update: (id) => tx.settlement.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
    })
    await syncCitations(ctx, { settlementId: row.id }, cites)
  }
}
