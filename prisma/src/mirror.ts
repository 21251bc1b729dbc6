// The published copy of the records — and a copy "as of" any past moment — is another PostgreSQL
// schema whose tables mirror the data tables of this one: the record tables, their owned parts and
// their many-to-many links, column for column, index for index. The hub reads it with a Prisma
// client bound to that schema, so every query, filter, sort and aggregate works on it unchanged.
// Every other table (operators, keys, the audit trail) appears there as a view of this schema's.
//
// Prisma casts enum parameters to the enum type of the schema it queries, so the mirror has enum
// types of its own, with the same values. The mirror is brought in step with this schema after
// every migration, so a migration never has to remember it.
import { DATA_MODELS, JOIN_TABLES, RECORD_MODELS } from './models.ts'

/** What the mirror needs of a database connection: statements, and queries with parameters. */
export interface Sql {
  run(sql: string, params?: unknown[]): Promise<unknown>
  rows<Row>(sql: string, params?: unknown[]): Promise<Row[]>
}

export const PUBLISHED_SCHEMA = 'published'
const SOURCE_SCHEMA = 'public'
const NOT_MIRRORED = new Set(['_prisma_migrations'])

export const q = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`

interface Column {
  name: string
  /** format_type(): the type as DDL writes it, e.g. `character varying(200)` or `"HospitalRole"`. */
  type: string
  /** The enum's name when the column is of an enum type of the schema. */
  enumName: string | null
  notNull: boolean
}

export interface Catalog {
  tables: string[]
  columns: Map<string, Column[]>
  enums: Map<string, string[]>
  indexes: Map<string, { name: string; definition: string }[]>
  /** The tables' own triggers (pg_get_triggerdef), by table. */
  triggers: Map<string, { name: string; definition: string }[]>
}

export async function readCatalog(db: Sql, schema = SOURCE_SCHEMA): Promise<Catalog> {
  const columns = await db.rows<{ table: string; name: string; type: string; enum: string | null; notnull: boolean }>(
    `SELECT c.relname::text AS "table", a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
            CASE WHEN t.typtype = 'e' THEN t.typname::text END AS enum, a.attnotnull AS notnull
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     JOIN pg_type t ON t.oid = a.atttypid
     WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname, a.attnum`,
    [schema],
  )
  const enums = await db.rows<{ name: string; labels: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
     FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  )
  const indexes = await db.rows<{ table: string; name: string; definition: string }>(
    `SELECT tablename::text AS "table", indexname::text AS name, indexdef AS definition
     FROM pg_indexes WHERE schemaname = $1`,
    [schema],
  )
  const triggers = await db.rows<{ table: string; name: string; definition: string }>(
    `SELECT c.relname::text AS "table", t.tgname::text AS name, pg_get_triggerdef(t.oid) AS definition
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND NOT t.tgisinternal`,
    [schema],
  )
  const byTable = new Map<string, Column[]>()
  for (const row of columns) {
    const list = byTable.get(row.table) ?? []
    list.push({ name: row.name, type: row.type, enumName: row.enum, notNull: row.notnull })
    byTable.set(row.table, list)
  }
  return {
    tables: [...byTable.keys()].filter((table) => !NOT_MIRRORED.has(table)),
    columns: byTable,
    enums: new Map(enums.map((row) => [row.name, row.labels])),
    indexes: byTableOf(indexes),
    triggers: byTableOf(triggers),
  }
}

/** Named definitions (indexes, triggers) by their table. */
function byTableOf(rows: { table: string; name: string; definition: string }[]) {
  const map = new Map<string, { name: string; definition: string }[]>()
  for (const row of rows) map.set(row.table, [...(map.get(row.table) ?? []), row])
  return map
}

/** The tables that hold the city's data, mirrored as tables; every other table is mirrored as a view. */
export const MIRRORED_TABLES = [...DATA_MODELS, ...JOIN_TABLES.map((join) => join.table)]
/** The record tables among them (what is published record by record). */
export const RECORD_TABLES = RECORD_MODELS

/**
 * Tables derived from a mirrored table by its triggers (which every copy has too), with the SELECT
 * of their rows from the copy's tables (%S is its schema): the ancestry of each division (migration
 * 20261207010000_division_ancestry), which "within a division" reads instead of the divisions'
 * rows. They are neither copied nor published: the triggers on the copy's own divisions keep them.
 */
const DERIVED_TABLES: Record<string, string> = {
  DivisionAncestry: 'SELECT DISTINCT a, d.id FROM %S."Division" d, unnest(d."ancestorIds") a',
}

/** A column's type in the mirror: its own enum types, everything else as it is. */
const typeIn = (target: string, column: Column) =>
  column.enumName ? `${q(target)}.${q(column.enumName)}` : column.type

/** The expression that turns a source column into the mirror's type (for copies and views). */
export const castTo = (target: string, column: Column, alias = '') =>
  column.enumName ? `${alias}${q(column.name)}::text::${typeIn(target, column)}` : `${alias}${q(column.name)}`

/**
 * Brings schema `target` in step with this schema: its enum types, a table for each mirrored
 * table (columns, types, indexes and triggers as here; no defaults or foreign keys: rows are only
 * ever copied in whole) and each derived one, and a view for every other table. Idempotent; cheap
 * when nothing changed.
 */
export async function syncMirror(db: Sql, target: string): Promise<void> {
  const source = await readCatalog(db)
  await db.run(`CREATE SCHEMA IF NOT EXISTS ${q(target)}`)
  const mirror = await readCatalog(db, target)
  const views = await db.rows<{ name: string }>(`SELECT viewname::text AS name FROM pg_views WHERE schemaname = $1`, [
    target,
  ])
  const existingViews = new Set(views.map((view) => view.name))
  for (const [name, labels] of source.enums) await syncEnum(db, target, name, labels, mirror.enums.get(name))
  for (const table of source.tables) {
    const columns = source.columns.get(table) ?? []
    if (!MIRRORED_TABLES.includes(table) && !(table in DERIVED_TABLES)) {
      await db.run(`DROP VIEW IF EXISTS ${q(target)}.${q(table)}`)
      const list = columns.map((column) => `${castTo(target, column)} AS ${q(column.name)}`).join(', ')
      await db.run(`CREATE VIEW ${q(target)}.${q(table)} AS SELECT ${list} FROM ${q(SOURCE_SCHEMA)}.${q(table)}`)
      continue
    }
    if (existingViews.has(table)) await db.run(`DROP VIEW ${q(target)}.${q(table)}`)
    await syncTable(db, target, table, columns, mirror.columns.get(table))
    const have = new Set((mirror.indexes.get(table) ?? []).map((index) => index.name))
    for (const index of source.indexes.get(table) ?? []) {
      if (have.has(index.name)) continue
      await db.run(index.definition.replace(` ON ${SOURCE_SCHEMA}.`, ` ON ${q(target)}.`))
    }
    const triggersHere = new Set((mirror.triggers.get(table) ?? []).map((trigger) => trigger.name))
    for (const trigger of source.triggers.get(table) ?? []) {
      if (!triggersHere.has(trigger.name)) {
        // The function stays this schema's (one function serves every copy: it writes to its
        // trigger's schema); pg_get_triggerdef leaves its schema out when it is on the search path.
        const definition = trigger.definition
          .replace(` ON ${SOURCE_SCHEMA}.`, ` ON ${q(target)}.`)
          .replace(/EXECUTE FUNCTION (?![\w"]+\.)/, `EXECUTE FUNCTION ${SOURCE_SCHEMA}.`)
        await db.run(definition)
      }
    }
  }
  // A new derived table is filled once from the copy's rows; its triggers keep it from then on.
  for (const [table, fill] of Object.entries(DERIVED_TABLES)) {
    if (source.columns.has(table) && !mirror.columns.has(table)) {
      await db.run(`INSERT INTO ${q(target)}.${q(table)} ${fill.replaceAll('%S', q(target))}`)
    }
  }
}

async function syncEnum(db: Sql, target: string, name: string, labels: string[], existing: string[] | undefined) {
  const literal = (label: string) => `'${label.replaceAll("'", "''")}'`
  if (!existing) {
    await db.run(`CREATE TYPE ${q(target)}.${q(name)} AS ENUM (${labels.map(literal).join(', ')})`)
    return
  }
  for (const [index, label] of labels.entries()) {
    if (existing.includes(label)) continue
    const before = labels.slice(index + 1).find((next) => existing.includes(next))
    await db.run(
      `ALTER TYPE ${q(target)}.${q(name)} ADD VALUE IF NOT EXISTS ${literal(label)}${before ? ` BEFORE ${literal(before)}` : ''}`,
    )
  }
}

