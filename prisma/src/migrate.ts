import { createHash, randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { PUBLISHED_SCHEMA, q, type Sql, schemaExists, syncMirror } from './mirror.ts'
import { publishEverything } from './publication.ts'

/** The few operations the migrator needs; PGlite and node-postgres both provide them. */
export interface SqlRunner {
  exec(sql: string): Promise<unknown>
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../migrations')
// Arbitrary constant: instances starting together take turns to migrate.
const MIGRATION_LOCK = 5306_2024

/**
 * Applies pending migrations from prisma/migrations, recording them in Prisma's own
 * `_prisma_migrations` table (same checksum) so `prisma migrate status` agrees. We apply them in
 * process because a PGlite data directory can be open in only one process: the CLI cannot reach
 * the database the server holds.
 */
export async function applyMigrations(db: SqlRunner, dir = MIGRATIONS_DIR): Promise<string[]> {
  await createMigrationsTable(db)
  await db.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
  try {
    const applied = new Set(await appliedMigrations(db))
    const done: string[] = []
    for (const name of await migrationNames(dir)) {
      if (applied.has(name)) continue
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8')
      const checksum = createHash('sha256').update(sql).digest('hex')
      await db.exec('BEGIN')
      try {
        await db.exec(sql)
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), checksum, name],
        )
        await db.exec('COMMIT')
      } catch (error) {
        await db.exec('ROLLBACK')
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`)
      }
      done.push(name)
    }
    await keepPublishedInStep(db, done.length > 0)
    return done
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
  }
}

/** The migrator's connection as the mirror and publication modules use one. */
export function sqlOf(db: SqlRunner): Sql {
  return {
    run: (sql, params) => (params ? db.query(sql, params) : db.exec(sql)),
    rows: async (sql, params) => (await db.query(sql, params)).rows as never,
  }
}

/**
 * Brings the published copy (mirror.ts) in step with the schema after migrations. The first time
 * (a new database, or one from before review existed) everything already there is published: until
 * then, whatever was committed was what partners read.
 */
async function keepPublishedInStep(db: SqlRunner, migrated: boolean) {
  const sql = sqlOf(db)
  const fresh = !(await schemaExists(sql, PUBLISHED_SCHEMA))
  if (!fresh && !migrated) return
  await db.exec('BEGIN')
  try {
    await syncMirror(sql, PUBLISHED_SCHEMA)
    if (fresh) await publishEverything(sql, db)
    // Copies as of a moment (asof_<seq>) were built for the schema before these migrations; they
    // are rebuilt from the publication log when next asked for.
    if (migrated) {
      const copies = await sql.rows<{ name: string }>(
        `SELECT nspname::text AS name FROM pg_namespace WHERE nspname LIKE 'asof\\_%'`,
      )
      for (const copy of copies) await sql.run(`DROP SCHEMA ${q(copy.name)} CASCADE`)
    }
    await db.exec('COMMIT')
  } catch (error) {
    await db.exec('ROLLBACK')
    throw new Error(`Keeping the published copy in step failed: ${(error as Error).message}`)
  }
}

/** Migrations in prisma/migrations, oldest first (their names start with a timestamp). */
export async function migrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/** Migrations the database has finished, oldest first; none when it was never migrated. */
export async function appliedMigrations(db: SqlRunner): Promise<string[]> {
  const table = await db.query<{ found: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS found`)
  if (!table.rows[0]?.found) return []
  const { rows } = await db.query<{ migration_name: string }>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
  )
  return rows.map((row) => row.migration_name)
}

/** Migrations in prisma/migrations the database has not applied yet. */
export async function pendingMigrations(db: SqlRunner, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied = new Set(await appliedMigrations(db))
  return (await migrationNames(dir)).filter((name) => !applied.has(name))
}

/** Raised at start with `MIGRATE=off` when the database is behind the code. */
export class PendingMigrationsError extends Error {
  readonly code = 'PENDING_MIGRATIONS'
  constructor(readonly pending: string[]) {
    super(
      `The database has ${pending.length} pending migration(s) (${pending.join(', ')}) and MIGRATE=off: run \`pnpm db:migrate\` first.`,
    )
  }
}

async function createMigrationsTable(db: SqlRunner) {
  await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`)
}
