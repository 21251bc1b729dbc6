// pnpm db:backup [--out file]: the embedded database as a PGlite data-directory dump (.tar.gz), or
// PostgreSQL with pg_dump's custom format (.dump).
import { stat } from 'node:fs/promises'
import { backup } from '../backup.ts'
import { describeTarget, targetFromEnv, userPath } from '../target.ts'
import { args, fileStamp, run, seconds } from './run.ts'

const USAGE = 'pnpm db:backup [--out file]'
const { values } = args(USAGE, { out: { type: 'string' } })

await run(async () => {
  const started = performance.now()
  const target = targetFromEnv()
  const extension = target.kind === 'postgres' ? 'dump' : 'tar.gz'
  const file = userPath(values.out ?? `minsheng-backup-${fileStamp()}.${extension}`)
  console.error(`Backing up the ${describeTarget(target)}…`)
  await backup(target, file)
  const { size } = await stat(file)
  console.log(`Wrote ${file} (${(size / 1_048_576).toFixed(1)} MB) in ${seconds(started)}.`)
  console.log(`Restore it with: pnpm db:restore ${file}`)
}, USAGE)
