import type { PrismaClient } from '../../generated/client/client.ts'
import type { HospitalRole, SchoolStage } from '../../generated/client/enums.ts'
import type { Budget } from './budget.ts'
import { HOSPITAL_SPECIALTY_CENTRES, PARTNER_HOSPITALS } from './catalog.ts'
import type { Citable } from './citations.ts'
import { assignIds, insertInBatches, located, near, type Point, SYNTHETIC_NOTE } from './common.ts'
import { chineseNumber, type Name, NameRegistry } from './names.ts'
import { type Random, WeightedPicker, weighted } from './random.ts'
import type { County, Township } from './world.ts'

/** Numbers repeated names the way registers do: 人民医院, 第二人民医院, 第三人民医院… */
class Ordinals {
  private readonly seen = new Map<string, number>()

  next(key: string): number {
    const n = (this.seen.get(key) ?? 0) + 1
    this.seen.set(key, n)
    return n
  }
}

const HOSPITAL_ROLES: readonly (readonly [HospitalRole, number])[] = [
  ['TOWNSHIP_HEALTH_CENTRE', 45],
  ['COMMUNITY_HEALTH_CENTRE', 20],
  ['GENERAL_HOSPITAL', 12],
  ['SPECIALTY_HOSPITAL', 9],
  ['TCM_HOSPITAL', 7],
  ['MEDICAL_COMMUNITY_HEAD_HOSPITAL', 6],
  ['PROVINCIAL_REGIONAL_MEDICAL_CENTRE', 1],
]
const SPECIALTIES = [
  ['妇幼保健院', 'Maternal and Child Health Hospital'],
  ['精神病医院', 'Psychiatric Hospital'],
  ['口腔医院', 'Dental Hospital'],
  ['骨科医院', 'Orthopaedic Hospital'],
  ['眼科医院', 'Eye Hospital'],
  ['康复医院', 'Rehabilitation Hospital'],
] as const

