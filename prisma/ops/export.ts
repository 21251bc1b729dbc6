// Streams every exported table out of one consistent snapshot, a batch of rows at a time.
import { appliedMigrations, type SqlRunner } from '../src/migrate.ts'
import { tableColumns } from './catalog.ts'
import { type ExportHeader, FORMAT_NAME, FORMAT_VERSION, type SectionLine, type TableHeader } from './format.ts'
import { EXPORTED_TABLES, quoted } from './tables.ts'

export interface ExportOptions {
  /** Password hashes and API key hashes too (never session tokens). */
  includeSecrets?: boolean
  /** Rows per round trip; memory use is bounded by this, not by the table sizes. */
  batchSize?: number
  onRows?: (rows: number, table: string) => void
}

export interface Export {
  header: ExportHeader
  /** The file's text, in chunks; ends the snapshot when exhausted (or abandoned). */
  chunks: AsyncGenerator<string>
}

/** Opens a read-only snapshot, reads the header's counts and columns from it, and streams the rows. */
export async function beginExport(db: SqlRunner, options: ExportOptions = {}): Promise<Export> {
  // REPEATABLE READ: every count and row comes from the same moment, even while the hub writes.
  await db.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
  try {
    const header = await readHeader(db, options.includeSecrets ?? false)
    return { header, chunks: streamRows(db, header, options) }
  } catch (error) {
    await db.exec('ROLLBACK')
    throw error
  }
}

async function readHeader(db: SqlRunner, includeSecrets: boolean): Promise<ExportHeader> {
  const migration = (await appliedMigrations(db)).at(-1)
  if (!migration) throw new Error('This database has no migrations applied: it is not a Minsheng Hub database.')
  const tables: TableHeader[] = []
  for (const table of EXPORTED_TABLES) {
    const all = await tableColumns(db, table.name)
    if (all.length === 0) throw new Error(`Table ${table.name} is missing: is the database fully migrated?`)
    const omitted = includeSecrets ? [] : Object.keys(table.secrets ?? {})
    const columns = all.filter((column) => !omitted.includes(column))
    const counted = await db.query<{ count: number | string }>(`SELECT count(*) AS count FROM ${quoted(table.name)}`)
    tables.push({ name: table.name, count: Number(counted.rows[0]?.count ?? 0), columns, omitted })
  }
  return {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    migration,
    exportedAt: new Date().toISOString(),
    includesSecrets: includeSecrets,
    tables,
  }
}

async function* streamRows(db: SqlRunner, header: ExportHeader, options: ExportOptions): AsyncGenerator<string> {
  const batchSize = options.batchSize ?? 2_000
  let committed = false
  try {
    yield `${JSON.stringify(header)}\n`
    let total = 0
    for (const [index, table] of EXPORTED_TABLES.entries()) {
      const { count, omitted } = header.tables[index] as TableHeader
      const section: SectionLine = { '@table': table.name, count }
      yield `${JSON.stringify(section)}\n`
      // PostgreSQL writes each row's JSON itself: exact decimals, arrays, enums and JSON as stored.
      const line = omitted.length
        ? `(to_jsonb(t) - ARRAY[${omitted.map((column) => `'${column}'`).join(', ')}]::text[])::text`
        : 'to_jsonb(t)::text'
      await db.exec(`DECLARE export_rows NO SCROLL CURSOR FOR ${table.rows(line)}`)
      let written = 0
      for (;;) {
        const { rows } = await db.query<{ line: string }>(`FETCH ${batchSize} FROM export_rows`)
        if (rows.length === 0) break
        written += rows.length
        options.onRows?.(rows.length, table.name)
        yield `${rows.map((row) => row.line).join('\n')}\n`
        if (rows.length < batchSize) break
      }
      await db.exec('CLOSE export_rows')
      if (written !== count) throw new Error(`${table.name}: counted ${count} rows but read ${written}`)
      total += written
    }
    yield `${JSON.stringify({ '@end': true, rows: total })}\n`
    await db.exec('COMMIT')
    committed = true
  } finally {
    if (!committed) await db.exec('ROLLBACK').catch(() => {})
  }
}
