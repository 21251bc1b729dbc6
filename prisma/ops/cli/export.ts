// pnpm db:export [--out file] [--include-secrets]: every record, citation, indicator, user, API key
// and audit event of the database the hub uses, to a versioned JSON Lines file (gzip when the name
// ends in .gz). Progress on stderr, the summary on stdout.
import { stat } from 'node:fs/promises'
import { connect } from '../connection.ts'
import { beginExport } from '../export.ts'
import { writeChunks } from '../jsonl-file.ts'
import { progressReporter } from '../progress.ts'
import { describeTarget, targetFromEnv, userPath } from '../target.ts'
import { args, fileStamp, run, seconds } from './run.ts'

const USAGE = 'pnpm db:export [--out file.jsonl[.gz]] [--include-secrets]'
const { values } = args(USAGE, {
  out: { type: 'string' },
  'include-secrets': { type: 'boolean', default: false },
})

await run(async () => {
  const started = performance.now()
  const target = targetFromEnv()
  const file = userPath(values.out ?? `minsheng-export-${fileStamp()}.jsonl.gz`)
  const db = await connect(target, { mustExist: true })
  try {
    const includeSecrets = values['include-secrets'] ?? false
    const { header, chunks } = await beginExport(db, {
      includeSecrets,
      onRows: (rows, table) => progress.add(rows, table),
    })
    const total = header.tables.reduce((sum, table) => sum + table.count, 0)
    const progress = progressReporter('export', total)
    console.error(`Exporting ${total} rows from the ${describeTarget(target)} (migration ${header.migration})…`)
    await writeChunks(file, chunks)
    for (const table of header.tables) console.log(`${table.name.padEnd(24)}${table.count}`)
    const { size } = await stat(file)
    console.log(`Wrote ${total} rows to ${file} (${(size / 1_048_576).toFixed(1)} MB) in ${seconds(started)}.`)
    console.log(
      includeSecrets
        ? 'It includes password and API key hashes: keep it as safe as the database.'
        : 'Password and API key hashes were left out (--include-secrets keeps them): imported users must have their passwords reset, and API keys reissued.',
    )
  } finally {
    await db.close()
  }
}, USAGE)
