// Publication: what partners read. Publishing a record copies it — its row, its owned parts (a
// facility's prices, an indicator's observations, a record's citations) and the many-to-many links
// it owns — from the working copy (this schema) to the published schema (mirror.ts), and logs the
// published state in `Publication`, from which the published schema as of any past moment can be
// rebuilt exactly. Publishers take turns (a transaction-level advisory lock), so the log's `seq` is
// the order in which publications commit.
import { MIRRORED_TABLES, PUBLISHED_SCHEMA, q, RECORD_TABLES, readCatalog, type Sql } from './mirror.ts'

// Arbitrary constant, distinct from the migrator's.
const PUBLISH_LOCK = 5306_2025

export type PublishAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE' | 'PURGE'

export interface PublishItem {
  recordType: string
  recordId: number
  action: PublishAction
  changeSetId?: number | null
  /** The fields this publication changes (for incremental sync); all of them when omitted. */
  changedFields?: string[]
}

export interface PublishedRecord {
  seq: number
  at: Date
  recordType: string
  recordId: number
  action: PublishAction
  version: number | null
  changeSetId: number | null
  changedFields: string[]
  divisionPath: number[]
}

/** A table that belongs to a record: it goes (and is published) with it. */
interface Part {
  table: string
  /** The part's column naming its owner. */
  column: string
  /** Parts of this part (an observation's citations). */
  parts: Part[]
}

interface Structure {
  columns: Map<string, { name: string; enumName: string | null }[]>
  /** Per record table, its parts and the link tables whose `A` side it is. */
  parts: Map<string, Part[]>
}

const structures = new WeakMap<object, Structure>()

/**
 * The parts of each record table, from the database's foreign keys: a data table whose rows are
 * deleted with the record (ON DELETE CASCADE) belongs to it. An implicit many-to-many link belongs
 * to the record on its `A` side, the side whose form edits the links (a park lists the
 * settlements it supports).
 */
async function structureOf(db: Sql, cacheKey: object): Promise<Structure> {
  const cached = structures.get(cacheKey)
  if (cached) return cached
  const catalog = await readCatalog(db)
  const keys = await db.rows<{ table: string; column: string; ref: string; cascade: boolean }>(
    `SELECT cl.relname::text AS "table", a.attname::text AS "column", rc.relname::text AS ref,
            con.confdeltype = 'c' AS cascade
     FROM pg_constraint con
     JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
     JOIN pg_class rc ON rc.oid = con.confrelid
     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
     WHERE con.contype = 'f' AND n.nspname = 'public'`,
  )
  const partsOf = (owner: string): Part[] =>
    keys
      .filter(
        (key) =>
          key.ref === owner &&
          key.cascade &&
          MIRRORED_TABLES.includes(key.table) &&
          !RECORD_TABLES.includes(key.table) &&
          (!key.table.startsWith('_') || key.column === 'A'),
      )
      .map((key) => ({
        table: key.table,
        column: key.column,
        parts: key.table.startsWith('_') ? [] : partsOf(key.table),
      }))
  const structure: Structure = {
    columns: new Map(catalog.tables.map((table) => [table, catalog.columns.get(table) ?? []])),
    parts: new Map(RECORD_TABLES.map((table) => [table, partsOf(table)])),
  }
  structures.set(cacheKey, structure)
  return structure
}

/** A Prisma client or transaction as the publication functions use a connection. */
export function prismaSql(client: {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>
  $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T>
}): Sql {
  return {
    run: (sql, params = []) => client.$executeRawUnsafe(sql, ...params),
    rows: (sql, params = []) => client.$queryRawUnsafe(sql, ...params),
  }
}

const pub = (table: string, schema = PUBLISHED_SCHEMA) => `${q(schema)}.${q(table)}`
const work = (table: string) => `public.${q(table)}`

