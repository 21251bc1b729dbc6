// Child process: fills one database (PostgreSQL URL or PGlite data directory) with the real seed
// and the synthetic generator, refreshes the planner's statistics, and prints the counts and the
// ids the scenarios use (and their pools of variables) as one JSON line.
//   tsx src/fill.ts --size 100000 (--url postgresql://… | --data-dir DIR)
import { parseArgs } from 'node:util'
import { openDatabase, prismaSql, publishEverything } from '@minsheng/db'
import { seed } from '@minsheng/db/seed'
import { seedSynthetic } from '@minsheng/db/synthetic'
import { findFixtures } from './fixtures.ts'

const { values } = parseArgs({
  options: { url: { type: 'string' }, 'data-dir': { type: 'string' }, size: { type: 'string', default: '100000' } },
})

const started = performance.now()
const database = values.url
  ? await openDatabase({ databaseUrl: values.url, pool: { max: 2, statementTimeoutMillis: 600_000 } })
  : await openDatabase({ dataDir: values['data-dir'] })
const opened = performance.now()
await seed(database.prisma)
const seeded = performance.now()
const counts = await seedSynthetic(database.prisma, { size: Number(values.size) })
// Partners and anonymous callers read the published copy (governance): the migration published
// the empty database, so publish what the seeds wrote, as a hub that was filled before review would.
// Without this, the bench's anonymous reads measured a published copy of a handful of rows.
await database.prisma.$transaction((tx) => publishEverything(prismaSql(tx), database), { timeout: 600_000 })
const generated = performance.now()
// Freshly loaded tables have no statistics until autovacuum gets to them; without these the
// planner picks nested loops over thousands of rows (measured: list query 100 ms instead of 6 ms).
if (database.pglite) await database.pglite.exec('VACUUM ANALYZE')
else await database.prisma.$executeRawUnsafe('VACUUM ANALYZE')
const analyzed = performance.now()

const fixtures = await findFixtures((sql) => database.prisma.$queryRawUnsafe(sql))
await database.close()

const ms = (from: number, to: number) => Math.round(to - from)
console.log(
  JSON.stringify({
    counts,
    fixtures,
    timings: {
      openMs: ms(started, opened),
      seedMs: ms(opened, seeded),
      syntheticMs: ms(seeded, generated),
      analyzeMs: ms(generated, analyzed),
      totalMs: ms(started, analyzed),
    },
  }),
)
