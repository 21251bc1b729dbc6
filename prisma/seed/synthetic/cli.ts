// Generates synthetic records into the database the server uses:
//   tsx seed/synthetic/cli.ts [size] [--seed N] [--years N]
// DATABASE_URL=postgresql://… selects PostgreSQL; otherwise the PGlite directory DATA_DIR (default ../data).
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../../src/open.ts'
import { seedSynthetic } from './generate.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string', default: '1' },
    years: { type: 'string', default: '10' },
    help: { type: 'boolean', short: 'h', default: false },
  },
})
if (values.help) {
  console.log('usage: tsx seed/synthetic/cli.ts [size=1000] [--seed N] [--years N]')
  process.exit(0)
}
const size = Number(positionals[0] ?? 1000)
const seed = Number(values.seed)
const indicatorYears = Number(values.years)
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`)

const url = process.env.DATABASE_URL
const opening = performance.now()
const db = await openDatabase(
  url?.startsWith('postgres')
    ? { databaseUrl: url }
    : { dataDir: process.env.DATA_DIR ?? path.resolve(import.meta.dirname, '../../../data') },
)
try {
  const started = performance.now()
  const counts = await seedSynthetic(db.prisma, { size, seed, indicatorYears })
  const seconds = (performance.now() - started) / 1000
  console.table(counts)
  console.log(
    `${db.kind}: ${counts.total} synthetic rows (size ${size}, seed ${seed}) in ${seconds.toFixed(1)} s, ` +
      `${db.statementCount()} statements; opening the database took ${((started - opening) / 1000).toFixed(1)} s`,
  )
} finally {
  await db.close()
}
