// Rural labour, migrant work and returning entrepreneurs across the city.
import * as q from '../quotes.ts'
import { AS_OF_2024, cityIndicator, observation, value, YEAR_2024_SO_FAR } from './types.ts'

const UNDATED = 'The text gives no date; recorded as of 2024, when it was written.'

export const EMPLOYMENT_INDICATORS = [
  cityIndicator(
    {
      code: 'rural_labour_force',
      nameZh: '农村劳动力',
      nameEn: 'Rural labour force',
      unit: ['人', 'persons'],
      scale: 'TEN_THOUSAND',
      note: UNDATED,
    },
    observation(AS_OF_2024, '301.9', value('301.9万', q.RURAL_LABOUR)),
  ),
  cityIndicator(
    {
      code: 'rural_labour_transferred',
      nameZh: '农村劳动力转移就业',
      nameEn: 'Rural workers in transferred employment',
      unit: ['人', 'persons'],
      scale: 'TEN_THOUSAND',
      note: `${UNDATED} The text says the number holds steady (稳定在) above this figure.`,
    },
    observation(AS_OF_2024, '261', value('261万人以上', q.RURAL_LABOUR, 'MORE_THAN')),
  ),
  cityIndicator(
    {
      code: 'migrant_work_months',
      nameZh: '平均务工时长',
      nameEn: 'Average time in work of transferred rural workers',
      unit: ['个月', 'months'],
      note: UNDATED,
    },
    observation(AS_OF_2024, '9.5', value('9.5个月', q.RURAL_LABOUR)),
  ),
  cityIndicator(
    {
      code: 'returned_entrepreneurs',
      nameZh: '回引返乡创业',
      nameEn: 'People brought home to start businesses',
      unit: ['人', 'persons'],
      scale: 'TEN_THOUSAND',
    },
    observation(YEAR_2024_SO_FAR, '3.5', value('3.5万人', q.RETURNED_ENTREPRENEURS)),
  ),
  cityIndicator(
    {
      code: 'returned_entrepreneur_local_jobs',
      nameZh: '返乡创业带动家门口就业',
      nameEn: 'People employed near home by returned entrepreneurs',
      unit: ['人', 'persons'],
      scale: 'TEN_THOUSAND',
    },
    observation(YEAR_2024_SO_FAR, '9.52', value('9.52万人', q.RETURNED_ENTREPRENEURS)),
  ),
]
