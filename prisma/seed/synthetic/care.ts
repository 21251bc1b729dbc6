import type { Prisma, PrismaClient } from '../../generated/client/client.ts'
import type { CareFacilityKind, CareTargetGroup } from '../../generated/client/enums.ts'
import { type Budget, CANTEEN_SHARE } from './budget.ts'
import type { Citable } from './citations.ts'
import { assignIds, located, near, type Point, round2, SYNTHETIC_NOTE } from './common.ts'
import { insertRows } from './insert.ts'
import { type Name, NameRegistry } from './names.ts'
import { type Random, WeightedPicker, weighted } from './random.ts'
import type { Community, County, Township } from './world.ts'

/** Where a kind of facility sits and whom it serves. */
interface KindProfile {
  weight: number
  suffix: readonly [string, string]
  target: readonly CareTargetGroup[]
  /** community: in a Community record or a village; township: the township itself; county: at the seat. */
  level: 'community' | 'township' | 'county'
  services: readonly string[]
  floorArea: readonly [number, number]
  served: number
}

/** Where one facility goes, and its name there. */
interface Placement {
  township: Township
  community: Community | null
  host: Point
  divisionId: number
  name: Name
  /** Names are unique within a township, or within the county for county-level institutions. */
  scope: string
}

const KINDS: Record<CareFacilityKind, KindProfile> = {
  ELDERLY_CANTEEN: {
    weight: CANTEEN_SHARE * 100,
    suffix: ['老年幸福食堂', 'Elderly Canteen'],
    target: ['ELDERLY'],
    level: 'community',
    services: ['助餐', '送餐上门', '文化娱乐', '健康监测'],
    floorArea: [60, 400],
    served: 3000,
  },
  CHILDRENS_HOME: {
    weight: 16,
    suffix: ['儿童之家', "Children's Home"],
    target: ['CHILDREN'],
    level: 'community',
    services: ['课后托管', '心理关爱', '亲情视频', '四点半课堂', '安全教育'],
    floorArea: [40, 200],
    served: 800,
  },
  COMMUNITY_HOME_CARE_CENTRE: {
    weight: 14,
    suffix: ['居家养老服务中心', 'Home Care Service Centre'],
    target: ['ELDERLY', 'ALL_RESIDENTS'],
    level: 'community',
    services: ['日间照料', '助餐', '助浴', '康复护理', '上门服务'],
    floorArea: [150, 800],
    served: 2000,
  },
  ELDERLY_SERVICE_CENTRE: {
    weight: 10,
    suffix: ['养老服务中心', 'Elderly Service Centre'],
    target: ['ELDERLY'],
    level: 'township',
    services: ['日间照料', '助餐', '文化娱乐', '康复护理'],
    floorArea: [200, 1500],
    served: 2500,
  },
  CHILDCARE_CENTRE: {
    weight: 10,
    suffix: ['托育中心', 'Childcare Centre'],
    target: ['INFANTS'],
    level: 'community',
    services: ['全日托', '半日托', '临时托', '早期教育'],
    floorArea: [150, 900],
    served: 80,
  },
  NURSING_HOME: {
    weight: 8,
    suffix: ['敬老院', 'Nursing Home'],
    target: ['ELDERLY', 'DISABLED_ELDERLY'],
    level: 'township',
    services: ['集中供养', '生活照料', '医疗护理', '文化娱乐'],
    floorArea: [400, 3000],
    served: 60,
  },
  TOWNSHIP_ELDERLY_CENTRE: {
    weight: 5,
    suffix: ['区域养老服务中心', 'Regional Elderly Service Centre'],
    target: ['ELDERLY', 'DISABLED_ELDERLY'],
    level: 'township',
    services: ['集中供养', '日间照料', '康复护理', '助餐'],
    floorArea: [800, 4000],
    served: 150,
  },
  DISABILITY_CARE_INSTITUTION: {
    weight: 2,
    suffix: ['失能照护中心', 'Disability Care Centre'],
    target: ['DISABLED_ELDERLY'],
    level: 'county',
    services: ['长期照护', '医疗护理', '康复训练', '临终关怀'],
    floorArea: [2000, 12_000],
    served: 200,
  },
}
const KIND_OPTIONS = Object.entries(KINDS).map(([kind, profile]) => [kind as CareFacilityKind, profile.weight] as const)
const PRICE_AGES = [60, 70, 80, 90] as const

