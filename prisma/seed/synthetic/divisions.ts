import type { Prisma, PrismaClient } from '../../generated/client/client.ts'
import type { Budget } from './budget.ts'
import { assignIds, inBox, located, near, SYNTHETIC_NOTE } from './common.ts'
import { insertRows } from './insert.ts'
import { NameRegistry, placeName } from './names.ts'
import { type Random, WeightedPicker, weighted } from './random.ts'
import type { County, Division, Township, TownshipKind, Village } from './world.ts'
import { COUNTIES, type DivisionRef, withSelf } from './zhaotong.ts'

const TOWNSHIP_SUFFIX: Record<TownshipKind, readonly [string, string]> = {
  subdistrict: ['街道', 'Subdistrict'],
  town: ['镇', 'Town'],
  township: ['乡', 'Township'],
}
const ETHNIC_TOWNSHIPS = [
  ['彝族苗族乡', 'Yi and Miao Ethnic Township'],
  ['苗族彝族乡', 'Miao and Yi Ethnic Township'],
  ['彝族乡', 'Yi Ethnic Township'],
] as const

/** Townships (乡镇街道) and villages or communities (村/社区) across the eleven counties. */
export async function seedDivisions(
  prisma: PrismaClient,
  rng: Random,
  budget: Budget,
  counties: DivisionRef[],
): Promise<County[]> {
  const codesInUse = new Set(
    (await prisma.division.findMany({ where: { code: { startsWith: '5306' } }, select: { code: true } })).map(
      (row) => row.code,
    ),
  )
  const nextCode = (prefix: string, from: number) => {
    for (let n = from; n <= 999; n++) {
      const code = prefix + String(n).padStart(3, '0')
      if (!codesInUse.has(code)) {
        codesInUse.add(code)
        return code
      }
    }
    return null
  }

  const world: County[] = COUNTIES.map((info, index) => ({
    ref: counties[index] as DivisionRef,
    info,
    lat: info.seat[0],
    lon: info.seat[1],
    townships: [],
  }))
  const names = new NameRegistry()

  const perCounty = apportion(
    budget.townships,
    world.map((county) => county.info.population),
  )
  for (const [index, county] of world.entries()) {
    const count = perCounty[index] as number
    const subdistricts = Math.max(1, Math.round(count * 0.12))
    for (let i = 0; i < count; i++) {
      const kind: TownshipKind =
        i < subdistricts
          ? 'subdistrict'
          : weighted(rng, [
              ['town', 0.65],
              ['township', 0.35],
            ])
      const point =
        i === 0
          ? near(rng, county, 0.02, county.info.box)
          : kind === 'subdistrict'
            ? near(rng, county, 0.08, county.info.box)
            : inBox(rng, county.info.box)
      const base = names.unique(() => placeName(rng), county.info.code)
      const [suffixZh, suffixEn] =
        kind === 'township' && rng.chance(0.12) ? rng.pick(ETHNIC_TOWNSHIPS) : TOWNSHIP_SUFFIX[kind]
      county.townships.push({
        id: 0,
        ancestorIds: withSelf(county.ref),
        code: nextCode(county.info.code, 500 + i),
        name: { zh: base.zh + suffixZh, en: `${base.en} ${suffixEn}` },
        ...point,
        county,
        kind,
        weight: (county.info.population / count) * rng.float(0.5, 1.5) * (kind === 'subdistrict' ? 1.6 : 1),
        villages: [],
        settlements: [],
      })
    }
  }
  const townships = world.flatMap((county) => county.townships)
  await insertDivisions(prisma, townships, 'TOWNSHIP', (township) => township.county.ref.id)

  const urbanChance: Record<TownshipKind, number> = { subdistrict: 0.8, town: 0.25, township: 0.08 }
  const picker = new WeightedPicker(townships, (township) => township.weight)
  const villages: Village[] = []
  for (let i = 0; i < budget.villages; i++) {
    // Every township gets a village first; the rest follow where people live.
    const township = i < townships.length ? (townships[i] as Township) : picker.pick(rng)
    const urban = rng.chance(urbanChance[township.kind])
    const base = names.unique(() => placeName(rng), `${township.county.info.code}|${township.name.zh}`)
    const village: Village = {
      id: 0,
      ancestorIds: township.ancestorIds, // already ends with the township itself
      code: township.code ? nextCode(township.code, urban ? 1 : 201) : null,
      name: urban
        ? { zh: `${base.zh}社区`, en: `${base.en} Community` }
        : { zh: `${base.zh}村`, en: `${base.en} Village` },
      ...near(rng, township, 0.05, township.county.info.box),
      township,
      urban,
    }
    township.villages.push(village)
    villages.push(village)
  }
  await insertDivisions(prisma, villages, 'COMMUNITY', (village) => village.township.id)
  return world
}

/**
 * Inserts divisions, learns their ids, then appends each id to its own ancestorIds (a row cannot
 * name its generated id while being inserted).
 */
async function insertDivisions<D extends Division>(
  prisma: PrismaClient,
  divisions: D[],
  level: 'TOWNSHIP' | 'COMMUNITY',
  parentId: (division: D) => number,
) {
  const rows = divisions.map(
    (division): Prisma.DivisionCreateManyInput => ({
      code: division.code,
      level,
      parentId: parentId(division),
      ancestorIds: division.ancestorIds,
      nameZh: division.name.zh,
      nameEn: division.name.en,
      ...located(division),
      note: SYNTHETIC_NOTE,
    }),
  )
  const returned = await insertRows(prisma, 'Division', rows, ['nameZh'])
  assignIds(divisions, returned)
  for (const division of divisions) division.ancestorIds = [...division.ancestorIds, division.id]
  const ids = returned.map((row) => row.id)
  for (let start = 0; start < ids.length; start += 10_000) {
    const chunk = ids.slice(start, start + 10_000)
    await prisma.$executeRaw`UPDATE "Division" SET "ancestorIds" = array_append("ancestorIds", "id") WHERE "id" = ANY(${chunk}::int[])`
  }
}

/** Splits `total` in proportion to `weights` (largest remainders), giving each at least one. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const spare = total - weights.length
  const exact = weights.map((weight) => (spare * weight) / sum)
  const counts = exact.map((value) => 1 + Math.floor(value))
  const order = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0])
  let left = total - counts.reduce((a, b) => a + b, 0)
  for (const [, index] of order) {
    if (left-- <= 0) break
    counts[index] = (counts[index] as number) + 1
  }
  return counts
}
