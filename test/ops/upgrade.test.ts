// A database from before a migration, brought up to date by the hub's migrator: the migration that
// added the divisions' ancestry (20261207010000_division_ancestry) must give the published copy
// its own ancestry, filled from its own divisions and kept by triggers there too, and copies as of
// a moment made before the migration must go (they are rebuilt from the log when next asked for).
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { applyMigrations, type Database, MIGRATIONS_DIR, openDatabase } from '@minsheng/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ANCESTRY = '20261207010000_division_ancestry'
const REVIEW = '20261203090000_governance'
const dirs: string[] = []
let database: Database

/** A directory of the migrations before `first`, as a database made then was migrated. */
function migrationsBefore(first: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'migrations-before-'))
  dirs.push(dir)
  for (const name of readdirSync(MIGRATIONS_DIR).filter((name) => name < first)) {
    cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true })
  }
  return dir
}

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://', migrate: false })
  const db = database.pglite
  if (!db) throw new Error('no PGlite instance')
  // Two counties and a township, from before review (whose migrator kept no published copy): the
  // migration that brings review publishes them.
  await applyMigrations(db, migrationsBefore(REVIEW))
  await db.exec('DROP SCHEMA "published" CASCADE')
  await db.exec(`INSERT INTO "Division" (id, level, "nameZh", "parentId", "ancestorIds", "updatedAt")
    VALUES (1, 'COUNTY', '甲县', NULL, '{1}', now()), (2, 'COUNTY', '乙县', NULL, '{2}', now()),
           (3, 'TOWNSHIP', '丙镇', 1, '{1,3}', now())`)
  await applyMigrations(db, migrationsBefore(ANCESTRY))
  // The township moved in the working copy only (awaiting review), and a copy as of a moment.
  await db.exec(`UPDATE "Division" SET "ancestorIds" = '{2,3}', "parentId" = 2 WHERE id = 3`)
  await db.exec(`CREATE SCHEMA asof_7; COMMENT ON SCHEMA asof_7 IS 'complete'`)
  await applyMigrations(db)
})
afterAll(async () => {
  await database?.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const ancestry = async (schema: string) =>
  (
    await (database.pglite as NonNullable<Database['pglite']>).query<{ pair: string }>(
      `SELECT "ancestorId" || '>' || "divisionId" AS pair FROM "${schema}"."DivisionAncestry" ORDER BY 1`,
    )
  ).rows.map((row) => row.pair)

describe('migrating a database from before the divisions’ ancestry', () => {
  it('fills each copy’s ancestry from its own divisions', async () => {
    expect(await ancestry('public')).toEqual(['1>1', '2>2', '2>3', '3>3'])
    expect(await ancestry('published')).toEqual(['1>1', '1>3', '2>2', '3>3'])
  })

  it('keeps the published copy’s ancestry with triggers of its own', async () => {
    const db = database.pglite as NonNullable<Database['pglite']>
    await db.exec(`UPDATE "published"."Division" SET "ancestorIds" = '{2,3}' WHERE id = 3`)
    await db.exec(`INSERT INTO "published"."Division" SELECT (jsonb_populate_record(NULL::"published"."Division",
      to_jsonb(d) || '{"id": 4, "ancestorIds": [2, 3, 4]}')).* FROM "published"."Division" d WHERE id = 3`)
    expect(await ancestry('published')).toEqual(['1>1', '2>2', '2>3', '2>4', '3>3', '3>4', '4>4'])
    await db.exec(`DELETE FROM "published"."Division" WHERE id = 4`)
    expect(await ancestry('published')).toEqual(['1>1', '2>2', '2>3', '3>3'])
    await db.exec(`TRUNCATE "published"."Division"`)
    expect(await ancestry('published')).toEqual([])
    expect(await ancestry('public')).toEqual(['1>1', '2>2', '2>3', '3>3'])
  })

  it('drops the copies as of a moment built before it', async () => {
    const db = database.pglite as NonNullable<Database['pglite']>
    const { rows } = await db.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'asof_7'`)
    expect(rows).toEqual([])
  })
})