/** Hospitals and health centres: a health centre in most townships, county hospitals at the seats. */
export async function seedHospitals(
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
  let regionalCentre = false
  const hospitals: { id: number; name: Name; plannedBeds: number }[] = []
  const rows = []
  for (let i = 0; i < budget.hospitals; i++) {
    // The first few cover every role, so even a small data set shows them all.
    let role =
      i < HOSPITAL_ROLES.length
        ? (HOSPITAL_ROLES[i] as (typeof HOSPITAL_ROLES)[number])[0]
        : weighted(rng, HOSPITAL_ROLES)
    if (role === 'PROVINCIAL_REGIONAL_MEDICAL_CENTRE' && regionalCentre) role = 'GENERAL_HOSPITAL'
    const township = picker.pick(rng)
    const county = township.county
    const seat = county.townships[0] as Township
    const countyName = { zh: county.info.nameZh, en: county.info.nameEn }
    let name: Name
    let home: Township = seat
    let beds: number
    let grade: string | null = null
    switch (role) {
      case 'PROVINCIAL_REGIONAL_MEDICAL_CENTRE': {
        regionalCentre = true
        home = (world[0] as County).townships[0] as Township
        name = { zh: '滇东北区域医疗中心', en: 'Northeast Yunnan Regional Medical Centre' }
        beds = rng.int(15, 30) * 100
        grade = '三级甲等'
        break
      }
      case 'GENERAL_HOSPITAL': {
        const n = ordinals.next(`${county.info.code}|general`)
        name = {
          zh: `${countyName.zh}${n === 1 ? '' : `第${chineseNumber(n)}`}人民医院`,
          en: `${countyName.en} ${n === 1 ? '' : `No. ${n} `}People's Hospital`,
        }
        beds = rng.int(20, 120) * 10
        grade = rng.pick(['三级乙等', '二级甲等', '二级甲等', '二级乙等'])
        break
      }
      case 'SPECIALTY_HOSPITAL': {
        const [zh, en] = rng.pick(SPECIALTIES)
        name = { zh: countyName.zh + zh, en: `${countyName.en} ${en}` }
        beds = rng.int(5, 40) * 10
        grade = rng.pick(['二级甲等', '二级乙等', '一级'])
        break
      }
      case 'TCM_HOSPITAL':
      case 'MEDICAL_COMMUNITY_HEAD_HOSPITAL': {
        // One of each a county; further ones are its branches (分院) in other townships.
        const [zh, en] =
          role === 'TCM_HOSPITAL'
            ? ['中医医院', 'Hospital of Traditional Chinese Medicine']
            : ['医共体总医院', 'Medical Community Head Hospital']
        const branch = ordinals.next(`${county.info.code}|${role}`) > 1
        home = branch ? township : seat
        name = {
          zh: countyName.zh + zh + (branch ? `${township.name.zh}分院` : ''),
          en: `${countyName.en} ${en}${branch ? `, ${township.name.en} Branch` : ''}`,
        }
        beds = rng.int(branch ? 5 : 20, branch ? 20 : 100) * 10
        grade = branch ? null : rng.pick(['三级乙等', '二级甲等'])
        break
      }
      case 'COMMUNITY_HEALTH_CENTRE': {
        // Urban communities have them; a rural township's share goes to the county seat.
        home = township.villages.some((village) => village.urban) ? township : seat
        const urban = home.villages.filter((village) => village.urban)
        const host =
          urban.length > 0 ? rng.pick(urban).name : { zh: `${home.name.zh}社区`, en: `${home.name.en} Community` }
        name = { zh: `${host.zh}卫生服务中心`, en: `${host.en} Health Service Centre` }
        beds = rng.int(0, 6) * 10
        break
      }
      default: {
        // Subdistricts have community health centres; a township health centre is in a town or township.
        const rural = county.townships.filter((candidate) => candidate.kind !== 'subdistrict')
        home = township.kind === 'subdistrict' && rural.length > 0 ? rng.pick(rural) : township
        const central = home.kind === 'town' && rng.chance(0.4)
        name = {
          zh: `${home.name.zh}${central ? '中心' : ''}卫生院`,
          en: `${home.name.en} ${central ? 'Central ' : ''}Health Centre`,
        }
        beds = rng.int(2, 12) * 10
        grade = rng.chance(0.3) ? '一级甲等' : null
      }
    }
    name = names.claim(name, 'hospitals')
    const point: Point = near(rng, home, 0.02, home.county.info.box)
    const big = beds >= 500
    hospitals.push({ id: 0, name, plannedBeds: beds })
    rows.push({
      divisionId: home.id,
      nameZh: name.zh,
      nameEn: name.en,
      role,
      grade,
      plannedBeds: beds,
      openBeds: Math.round(beds * rng.float(0.6, 1.05)),
      specialtyCentres: big ? rng.sample(HOSPITAL_SPECIALTY_CENTRES, rng.int(1, 5)) : [],
      managingInstitution: big && rng.chance(0.5) ? rng.pick(PARTNER_HOSPITALS) : null,
      managedSince: big && rng.chance(0.5) ? rng.date(2019, 2024) : null,
      advancedTechniques: big ? rng.int(5, 120) : null,
      newTechniques: big ? rng.int(1, 40) : null,
      patientsReturned: big ? rng.around(3000, 0.8, 100, 60_000) : null,
      openedOn: rng.date(1950, 2023),
      ...located(point),
      note: SYNTHETIC_NOTE,
    })
  }
  assignIds(
    hospitals,
    await insertInBatches(rows, (batch) =>
      prisma.hospital.createManyAndReturn({ data: batch, select: { id: true, nameZh: true } }),
    ),
  )
  for (const hospital of hospitals) {
    cite.push(() => ({
      hospitalId: hospital.id,
      field: 'plannedBeds',
      statedAs: `${hospital.plannedBeds}张`,
      qualifier: 'PLANNED',
      quote: `${hospital.name.zh}规划床位${hospital.plannedBeds}张。`,
    }))
  }
  return hospitals.length
}

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
  const schools: { id: number; name: Name; seats: number }[] = []
  const rows = []
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
    const seat = county.townships[0] as Township
    const host: Point & { id: number; name: Name } = !local ? seat : (settlement ?? village ?? township)
    const hostName = local ? host.name : { zh: county.info.nameZh, en: county.info.nameEn }
    // A second school of a stage in one place is its 第二…; settlement schools and senior high schools are numbered from 一.
    const n = ordinals.next(`${hostName.zh}|${stage}`)
    const central = host === township && (stage === 'PRIMARY' || stage === 'KINDERGARTEN')
    let name: Name =
      n === 1 && !settlement && stage !== 'SENIOR_SECONDARY'
        ? {
            zh: hostName.zh + (central ? '中心' : '') + stageZh,
            en: `${hostName.en} ${central ? 'Central ' : ''}${stageEn}`,
          }
        : { zh: `${hostName.zh}第${chineseNumber(n)}${stageZh}`, en: `${hostName.en} No. ${n} ${stageEn}` }
    const divisionId = settlement ? township.id : host.id
    const point: Point = host
    name = names.claim(name, 'schools')
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
      ...located(near(rng, point, 0.01, county.info.box)),
      note: SYNTHETIC_NOTE,
    })
  }
  assignIds(
    schools,
    await insertInBatches(rows, (batch) =>
      prisma.school.createManyAndReturn({ data: batch, select: { id: true, nameZh: true } }),
    ),
  )
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
