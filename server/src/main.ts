// `pnpm start`: migrate, seed an empty database, serve on PORT, and shut down cleanly on SIGTERM.
import { InvalidConfiguration, loadConfig } from './config.ts'
import { limitHeapGrowth } from './heap-growth.ts'
import { startHub } from './hub.ts'
import { createLogger } from './operations/index.ts'
import { mapBundleFrames } from './stack-traces.ts'
import { startupProblem } from './startup-errors.ts'

// Before anything can fail: the bundle's stack traces name their TypeScript sources.
mapBundleFrames(import.meta.url)

const SHUTDOWN_GRACE_MS = 10_000

// A setting the hub cannot use: the variables at fault, for the person starting it, not a stack trace.
const config = (() => {
  try {
    return loadConfig()
  } catch (error) {
    if (!(error instanceof InvalidConfiguration)) throw error
    console.error(error.message)
    process.exit(1)
  }
})()
limitHeapGrowth(config)
// Structured logs (JSON lines) go to standard output; the start banner below is for people.
const logger = createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT })
// The one-time demo login is for the person starting the hub: printed, like the banner.
const hub = await startHub({ config, logger, log: (message) => console.log(message) }).catch((error) => {
  // Refusals meant for the operator (pending migrations with MIGRATE=off, data directory in use):
  // their message says what to do, a stack trace would only hide it.
  if (error?.code === 'PENDING_MIGRATIONS' || error?.code === 'DATA_DIR_IN_USE') {
    console.error(error.message)
    process.exit(1)
  }
  // A port taken, a full disk, a read-only or a damaged data directory: one sentence saying what to do.
  const problem = startupProblem(error, config)
  if (problem) {
    console.error(problem)
    process.exit(1)
  }
  throw error
})
const replicas = config.DATABASE_REPLICA_URLS.length
const where = config.DATABASE_URL
  ? `PostgreSQL${replicas ? ` (reads on ${replicas} replica${replicas > 1 ? 's' : ''})` : ''}`
  : `embedded database in ${config.DATA_DIR}`
console.log(`Minsheng Hub (民生数据枢纽) is serving on ${where}
  Operator console:         ${hub.url}/
  GraphQL API and GraphiQL: ${hub.url}/graphql
  Health:                   ${hub.url}/health  (readiness: ${hub.url}/ready)${hub.metricsUrl ? `\n  Metrics:                  ${hub.metricsUrl}` : ''}`)
logger.info({ url: hub.url, database: hub.database.kind, metricsUrl: hub.metricsUrl }, 'Serving')

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'Shutting down: finishing requests in flight, then closing the database')
    const force = setTimeout(() => {
      logger.error('Requests did not finish in time; exiting.')
      logger.flush()
      process.exit(1)
    }, SHUTDOWN_GRACE_MS + config.SHUTDOWN_DRAIN_MS)
    force.unref()
    hub.close().then(
      () => {
        logger.info('Stopped')
        logger.flush()
        process.exit(0)
      },
      (error) => {
        logger.error({ err: error }, 'Shutdown failed')
        logger.flush()
        process.exit(1)
      },
    )
  })
}
