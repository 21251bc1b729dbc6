// Operations per minute per caller: per API key or user when the caller is known, per client
// address otherwise. Counted in memory, or in Redis (shared by every hub using it) when a URL is
// given; if Redis cannot be reached, each hub counts in memory until it can again.
import type { IncomingMessage } from 'node:http'
import type { Plugin } from 'graphql-yoga'
import { Redis } from 'ioredis'
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible'
import { hubLogger } from '../../operations/logger.ts'
import { refusal } from './errors.ts'

/** Who is asking, as the authentication plugin puts it on the GraphQL context. */
export interface Actor {
  kind: 'user' | 'key' | 'anonymous'
  /** The user's or key's id, under whichever of these names the actor carries it. */
  id?: string | number
  userId?: string | number
  keyId?: string | number
  /** The caller's own limit (an API key's quota); the identified default applies without it. */
  rateLimitPerMinute?: number
}

export interface RateLimitOptions {
  /** Anonymous callers, per client address; 0 means no limit. */
  perMinute: number
  /** Users and keys without a limit of their own; 0 means no limit. */
  identifiedPerMinute: number
  redisUrl?: string
  keyPrefix: string
  /** Proxies in front of the hub: the client is the address the outermost of them saw. */
  trustProxyHops: number
}

const WINDOW_SECONDS = 60

/** What a counter holds now: requests in the current window, and when that window ends. */
export interface RateLimitWindow {
  requests: number
  resetsInMs: number
}

/** Reads a caller's counter without charging it: `bucket` as bucketOf names it (`key:12`). */
export type RateLimitReader = (bucket: string) => Promise<RateLimitWindow>

/**
 * The address a request came from. Behind `hops` trusted proxies it is the X-Forwarded-For entry
 * the outermost proxy appended; entries left of it were written by the client and prove nothing.
 */
export function clientAddress(request: Request, socketAddress: string | undefined, hops: number): string {
  let address = socketAddress
  if (hops > 0) {
    const forwarded = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    address = forwarded[Math.max(0, forwarded.length - hops)] ?? address
  }
  return (address ?? 'unknown').replace(/^::ffff:/, '')
}

/** The key's or user's id when the caller is known; undefined for an anonymous caller. */
const identifiedId = (actor: Actor | undefined) =>
  actor && actor.kind !== 'anonymous' ? (actor.id ?? actor.keyId ?? actor.userId) : undefined

/** Whom a limit counts: the key or user when the caller is known (`key:12`), else its address. */
export function callerKey(actor: Actor | undefined, address: string) {
  const id = identifiedId(actor)
  return id === undefined ? `address:${address}` : `${actor?.kind}:${id}`
}

/** The counter an operation is charged to, and that counter's limit per minute. */
export function bucketOf(actor: Actor | undefined, address: string, options: RateLimitOptions) {
  const limit =
    identifiedId(actor) === undefined ? options.perMinute : (actor?.rateLimitPerMinute ?? options.identifiedPerMinute)
  return { key: callerKey(actor, address), limit }
}

/** What the limits read of an operation's context: who is asking, and over which connection. */
export interface CallerContext {
  actor?: Actor
  request: Request
  req?: IncomingMessage
}

/** The address an operation came from (see clientAddress). */
export const addressOf = (context: CallerContext, hops: number) =>
  clientAddress(context.request, context.req?.socket?.remoteAddress, hops)

export function openRedis(url: string) {
  // No offline queue: while Redis is away a count fails at once and the memory counter takes over.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 })
  let warned = false
  redis.on('error', (error: Error) => {
    if (!warned) hubLogger().warn(`Rate limits: Redis unavailable (${error.message}); counting in memory meanwhile.`)
    warned = true
  })
  redis.on('ready', () => {
    warned = false
  })
  // The connection alone must not keep the process running (tests, shutdown).
  redis.on('connect', () => redis.stream?.unref?.())
  return redis
}

export function useRateLimit(options: RateLimitOptions): Plugin {
  if (options.perMinute === 0 && options.identifiedPerMinute === 0) return {}
  // Each caller has its own limit, so the counter itself never refuses: it counts, we compare.
  const counting = { points: Number.MAX_SAFE_INTEGER, duration: WINDOW_SECONDS, keyPrefix: options.keyPrefix }
  const inMemory = new RateLimiterMemory(counting)
  const redis = options.redisUrl ? openRedis(options.redisUrl) : undefined
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({ ...counting, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: inMemory })
    : inMemory

  const read: RateLimitReader = async (bucket) => {
    // Redis away: this instance's own count, as the limit itself then uses.
    const counted = await limiter.get(bucket).catch(() => inMemory.get(bucket))
    return counted
      ? { requests: counted.consumedPoints, resetsInMs: counted.msBeforeNext }
      : { requests: 0, resetsInMs: 0 }
  }

  const plugin: Plugin = {
    // Resolvers that show how close a key is to its limit (ApiKey.rateLimitUse) read the same counter.
    onContextBuilding({ extendContext }) {
      extendContext({ rateLimits: read } as Record<string, unknown>)
    },
    async onExecute({ args, setResultAndStopExecution }) {
      // Charged here, once the context knows the caller and before any resolver runs.
      const context = args.contextValue as CallerContext
      const { key, limit } = bucketOf(context.actor, addressOf(context, options.trustProxyHops), options)
      if (limit <= 0) return
      const counted = await limiter.consume(key, 1)
      if (counted.consumedPoints <= limit) return
      const retryAfter = Math.max(1, Math.ceil(counted.msBeforeNext / 1000))
      setResultAndStopExecution({
        errors: [
          refusal(
            'RATE_LIMITED',
            `Too many requests: the limit is ${limit} per minute. Try again in ${retryAfter} s.`,
            {
              status: 429,
              headers: {
                'Retry-After': String(retryAfter),
                'RateLimit-Limit': String(limit),
                'RateLimit-Remaining': '0',
                'RateLimit-Reset': String(retryAfter),
              },
            },
            { limit, retryAfter },
          ),
        ],
      })
    },
    onDispose() {
      redis?.disconnect()
    },
  }
  // Starting a subscription is charged once, like a query; the events it then receives are not.
  plugin.onSubscribe = plugin.onExecute as Plugin['onSubscribe']
  return plugin
}
