// GET /ready: whether this instance should receive traffic. Unlike /health (is the process alive
// and its database reachable), it also requires Redis (when configured) and every migration in
// prisma/migrations to be applied, and it turns red as soon as shutdown begins so a load balancer
// drains the instance before it stops listening. Each check has its own time limit.
import { readdirSync } from 'node:fs'
import { MIGRATIONS_DIR } from '@minsheng/db'
import type { Plugin } from 'graphql-yoga'
import { Redis } from 'ioredis'
import { database } from '../db.ts'
import { servingOnly } from '../plugins/sync-unless-serving.ts'

export type CheckState = 'ok' | 'unavailable' | 'timeout' | 'pending' | 'not configured'

export interface CheckResult {
  state: CheckState
  /** Migrations in prisma/migrations not applied to the database. */
  missing?: string[]
}

export interface Readiness {
  ready: boolean
  body: { status: 'ready' | 'not ready'; shuttingDown: boolean; checks: Record<string, CheckResult> }
}

const ACCEPTABLE: CheckState[] = ['ok', 'not configured']

/** Ready when no check failed and the instance is not shutting down. */
export function readinessOf(checks: Record<string, CheckResult>, shuttingDown: boolean): Readiness {
  const ready = !shuttingDown && Object.values(checks).every((check) => ACCEPTABLE.includes(check.state))
  return { ready, body: { status: ready ? 'ready' : 'not ready', shuttingDown, checks } }
}

/** Migrations the directory holds that the database has not recorded as applied. */
export function missingMigrations(expected: string[], applied: string[]): string[] {
  const done = new Set(applied)
  return expected.filter((name) => !done.has(name))
}

class CheckTimeout extends Error {}

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout()), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function check(ms: number, run: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await within(ms, run())
  } catch (error) {
    return { state: error instanceof CheckTimeout ? 'timeout' : 'unavailable' }
  }
}

/** Waits for a connection in progress (at startup, or reconnecting) for at most `ms`. */
function becomesReady(redis: Redis, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onReady = () => {
      clearTimeout(timer)
      resolve(true)
    }
    const timer = setTimeout(() => {
      redis.off('ready', onReady)
      resolve(false)
    }, ms)
    redis.once('ready', onReady)
  })
}

export interface ReadinessOptions {
  redisUrl?: string
  /** Time limit of each check. */
  timeoutMs: number
  /** True once shutdown has begun. */
  shuttingDown: () => boolean
  migrationsDir?: string
}

export function useReadiness({
  redisUrl,
  timeoutMs,
  shuttingDown,
  migrationsDir = MIGRATIONS_DIR,
}: ReadinessOptions): Plugin {
  const expected = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  // A connection of its own, so the probe reflects Redis itself and not the rate limiter's fallback.
  const redis = redisUrl
    ? new Redis(redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: timeoutMs,
        // Keep trying in the background, at most every 2 s, so /ready turns green when Redis returns.
        retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      })
    : undefined
  // Failures are what /ready reports; they are not worth an unhandled 'error' event.
  redis?.on('error', () => {})
  redis?.on('connect', () => redis.stream?.unref?.())

  const checks = {
    database: async (): Promise<CheckResult> => ({ state: (await database().ping()) ? 'ok' : 'unavailable' }),
    migrations: async (): Promise<CheckResult> => {
      const rows = await database().primary.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      )
      const missing = missingMigrations(
        expected,
        rows.map((row) => row.migration_name),
      )
      return missing.length ? { state: 'pending', missing } : { state: 'ok' }
    },
    redis: async (): Promise<CheckResult> => {
      if (!redis) return { state: 'not configured' }
      if (redis.status !== 'ready' && !(await becomesReady(redis, timeoutMs))) return { state: 'unavailable' }
      return { state: (await redis.ping()) === 'PONG' ? 'ok' : 'unavailable' }
    },
  }

  return {
    onRequest: servingOnly(
      ({ url }) => url.pathname === '/ready',
      async ({ endResponse, fetchAPI }) => {
        const names = Object.keys(checks) as (keyof typeof checks)[]
        const results = await Promise.all(names.map((name) => check(timeoutMs, checks[name])))
        const { ready, body } = readinessOf(
          Object.fromEntries(names.map((name, i) => [name, results[i]])) as never,
          shuttingDown(),
        )
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status: ready ? 200 : 503,
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          }),
        )
      },
    ),
    onDispose() {
      redis?.disconnect()
    },
  }
}
