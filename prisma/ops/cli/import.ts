// pnpm db:import <file>: loads an export into the EMPTY database the hub uses (migrating it first),
// in one transaction, and checks every table's count against the file's header.
import { existsSync } from 'node:fs'
import { applyMigrations } from '../../src/migrate.ts'
import { connect } from '../connection.ts'
import { importDatabase } from '../import.ts'
import { readLines } from '../jsonl-file.ts'
import { progressReporter } from '../progress.ts'
import { describeTarget, targetFromEnv, userPath } from '../target.ts'
import { args, run, seconds, UsageError } from './run.ts'

const USAGE = 'pnpm db:import <file.jsonl[.gz]>'
const { positionals } = args(USAGE, {})

await run(async () => {
  const started = performance.now()
  if (positionals.length !== 1) throw new UsageError('Name one export file.')
  const file = userPath(positionals[0] as string)
  if (!existsSync(file)) throw new Error(`No such file: ${file}`)
  const target = targetFromEnv()
  const db = await connect(target)
  try {
    for (const name of await applyMigrations(db)) console.error(`Applied migration ${name}`)
    let progress = progressReporter('import', 0)
    const report = await importDatabase(db, readLines(file), {
      onHeader(header) {
        const total = header.tables.reduce((sum, table) => sum + table.count, 0)
        progress = progressReporter('import', total)
        console.error(`Importing ${total} rows (exported ${header.exportedAt}) into the ${describeTarget(target)}…`)
      },
      onRows: (rows, table) => progress.add(rows, table),
    })
    console.log(`${'table'.padEnd(24)}${'in file'.padStart(10)}${'imported'.padStart(10)}`)
    for (const table of report.tables) {
      console.log(
        `${table.name.padEnd(24)}${String(table.expected).padStart(10)}${String(table.imported).padStart(10)}`,
      )
    }
    const total = report.tables.reduce((sum, table) => sum + table.imported, 0)
    console.log(`Imported ${total} rows in ${seconds(started)}; every table's count matches the file.`)
    if (report.usersWithoutPassword > 0) {
      console.log(
        `${report.usersWithoutPassword} user(s) were imported without a password (the export left secrets out): they cannot sign in until an admin sets a new password for them in the console (Users). If no admin can sign in, create one first: pnpm user:create --role admin --username <name>`,
      )
    }
    if (report.keysWithoutSecret > 0) {
      console.log(
        `${report.keysWithoutSecret} API key(s) were imported without their secret: they no longer work; create new keys for those partners.`,
      )
    }
  } finally {
    await db.close()
  }
}, USAGE)
