// Login throttling, so passwords cannot be guessed at speed: failures are counted per account and
// address, per address, and per account across all addresses (many addresses guessing one account's
// password). Counted in memory, or in Redis when the hub has one, so every instance sees every
// failure; if Redis cannot be reached, each instance counts in memory until it can again.
import type { Redis } from 'ioredis'
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterRes,
} from 'rate-limiter-flexible'
import { openRedis } from '../plugins/hardening/rate-limit.ts'

const WINDOW_SECONDS = 15 * 60

/** Failures allowed within the window, per counter. */
export const LOGIN_FAILURES = {
  /** One account from one address. */
  accountAndAddress: 5,
  /** One account from any number of addresses. */
  account: 10,
  /** Any accounts from one address. */
  address: 30,
} as const

type Counter = keyof typeof LOGIN_FAILURES

export interface LoginThrottleOptions {
  redisUrl?: string
  /** Prefix of the counters' keys in Redis. */
  keyPrefix?: string
}

export interface LoginThrottle {
  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  wait(username: string, address: string): Promise<number>
  recordFailure(username: string, address: string): Promise<void>
  recordSuccess(username: string, address: string): Promise<void>
  close(): void
}

const account = (username: string) => username.trim().toLowerCase()

function keysOf(username: string, address: string): Record<Counter, string> {
  return { accountAndAddress: `${account(username)}|${address}`, account: account(username), address }
}

export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const prefix = options.keyPrefix ?? 'minsheng:login'
  const redis: Redis | undefined = options.redisUrl ? openRedis(options.redisUrl) : undefined
  const limiter = (counter: Counter): RateLimiterAbstract => {
    const settings = { keyPrefix: `${prefix}:${counter}`, points: LOGIN_FAILURES[counter], duration: WINDOW_SECONDS }
    const inMemory = new RateLimiterMemory(settings)
    return redis
      ? new RateLimiterRedis({
          ...settings,
          storeClient: redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: inMemory,
        })
      : inMemory
  }
  const limiters = {
    accountAndAddress: limiter('accountAndAddress'),
    account: limiter('account'),
    address: limiter('address'),
  }
  const counters = Object.keys(limiters) as Counter[]
  return {
    async wait(username, address) {
      const keys = keysOf(username, address)
      const states = await Promise.all(counters.map((counter) => limiters[counter].get(keys[counter])))
      const blocked = states.filter(
        (state, index): state is RateLimiterRes =>
          state != null && state.consumedPoints >= LOGIN_FAILURES[counters[index] as Counter],
      )
      return blocked.length ? Math.ceil(Math.max(...blocked.map((state) => state.msBeforeNext)) / 1000) : 0
    },
    async recordFailure(username, address) {
      const keys = keysOf(username, address)
      await Promise.all(counters.map((counter) => limiters[counter].penalty(keys[counter], 1)))
    },
    async recordSuccess(username, address) {
      const keys = keysOf(username, address)
      await Promise.all([
        limiters.accountAndAddress.delete(keys.accountAndAddress),
        limiters.account.delete(keys.account),
      ])
    },
    close() {
      redis?.disconnect()
    },
  }
}

// The throttle of this process, like the database in db.ts: the hub sets it up from its configuration.
let current = createLoginThrottle()

export function useLoginThrottle(throttle: LoginThrottle) {
  current = throttle
}

export const loginWait = (username: string, address: string) => current.wait(username, address)
export const recordLoginFailure = (username: string, address: string) => current.recordFailure(username, address)
export const recordLoginSuccess = (username: string, address: string) => current.recordSuccess(username, address)
