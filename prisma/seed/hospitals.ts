// Hospitals the text describes. Natural key: nameZh within the division.
import { cite, syncCitations } from './cite.ts'
import type { SeedContext } from './context.ts'
import * as q from './quotes.ts'
import { save } from './save.ts'

export const HOSPITALS = [
  {
    division: '昭阳区',
    nameZh: '云南省滇东北中心医院',
    nameEn: 'Northeast Yunnan Central Hospital, Yunnan Province',
    role: 'PROVINCIAL_REGIONAL_MEDICAL_CENTRE' as const,
    plannedBeds: 5_000,
    specialtyCentres: ['心血管', '肿瘤', '神经', '呼吸', '创伤'],
    openedOn: new Date('2022-07-01'),
    managingInstitution: '昆明医科大学',
    managedSince: new Date('2024-09-01'),
    advancedTechniques: 50,
    newTechniques: 10,
    patientsReturned: 2_000,
    note: 'The source places it in Zhaotong’s central urban area (昭通中心城区), recorded here under 昭阳区; the English name is the hub’s translation. openedOn is phase 1 going into operation in July 2022 and managedSince is September of "this year" (今年9月, i.e. 2024): both known to the month only, stored as its first day. Before Kunming Medical University took over its full management, hospitals including 云南省阜外心血管病医院 guided the running of phase 1. The five centres are those it is building as priorities (重点建设). patientsReturned counts cancer and heart patients who had long been treated outside the city, or were about to go, and came back for treatment. The text also reports it brought in the province’s first Varian linear accelerator for radiotherapy (全省首台放疗小超人瓦里安直线加速器).',
    cites: [
      cite('nameZh', '云南省滇东北中心医院', 'EXACT', q.HOSPITAL_ROLE),
      cite('divisionId', '昭通中心城区', 'EXACT', q.HOSPITAL_ROLE),
      cite('role', '省级区域医疗中心', 'EXACT', q.HOSPITAL_ROLE),
      cite('plannedBeds', '5000张', 'PLANNED', q.HOSPITAL_PLAN),
      cite('specialtyCentres', '心血管、肿瘤、神经、呼吸、创伤五大中心', 'EXACT', q.HOSPITAL_PLAN),
      cite('openedOn', '2022年7月', 'EXACT', q.HOSPITAL_TECHNIQUES),
      cite('advancedTechniques', '50多项', 'MORE_THAN', q.HOSPITAL_TECHNIQUES),
      cite('newTechniques', '10项', 'EXACT', q.HOSPITAL_TECHNIQUES),
      cite('patientsReturned', '2000多名', 'MORE_THAN', q.HOSPITAL_PATIENTS),
      cite('managingInstitution', '昆明医科大学', 'EXACT', q.HOSPITAL_MANAGEMENT),
      cite('managedSince', '今年9月', 'EXACT', q.HOSPITAL_MANAGEMENT),
    ],
  },
]

export async function seedHospitals(ctx: SeedContext) {
  const { tx, tally } = ctx
  for (const { division, cites, ...fields } of HOSPITALS) {
    const data = { divisionId: tally.idOf('division', division), ...fields }
    const found = await tx.hospital.findFirst({
      where: { divisionId: data.divisionId, nameZh: data.nameZh },
      orderBy: { id: 'asc' },
    })
    const row = await save(ctx, 'hospital', data.nameZh, found, data, {
      create: () => tx.hospital.create({ data }),
      update: (id) => tx.hospital.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
    })
    await syncCitations(ctx, { hospitalId: row.id }, cites)
  }
}
