// pnpm db:restore <file>: a db:backup file into an empty database of the same kind (a new DATA_DIR,
// or an empty PostgreSQL database named by DATABASE_URL).
import { existsSync } from 'node:fs'
import { restore } from '../backup.ts'
import { describeTarget, targetFromEnv, userPath } from '../target.ts'
import { args, run, seconds, UsageError } from './run.ts'

const USAGE = 'pnpm db:restore <file>'
const { positionals } = args(USAGE, {})

await run(async () => {
  const started = performance.now()
  if (positionals.length !== 1) throw new UsageError('Name one backup file.')
  const file = userPath(positionals[0] as string)
  if (!existsSync(file)) throw new Error(`No such file: ${file}`)
  const target = targetFromEnv()
  console.error(`Restoring ${file} into the ${describeTarget(target)}…`)
  await restore(target, file)
  console.log(`Restored ${file} into the ${describeTarget(target)} in ${seconds(started)}.`)
}, USAGE)
