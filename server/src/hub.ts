// Opens the database, seeds it when empty, and serves the hub over HTTP. Used by main.ts and tests.
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Database, type OpenOptions, openDatabase } from '@minsheng/db'
import type { Plugin } from 'graphql-yoga'
import { ensureFirstAdmin } from './auth/bootstrap.ts'
import { createLoginThrottle, useLoginThrottle } from './auth/throttle.ts'
import { cancellableDatabase } from './cancellation.ts'
import type { Config } from './config.ts'
import { useDatabase } from './db.ts'
import { closeGracefully } from './graceful-close.ts'
import { openLiveBus, useLiveBus } from './live/bus.ts'
import {
  type Logger,
  type OperationsConfig,
  setUpOperations,
  silentLogger,
  useHubLogger,
  yogaLogger,
} from './operations/index.ts'
import {
  HARDENING_DEFAULTS,
  type HardeningConfig,
  hardeningOptions,
  requestGate,
  securityHeaders,
} from './plugins/hardening/index.ts'
import { readingFromPrimary } from './read-your-writes.ts'
import { createConsoleHandler } from './static.ts'
import { createHubYoga } from './yoga.ts'

export interface Hub {
  url: string
  server: Server
  database: Database
  /** The separate /metrics listener's URL, when METRICS_PORT is set. */
  metricsUrl?: string
  /** Adds the partner keys' use counted so far to the database (it also happens every few seconds). */
  flushUsage(options?: { prune?: boolean }): Promise<void>
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>
}

export interface HubOptions {
  config: Pick<
    Config,
    'PORT' | 'HOST' | 'DATABASE_URL' | 'DATA_DIR' | 'SEED' | 'DATABASE_POOL_SIZE' | 'STATEMENT_TIMEOUT_MS'
  > &
    Partial<
      Pick<
        Config,
        | 'NODE_ENV'
        | 'PUBLIC_READ'
        | 'REVIEW'
        | 'SESSION_IDLE_MINUTES'
        | 'SESSION_ABSOLUTE_HOURS'
        | 'ADMIN_USERNAME'
        | 'ADMIN_PASSWORD'
        | 'MIGRATE'
        | 'LIVE_CHANNEL_PREFIX'
        | 'CORS_ORIGINS'
      >
    > &
    Partial<HardeningConfig> &
    // Connection settings and read replicas (optional: tests and tools keep the defaults).
    Partial<
      Pick<
        Config,
        | 'DATABASE_CONNECT_TIMEOUT_MS'
        | 'DATABASE_IDLE_TIMEOUT_MS'
        | 'DATABASE_PREPARED_STATEMENTS'
        | 'DATABASE_REPLICA_URLS'
        | 'EMBEDDED_DATABASE_THREAD'
      >
    > &
    // Operations: logs, /ready, /metrics, tracing (server/src/operations/).
    OperationsConfig &
    Partial<Pick<Config, 'SHUTDOWN_DRAIN_MS' | 'DOCUMENT_CACHE_SIZE'>>
  /** Overrides for tests: a PGlite dump to start from, or skip migrations. */
  open?: Partial<OpenOptions>
  plugins?: Plugin[]
  /** Human notices at startup (the one-time demo login); main.ts prints them. */
  log?: (message: string) => void
  /** Structured logs (operations/logger.ts); silent when left out, as tests and scripts want. */
  logger?: Logger
}

