// The hub's heap grows by a bounded factor between major collections (server/src/heap-growth.ts):
// the setting, its default and its refusals. Its effect on peak memory is measured by the bench.
import { loadConfig } from '@minsheng/server/config'
import { describe, expect, it } from 'vitest'
import { HEAP_GROWING_PERCENT_DEFAULT, heapGrowthFlag } from '../../server/src/heap-growth.ts'

describe('HEAP_GROWING_PERCENT', () => {
  it('defaults to a bounded growth, written as the flag V8 takes; an empty value is unset', () => {
    for (const env of [{}, { HEAP_GROWING_PERCENT: '' }]) {
      const config = loadConfig(env)
      expect(config.HEAP_GROWING_PERCENT).toBe(HEAP_GROWING_PERCENT_DEFAULT)
      expect(heapGrowthFlag(config)).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT_DEFAULT}`)
    }
  })

  it('takes a percentage, and 0 leaves the growth to V8', () => {
    expect(heapGrowthFlag(loadConfig({ HEAP_GROWING_PERCENT: '120' }))).toBe('--heap-growing-percent=120')
    expect(heapGrowthFlag(loadConfig({ HEAP_GROWING_PERCENT: '0' }))).toBeUndefined()
  })

  it('refuses what is not a whole percentage from 0 to 300, naming the variable', () => {
    for (const value of ['lots', '-5', '301', '12.5']) {
      expect(() => loadConfig({ HEAP_GROWING_PERCENT: value }), value).toThrow(/HEAP_GROWING_PERCENT/)
    }
  })
})
