import type { Prisma, PrismaClient } from '../../generated/client/client.ts'
import type { Budget } from './budget.ts'
import { MARKETS, SECTORS } from './catalog.ts'
import type { Citable } from './citations.ts'
import { assignIds, located, near, round2, SYNTHETIC_NOTE } from './common.ts'
import { insertRows } from './insert.ts'
import { NameRegistry, placeName, tradeName } from './names.ts'
import { type Random, WeightedPicker, weighted } from './random.ts'
import type { Community, County, Park, Settlement } from './world.ts'

/** Industrial parks (with the settlements they employ) and enterprises in parks or communities. */
export async function seedEconomy(
  prisma: PrismaClient,
  rng: Random,
  budget: Budget,
  world: County[],
  settlements: Settlement[],
  communities: Community[],
  cite: Citable[],
): Promise<{ parks: number; parkSettlementLinks: number; enterprises: number }> {
  const countyPicker = new WeightedPicker(world, (county) => county.info.population)
  const names = new NameRegistry()

  const parks: Park[] = []
  const parkRows: Prisma.IndustrialParkCreateManyInput[] = []
  for (let i = 0; i < budget.parks; i++) {
    const county = countyPicker.pick(rng)
    const township = rng.chance(0.4) ? (county.townships[0] ?? rng.pick(county.townships)) : rng.pick(county.townships)
    const place = names.unique(() => placeName(rng), 'parks')
    const [kindZh, kindEn] = weighted(rng, [
      [['工业园区', 'Industrial Park'], 5],
      [['产业园', 'Industry Park'], 3],
      [['农特产品加工园', 'Farm Produce Processing Park'], 2],
    ] as const)
    const name = names.claim(
      { zh: `${county.info.shortZh}${place.zh}${kindZh}`, en: `${county.info.shortEn} ${place.en} ${kindEn}` },
      'parks',
    )
    const park: Park = { id: 0, township, name, ...near(rng, township, 0.03, county.info.box) }
    parks.push(park)
    parkRows.push({
      divisionId: township.id,
      nameZh: name.zh,
      nameEn: name.en,
      phase: weighted(rng, [
        [1, 6],
        [2, 3],
        [3, 1],
      ]),
      areaMu: round2(rng.around(800, 0.7, 60, 12_000) + rng.next()),
      settledEnterprises: rng.int(3, 60),
      directJobs: rng.around(1500, 0.8, 50, 20_000),
      managingBody: `${county.info.nameZh}${place.zh}园区管理委员会`,
      openedOn: rng.date(2010, 2022),
      ...located(park),
      note: SYNTHETIC_NOTE,
    })
  }
  const returnedParks = await insertRows(prisma, 'IndustrialPark', parkRows, ['nameZh', 'directJobs'])
  assignIds(parks, returnedParks)
  returnedParks.forEach((row, index) => {
    const park = parks[index] as Park
    const jobs = row.directJobs ?? 0
    const rounded = Math.floor(jobs / 100) * 100
    // Sources round big figures down and say 余 ("more than"); small ones are stated exactly.
    const approximate = jobs >= 200 && rounded < jobs
    cite.push(() => ({
      industrialParkId: park.id,
      field: 'directJobs',
      statedAs: approximate ? `${rounded}余人` : `${jobs}人`,
      qualifier: approximate ? 'MORE_THAN' : 'EXACT',
      quote: `${park.name.zh}已带动搬迁群众就近就业${approximate ? `${rounded}余` : jobs}人。`,
    }))
  })

  // A park employs people from a few settlements of its county. The links go into Prisma's implicit
  // many-to-many table in one statement ("A" is the park: IndustrialPark sorts before Settlement);
  // connecting them park by park through the client cost several statements a park.
  const links: { A: number; B: number }[] = []
  for (const park of parks) {
    const nearby = settlements.filter((settlement) => settlement.township.county === park.township.county)
    for (const settlement of rng.sample(nearby, rng.int(1, 5))) links.push({ A: park.id, B: settlement.id })
  }
  if (links.length > 0) {
    await prisma.$executeRawUnsafe(
      'INSERT INTO "_ParkSupportsSettlement" ("A", "B") SELECT "A", "B" FROM jsonb_to_recordset($1::jsonb) AS link("A" int, "B" int)',
      JSON.stringify(links),
    )
  }

  const townships = world.flatMap((county) => county.townships)
  const townshipPicker = new WeightedPicker(townships, (township) => township.weight)
  const enterpriseRows: Prisma.EnterpriseCreateManyInput[] = []
  const enterpriseNames = []
  for (let i = 0; i < budget.enterprises; i++) {
    const where = weighted(rng, [
      ['park', parks.length > 0 ? 35 : 0],
      ['community', communities.length > 0 ? 45 : 0],
      ['township', 20],
    ] as const)
    const park = where === 'park' ? rng.pick(parks) : null
    const community = where === 'community' ? rng.pick(communities) : null
    const township = park?.township ?? community?.township ?? townshipPicker.pick(rng)
    const county = township.county.info
    const sector = rng.pick(SECTORS)
    const name = names.unique(() => {
      const trade = tradeName(rng)
      return {
        zh: `${county.shortZh}${trade.zh}${sector.suffixZh}有限公司`,
        en: `${county.shortEn} ${trade.en} ${sector.suffixEn} Co., Ltd.`,
      }
    }, 'enterprises')
    const inPark = park !== null
    const jobCapacity = rng.around(inPark ? 300 : 60, 0.7, 10, 5_000)
    enterpriseNames.push(name)
    enterpriseRows.push({
      divisionId: community?.divisionId ?? township.id,
      parkId: park?.id ?? null,
      communityId: community?.id ?? null,
      nameZh: name.zh,
      nameEn: name.en,
      sector: sector.zh,
      products: rng.sample(sector.products, rng.int(1, 3)),
      productionLines: rng.int(1, inPark ? 12 : 3),
      jobCapacity,
      employees: rng.chance(0.9) ? Math.round(jobCapacity * rng.float(0.4, 1)) : null,
      averageMonthlyWage: Math.round(rng.float(sector.wage[0], sector.wage[1]) / 10) * 10,
      annualOutputAtFull: rng.chance(0.8) ? rng.around(inPark ? 5e7 : 3e6, 0.9, 1e5, 2e9) : null,
      markets: rng.sample(MARKETS, rng.int(1, 3)),
      openedOn: rng.date(2015, 2024),
      ...located(near(rng, park ?? community ?? township, 0.005, county.box)),
      note: SYNTHETIC_NOTE,
    })
  }
  const returned = await insertRows(prisma, 'Enterprise', enterpriseRows, ['nameZh', 'employees'])
  const enterprises = enterpriseNames.map((name) => ({ id: 0, name }))
  assignIds(enterprises, returned)
  returned.forEach((row, index) => {
    const enterprise = enterprises[index] as { id: number; name: { zh: string } }
    if (row.employees === null) return
    const employees = row.employees
    cite.push(() => ({
      enterpriseId: enterprise.id,
      field: 'employees',
      statedAs: `${employees}人`,
      qualifier: 'EXACT',
      quote: `${enterprise.name.zh}现有员工${employees}人，其中大部分为搬迁群众。`,
    }))
  })
  return { parks: parks.length, parkSettlementLinks: links.length, enterprises: enterprises.length }
}
