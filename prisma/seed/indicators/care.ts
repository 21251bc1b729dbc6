// "一老一小": care for the elderly and for left-behind children across the city.
import * as q from '../quotes.ts'
import { AS_OF_2024, cityIndicator, observation, value, YEAR_2024_SO_FAR } from './types.ts'

const BUILT = 'Built under the 惠老阳光工程, as of 2024 when the text was written.'
const SUMMER = 'Summer 2024 (今年暑期): summer care of left-behind children (留守儿童暑期集中托管).'

export const CARE_INDICATORS = [
  cityIndicator(
    {
      code: 'county_disability_care_institutions',
      nameZh: '县级失能照护机构',
      nameEn: 'County-level care institutions for disabled elderly people',
      unit: ['个', 'institutions'],
      note: BUILT,
    },
    observation(AS_OF_2024, '11', value('11个县级失能照护机构', q.ELDERLY_CARE)),
  ),
  cityIndicator(
    {
      code: 'township_elderly_service_centres',
      nameZh: '乡镇级区域养老服务中心',
      nameEn: 'Township regional elderly service centres',
      unit: ['个', 'centres'],
      note: BUILT,
    },
    observation(AS_OF_2024, '90', value('90个乡镇级区域养老服务中心', q.ELDERLY_CARE)),
  ),
  cityIndicator(
    {
      code: 'community_home_care_centres',
      nameZh: '社区居家养老服务中心',
      nameEn: 'Community home-care service centres for the elderly',
      unit: ['个', 'centres'],
      note: BUILT,
    },
    observation(AS_OF_2024, '1619', value('1619个社区居家养老服务中心', q.ELDERLY_CARE)),
  ),
  cityIndicator(
    {
      code: 'left_behind_elderly_covered',
      nameZh: '实现“四个到位”的留守老人',
      nameEn: 'Left-behind elderly people with the “four assurances” in place',
      unit: ['人', 'persons'],
      scale: 'TEN_THOUSAND',
      note: 'Living support, help in hardship, health services and care (生活保障、困难帮扶、健康服务、关心关爱), as of 2024.',
    },
    observation(AS_OF_2024, '3.2', value('3.2万名留守老人', q.ELDERLY_CARE)),
  ),
  cityIndicator(
    {
      code: 'left_behind_children_covered',
      nameZh: '实现全覆盖关爱帮扶的留守儿童',
      nameEn: 'Left-behind children covered by care and support',
      unit: ['人', 'persons'],
      scale: 'TEN_THOUSAND',
      note: 'Under the “受托管护人” (entrusted guardian) mechanism, as of 2024.',
    },
    observation(AS_OF_2024, '9.2', value('9.2万名留守儿童', q.LEFT_BEHIND_CHILDREN)),
  ),
  cityIndicator(
    {
      code: 'summer_care_schools_opened',
      nameZh: '暑期开放学校',
      nameEn: 'Schools opened for summer care',
      unit: ['所', 'schools'],
      note: SUMMER,
    },
    observation(YEAR_2024_SO_FAR, '88', value('88所学校', q.SUMMER_CARE)),
  ),
  cityIndicator(
    {
      code: 'summer_care_childrens_homes_opened',
      nameZh: '暑期开放“儿童之家”',
      nameEn: 'Children’s homes opened for summer care',
      unit: ['个', 'homes'],
      note: SUMMER,
    },
    observation(YEAR_2024_SO_FAR, '288', value('288个“儿童之家”', q.SUMMER_CARE)),
  ),
  cityIndicator(
    {
      code: 'summer_care_volunteers',
      nameZh: '暑期托管志愿者',
      nameEn: 'Summer-care volunteers',
      unit: ['人', 'persons'],
      note: SUMMER,
    },
    observation(YEAR_2024_SO_FAR, '1400', value('1400余名志愿者', q.SUMMER_CARE, 'MORE_THAN')),
  ),
  cityIndicator(
    {
      code: 'summer_care_children',
      nameZh: '暑期集中托管留守儿童',
      nameEn: 'Left-behind children in summer care',
      unit: ['人', 'persons'],
      note: SUMMER,
    },
    observation(YEAR_2024_SO_FAR, '9516', value('9516名留守儿童', q.SUMMER_CARE)),
  ),
]
