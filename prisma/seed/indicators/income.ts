// Relocation, income and spending figures of the whole city.
import * as q from '../quotes.ts'
import { AS_OF_2024, cityIndicator, observation, provincialRank, Q1_TO_Q3_2024, value, YEAR_2023 } from './types.ts'

const SINCE_2023 = 'A total since 2023 (2023年以来), recorded as of 2024 when the text was written.'

export const INCOME_INDICATORS = [
  cityIndicator(
    {
      code: 'relocated_population',
      nameZh: '易地扶贫搬迁群众',
      nameEn: 'People relocated for poverty alleviation',
      unit: ['人', 'persons'],
      scale: 'TEN_THOUSAND',
      note: 'Relocated residents (搬迁群众) of the whole city; the text gives no date, recorded as of 2024.',
    },
    observation(AS_OF_2024, '35.47', value('35.47万人', q.RELOCATED_TOTALS)),
  ),
  cityIndicator(
    {
      code: 'poverty_exited_net_income_growth',
      nameZh: '脱贫群众人均纯收入增长率',
      nameEn: 'Growth of per-capita net income of people lifted out of poverty',
      unit: ['%', 'percent'],
    },
    observation(YEAR_2023, '16.8', value('16.8%', q.INCOME_2023), provincialRank('全省第一位', q.INCOME_2023)),
  ),
  cityIndicator(
    {
      code: 'rural_disposable_income_growth',
      nameZh: '农村居民人均可支配收入增长率',
      nameEn: 'Growth of per-capita disposable income of rural residents',
      unit: ['%', 'percent'],
    },
    observation(Q1_TO_Q3_2024, '8.3', value('8.3%', q.INCOME_2024_Q3), provincialRank('全省第二位', q.INCOME_2024_Q3)),
  ),
  cityIndicator(
    {
      code: 'agricultural_entities_linked',
      nameZh: '带动脱贫群众增收的新型农业经营主体',
      nameEn: 'New-type agricultural businesses raising the income of people lifted out of poverty',
      unit: ['户', 'businesses'],
      note: `${SINCE_2023} Businesses tied to lifted-out households through benefit-sharing mechanisms (利益联结机制).`,
    },
    observation(AS_OF_2024, '9160', value('9160户', q.AGRI_ENTITIES)),
  ),
  cityIndicator(
    {
      code: 'poverty_exited_households_linked',
      nameZh: '受带动增收的脱贫户',
      nameEn: 'Lifted-out households whose income agricultural businesses raised',
      unit: ['户', 'households'],
      scale: 'TEN_THOUSAND',
      note: SINCE_2023,
    },
    observation(AS_OF_2024, '44.04', value('44.04万户', q.AGRI_ENTITIES)),
  ),
  cityIndicator(
    {
      code: 'linked_household_income_gain',
      nameZh: '受带动脱贫户户均增收',
      nameEn: 'Average income gain of a linked lifted-out household',
      unit: ['元', 'yuan'],
      note: `${SINCE_2023} The text does not say whether the gain is per year.`,
    },
    observation(AS_OF_2024, '3761', value('3761元', q.AGRI_ENTITIES)),
  ),
  cityIndicator(
    {
      code: 'livelihood_spending',
      nameZh: '民生支出',
      nameEn: 'Spending on people’s livelihoods',
      unit: ['元', 'yuan'],
      scale: 'HUNDRED_MILLION',
    },
    observation(YEAR_2023, '476.8', value('476.8亿元', q.LIVELIHOOD_SPENDING)),
  ),
  cityIndicator(
    {
      code: 'livelihood_spending_share',
      nameZh: '民生支出占比',
      nameEn: 'Share of spending going to people’s livelihoods',
      unit: ['%', 'percent'],
      note: 'The text does not name the total this is a share of.',
    },
    observation(YEAR_2023, '83', value('83%', q.LIVELIHOOD_SPENDING)),
  ),
]
