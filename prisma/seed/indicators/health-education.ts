// Hospitals being built and school investment across the city.
import * as q from '../quotes.ts'
import { AS_OF_2024, cityIndicator, observation, value, YEAR_2024_SO_FAR } from './types.ts'

const BEING_BUILT = 'Being built (加快建设), as of 2024 when the text was written.'
const SINCE_2023 = 'A total since last year (去年以来, i.e. since 2023), recorded as of 2024 when the text was written.'

export const HEALTH_EDUCATION_INDICATORS = [
  cityIndicator(
    {
      code: 'provincial_regional_medical_centres',
      nameZh: '中心城区布局建设的省级区域医疗中心',
      nameEn: 'Provincial regional medical centres laid out in the central city',
      unit: ['个', 'centres'],
      note: 'Laid out for construction (布局建设) in Zhaotong’s central urban area; 云南省滇东北中心医院 is one of them.',
    },
    observation(AS_OF_2024, '4', value('四个省级区域医疗中心', q.HOSPITAL_ROLE, 'PLANNED')),
  ),
  cityIndicator(
    {
      code: 'specialty_hospitals_under_construction',
      nameZh: '加快建设的专科医院',
      nameEn: 'Specialty hospitals under construction',
      unit: ['家', 'hospitals'],
      note: BEING_BUILT,
    },
    observation(AS_OF_2024, '4', value('4大专科医院', q.HEALTH_SYSTEM)),
  ),
  cityIndicator(
    {
      code: 'provincial_clinical_sub_centres',
      nameZh: '省级临床医学分中心',
      nameEn: 'Provincial clinical medicine sub-centres',
      unit: ['个', 'sub-centres'],
      note: BEING_BUILT,
    },
    observation(AS_OF_2024, '11', value('11个省级临床医学分中心', q.HEALTH_SYSTEM)),
  ),
  cityIndicator(
    {
      code: 'medical_community_head_hospitals',
      nameZh: '医共体总医院',
      nameEn: 'Head hospitals of county medical communities',
      unit: ['家', 'hospitals'],
      note: BEING_BUILT,
    },
    observation(AS_OF_2024, '12', value('12家医共体总医院', q.HEALTH_SYSTEM)),
  ),
  cityIndicator(
    {
      code: 'education_project_investment',
      nameZh: '教育项目投入',
      nameEn: 'Investment in education projects',
      unit: ['元', 'yuan'],
      scale: 'HUNDRED_MILLION',
      note: SINCE_2023,
    },
    observation(AS_OF_2024, '50', value('近50亿元', q.EDUCATION_INVESTMENT, 'NEARLY')),
  ),
  cityIndicator(
    {
      code: 'education_projects',
      nameZh: '实施教育项目',
      nameEn: 'Education projects carried out',
      unit: ['个', 'projects'],
      note: SINCE_2023,
    },
    observation(AS_OF_2024, '192', value('教育项目192个', q.EDUCATION_INVESTMENT)),
  ),
  cityIndicator(
    {
      code: 'new_school_places',
      nameZh: '新增学位',
      nameEn: 'New school places',
      unit: ['个', 'places'],
      scale: 'TEN_THOUSAND',
      note: SINCE_2023,
    },
    observation(AS_OF_2024, '7.2', value('7.2万个', q.EDUCATION_INVESTMENT)),
  ),
  cityIndicator(
    {
      code: 'provincial_model_school_cases',
      nameZh: '入选全省“十种办学好模式”的案例',
      nameEn: 'Cases chosen among the province’s “ten good ways of running schools”',
      unit: ['个', 'cases'],
      note: 'Chosen in November 2024 (今年11月): summer care of left-behind children, a teaching-research alliance of senior secondary schools, and city-county joint running of vocational education.',
    },
    observation(YEAR_2024_SO_FAR, '3', value('3个案例', q.EDUCATION_MODELS)),
  ),
]
