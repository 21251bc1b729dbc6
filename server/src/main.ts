// `pnpm start`: migrate, seed an empty database, serve on PORT, and shut down cleanly on SIGTERM.
import { loadConfig } from './config.ts'
import { startHub } from './hub.ts'

const SHUTDOWN_GRACE_MS = 10_000

const config = loadConfig()
const hub = await startHub({ config, log: (message) => console.log(message) }).catch((error) => {
  // Refusals meant for the operator (pending migrations with MIGRATE=off, data directory in use):
  // their message says what to do, a stack trace would only hide it.
  if (error?.code === 'PENDING_MIGRATIONS' || error?.code === 'DATA_DIR_IN_USE') {
    console.error(error.message)
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
  Health:                   ${hub.url}/health`)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: finishing requests in flight, then closing the database…`)
    const force = setTimeout(() => {
      console.error('Requests did not finish in time; exiting.')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS)
    force.unref()
    hub.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error)
        process.exit(1)
      },
    )
  })
}
