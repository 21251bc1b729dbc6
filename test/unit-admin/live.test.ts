// The console's live connection: how long it waits to reconnect, and how it knows its own changes.
import { describe, expect, it } from 'vitest'
import { reconnectDelay } from '../../admin/src/live/client.ts'
import { isOwnRequest, nextRequestId } from '../../admin/src/live/requestIds.ts'

describe('reconnectDelay', () => {
  it('doubles from one second up to thirty', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(reconnectDelay)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ])
  })
})

describe('request ids', () => {
  it('are new each time, acceptable to the hub, and recognised as this tab’s', () => {
    const [a, b] = [nextRequestId(), nextRequestId()]
    expect(a).not.toBe(b)
    for (const id of [a, b]) {
      expect(id).toMatch(/^[\w.:-]{1,100}$/)
      expect(isOwnRequest(id)).toBe(true)
    }
    expect(isOwnRequest('console-othertab-1')).toBe(false)
    expect(isOwnRequest(null)).toBe(false)
  })
})
