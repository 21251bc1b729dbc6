import { userInputError } from '../records/errors.ts'
import type { Locale } from '../records/validation.ts'

/** Each age band starts at a different age; two prices from the same age would contradict each other. */
export function distinctAges<T extends { minAge: number }>(prices: T[], locale: Locale): T[] {
  const seen = new Set<number>()
  prices.forEach((price, index) => {
    if (seen.has(price.minAge)) {
      const message = locale === 'zh' ? `起始年龄 ${price.minAge} 重复` : `Age ${price.minAge} appears twice`
      throw userInputError(message, [{ field: `prices.${index}.minAge`, code: 'duplicate', message }])
    }
    seen.add(price.minAge)
  })
  return prices
}
