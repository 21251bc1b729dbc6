import type { UnitScale } from '../../generated/client/enums.ts'

export interface Sector {
  zh: string
  /** What company names in the sector end with, before 有限公司 / Co., Ltd. */
  suffixZh: string
  suffixEn: string
  products: readonly string[]
  /** Usual average monthly wage, in yuan. */
  wage: readonly [number, number]
}

// Labour-intensive work that moved to the relocation areas, plus the local farm produce.
// biome-ignore format: a table, one sector a line
export const SECTORS: readonly Sector[] = [
  { zh: '服装加工', suffixZh: '服饰', suffixEn: 'Apparel', products: ['衬衫', '校服', '工装', '运动服', '童装'], wage: [2600, 4200] },
  { zh: '鞋业', suffixZh: '鞋业', suffixEn: 'Footwear', products: ['运动鞋', '布鞋', '劳保鞋', '拖鞋'], wage: [2600, 4000] },
  { zh: '电子产品组装', suffixZh: '电子科技', suffixEn: 'Electronics', products: ['数据线', '耳机', '充电器', '电子元器件'], wage: [2800, 4500] },
  { zh: '农产品加工', suffixZh: '农业开发', suffixEn: 'Agricultural Development', products: ['苹果汁', '苹果干', '马铃薯淀粉', '天麻', '竹笋', '魔芋'], wage: [2200, 3600] },
  { zh: '藤编工艺', suffixZh: '工艺品', suffixEn: 'Crafts', products: ['藤椅', '藤编收纳篮', '竹编灯罩'], wage: [1800, 3200] },
  { zh: '发制品', suffixZh: '发制品', suffixEn: 'Hair Products', products: ['假发', '发帘', '接发'], wage: [2200, 3800] },
  { zh: '食品加工', suffixZh: '食品', suffixEn: 'Foods', products: ['火腿', '腊肉', '酱菜', '糕点'], wage: [2400, 3800] },
  { zh: '玩具制造', suffixZh: '玩具', suffixEn: 'Toys', products: ['毛绒玩具', '塑料玩具', '益智玩具'], wage: [2200, 3600] },
  { zh: '箱包制造', suffixZh: '箱包', suffixEn: 'Bags', products: ['背包', '手提包', '行李箱'], wage: [2400, 3800] },
  { zh: '建材', suffixZh: '建材', suffixEn: 'Building Materials', products: ['水泥砖', '商品混凝土', '石材'], wage: [3000, 5000] },
]

export const MARKETS = ['云南省内', '国内', '东南亚', '南亚', '欧美', '日韩', '中东', '非洲'] as const

export const HOSPITAL_SPECIALTY_CENTRES = [
  '胸痛中心',
  '卒中中心',
  '创伤中心',
  '危重孕产妇救治中心',
  '危重新生儿救治中心',
  '肿瘤诊疗中心',
  '血液透析中心',
  '心血管介入中心',
] as const

export const PARTNER_HOSPITALS = [
  '省第一人民医院',
  '省第二人民医院',
  '省中医医院',
  '省肿瘤医院',
  '省妇幼保健院',
] as const

/**
 * How an indicator's values evolve. `amount`: a total that splits over divisions by population and
 * grows by `growth` a year. `level`: a per-person or per-unit figure, similar everywhere, growing by
 * `growth`. `rate`: a percentage or ratio drifting by `slope` a year around `base`.
 */
export type IndicatorModel =
  | { kind: 'amount'; base: number; growth: number }
  | { kind: 'level'; base: number; growth: number }
  | { kind: 'rate'; base: number; slope: number; deviation: number; min: number; max: number }

export interface IndicatorDefinition {
  code: string
  nameZh: string
  nameEn: string
  unitZh: string
  unitEn: string
  scale: UnitScale
  decimals: number
  /** Whether townships publish it too, or only the city and counties. */
  townships: boolean
  /** Value for the whole city in the latest year. */
  model: IndicatorModel
}

const indicator = (
  code: string,
  nameZh: string,
  nameEn: string,
  [unitZh, unitEn, scale]: readonly [string, string, UnitScale],
  decimals: number,
  townships: boolean,
  model: IndicatorModel,
): IndicatorDefinition => ({ code, nameZh, nameEn, unitZh, unitEn, scale, decimals, townships, model })

const YI_YUAN = ['元', 'yuan', 'HUNDRED_MILLION'] as const
const YUAN = ['元', 'yuan', 'ONE'] as const
const PERCENT = ['%', 'percent', 'ONE'] as const
const WAN_PEOPLE = ['人', 'people', 'TEN_THOUSAND'] as const
const WAN_TONNES = ['吨', 'tonnes', 'TEN_THOUSAND'] as const

