// pnpm db:migration:new <name>: writes the migration that takes the committed schema.prisma (git's
// HEAD) to the one in the working tree, as Prisma writes it (`prisma migrate diff` between the two
// schema files), into migrations/<UTC timestamp>_<name>/migration.sql. Comparing two schema files
// needs no database: `prisma migrate dev` replays every migration into a shadow database, which
// fails through both driver adapters here (PGlite's shadow database has no pg_trgm and takes a
// migration as one prepared statement; @prisma/adapter-pg cannot read PostgreSQL's `name` columns).
// Triggers, functions and derived tables (DivisionAncestry) are not in schema.prisma: add their SQL
// to the file by hand.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { MIGRATIONS_DIR } from '../../src/migrate.ts'
import { args, run, UsageError } from './run.ts'

const USAGE = 'pnpm db:migration:new <name, e.g. service_station>'
const PRISMA_DIR = path.resolve(import.meta.dirname, '../..')

await run(async () => {
  const name = args(USAGE, {}).positionals[0]
  if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
    throw new UsageError('Name the migration in lower case, with digits and underscores (service_station).')
  }
  const scratch = mkdtempSync(path.join(tmpdir(), 'migration-'))
  try {
    const committed = path.join(scratch, 'committed.prisma')
    writeFileSync(committed, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { cwd: PRISMA_DIR }))
    const sql = execFileSync(
      'npx',
      [
        'prisma',
        'migrate',
        'diff',
        '--from-schema-datamodel',
        committed,
        '--to-schema-datamodel',
        'schema.prisma',
        '--script',
      ],
      { cwd: PRISMA_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    )
    if (!/\S/.test(sql.replace(/^--.*$/gm, ''))) {
      throw new Error('schema.prisma is as committed: there is nothing to migrate.')
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`)
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'migration.sql'), sql)
    console.log(
      `Wrote ${path.relative(path.dirname(PRISMA_DIR), path.join(dir, 'migration.sql'))}: read it, then commit it.`,
    )
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}, USAGE)