/** `table`'s column list, and the same columns cast to the enum types of `schema` (the working copy's own for `public`). */
function columnsFor(structure: Structure, table: string, schema: string) {
  const columns = structure.columns.get(table) ?? []
  return {
    list: columns.map((column) => q(column.name)).join(', '),
    casts: columns
      .map((column) =>
        column.enumName ? `${q(column.name)}::text::${q(schema)}.${q(column.enumName)}` : q(column.name),
      )
      .join(', '),
  }
}

/** Rows of a part table that belong to the owners `ids` (given as `$1`), through its chain of owners. */
function ownedBy(chain: Part[], schemaTable: (table: string) => string): string {
  // chain[0] refers to the record; each next part refers to the one before it.
  let condition = `${q((chain[0] as Part).column)} = ANY($1::int[])`
  for (let i = 1; i < chain.length; i++) {
    const parent = chain[i - 1] as Part
    condition = `${q((chain[i] as Part).column)} IN (SELECT id FROM ${schemaTable(parent.table)} WHERE ${condition})`
  }
  return condition
}

/** Every chain of parts below a record table, deepest last. */
function chainsOf(parts: Part[], prefix: Part[] = []): Part[][] {
  return parts.flatMap((part) => [[...prefix, part], ...chainsOf(part.parts, [...prefix, part])])
}

/**
 * Replaces the copies of records `ids` of `table` (and their parts) in schema `schema` with those of
 * schema `from` (the working copy, unless said otherwise); records missing in `from` are removed.
 */
async function copyRecords(
  db: Sql,
  structure: Structure,
  table: string,
  ids: number[],
  schema: string,
  from = 'public',
) {
  const chains = chainsOf(structure.parts.get(table) ?? [])
  const into = (t: string) => pub(t, schema)
  const source = (t: string) => pub(t, from)
  // Deepest parts first, so each condition still finds the rows it goes through.
  for (const chain of [...chains].reverse()) {
    await db.run(`DELETE FROM ${into((chain.at(-1) as Part).table)} WHERE ${ownedBy(chain, into)}`, [ids])
  }
  await db.run(`DELETE FROM ${into(table)} WHERE id = ANY($1::int[])`, [ids])
  const record = columnsFor(structure, table, schema)
  await db.run(
    `INSERT INTO ${into(table)} (${record.list}) SELECT ${record.casts} FROM ${source(table)} WHERE id = ANY($1::int[])`,
    [ids],
  )
  for (const chain of chains) {
    const part = (chain.at(-1) as Part).table
    const columns = columnsFor(structure, part, schema)
    await db.run(
      `INSERT INTO ${into(part)} (${columns.list}) SELECT ${columns.casts} FROM ${source(part)} WHERE ${ownedBy(chain, source)}`,
      [ids],
    )
  }
}

