// "一老一小" care facilities of 福兴社区 and the prices they charge. Natural key: nameZh within the
// division; a price's key is its minimum age within the facility.
import type { CareFacilityKind, CareTargetGroup } from '../src/index.ts'
import { type Cited, cite, syncCitations } from './cite.ts'
import type { SeedContext } from './context.ts'
import * as q from './quotes.ts'
import { save } from './save.ts'

interface CareFacilitySeed {
  nameZh: string
  nameEn: string
  kind: CareFacilityKind
  targetGroup: CareTargetGroup
  floorAreaM2?: number
  services: string[]
  peopleServed: number
  openedOn?: Date
  prices: { minAge: number; priceYuan: number; unitZh: string; unitEn: string }[]
  note: string
  cites: Cited[]
}

// All three sit in 福兴社区 and serve its relocated residents.
const PLACE = { division: '福兴社区', settlement: '福兴社区（易地扶贫搬迁安置）', community: '福兴社区' }

export const CARE_FACILITIES: CareFacilitySeed[] = [
  {
    nameZh: '福兴社区老年幸福食堂',
    nameEn: 'Fuxing Community Elderly Happiness Canteen',
    kind: 'ELDERLY_CANTEEN',
    targetGroup: 'ELDERLY',
    services: [],
    peopleServed: 10_000,
    openedOn: new Date('2024-03-01'),
    prices: [
      { minAge: 60, priceYuan: 5, unitZh: '一餐', unitEn: 'a meal' },
      { minAge: 90, priceYuan: 0, unitZh: '一餐', unitEn: 'a meal' },
    ],
    note: 'Opened in March of "this year" (今年3月开业, i.e. 2024); known to the month only, stored as its first day. peopleServed counts meals served since opening (就餐服务1万多人次, person-times). The text gives prices only for people aged 60 and over (60岁以上) and 90 and over (90岁以上, free).',
    cites: [
      cite('nameZh', '绥江县中城镇福兴社区老年幸福食堂', 'EXACT', q.FUXING_CANTEEN),
      cite('prices', '60岁以上的5元一餐', 'EXACT', q.FUXING_CANTEEN_PRICES),
      cite('prices', '90岁以上的免费用餐', 'EXACT', q.FUXING_CANTEEN_PRICES),
      cite('openedOn', '今年3月', 'EXACT', q.FUXING_CANTEEN_PRICES),
      cite('peopleServed', '1万多人次', 'MORE_THAN', q.FUXING_CANTEEN_PRICES),
    ],
  },
  {
    nameZh: '福兴社区养老服务中心',
    nameEn: 'Fuxing Community Elderly Service Centre',
    kind: 'ELDERLY_SERVICE_CENTRE',
    targetGroup: 'ELDERLY',
    services: ['清单化养老服务28项', '15分钟养老服务生活圈'],
    peopleServed: 2_450,
    prices: [],
    note: 'Built since last year (去年以来, i.e. from 2023) under the county’s “守护夕阳红” three-year action; the text gives no opening date. It credits the community with the 28 listed elderly-care services, the 15-minute elderly-care circle and more than 2450 person-times of “material + service” support (物质+服务); the hub records them on the centre the community built for them.',
    cites: [
      cite('nameZh', '建成养老服务中心', 'EXACT', q.FUXING_ELDERLY_CENTRE),
      cite('services', '清单化开展28项养老服务', 'EXACT', q.FUXING_ELDERLY_CENTRE),
      cite('services', '15分钟养老服务生活圈', 'EXACT', q.FUXING_ELDERLY_CENTRE),
      cite('peopleServed', '2450余人次', 'MORE_THAN', q.FUXING_ELDERLY_CENTRE),
    ],
  },
  {
    nameZh: '福兴社区儿童之家',
    nameEn: 'Fuxing Community Children’s Home',
    kind: 'CHILDRENS_HOME',
    targetGroup: 'CHILDREN',
    floorAreaM2: 300,
    services: ['阅览室', '书画室', '多媒体教室'],
    peopleServed: 1_237,
    prices: [],
    note: 'Upgraded and enlarged from 100 m² to more than 300 m² (面积从100平方米扩大到300余平方米); the rooms added end in 等 (among others). peopleServed counts the community’s children it benefits (惠及社区儿童1237人), people not visits.',
    cites: [
      cite('nameZh', '福兴社区对“儿童之家”', 'EXACT', q.FUXING_CHILDRENS_HOME),
      cite('floorAreaM2', '300余平方米', 'MORE_THAN', q.FUXING_CHILDRENS_HOME),
      cite('services', '阅览室、书画室、多媒体教室等功能区', 'EXACT', q.FUXING_CHILDRENS_HOME),
      cite('peopleServed', '1237人', 'EXACT', q.FUXING_CHILDRENS_HOME),
    ],
  },
]

export async function seedCareFacilities(ctx: SeedContext) {
  const { tx, tally } = ctx
  for (const { prices, cites, ...fields } of CARE_FACILITIES) {
    const data = {
      divisionId: tally.idOf('division', PLACE.division),
      settlementId: tally.idOf('settlement', PLACE.settlement),
      communityId: tally.idOf('community', PLACE.community),
      floorAreaM2: null,
      openedOn: null,
      ...fields,
    }
    const found = await tx.careFacility.findFirst({
      where: { divisionId: data.divisionId, nameZh: data.nameZh },
      orderBy: { id: 'asc' },
    })
    const row = await save(ctx, 'careFacility', data.nameZh, found, data, {
      create: () => tx.careFacility.create({ data }),
      update: (id) => tx.careFacility.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
    })
    await syncPrices(ctx, row.id, data.nameZh, prices)
    await syncCitations(ctx, { careFacilityId: row.id }, cites)
  }
}

async function syncPrices(
  ctx: SeedContext,
  careFacilityId: number,
  facility: string,
  prices: CareFacilitySeed['prices'],
) {
  const { tx, tally } = ctx
  for (const price of prices) {
    const data = { careFacilityId, ...price }
    const key = { careFacilityId, minAge: price.minAge }
    const found = await tx.carePrice.findUnique({ where: { careFacilityId_minAge: key } })
    await save(ctx, 'carePrice', `${facility} ${price.minAge}+`, found, data, {
      create: () => tx.carePrice.create({ data }),
      update: () => tx.carePrice.update({ where: { careFacilityId_minAge: key }, data }),
    })
  }
  // The text lists every price it knows; others on a seeded facility are stale.
  const { count } = await tx.carePrice.deleteMany({
    where: { careFacilityId, minAge: { notIn: prices.map((price) => price.minAge) } },
  })
  tally.deleted += count
}
