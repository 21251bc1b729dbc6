import type { Prisma, PrismaClient } from '../../generated/client/client.ts'
import type { SchoolStage } from '../../generated/client/enums.ts'
import type { Budget } from './budget.ts'
import type { Citable } from './citations.ts'
import { assignIds, located, near, type Point, SYNTHETIC_NOTE } from './common.ts'
import { insertRows } from './insert.ts'
import { chineseNumber, type Name, NameRegistry, Ordinals } from './names.ts'
import { type Random, WeightedPicker, weighted } from './random.ts'
import type { County, Township } from './world.ts'

const SCHOOL_STAGES: readonly (readonly [SchoolStage, number])[] = [
  ['PRIMARY', 38],
  ['KINDERGARTEN', 30],
  ['JUNIOR_SECONDARY', 12],
  ['NINE_YEAR', 9],
  ['SENIOR_SECONDARY', 5],
  ['VOCATIONAL', 3],
  ['SPECIAL_EDUCATION', 3],
]
const STAGE_NAMES: Record<SchoolStage, readonly [string, string]> = {
  KINDERGARTEN: ['幼儿园', 'Kindergarten'],
  PRIMARY: ['小学', 'Primary School'],
  JUNIOR_SECONDARY: ['中学', 'Middle School'],
  NINE_YEAR: ['九年一贯制学校', 'Nine-Year School'],
  SENIOR_SECONDARY: ['中学', 'Senior High School'],
  VOCATIONAL: ['职业技术学校', 'Vocational School'],
  SPECIAL_EDUCATION: ['特殊教育学校', 'Special Education School'],
}
const SEATS: Record<SchoolStage, readonly [number, number]> = {
  KINDERGARTEN: [90, 540],
  PRIMARY: [180, 2700],
  JUNIOR_SECONDARY: [600, 3000],
  NINE_YEAR: [450, 2700],
  SENIOR_SECONDARY: [1500, 6000],
  VOCATIONAL: [800, 5000],
  SPECIAL_EDUCATION: [60, 300],
}

/** Schools and kindergartens, some built with a settlement for its children. */
export async function seedSchools(
  prisma: PrismaClient,
  rng: Random,
  budget: Budget,
  world: County[],
  cite: Citable[],
): Promise<number> {
  const townships = world.flatMap((county) => county.townships)
  const picker = new WeightedPicker(townships, (township) => township.weight)
  const names = new NameRegistry()
  const ordinals = new Ordinals()
  const countySchools = new Set<string>()
  const schools: { id: number; name: Name; seats: number }[] = []
  const rows: Prisma.SchoolCreateManyInput[] = []
  for (let i = 0; i < budget.schools; i++) {
    const stage =
      i < SCHOOL_STAGES.length ? (SCHOOL_STAGES[i] as (typeof SCHOOL_STAGES)[number])[0] : weighted(rng, SCHOOL_STAGES)
    const [stageZh, stageEn] = STAGE_NAMES[stage]
    const township = picker.pick(rng)
    const county = township.county
    const local =
      stage === 'KINDERGARTEN' || stage === 'PRIMARY' || stage === 'JUNIOR_SECONDARY' || stage === 'NINE_YEAR'
    const settlement =
      local && township.settlements.length > 0 && rng.chance(0.3) ? rng.pick(township.settlements) : null
    const village =
      (stage === 'KINDERGARTEN' || stage === 'PRIMARY') &&
      !settlement &&
      township.villages.length > 0 &&
      rng.chance(0.5)
        ? rng.pick(township.villages)
        : null
    // Senior high schools belong to the county; so do its first vocational and special schools, later
    // ones belong to a township.
    const countyLevel = stage === 'SENIOR_SECONDARY' || (!local && !countySchools.has(`${county.info.code}|${stage}`))
    if (countyLevel) countySchools.add(`${county.info.code}|${stage}`)
    const seat = county.townships[0] as Township
    const host: Point & { id: number; name: Name } = countyLevel ? seat : (settlement ?? village ?? township)
    const hostName = countyLevel ? { zh: county.info.nameZh, en: county.info.nameEn } : host.name
    // Names are unique within a township (county-level schools: within the county). A second school of
    // a stage in one place is its 第二…; settlement schools and senior high schools count from 第一.
    const scope = countyLevel ? `c${county.info.code}` : `t${township.id}`
    const n = ordinals.next(`${scope}|${hostName.zh}|${stage}`)
    const central = host === township && (stage === 'PRIMARY' || stage === 'KINDERGARTEN')
    let name: Name =
      n === 1 && !settlement && stage !== 'SENIOR_SECONDARY'
        ? {
            zh: hostName.zh + (central ? '中心' : '') + stageZh,
            en: `${hostName.en} ${central ? 'Central ' : ''}${stageEn}`,
          }
        : { zh: `${hostName.zh}第${chineseNumber(n)}${stageZh}`, en: `${hostName.en} No. ${n} ${stageEn}` }
    const divisionId = settlement ? township.id : host.id
    name = names.claim(name, scope)
    const [low, high] = SEATS[stage]
    const seats = Math.round(rng.float(low, high) / 30) * 30
    schools.push({ id: 0, name, seats })
    rows.push({
      divisionId,
      settlementId: settlement?.id ?? null,
      nameZh: name.zh,
      nameEn: name.en,
      stage,
      seats,
      openedOn: settlement ? rng.date(2017, 2022) : rng.date(1952, 2023),
      ...located(near(rng, host, 0.01, county.info.box)),
      note: SYNTHETIC_NOTE,
    })
  }
  assignIds(schools, await insertRows(prisma, 'School', rows, ['nameZh']))
  for (const school of schools) {
    cite.push(() => ({
      schoolId: school.id,
      field: 'seats',
      statedAs: `${school.seats}个`,
      qualifier: 'EXACT',
      quote: `${school.name.zh}可提供学位${school.seats}个。`,
    }))
  }
  return schools.length
}
