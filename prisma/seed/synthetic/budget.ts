/**
 * How a requested total row count splits over the record families. Shares are rows per hundred and
 * follow the city's shape: many care facilities and communities, few hospitals and parks.
 */
const SHARES = {
  townships: 0.8,
  villages: 8,
  settlements: 1.5,
  communities: 10,
  parks: 0.15,
  enterprises: 5,
  hospitals: 0.8,
  schools: 6,
  careFacilities: 18,
  /** Indicators and their observations together. */
  indicatorRows: 15,
  citations: 5,
} as const

/** Share of care facilities that are elderly canteens, each with a price list. */
export const CANTEEN_SHARE = 0.35
/** Average price tiers of a canteen (from 60, 70, 80, 90 years). */
export const PRICES_PER_CANTEEN = 2.5
/** Average settlements an industrial park supports (rows of the park–settlement link). */
export const LINKS_PER_PARK = 3

export interface Budget {
  townships: number
  villages: number
  settlements: number
  communities: number
  parks: number
  enterprises: number
  hospitals: number
  schools: number
  careFacilities: number
  indicators: number
  years: number
  citations: number
}

export const MIN_SIZE = 200
export const MAX_SIZE = 1_000_000

export function planBudget(size: number, years: number): Budget {
  if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
    throw new RangeError(`size must be an integer from ${MIN_SIZE} to ${MAX_SIZE}, got ${size}`)
  }
  if (!Number.isInteger(years) || years < 1 || years > 50) {
    throw new RangeError(`indicatorYears must be an integer from 1 to 50, got ${years}`)
  }
  // Rows each family brings with it: its own, plus links, prices or observations hanging off it.
  const rowsPerShare = {
    ...SHARES,
    parks: SHARES.parks * (1 + LINKS_PER_PARK),
    careFacilities: SHARES.careFacilities * (1 + CANTEEN_SHARE * PRICES_PER_CANTEEN),
  }
  const scale = size / Object.values(rowsPerShare).reduce((sum, share) => sum + share, 0)
  const count = (share: number, min: number) => Math.max(min, Math.round(share * scale))
  return {
    townships: count(SHARES.townships, 11), // at least one in each county
    villages: count(SHARES.villages, 11),
    settlements: count(SHARES.settlements, 1),
    communities: count(SHARES.communities, 1),
    parks: count(SHARES.parks, 1),
    enterprises: count(SHARES.enterprises, 1),
    hospitals: count(SHARES.hospitals, 1),
    schools: count(SHARES.schools, 1),
    careFacilities: count(SHARES.careFacilities, 8), // every kind at least once
    indicators: count(SHARES.indicatorRows / (1 + years), 1),
    years,
    citations: count(SHARES.citations, 1),
  }
}
