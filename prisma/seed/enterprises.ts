// Enterprises that employ relocated residents. The text names neither company, so both names say so.
import { type Cited, cite, syncCitations } from './cite.ts'
import type { SeedContext } from './context.ts'
import * as q from './quotes.ts'
import { save } from './save.ts'

interface EnterpriseSeed {
  division: string
  park?: string
  community?: string
  nameZh: string
  nameEn: string
  sector: string | null
  products: string[]
  markets: string[]
  productionLines?: number
  jobCapacity?: number
  employees?: number
  averageMonthlyWage?: number
  annualOutputAtFull?: number
  note: string
  cites: Cited[]
}

export const ENTERPRISES: EnterpriseSeed[] = [
  {
    division: '镇雄县',
    park: '镇雄县纺织服装产业园',
    nameZh: '镇雄县纺织服装产业园某服饰有限公司',
    nameEn: 'Unnamed apparel company in Zhenxiong County Textile and Garment Industrial Park',
    sector: '纺织服装',
    products: ['中高端防晒服', '打底裤'],
    markets: ['国内市场', '外贸订单'],
    productionLines: 10,
    jobCapacity: 800,
    employees: 300,
    averageMonthlyWage: 5_000,
    annualOutputAtFull: 120_000_000,
    note: 'The source names the company only as 某服饰有限公司 ("a certain apparel company"); the hub keeps that wording. Its figures are as its general manager gave them. annualOutputAtFull is the output it can reach (可达) once fully in production. The products end in 等 (among others); the domestic market is its main market, export orders come second. The text also saw more than 100 workers (100余名务工群众) on the floor during a visit and quotes one worker whose monthly pay rose from 1000多 to 4000多 yuan; neither is a company figure.',
    cites: [
      cite('nameZh', '某服饰有限公司', 'EXACT', q.GARMENT_WORKSHOP),
      cite('sector', '服装厂', 'EXACT', q.GARMENT_WORKER),
      cite('productionLines', '10条', 'EXACT', q.GARMENT_COMPANY),
      cite('jobCapacity', '800余个', 'MORE_THAN', q.GARMENT_COMPANY),
      cite('employees', '300余人', 'MORE_THAN', q.GARMENT_COMPANY),
      cite('averageMonthlyWage', '5000元以上', 'MORE_THAN', q.GARMENT_COMPANY),
      cite('products', '中高端防晒服、打底裤等', 'EXACT', q.GARMENT_COMPANY),
      cite('markets', '主要面向国内市场,同时兼顾外贸订单', 'EXACT', q.GARMENT_COMPANY),
      cite('annualOutputAtFull', '1.2亿元', 'EXACT', q.GARMENT_COMPANY),
    ],
  },
  {
    division: '雨露社区',
    community: '雨露社区',
    nameZh: '雨露社区薯片生产车间（原文未载企业名称）',
    nameEn: 'Potato-chip workshop, Yulu Community (company not named in the source)',
    sector: null,
    products: ['薯片'],
    markets: [],
    note: 'The source names no company. A relocated resident of 雨露社区 walks 10 minutes from the primary school to the potato-chip workshop (薯片生产车间) and calls it work at her doorstep (在家门口上班); the hub links it to her community, the text gives no address. She has worked there more than 4 years for 3400 yuan a month; that is one worker’s pay, not an average, so averageMonthlyWage stays empty.',
    cites: [
      cite('nameZh', '薯片生产车间', 'EXACT', q.YULU_MORNING),
      cite('products', '薯片生产线', 'EXACT', q.CHIP_WORKER),
    ],
  },
]

export async function seedEnterprises(ctx: SeedContext) {
  const { tx, tally } = ctx
  for (const { division, park, community, cites, ...fields } of ENTERPRISES) {
    const data = {
      divisionId: tally.idOf('division', division),
      parkId: park ? tally.idOf('industrialPark', park) : null,
      communityId: community ? tally.idOf('community', community) : null,
      productionLines: null,
      jobCapacity: null,
      employees: null,
      averageMonthlyWage: null,
      annualOutputAtFull: null,
      ...fields,
    }
    const found = await tx.enterprise.findFirst({
      where: { divisionId: data.divisionId, nameZh: data.nameZh },
      orderBy: { id: 'asc' },
    })
    const row = await save(ctx, 'enterprise', data.nameZh, found, data, {
      create: () => tx.enterprise.create({ data }),
      update: (id) => tx.enterprise.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
    })
    await syncCitations(ctx, { enterpriseId: row.id }, cites)
  }
}
