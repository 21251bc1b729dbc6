import type { Prisma, PrismaClient } from '../../generated/client/client.ts'
import type { Budget } from './budget.ts'
import type { Citable } from './citations.ts'
import { assignIds, located, near, SYNTHETIC_NOTE } from './common.ts'
import { insertRows } from './insert.ts'
import { auspiciousName, NameRegistry, placeName } from './names.ts'
import { type Random, WeightedPicker } from './random.ts'
import type { Community, County, Settlement, Township } from './world.ts'

/** Relocation settlements (易地扶贫搬迁安置区) and the communities their residents live in. */
export async function seedRelocation(
  prisma: PrismaClient,
  rng: Random,
  budget: Budget,
  world: County[],
  cite: Citable[],
): Promise<{ settlements: Settlement[]; communities: Community[] }> {
  const townships = world.flatMap((county) => county.townships)
  const townshipPicker = new WeightedPicker(townships, (township) => township.weight)
  const names = new NameRegistry()

  const settlements: Settlement[] = []
  const settlementRows: Prisma.SettlementCreateManyInput[] = []
  for (let i = 0; i < budget.settlements; i++) {
    const township = townshipPicker.pick(rng)
    const population = rng.around(1200, 1, 80, 45_000)
    const place = names.unique(() => placeName(rng), township.county.info.code)
    const name =
      population > 10_000
        ? { zh: `${place.zh}新区`, en: `${place.en} New District` }
        : population > 800
          ? { zh: `${place.zh}安置区`, en: `${place.en} Relocation Area` }
          : { zh: `${place.zh}易地扶贫搬迁安置点`, en: `${place.en} Relocation Site` }
    const settlement: Settlement = {
      id: 0,
      township,
      name,
      population,
      ...near(rng, township, 0.03, township.county.info.box),
    }
    township.settlements.push(settlement)
    settlements.push(settlement)
    const elderly = Math.round(population * rng.float(0.09, 0.16))
    settlementRows.push({
      divisionId: township.id,
      nameZh: name.zh,
      nameEn: name.en,
      relocatedPopulation: population,
      households: Math.round(population / rng.float(3.8, 4.6)),
      elderly,
      leftBehindElderly: rng.chance(0.85) ? Math.round(elderly * rng.float(0.05, 0.25)) : null,
      children: Math.round(population * rng.float(0.24, 0.36)),
      openedOn: rng.date(2016, 2020),
      ...located(settlement),
      note: SYNTHETIC_NOTE,
    })
  }
  assignIds(settlements, await insertRows(prisma, 'Settlement', settlementRows, ['nameZh']))
  for (const settlement of settlements) {
    const figure = settlement.population
    cite.push(() => ({
      settlementId: settlement.id,
      field: 'relocatedPopulation',
      statedAs: `${figure}人`,
      qualifier: 'EXACT',
      quote: `${settlement.name.zh}共搬迁安置群众${figure}人。`,
    }))
  }

  // Big settlements have many communities; some communities stand on their own.
  const settlementPicker = new WeightedPicker(settlements, (settlement) => Math.sqrt(settlement.population))
  const communities: Community[] = []
  const communityRows: Prisma.CommunityCreateManyInput[] = []
  for (let i = 0; i < budget.communities; i++) {
    const settlement = rng.chance(0.85) ? settlementPicker.pick(rng) : null
    const township: Township = settlement?.township ?? townshipPicker.pick(rng)
    const urbanVillages = township.villages.filter((village) => village.urban)
    const home =
      urbanVillages.length > 0
        ? rng.pick(urbanVillages)
        : township.villages.length > 0
          ? rng.pick(township.villages)
          : null
    const name = names.unique(() => {
      const base = settlement ? auspiciousName(rng) : placeName(rng)
      return { zh: `${base.zh}社区`, en: `${base.en} Community` }
    }, `t${township.id}`)
    const population = rng.around(settlement ? Math.max(800, settlement.population / 3) : 2500, 0.5, 150, 20_000)
    const community: Community = {
      id: 0,
      divisionId: home?.id ?? township.id,
      township,
      settlement,
      name,
      population,
      ...near(rng, settlement ?? home ?? township, 0.01, township.county.info.box),
    }
    communities.push(community)
    const elderly = Math.round(population * rng.float(0.09, 0.16))
    communityRows.push({
      divisionId: community.divisionId,
      settlementId: settlement?.id ?? null,
      nameZh: name.zh,
      nameEn: name.en,
      relocatedPopulation: settlement ? population : null,
      households: Math.round(population / rng.float(3.6, 4.6)),
      elderly,
      leftBehindElderly: rng.chance(0.8) ? Math.round(elderly * rng.float(0.05, 0.25)) : null,
      children: Math.round(population * rng.float(0.22, 0.36)),
      openedOn: rng.chance(0.9) ? rng.date(2016, 2021) : null,
      ...located(community),
      note: SYNTHETIC_NOTE,
    })
  }
  const returned = await insertRows(prisma, 'Community', communityRows, ['nameZh', 'households'])
  assignIds(communities, returned)
  returned.forEach((row, index) => {
    const community = communities[index] as Community
    const households = row.households ?? 0
    cite.push(() => ({
      communityId: community.id,
      field: 'households',
      statedAs: `${households}户`,
      qualifier: 'EXACT',
      quote: `${community.name.zh}现有住户${households}户。`,
    }))
  })
  return { settlements, communities }
}
