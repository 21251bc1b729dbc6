// Child process (NODE_ENV=production): starts our hub in process on the bench database and counts
// the SQL statements each scenario's request issues with `hub.database.statementCount()`, keeping
// the statements of the last sample from Prisma's query log. Prints one JSON line.
//   BENCH_FIXTURES='{…}' BENCH_SAMPLES=5 DATABASE_URL=postgresql://… tsx src/statements-ours.ts
import { loadConfig } from '@minsheng/server/config'
import { startHub } from '@minsheng/server/hub'
import type { Fixtures } from './fixtures.ts'
import { OUR_NESTED, ourSpecs } from './scenarios.ts'
import { countStatements } from './statements.ts'
import { currentVersions, signIn } from './versions.ts'

const fixtures = JSON.parse(process.env.BENCH_FIXTURES ?? '') as Fixtures
const samples = Number(process.env.BENCH_SAMPLES ?? 5)
const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', SEED: 'off' })
const hub = await startHub({ config })
const url = `${hub.url}/graphql`

let log: { query: string; durationMs: number }[] = []
// Every client's statements (anonymous reads go to the published copy's client, writes to the
// working copy's): the same events statementCount counts.
hub.database.onStatement((statement) => log.push(statement))

try {
  const admin = { username: process.env.ADMIN_USERNAME ?? '', password: process.env.ADMIN_PASSWORD ?? '' }
  const cookie = await signIn(url, admin)
  const versions = await currentVersions(url, fixtures.updateHospitalIds.slice(0, 1), cookie)
  // The nested document again with smaller pages: the same count shows it does not grow with rows.
  const nestedSmall = OUR_NESTED.replace('first: 11', 'first: 3').replace(
    'settlements(first: 10)',
    'settlements(first: 2)',
  )
  const specs = {
    ...ourSpecs(fixtures, versions, cookie),
    nestedSmall: { kind: 'static' as const, body: JSON.stringify({ query: nestedSmall, variables: { after: null } }) },
  }
  const counts = await countStatements(url, specs, () => hub.database.statementCount(), samples, {
    start: () => {
      log = []
    },
    finish: () => ({
      sql: log.map((entry) => entry.query),
      dbMs: log.reduce((sum, entry) => sum + entry.durationMs, 0),
    }),
  })
  console.log(JSON.stringify(counts))
} finally {
  await hub.close()
}
