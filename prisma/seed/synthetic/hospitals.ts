import type { Prisma, PrismaClient } from '../../generated/client/client.ts'
import type { HospitalRole } from '../../generated/client/enums.ts'
import type { Budget } from './budget.ts'
import { HOSPITAL_SPECIALTY_CENTRES, PARTNER_HOSPITALS } from './catalog.ts'
import type { Citable } from './citations.ts'
import { assignIds, located, near, type Point, SYNTHETIC_NOTE } from './common.ts'
import { insertRows } from './insert.ts'
import { chineseNumber, type Name, NameRegistry, Ordinals } from './names.ts'
import { type Random, WeightedPicker, weighted } from './random.ts'
import type { County, Township } from './world.ts'

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
  ['传染病医院', 'Infectious Disease Hospital'],
  ['肿瘤医院', 'Cancer Hospital'],
  ['皮肤病医院', 'Dermatology Hospital'],
  ['儿童医院', "Children's Hospital"],
  ['老年病医院', 'Geriatric Hospital'],
  ['中西医结合医院', 'Hospital of Integrated Chinese and Western Medicine'],
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
  const withCentre = new Set<Township>()
  const hospitals: { id: number; name: Name; plannedBeds: number }[] = []
  const rows: Prisma.HospitalCreateManyInput[] = []
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
        name = names.fresh(() => {
          const [zh, en] = rng.pick(SPECIALTIES)
          return { zh: countyName.zh + zh, en: `${countyName.en} ${en}` }
        }, 'hospitals')
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
        const fallback = { zh: `${home.name.zh}社区`, en: `${home.name.en} Community` }
        name = names.fresh(() => {
          const host = urban.length > 0 ? rng.pick(urban).name : fallback
          return { zh: `${host.zh}卫生服务中心`, en: `${host.en} Health Service Centre` }
        }, 'hospitals')
        beds = rng.int(0, 6) * 10
        break
      }
      default: {
        // Subdistricts have community health centres; a township health centre is in a town or township.
        // One centre a township: when this one has its centre already (or is a subdistrict), another
        // township of the county gets it.
        const rural = county.townships.filter((candidate) => candidate.kind !== 'subdistrict')
        const candidates = rural.length > 0 ? rural : county.townships
        let centre = township.kind === 'subdistrict' || withCentre.has(township) ? rng.pick(candidates) : township
        for (let attempt = 0; attempt < 5 && withCentre.has(centre); attempt++) centre = rng.pick(candidates)
        withCentre.add(centre)
        home = centre
        const central = centre.kind === 'town' && rng.chance(0.4)
        name = {
          zh: `${centre.name.zh}${central ? '中心' : ''}卫生院`,
          en: `${centre.name.en} ${central ? 'Central ' : ''}Health Centre`,
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
  assignIds(hospitals, await insertRows(prisma, 'Hospital', rows, ['nameZh']))
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
