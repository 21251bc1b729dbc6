// Numbers as people read them: 万 and 亿 in Chinese, thousands separators in English.

export type Scale = 'ONE' | 'TEN_THOUSAND' | 'HUNDRED_MILLION'

const SCALE_FACTOR: Record<Scale, number> = { ONE: 1, TEN_THOUSAND: 1e4, HUNDRED_MILLION: 1e8 }
const YI = 1e8
const WAN = 1e4

export const isChinese = (locale: string) => locale.toLowerCase().startsWith('zh')

function toNumber(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined
  const number = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(number) ? number : undefined
}

/** Up to `digits` decimals, trailing zeros dropped, no grouping (the Chinese way below 万). */
function plain(value: number, digits: number): string {
  const rounded = Number(value.toFixed(digits))
  return String(Object.is(rounded, -0) ? 0 : rounded)
}

/**
 * Formats a figure for display: `46357` is `4.64万` in Chinese and `46,357` in English; `476.8e8`
 * is `476.8亿` and `47,680,000,000`. Empty or non-numeric values give an empty string.
 */
export function formatNumber(
  input: number | string | null | undefined,
  locale: string,
  { maximumFractionDigits = 2 }: { maximumFractionDigits?: number } = {},
): string {
  const value = toNumber(input)
  if (value === undefined) return ''
  if (!isChinese(locale)) return new Intl.NumberFormat('en-US', { maximumFractionDigits }).format(value)
  // Rounding decides the unit: 9,999.999 is 1万 and 99,999,999 is 1亿, never 10000万.
  const size = Math.abs(Number(plain(value, maximumFractionDigits)))
  if (size >= YI) return `${plain(value / YI, maximumFractionDigits)}亿`
  if (size >= WAN) {
    const wan = plain(value / WAN, maximumFractionDigits)
    return Math.abs(Number(wan)) >= WAN ? `${plain(value / YI, maximumFractionDigits)}亿` : `${wan}万`
  }
  return plain(value, maximumFractionDigits)
}

/** A value stated in a scale (an indicator's 35.47 万人) as an absolute number. */
export function unscale(
  input: number | string | null | undefined,
  scale: Scale | null | undefined,
): number | undefined {
  const value = toNumber(input)
  if (value === undefined) return undefined
  // Round away binary noise (35.47 × 10⁴ = 354700.00000000006).
  return Number((value * SCALE_FACTOR[scale ?? 'ONE']).toPrecision(15))
}

/** An indicator value with its unit: `35.47万人` in Chinese, `354,700 人` in English. */
export function formatScaled(
  input: number | string | null | undefined,
  scale: Scale | null | undefined,
  unit: string | null | undefined,
  locale: string,
): string {
  const value = unscale(input, scale)
  if (value === undefined) return ''
  const number = formatNumber(value, locale)
  if (!unit) return number
  return isChinese(locale) || unit === '%' ? `${number}${unit}` : `${number} ${unit}`
}
