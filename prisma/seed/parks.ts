// Industrial parks (产业园区) and the settlements they were built to employ.
import { cite, syncCitations } from './cite.ts'
import type { SeedContext } from './context.ts'
import * as q from './quotes.ts'
import { save } from './save.ts'

export const PARKS = [
  {
    division: '镇雄县',
    supportedSettlements: ['呢噜坪易地扶贫搬迁安置区'],
    nameZh: '镇雄县纺织服装产业园',
    nameEn: 'Zhenxiong County Textile and Garment Industrial Park',
    phase: 1,
    areaMu: 237,
    settledEnterprises: 10,
    directJobs: 2_700,
    managingBody: '镇雄产业园区管理委员会',
    note: 'The figures describe phase 1 (一期). The text also calls the park the county’s project for taking on industry moving in from elsewhere and for bringing people home to start businesses or work (承接产业转移、回引人才返乡创业就业的支撑性项目).',
    cites: [
      cite('nameZh', '镇雄县纺织服装产业园', 'EXACT', q.PARK_PURPOSE),
      cite('supportedSettlements', '呢噜坪易地扶贫搬迁安置区的配套项目', 'EXACT', q.PARK_PURPOSE),
      cite('phase', '一期', 'EXACT', q.PARK_PHASE_ONE),
      cite('areaMu', '237亩', 'EXACT', q.PARK_PHASE_ONE),
      cite('settledEnterprises', '10家', 'EXACT', q.PARK_PHASE_ONE),
      cite('directJobs', '2700余人', 'MORE_THAN', q.PARK_PHASE_ONE),
      cite('managingBody', '镇雄产业园区管理委员会', 'EXACT', q.PARK_PHASE_ONE),
    ],
  },
]

export async function seedParks(ctx: SeedContext) {
  const { tx, tally } = ctx
  for (const { division, supportedSettlements, cites, ...fields } of PARKS) {
    const data = { divisionId: tally.idOf('division', division), ...fields }
    const found = await tx.industrialPark.findFirst({
      where: { divisionId: data.divisionId, nameZh: data.nameZh },
      orderBy: { id: 'asc' },
    })
    const row = await save(ctx, 'industrialPark', data.nameZh, found, data, {
      create: () => tx.industrialPark.create({ data }),
      update: (id) => tx.industrialPark.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
    })
    // Adds the links the text states; links other data made are left in place.
    const linked = await tx.settlement.findMany({
      where: { supportingParks: { some: { id: row.id } } },
      select: { id: true },
    })
    const missing = supportedSettlements
      .map((name) => tally.idOf('settlement', name))
      .filter((id) => !linked.some((settlement) => settlement.id === id))
    if (missing.length > 0) {
      await tx.industrialPark.update({
        where: { id: row.id },
        data: { supportedSettlements: { connect: missing.map((id) => ({ id })) } },
      })
      tally.created += missing.length
    }
    await syncCitations(ctx, { industrialParkId: row.id }, cites)
  }
}