async function syncTable(db: Sql, target: string, table: string, columns: Column[], existing: Column[] | undefined) {
  const name = `${q(target)}.${q(table)}`
  if (!existing) {
    const list = columns.map((c) => `${q(c.name)} ${typeIn(target, c)}${c.notNull ? ' NOT NULL' : ''}`).join(', ')
    await db.run(`CREATE TABLE ${name} (${list})`)
    return
  }
  const have = new Map(existing.map((column) => [column.name, column]))
  for (const column of columns) {
    const found = have.get(column.name)
    const type = typeIn(target, column)
    if (!found) {
      await db.run(`ALTER TABLE ${name} ADD COLUMN ${q(column.name)} ${type}`)
    } else if (found.type !== column.type && !(found.enumName && found.enumName === column.enumName)) {
      await db.run(
        `ALTER TABLE ${name} ALTER COLUMN ${q(column.name)} TYPE ${type} USING ${q(column.name)}::text::${type}`,
      )
    }
  }
  for (const column of existing) {
    if (!columns.some((c) => c.name === column.name)) {
      await db.run(`ALTER TABLE ${name} DROP COLUMN ${q(column.name)}`)
    }
  }
}

/** Whether schema `target` exists yet. */
export async function schemaExists(db: Sql, target: string) {
  const rows = await db.rows<{ found: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS found',
    [target],
  )
  return rows[0]?.found === true
}
