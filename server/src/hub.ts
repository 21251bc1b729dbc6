// Opens the database, seeds it when empty, and serves the hub over HTTP. Used by main.ts and tests.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Database, type OpenOptions, openDatabase } from '@minsheng/db'
import type { Plugin } from 'graphql-yoga'
import { ensureFirstAdmin } from './auth/bootstrap.ts'
import type { Config } from './config.ts'
import { useDatabase } from './db.ts'
import { type Logger, type OperationsConfig, setUpOperations, silentLogger, yogaLogger } from './operations/index.ts'
import { type HardeningConfig, hardeningOptions, securityHeaders } from './plugins/hardening/index.ts'
import { createConsoleHandler } from './static.ts'
import { createHubYoga } from './yoga.ts'

export interface Hub {
  url: string
  server: Server
  database: Database
  /** The separate /metrics listener's URL, when METRICS_PORT is set. */
  metricsUrl?: string
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
        | 'SESSION_IDLE_MINUTES'
        | 'SESSION_ABSOLUTE_HOURS'
        | 'ADMIN_USERNAME'
        | 'ADMIN_PASSWORD'
      >
    > &
    Partial<HardeningConfig> &
    // Operations: logs, /ready, /metrics, tracing (server/src/operations/).
    OperationsConfig &
    Partial<Pick<Config, 'SHUTDOWN_DRAIN_MS'>>
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
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    pool: { max: config.DATABASE_POOL_SIZE, statementTimeoutMillis: config.STATEMENT_TIMEOUT_MS },
    ...open,
  })
  useDatabase(database)
  if (config.SEED === 'auto') {
    const { isEmpty, seed } = await import('@minsheng/db/seed')
    if (await isEmpty(database.prisma)) {
      logger.info('Empty database: seeding the real figures of Zhaotong…')
      await seed(database.prisma)
    }
  }
  const notice = await ensureFirstAdmin({
    NODE_ENV: config.NODE_ENV ?? 'production',
    ADMIN_USERNAME: config.ADMIN_USERNAME,
    ADMIN_PASSWORD: config.ADMIN_PASSWORD,
  })
  if (notice) log(notice)
  const operations = await setUpOperations(config, logger)
  const yoga = createHubYoga({
    plugins: [...operations.plugins, ...(plugins ?? [])],
    logging: yogaLogger(logger),
    hardening: hardeningOptions(config),
    auth: {
      publicRead: config.PUBLIC_READ ?? false,
      session: { idleMinutes: config.SESSION_IDLE_MINUTES ?? 30, absoluteHours: config.SESSION_ABSOLUTE_HOURS ?? 12 },
    },
  })
  const serveConsole = createConsoleHandler()
  // /graphql, /health, /ready and /metrics are the API; every other path is the console (admin/dist).
  const yogaPaths = new Set(['/graphql', '/health', '/ready', '/metrics'])
  const handle = operations.wrap((request, response) => {
    const pathname = (request.url ?? '/').split('?')[0] ?? '/'
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
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve))
  const { port } = server.address() as AddressInfo
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST
  let closing: Promise<void> | undefined
  return {
    url: `http://${host}:${port}`,
    server,
    database,
    metricsUrl,
    close() {
      closing ??= (async () => {
        // /ready turns red first, and the load balancer gets time to notice before we stop listening.
        operations.beginShutdown()
        if (config.SHUTDOWN_DRAIN_MS) await new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DRAIN_MS))
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeIdleConnections()
        })
        // Releases what the plugins hold (the rate limiter's Redis connection).
        await yoga.dispose()
        await operations.close()
        await database.close()
      })()
      return closing
    },
  }
}