export async function startHub({
  config,
  open,
  plugins,
  log = () => {},
  logger = silentLogger,
}: HubOptions): Promise<Hub> {
  useHubLogger(logger)
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    thread: config.EMBEDDED_DATABASE_THREAD !== 'off',
    pool: {
      max: config.DATABASE_POOL_SIZE,
      // No statement outlives the answer its request got (a timeout answers at EXECUTION_TIMEOUT_MS).
      statementTimeoutMillis: Math.min(
        config.STATEMENT_TIMEOUT_MS,
        config.EXECUTION_TIMEOUT_MS ?? HARDENING_DEFAULTS.executionTimeoutMs,
      ),
      connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: config.DATABASE_IDLE_TIMEOUT_MS,
      preparedStatements: config.DATABASE_PREPARED_STATEMENTS !== 'off',
      onConnectionLost: (error) => logger.warn({ err: error }, 'PostgreSQL connection lost; the pool opens a new one'),
    },
    replicaUrls: config.DATABASE_REPLICA_URLS,
    // MIGRATE=off: refuse to start behind the code instead of migrating (see config.ts).
    migrate: config.MIGRATE === 'off' ? 'verify' : true,
    ...open,
  })
  // Queries for a request that timed out or whose client left are refused (cancellation.ts).
  useDatabase(cancellableDatabase(database))
  if (config.SEED === 'auto') {
    const { isEmpty, seed } = await import('@minsheng/db/seed')
    // The primary: a replica may lag behind what an earlier start wrote.
    if (await isEmpty(database.primary)) {
      logger.info('Empty database: seeding the real figures of Zhaotong…')
      await seed(database.primary)
    }
  }
  const notice = await readingFromPrimary(() =>
    ensureFirstAdmin({
      NODE_ENV: config.NODE_ENV ?? 'production',
      ADMIN_USERNAME: config.ADMIN_USERNAME,
      ADMIN_PASSWORD: config.ADMIN_PASSWORD,
    }),
  )
  if (notice) log(notice)
  // Live updates: changes reach this hub's subscribers, and through Redis every other hub's.
  const live = await openLiveBus({ redisUrl: config.REDIS_URL, channelPrefix: config.LIVE_CHANNEL_PREFIX })
  useLiveBus(live)
  // Sign-in failures are counted where every instance sees them (Redis), when there is one.
  const loginThrottle = createLoginThrottle({
    redisUrl: config.REDIS_URL,
    keyPrefix: `${config.RATE_LIMIT_KEY_PREFIX ?? HARDENING_DEFAULTS.rateLimitKeyPrefix}:login`,
  })
  useLoginThrottle(loginThrottle)
  const operations = await setUpOperations(config, logger)
  const hardening = {
    ...hardeningOptions(config),
    // The embedded database runs one statement at a time; PostgreSQL as many as the pool holds.
    maxConcurrentOperations:
      config.MAX_CONCURRENT_OPERATIONS || (database.kind === 'pglite' ? 2 : config.DATABASE_POOL_SIZE),
  }
  const admit = requestGate(hardening)
  const yoga = createHubYoga({
    plugins: [...operations.plugins, ...(plugins ?? [])],
    logging: yogaLogger(logger),
    hardening,
    corsOrigins: config.CORS_ORIGINS ?? [],
    auth: {
      publicRead: config.PUBLIC_READ ?? false,
      session: { idleMinutes: config.SESSION_IDLE_MINUTES ?? 30, absoluteHours: config.SESSION_ABSOLUTE_HOURS ?? 12 },
    },
    governance: { review: (config.REVIEW ?? 'on') === 'on' },
    documentCacheSize: config.DOCUMENT_CACHE_SIZE,
  })
  const serveConsole = createConsoleHandler()
  // /graphql, /health, /ready and /metrics are the API; every other path is the console (admin/dist).
  const yogaPaths = new Set(['/graphql', '/health', '/ready', '/metrics'])
  const handle = operations.wrap((request, response) => {
    const pathname = (request.url ?? '/').split('?')[0] ?? '/'
    // GraphQL beyond what the instance can take is refused before it is read; /health, /ready and
    // /metrics always get through.
    if (pathname === '/graphql' && admit(request, response)) return
    if (yogaPaths.has(pathname)) return yoga(request, response)
    for (const [name, value] of Object.entries(securityHeaders(request))) response.setHeader(name, value)
    return serveConsole(request, response).catch((error) => {
      logger.error({ err: error }, 'Console could not be served')
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  // The metrics listener first: a port already taken stops the start before any traffic arrives.
  const metricsUrl = await operations.listen()
  const server = createServer(handle)
  // A port already taken rejects the start (main.ts says so in one sentence) instead of crashing it:
  // `once` rejects on the server's 'error'.
  server.listen(config.PORT, config.HOST)
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST
  let closing: Promise<void> | undefined
  return {
    url: `http://${host}:${port}`,
    server,
    database,
    metricsUrl,
    flushUsage: (options) => operations.flushUsage(options),
    close() {
      closing ??= (async () => {
        // /ready turns red first, and the load balancer gets time to notice before we stop listening.
        operations.beginShutdown()
        if (config.SHUTDOWN_DRAIN_MS) await new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DRAIN_MS))
        const stopped = closeGracefully(server)
        // Live streams never finish on their own: end them so their connections drain with the rest.
        await live.close()
        await stopped
        // Releases what the plugins hold (the rate limiter's Redis connection).
        await yoga.dispose()
        await operations.close()
        loginThrottle.close()
        await database.close()
      })()
      return closing
    },
  }
}
