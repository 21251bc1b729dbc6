// Generates synthetic records into the database the server uses:
//   tsx seed/synthetic/cli.ts [size=1000] [--seed N] [--years N]
// PostgreSQL when DATABASE_URL is a postgresql:// URL, otherwise the embedded database in DATA_DIR
// (default: <repo>/data). Records of an earlier synthetic run are replaced; real records stay.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../../src/open.ts'
import { planBudget } from './budget.ts'
import { seedSynthetic } from './generate.ts'

const USAGE = 'usage: tsx seed/synthetic/cli.ts [size=1000] [--seed N=1] [--years N=10]'

function parse() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      seed: { type: 'string', default: '1' },
      years: { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const options = {
    size: Number(positionals[0] ?? 1000),
    seed: Number(values.seed),
    indicatorYears: Number(values.years),
  }
  if (!Number.isInteger(options.seed)) throw new RangeError(`--seed must be an integer, got ${values.seed}`)
  planBudget(options.size, options.indicatorYears) // checks size and years before the database opens
  return { help: values.help, options }
}

let parsed: ReturnType<typeof parse>
try {
  parsed = parse()
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`)
  process.exit(2)
}
if (parsed.help) {
  console.log(USAGE)
  process.exit(0)
}

const url = process.env.DATABASE_URL
const opening = performance.now()
const db = /^postgres(ql)?:\/\//.test(url ?? '')
  ? // A batch job: allow statements longer than the server's 15 s (removing a large earlier set).
    await openDatabase({ databaseUrl: url, pool: { statementTimeoutMillis: 300_000 } })
  : await openDatabase({ dataDir: process.env.DATA_DIR ?? path.resolve(import.meta.dirname, '../../../data') })
try {
  const started = performance.now()
  const counts = await seedSynthetic(db.prisma, parsed.options)
  const seconds = (performance.now() - started) / 1000
  console.table(counts)
  console.log(
    `${db.kind}: ${counts.total} synthetic rows (size ${parsed.options.size}, seed ${parsed.options.seed}) ` +
      `in ${seconds.toFixed(1)} s, ${db.statementCount()} statements; ` +
      `opening the database took ${((started - opening) / 1000).toFixed(1)} s`,
  )
} finally {
  await db.close()
}
