// pnpm db:migrate: applies pending migrations to DATABASE_URL (PostgreSQL) or the embedded
// database in DATA_DIR, with the migrator the hub runs at start, so both record the same history
// in Prisma's `_prisma_migrations` (and `prisma migrate status` agrees).
import { applyMigrations, migrationNames } from '../../src/migrate.ts'
import { connect } from '../connection.ts'
import { describeTarget, targetFromEnv } from '../target.ts'
import { run } from './run.ts'

await run(async () => {
  const target = targetFromEnv()
  const db = await connect(target)
  try {
    console.log(`Migrating the ${describeTarget(target)}…`)
    const applied = await applyMigrations(db)
    for (const name of applied) console.log(`  applied ${name}`)
    const all = await migrationNames()
    console.log(
      applied.length
        ? `Done: ${applied.length} migration(s) applied; the database is at ${all.at(-1)}.`
        : `Nothing to apply: the database is up to date (${all.length} migrations, the last ${all.at(-1)}).`,
    )
  } finally {
    await db.close()
  }
}, 'pnpm db:migrate')