/** The published row of a record and its parts as one JSON value (what the log keeps). */
function snapshotExpression(structure: Structure, table: string, schema: string) {
  const parts = chainsOf(structure.parts.get(table) ?? []).map((chain) => {
    const part = (chain.at(-1) as Part).table
    const condition = ownedBy(chain, (t) => pub(t, schema)).replace('ANY($1::int[])', 'ANY(ARRAY[r.id])')
    return `${literal(part)}, COALESCE((SELECT jsonb_agg(to_jsonb(p)) FROM ${pub(part, schema)} p WHERE ${condition}), '[]'::jsonb)`
  })
  return `jsonb_build_object('row', to_jsonb(r), 'parts', jsonb_build_object(${parts.join(', ')}))`
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`

/** The division path of a record row `r` of `table`: a division's own, or its division's. */
function divisionPathExpression(structure: Structure, table: string) {
  const columns = (structure.columns.get(table) ?? []).map((column) => column.name)
  if (columns.includes('ancestorIds')) return 'r."ancestorIds"'
  if (columns.includes('divisionId')) {
    const path = (schema: string) => `(SELECT d."ancestorIds" FROM ${schema}."Division" d WHERE d.id = r."divisionId")`
    return `COALESCE(${path(q(PUBLISHED_SCHEMA))}, ${path('public')}, '{}')`
  }
  return `'{}'::int[]`
}

/**
 * Publishes records: copies each from the working copy (or, when purged, removes it) and logs what
 * is now published. Runs in the caller's transaction; returns the log entries in commit order.
 */
export async function publish(db: Sql, items: PublishItem[], cacheKey: object): Promise<PublishedRecord[]> {
  if (items.length === 0) return []
  await db.rows('SELECT 1 AS locked FROM pg_advisory_xact_lock($1)', [PUBLISH_LOCK])
  const structure = await structureOf(db, cacheKey)
  const published: PublishedRecord[] = []
  const byType = new Map<string, PublishItem[]>()
  for (const item of items) byType.set(item.recordType, [...(byType.get(item.recordType) ?? []), item])
  for (const [table, list] of byType) {
    const ids = [...new Set(list.map((item) => item.recordId))]
    await copyRecords(db, structure, table, ids, PUBLISHED_SCHEMA)
    const descendants = table === 'Division' ? await placeInPublishedTree(db, ids) : []
    const live = list.filter((item) => item.action !== 'PURGE')
    const gone = list.filter((item) => item.action === 'PURGE')
    if (live.length > 0) published.push(...(await logPublished(db, structure, table, live)))
    if (gone.length > 0) published.push(...(await logPurged(db, table, gone)))
    if (descendants.length > 0) {
      const moved = descendants.map((id) => ({
        recordType: 'Division',
        recordId: id,
        action: 'UPDATE' as const,
        changedFields: ['ancestorIds'],
      }))
      published.push(...(await logPublished(db, structure, 'Division', moved)))
    }
  }
  return published.sort((a, b) => a.seq - b.seq)
}

const RETURNING = `RETURNING seq, at, "recordType", "recordId", action::text AS action, version,
  "changeSetId", "changedFields", "divisionPath"`

const itemsJson = (items: PublishItem[]) =>
  JSON.stringify(
    items.map((item) => ({
      id: item.recordId,
      action: item.action,
      set: item.changeSetId ?? null,
      changed: item.changedFields ?? [],
    })),
  )

async function logPublished(db: Sql, structure: Structure, table: string, items: PublishItem[]) {
  return db.rows<PublishedRecord>(
    `INSERT INTO "Publication" ("recordType", "recordId", action, version, "changeSetId", "changedFields", "divisionPath", snapshot)
     SELECT $1, r.id, i.action::"AuditAction", r.version, i.set, i.changed, ${divisionPathExpression(structure, table)},
            ${snapshotExpression(structure, table, PUBLISHED_SCHEMA)}
     FROM ${pub(table)} r
     JOIN jsonb_to_recordset($2::jsonb) AS i(id int, action text, set int, changed text[]) ON i.id = r.id
     ORDER BY r.id ${RETURNING}`,
    [table, itemsJson(items)],
  )
}

/** A purged record leaves a tombstone: its last version and where it was, without a snapshot. */
async function logPurged(db: Sql, table: string, items: PublishItem[]) {
  return db.rows<PublishedRecord>(
    `INSERT INTO "Publication" ("recordType", "recordId", action, version, "changeSetId", "changedFields", "divisionPath", snapshot)
     SELECT $1, i.id, 'PURGE', last.version, i.set, '{}', COALESCE(last."divisionPath", '{}'), NULL
     FROM jsonb_to_recordset($2::jsonb) AS i(id int, action text, set int, changed text[])
     LEFT JOIN LATERAL (SELECT p.version, p."divisionPath" FROM "Publication" p
       WHERE p."recordType" = $1 AND p."recordId" = i.id ORDER BY p.seq DESC LIMIT 1) last ON true
     ORDER BY i.id ${RETURNING}`,
    [table, itemsJson(items)],
  )
}

/**
 * A division's ancestor list is derived from its parent's, and in the published copy from its
 * published parent's (a move still in review has not happened there). After divisions are
 * published, their lists and those of the published divisions beneath them are recomputed from the
 * published tree; the divisions beneath that changed are returned, to be logged as changed, so that
 * "within" filters stay right in the past as now.
 */
async function placeInPublishedTree(db: Sql, ids: number[]): Promise<number[]> {
  const changed = await db.rows<{ id: number }>(
    `WITH RECURSIVE tree (id, path) AS (
       SELECT d.id, COALESCE(p."ancestorIds", '{}') || d.id FROM ${pub('Division')} d
       LEFT JOIN ${pub('Division')} p ON p.id = d."parentId"
       WHERE d.id = ANY($1::int[]) AND (d."parentId" IS NULL OR NOT d."parentId" = ANY($1::int[]))
       UNION ALL
       SELECT c.id, tree.path || c.id FROM ${pub('Division')} c JOIN tree ON c."parentId" = tree.id
     )
     UPDATE ${pub('Division')} d SET "ancestorIds" = tree.path FROM tree
     WHERE d.id = tree.id AND d."ancestorIds" IS DISTINCT FROM tree.path
     RETURNING d.id`,
    [ids],
  )
  return changed.map((row) => row.id).filter((id) => !ids.includes(id))
}

/**
 * Records of `table` as they stand in `schema` (the working copy, the published one, or a past one):
 * each record's row and its parts, as the publication log keeps them. Records not there are absent.
 */
export async function recordSnapshots(
  db: Sql,
  table: string,
  ids: number[],
  schema: string,
  cacheKey: object,
): Promise<Map<number, RecordSnapshot>> {
  const structure = await structureOf(db, cacheKey)
  const rows = await db.rows<{ id: number; snapshot: RecordSnapshot }>(
    `SELECT r.id, ${snapshotExpression(structure, table, schema)} AS snapshot
     FROM ${pub(table, schema)} r WHERE r.id = ANY($1::int[])`,
    [ids],
  )
  return new Map(rows.map((row) => [row.id, row.snapshot]))
}

/**
 * What review compares after a change, as SQL over a record row `r` of `table`: `working`, its
 * snapshot in the working copy (the row itself — a table's, or the row an UPDATE returned — with its
 * parts as the working tables hold them); `path`, its division path (its division's ancestors, self
 * included; a division's own); `published`, the snapshot of a row `r` of `publishedTable`.
 */
export async function snapshotSql(db: Sql, table: string, cacheKey: object) {
  const structure = await structureOf(db, cacheKey)
  const byTable = snapshotSqls.get(structure) ?? new Map<string, ReturnType<typeof snapshotSqlOf>>()
  snapshotSqls.set(structure, byTable)
  const sql = byTable.get(table) ?? snapshotSqlOf(structure, table)
  byTable.set(table, sql)
  return sql
}

const snapshotSqls = new WeakMap<Structure, Map<string, ReturnType<typeof snapshotSqlOf>>>()

function snapshotSqlOf(structure: Structure, table: string) {
  const columns = (structure.columns.get(table) ?? []).map((column) => column.name)
  return {
    working: snapshotExpression(structure, table, 'public'),
    path: columns.includes('ancestorIds')
      ? 'r."ancestorIds"'
      : columns.includes('divisionId')
        ? '(SELECT d."ancestorIds" FROM public."Division" d WHERE d.id = r."divisionId")'
        : 'NULL::int[]',
    published: snapshotExpression(structure, table, PUBLISHED_SCHEMA),
    publishedTable: pub(table),
  }
}

/**
 * recordSnapshots of the working and the published copy in one statement, with each working row's
 * division path: what review compares after a change, read in one round trip instead of three.
 */
export async function workingAndPublishedSnapshots(
  db: Sql,
  table: string,
  ids: number[],
  cacheKey: object,
): Promise<{
  working: Map<number, RecordSnapshot>
  published: Map<number, RecordSnapshot>
  divisionPaths: Map<number, number[]>
}> {
  const sql = await snapshotSql(db, table, cacheKey)
  const rows = await db.rows<{ copy: string; id: number; snapshot: RecordSnapshot; path: number[] | null }>(
    `SELECT 'working' AS copy, r.id, ${sql.working} AS snapshot, ${sql.path} AS path
     FROM ${pub(table, 'public')} r WHERE r.id = ANY($1::int[])
     UNION ALL
     SELECT 'published', r.id, ${sql.published}, NULL
     FROM ${sql.publishedTable} r WHERE r.id = ANY($1::int[])`,
    [ids],
  )
  return snapshotsByRecord(rows)
}

/** Snapshots as workingAndPublishedSnapshots reads them (a row per record and copy), by record. */
export function snapshotsByRecord(
  rows: { copy: string; id: number; snapshot: RecordSnapshot; path: number[] | null }[],
) {
  const working = new Map<number, RecordSnapshot>()
  const published = new Map<number, RecordSnapshot>()
  const divisionPaths = new Map<number, number[]>()
  for (const row of rows) {
    if (row.copy === 'working') {
      working.set(row.id, row.snapshot)
      if (row.path) divisionPaths.set(row.id, row.path)
    } else published.set(row.id, row.snapshot)
  }
  return { working, published, divisionPaths }
}

export interface RecordSnapshot {
  row: Record<string, unknown>
  parts: Record<string, Record<string, unknown>[]>
}

/**
 * Puts the working copy of records back as they are published (the reverse of publishing):
 * their rows' columns and their parts. Records not published are left alone.
 */
export async function copyPublishedToWorking(db: Sql, table: string, ids: number[], cacheKey: object) {
  const structure = await structureOf(db, cacheKey)
  await copyRecords(db, structure, table, ids, 'public', PUBLISHED_SCHEMA)
}

/** Publishes every record as it stands (a new database's seed, or a database from before review). */
export async function publishEverything(db: Sql, cacheKey: object): Promise<number> {
  let count = 0
  for (const table of RECORD_TABLES) {
    const rows = await db.rows<{ id: number }>(`SELECT id FROM ${work(table)} ORDER BY id`)
    const items = rows.map((row) => ({ recordType: table, recordId: row.id, action: 'CREATE' as const }))
    count += (await publish(db, items, cacheKey)).length
  }
  return count
}

/**
 * Fills schema `target` (a mirror, see mirror.ts) with the published state after publication
 * `upToSeq` (all of them when null), from the log alone: the newest snapshot of each record.
 */
export async function rebuildFromLog(db: Sql, target: string, upToSeq: number | null, cacheKey: object) {
  const structure = await structureOf(db, cacheKey)
  await db.run(`TRUNCATE ${MIRRORED_TABLES.map((table) => pub(table, target)).join(', ')}`)
  const limit = upToSeq ?? 2_147_483_647
  for (const table of RECORD_TABLES) {
    const latest = `(SELECT DISTINCT ON ("recordId") snapshot FROM "Publication"
      WHERE "recordType" = $1 AND seq <= $2 ORDER BY "recordId", seq DESC) s`
    await db.run(
      `INSERT INTO ${pub(table, target)} SELECT (jsonb_populate_record(NULL::${pub(table, target)}, s.snapshot->'row')).*
       FROM ${latest} WHERE s.snapshot IS NOT NULL`,
      [table, limit],
    )
    for (const chain of chainsOf(structure.parts.get(table) ?? [])) {
      const part = (chain.at(-1) as Part).table
      await db.run(
        `INSERT INTO ${pub(part, target)} SELECT (jsonb_populate_record(NULL::${pub(part, target)}, e)).*
         FROM ${latest}, jsonb_array_elements(s.snapshot->'parts'->${literal(part)}) e WHERE s.snapshot IS NOT NULL`,
        [table, limit],
      )
    }
  }
}