// Figures of the order Zhaotong publishes (latest year), so charts look plausible; none is real.
// biome-ignore format: a table, one indicator a line
export const INDICATORS: readonly IndicatorDefinition[] = [
  indicator('gdp', '地区生产总值', 'Gross domestic product', YI_YUAN, 2, false, { kind: 'amount', base: 1560, growth: 0.065 }),
  indicator('resident_population', '常住人口', 'Resident population', WAN_PEOPLE, 2, true, { kind: 'amount', base: 505, growth: -0.004 }),
  indicator('rural_disposable_income', '农村常住居民人均可支配收入', 'Per-capita disposable income of rural residents', YUAN, 0, true, { kind: 'level', base: 15200, growth: 0.08 }),
  indicator('urban_disposable_income', '城镇常住居民人均可支配收入', 'Per-capita disposable income of urban residents', YUAN, 0, false, { kind: 'level', base: 38500, growth: 0.05 }),
  indicator('gdp_growth', '地区生产总值增速', 'GDP growth', PERCENT, 1, false, { kind: 'rate', base: 5.5, slope: -0.1, deviation: 1.5, min: -3, max: 15 }),
  indicator('rural_disposable_income_growth', '农村常住居民人均可支配收入增速', 'Growth of rural residents’ per-capita disposable income', PERCENT, 1, false, { kind: 'rate', base: 7.8, slope: -0.15, deviation: 1, min: 2, max: 14 }),
  indicator('retail_sales', '社会消费品零售总额', 'Total retail sales of consumer goods', YI_YUAN, 2, false, { kind: 'amount', base: 560, growth: 0.07 }),
  indicator('fixed_asset_investment_growth', '固定资产投资增速', 'Growth of fixed-asset investment', PERCENT, 1, false, { kind: 'rate', base: 4, slope: -0.8, deviation: 6, min: -25, max: 40 }),
  indicator('general_budget_revenue', '一般公共预算收入', 'General public budget revenue', YI_YUAN, 2, false, { kind: 'amount', base: 95, growth: 0.04 }),
  indicator('grain_output', '粮食产量', 'Grain output', WAN_TONNES, 2, true, { kind: 'amount', base: 180, growth: 0.005 }),
  indicator('apple_output', '苹果产量', 'Apple output', WAN_TONNES, 2, true, { kind: 'amount', base: 115, growth: 0.09 }),
  indicator('rural_labour_transferred', '农村劳动力转移就业人数', 'Rural workers in transferred employment', WAN_PEOPLE, 2, true, { kind: 'amount', base: 200, growth: 0.02 }),
  indicator('relocated_population', '易地扶贫搬迁安置人口', 'People relocated for poverty alleviation', WAN_PEOPLE, 2, true, { kind: 'amount', base: 36, growth: 0.01 }),
  indicator('elderly_share', '60岁及以上人口占比', 'Share of residents aged 60 and over', PERCENT, 2, true, { kind: 'rate', base: 14, slope: 0.35, deviation: 0.2, min: 5, max: 35 }),
  indicator('urbanisation_rate', '常住人口城镇化率', 'Urbanisation rate of the resident population', PERCENT, 2, false, { kind: 'rate', base: 40, slope: 1.3, deviation: 0.3, min: 10, max: 90 }),
  indicator('hospital_beds_per_thousand', '每千人口医疗卫生机构床位数', 'Hospital beds per 1,000 residents', ['张', 'beds', 'ONE'], 2, false, { kind: 'rate', base: 6.8, slope: 0.2, deviation: 0.15, min: 2, max: 12 }),
  indicator('compulsory_education_consolidation_rate', '九年义务教育巩固率', 'Consolidation rate of nine-year compulsory education', PERCENT, 1, false, { kind: 'rate', base: 96, slope: 0.4, deviation: 0.3, min: 85, max: 99.9 }),
  indicator('childcare_places_per_thousand', '每千人口拥有3岁以下婴幼儿托位数', 'Childcare places for under-threes per 1,000 residents', ['个', 'places', 'ONE'], 2, false, { kind: 'rate', base: 3.2, slope: 0.35, deviation: 0.15, min: 0.2, max: 8 }),
  indicator('elderly_canteens', '老年幸福食堂数量', 'Elderly canteens', ['个', 'canteens', 'ONE'], 0, true, { kind: 'amount', base: 900, growth: 0.25 }),
  indicator('tourism_revenue', '旅游总收入', 'Tourism revenue', YI_YUAN, 2, false, { kind: 'amount', base: 300, growth: 0.1 }),
]

/** The latest year of the synthetic time series. */
export const LATEST_YEAR = 2024