/** Elderly and child care facilities ("一老一小"), with price lists for the canteens. */
export async function seedCare(
  prisma: PrismaClient,
  rng: Random,
  budget: Budget,
  world: County[],
  communities: Community[],
  cite: Citable[],
): Promise<{ careFacilities: number; carePrices: number }> {
  const townships = world.flatMap((county) => county.townships)
  const picker = new WeightedPicker(townships, (township) => township.weight)
  const communityPicker =
    communities.length > 0 ? new WeightedPicker(communities, (c) => Math.sqrt(c.population)) : null
  const names = new NameRegistry()
  const facilities: { id: number; name: Name; kind: CareFacilityKind; peopleServed: number | null }[] = []
  const rows: Prisma.CareFacilityCreateManyInput[] = []
  const place = (profile: KindProfile, attempt: number): Placement => {
    const township = picker.pick(rng)
    const county = township.county
    const named = (hostName: Name): Name => ({
      zh: hostName.zh + profile.suffix[0],
      en: `${hostName.en} ${profile.suffix[1]}`,
    })
    if (profile.level === 'county') {
      // The county's own institution at the seat; further ones carry a township's name too.
      const seat = county.townships[0] as Township
      const where = attempt === 0 ? seat : township
      const hostName =
        attempt === 0
          ? { zh: county.info.nameZh, en: county.info.nameEn }
          : { zh: county.info.nameZh + township.name.zh, en: `${county.info.nameEn} ${township.name.en}` }
      return {
        township: where,
        community: null,
        host: where,
        divisionId: where.id,
        name: named(hostName),
        scope: `c${county.info.code}`,
      }
    }
    const village = township.villages.length > 0 ? rng.pick(township.villages) : null
    if (profile.level === 'township' && (attempt < 4 || !village)) {
      return {
        township,
        community: null,
        host: township,
        divisionId: township.id,
        name: named(township.name),
        scope: `t${township.id}`,
      }
    }
    if (profile.level === 'community' && communityPicker && rng.chance(0.5)) {
      const community = communityPicker.pick(rng)
      return {
        township: community.township,
        community,
        host: community,
        divisionId: community.divisionId,
        name: named(community.name),
        scope: `t${community.township.id}`,
      }
    }
    const where = village ?? township
    return {
      township,
      community: null,
      host: where,
      divisionId: where.id,
      name: named(where.name),
      scope: `t${township.id}`,
    }
  }
  for (let i = 0; i < budget.careFacilities; i++) {
    // The first eight cover every kind, so even a small data set shows them all.
    const kind =
      i < KIND_OPTIONS.length ? (KIND_OPTIONS[i] as (typeof KIND_OPTIONS)[number])[0] : weighted(rng, KIND_OPTIONS)
    const profile = KINDS[kind]
    // Draw places until this kind's name is free there; later draws fall back to smaller hosts.
    let spot = place(profile, 0)
    for (let attempt = 1; attempt < 8 && names.has(spot.name, spot.scope); attempt++) spot = place(profile, attempt)
    const { township, community, host, divisionId } = spot
    const name = names.claim(spot.name, spot.scope)
    const peopleServed = rng.chance(0.85) ? rng.around(profile.served, 0.7, 5, profile.served * 20) : null
    facilities.push({ id: 0, name, kind, peopleServed })
    rows.push({
      divisionId,
      settlementId: community?.settlement?.id ?? null,
      communityId: community?.id ?? null,
      nameZh: name.zh,
      nameEn: name.en,
      kind,
      targetGroup: rng.pick(profile.target),
      floorAreaM2: rng.chance(0.9) ? round2(rng.float(profile.floorArea[0], profile.floorArea[1])) : null,
      services: rng.sample(profile.services, rng.int(1, profile.services.length)),
      peopleServed,
      openedOn: rng.date(kind === 'NURSING_HOME' ? 1995 : 2016, 2024),
      ...located(near(rng, host, 0.008, township.county.info.box)),
      note: SYNTHETIC_NOTE,
    })
  }
  assignIds(facilities, await insertRows(prisma, 'CareFacility', rows, ['nameZh']))

  // A canteen charges less the older the diner: e.g. 5 yuan from 60, 3 from 80, free from 90.
  const prices: Prisma.CarePriceCreateManyInput[] = []
  for (const facility of facilities) {
    if (facility.peopleServed !== null) {
      const { id, name, peopleServed } = facility
      cite.push(() => ({
        careFacilityId: id,
        field: 'peopleServed',
        statedAs: `${peopleServed}人次`,
        qualifier: 'EXACT',
        quote: `${name.zh}累计服务${peopleServed}人次。`,
      }))
    }
    if (facility.kind !== 'ELDERLY_CANTEEN') continue
    let price = rng.pick([5, 6, 8, 10])
    for (const minAge of PRICE_AGES) {
      if (minAge !== 60 && rng.chance(0.5)) continue
      if (minAge !== 60) price = minAge === 90 && rng.chance(0.7) ? 0 : Math.max(0, price - rng.pick([1, 2, 3]))
      prices.push({ careFacilityId: facility.id, minAge, priceYuan: price, unitZh: '一餐', unitEn: 'a meal' })
    }
  }
  const inserted = await insertRows(prisma, 'CarePrice', prices)
  return { careFacilities: facilities.length, carePrices: inserted.length }
}
