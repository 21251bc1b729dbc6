// A Redis of its own for a describe block: a fresh key prefix, and every key under it deleted
// afterwards. Redis runs on every machine this project runs on; CI must not skip silently.
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll } from 'vitest'

export function useTestRedis() {
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
  const keyPrefix = `minsheng-test:${randomBytes(6).toString('hex')}`
  const state: { redis?: Redis } = {}
  beforeAll(async () => {
    const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
    client.on('error', () => {})
    try {
      await client.connect()
      state.redis = client
    } catch (error) {
      if (process.env.CI) throw error
      client.disconnect()
    }
  })
  afterAll(async () => {
    const { redis } = state
    if (!redis) return
    const keys = await redis.keys(`${keyPrefix}*`)
    if (keys.length) await redis.del(...keys)
    redis.disconnect()
  })
  return {
    redisUrl,
    keyPrefix,
    /** The connection, when Redis answered (tests skip with a reason otherwise). */
    get redis() {
      return state.redis
    },
  }
}
