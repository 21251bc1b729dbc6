// Whether a record still holds the value a citation was made for: values from columns and from
// audit snapshots compared as figures, days and texts, not as their JSON.

import { Prisma } from '@minsheng/db'
import { describe, expect, it } from 'vitest'
import { citedForm, sameCitedValue } from '../../server/src/rules/cited-values.ts'

describe('cited values', () => {
  it('are the same figure however they are written', () => {
    expect(sameCitedValue(5000, '5000')).toBe(true)
    expect(sameCitedValue(new Prisma.Decimal('350.50'), '350.5')).toBe(true)
    expect(sameCitedValue('0.0', 0)).toBe(true)
    expect(sameCitedValue(5200, 5000)).toBe(false)
  })

  it('are the same day whatever the time part says', () => {
    expect(sameCitedValue(new Date('2022-07-01T00:00:00Z'), '2022-07-01T00:00:00.000Z')).toBe(true)
    expect(citedForm('2022-07-01T00:00:00.000Z')).toBe('2022-07-01')
    expect(sameCitedValue(new Date('2022-07-02T00:00:00Z'), '2022-07-01T00:00:00.000Z')).toBe(false)
  })

  it('compare texts, lists and blanks as they are', () => {
    expect(sameCitedValue('云南省滇东北中心医院', '云南省滇东北中心医院')).toBe(true)
    expect(sameCitedValue(['心血管', '肿瘤'], ['心血管', '肿瘤'])).toBe(true)
    expect(sameCitedValue(['心血管'], ['心血管', '肿瘤'])).toBe(false)
    expect(sameCitedValue(null, undefined)).toBe(true)
    expect(sameCitedValue(null, 0)).toBe(false)
  })
})
