// Loads an export into an empty database in one transaction: ids as in the file, sequences moved
// past them, counts checked against the header before anything is committed.
import { appliedMigrations, type SqlRunner, sqlOf } from '../src/migrate.ts'
import { PUBLISHED_SCHEMA } from '../src/mirror.ts'
import { publishEverything, rebuildFromLog } from '../src/publication.ts'
import { tableColumns } from './catalog.ts'
import {
  END_PREFIX,
  type ExportHeader,
  incompatibility,
  SECTION_PREFIX,
  type SectionLine,
  type TableHeader,
} from './format.ts'
import { EXPORTED_TABLES, NO_KEY_PREFIX, NO_PASSWORD, OTHER_DATA_TABLES, quoted } from './tables.ts'

/** The file or the target is unsuitable; nothing was written. */
export class ImportRefused extends Error {}

export interface ImportOptions {
  /** Rows per INSERT. */
  batchSize?: number
  /** Called with the header before any row is written (e.g. to size a progress bar). */
  onHeader?: (header: ExportHeader) => void
  onRows?: (rows: number, table: string) => void
}

export interface ImportReport {
  header: ExportHeader
  tables: { name: string; expected: number; imported: number }[]
  /** Users imported without a password hash: they cannot sign in until an admin sets a password. */
  usersWithoutPassword: number
  /** API keys imported without their hash: they no longer work. */
  keysWithoutSecret: number
}

export async function importDatabase(
  db: SqlRunner,
  lines: AsyncIterable<string>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const input = lines[Symbol.asyncIterator]()
  const next = async () => {
    const { value, done } = await input.next()
    return done ? undefined : value
  }
  const header = parseJson(await next(), 'the header')
  const problem = incompatibility(header, await appliedMigrations(db))
  if (problem) throw new ImportRefused(`Cannot import this file: ${problem}.`)
  const file = header as ExportHeader
  const known = new Map(EXPORTED_TABLES.map((table) => [table.name, table]))
  const unknown = file.tables.filter((table) => !known.has(table.name)).map((table) => table.name)
  if (unknown.length) throw new ImportRefused(`Cannot import this file: unknown tables ${unknown.join(', ')}.`)
  options.onHeader?.(file)

  await db.exec('BEGIN')
  try {
    await refuseUnlessEmpty(db)
    let total = 0
    for (const table of file.tables) {
      const section = parseJson(await next(), `the start of ${table.name}`) as SectionLine
      if (section['@table'] !== table.name || section.count !== table.count) {
        throw new ImportRefused(`The file is damaged: expected ${table.name} (${table.count} rows) next.`)
      }
      total += await insertTable(db, table, next, options)
    }
    const end = parseJson(await next(), 'the end marker') as { '@end'?: boolean; rows?: number }
    if (end['@end'] !== true || end.rows !== total) throw new ImportRefused('The file is damaged: its end is missing.')
    await moveSequencesPastIds(db, file.tables)
    await restorePublishedCopy(db)
    const tables = await verifyCounts(db, file.tables)
    const report: ImportReport = {
      header: file,
      tables,
      usersWithoutPassword: await countWhere(db, 'User', `"passwordHash" = '${NO_PASSWORD}'`),
      keysWithoutSecret: await countWhere(db, 'ApiKey', `"keyHash" LIKE '${NO_KEY_PREFIX}%'`),
    }
    await db.exec('COMMIT')
    return report
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => {})
    throw error
  }
}

function parseJson(line: string | undefined, what: string): unknown {
  if (line === undefined) throw new ImportRefused(`The file is damaged: it ends before ${what}.`)
  try {
    return JSON.parse(line)
  } catch {
    throw new ImportRefused(`The file is damaged or not an export: ${what} is not JSON.`)
  }
}

