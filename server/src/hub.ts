// Opens the database, seeds it when empty, and serves the hub over HTTP. Used by main.ts and tests.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Database, type OpenOptions, openDatabase } from '@minsheng/db'
import type { Plugin } from 'graphql-yoga'
import { ensureFirstAdmin } from './auth/bootstrap.ts'
import type { Config } from './config.ts'
import { useDatabase } from './db.ts'
import { openLiveBus, useLiveBus } from './live/bus.ts'
import { type HardeningConfig, hardeningOptions, securityHeaders } from './plugins/hardening/index.ts'
import { createConsoleHandler } from './static.ts'
import { createHubYoga } from './yoga.ts'

export interface Hub {
  url: string
  server: Server
  database: Database
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
        | 'LIVE_CHANNEL_PREFIX'
      >
    > &
    Partial<HardeningConfig>
  /** Overrides for tests: a PGlite dump to start from, or skip migrations. */
  open?: Partial<OpenOptions>
  plugins?: Plugin[]
  log?: (message: string) => void
}

export async function startHub({ config, open, plugins, log = () => {} }: HubOptions): Promise<Hub> {
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
      log('Empty database: seeding the real figures of Zhaotong…')
      await seed(database.prisma)
    }
  }
  const notice = await ensureFirstAdmin({
    NODE_ENV: config.NODE_ENV ?? 'production',
    ADMIN_USERNAME: config.ADMIN_USERNAME,
    ADMIN_PASSWORD: config.ADMIN_PASSWORD,
  })
  if (notice) log(notice)
  // Live updates: changes reach this hub's subscribers, and through Redis every other hub's.
  const live = await openLiveBus({ redisUrl: config.REDIS_URL, channelPrefix: config.LIVE_CHANNEL_PREFIX })
  useLiveBus(live)
  const yoga = createHubYoga({
    plugins,
    hardening: hardeningOptions(config),
    auth: {
      publicRead: config.PUBLIC_READ ?? false,
      session: { idleMinutes: config.SESSION_IDLE_MINUTES ?? 30, absoluteHours: config.SESSION_ABSOLUTE_HOURS ?? 12 },
    },
  })
  const serveConsole = createConsoleHandler()
  // /graphql and /health are the API; every other path is the console (admin/dist).
  const server = createServer((request, response) => {
    const pathname = (request.url ?? '/').split('?')[0]
    if (pathname === '/graphql' || pathname === '/health') return yoga(request, response)
    for (const [name, value] of Object.entries(securityHeaders(request))) response.setHeader(name, value)
    return serveConsole(request, response).catch((error) => {
      log(`Console: ${(error as Error).message}`)
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve))
  const { port } = server.address() as AddressInfo
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST
  let closing: Promise<void> | undefined
  return {
    url: `http://${host}:${port}`,
    server,
    database,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeIdleConnections()
        })
        // Live streams never finish on their own: end them, then drop the connections they leave
        // idle (the ones finishing ordinary requests too) instead of waiting out their keep-alive.
        await live.close()
        const dropIdle = setInterval(() => server.closeIdleConnections(), 50)
        await stopped.finally(() => clearInterval(dropIdle))
        // Releases what the plugins hold (the rate limiter's Redis connection).
        await yoga.dispose()
        await database.close()
      })()
      return closing
    },
  }
}