async function refuseUnlessEmpty(db: SqlRunner) {
  const found: string[] = []
  for (const name of [...EXPORTED_TABLES.map((table) => table.name), ...OTHER_DATA_TABLES]) {
    const count = await countWhere(db, name, 'true')
    if (count > 0) found.push(`${name} (${count} ${count === 1 ? 'row' : 'rows'})`)
  }
  if (found.length) {
    throw new ImportRefused(
      `The target database is not empty: it holds ${found.join(', ')}. Import only into a new database (start the hub after the import, not before: a first start seeds it).`,
    )
  }
}

async function insertTable(
  db: SqlRunner,
  table: TableHeader,
  next: () => Promise<string | undefined>,
  options: ImportOptions,
): Promise<number> {
  const spec = EXPORTED_TABLES.find((candidate) => candidate.name === table.name)
  const target = new Set(await tableColumns(db, table.name))
  const missing = table.columns.filter((column) => !target.has(column))
  if (missing.length) throw new ImportRefused(`${table.name} has no column ${missing.join(', ')} in this database.`)
  // Columns the file has, plus the secrets it left out (a value that can never match); any other
  // column the file lacks takes its default.
  const placeholders = Object.entries(spec?.secrets ?? {}).filter(([column]) => table.omitted.includes(column))
  const columns = [...table.columns, ...placeholders.map(([column]) => column)].map(quoted)
  const values = [...table.columns.map((column) => `r.${quoted(column)}`), ...placeholders.map(([, value]) => value)]
  const insert = `INSERT INTO ${quoted(table.name)} (${columns.join(', ')})
    SELECT ${values.join(', ')} FROM json_populate_recordset(NULL::${quoted(table.name)}, $1::json) r`
  const batchSize = options.batchSize ?? 1_000
  let batch: string[] = []
  const flush = async () => {
    if (batch.length === 0) return
    await db.query(insert, [`[${batch.join(',')}]`])
    options.onRows?.(batch.length, table.name)
    batch = []
  }
  for (let read = 0; read < table.count; read++) {
    const line = await next()
    if (line === undefined || line.startsWith(SECTION_PREFIX) || line.startsWith(END_PREFIX)) {
      throw new ImportRefused(`The file is damaged: ${table.name} has ${read} of its ${table.count} rows.`)
    }
    batch.push(line)
    if (batch.length >= batchSize) await flush()
  }
  await flush()
  return table.count
}

async function moveSequencesPastIds(db: SqlRunner, tables: TableHeader[]) {
  for (const table of tables) {
    const column = EXPORTED_TABLES.find((candidate) => candidate.name === table.name)?.serialColumn
    if (!column) continue
    const name = quoted(table.name)
    const key = quoted(column)
    await db.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST(max(${key}), 1), max(${key}) IS NOT NULL) FROM ${name}`,
      [name, column],
    )
  }
}

/**
 * The published copy is not in the file: it is rebuilt from the publication log the file carries
 * (or, from a hub that kept no log, made of everything imported, as a first migration does).
 */
async function restorePublishedCopy(db: SqlRunner) {
  const sql = sqlOf(db)
  if ((await countWhere(db, 'Publication', 'true')) > 0) await rebuildFromLog(sql, PUBLISHED_SCHEMA, null, db)
  else await publishEverything(sql, db)
}

async function verifyCounts(db: SqlRunner, tables: TableHeader[]) {
  const result: ImportReport['tables'] = []
  for (const table of tables) {
    const imported = await countWhere(db, table.name, 'true')
    if (imported !== table.count) {
      throw new Error(`${table.name}: the file holds ${table.count} rows but ${imported} are in the database.`)
    }
    result.push({ name: table.name, expected: table.count, imported })
  }
  return result
}

async function countWhere(db: SqlRunner, table: string, condition: string) {
  const { rows } = await db.query<{ count: number | string }>(
    `SELECT count(*) AS count FROM ${quoted(table)} WHERE ${condition}`,
  )
  return Number(rows[0]?.count ?? 0)
}
