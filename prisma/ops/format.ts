// The export file: JSON Lines, gzip-compressed when its name ends in .gz.
//   line 1          the header (format, version, migration, counts and columns per table)
//   then per table  a section line {"@table": name, "count": n} and n rows, one JSON object each
//   last line       {"@end": true, "rows": total}, so a truncated file is recognised
// Rows are PostgreSQL's own JSON of the row (to_jsonb), written and read as text: decimals keep
// every digit and nothing is reinterpreted on the way.

export const FORMAT_NAME = 'minsheng-hub-export'
/** Raise when the layout changes; an import refuses versions it does not know. */
export const FORMAT_VERSION = 1

export interface TableHeader {
  name: string
  count: number
  /** Columns present in every row of this table in the file. */
  columns: string[]
  /** Secret columns left out of the rows. */
  omitted: string[]
}

export interface ExportHeader {
  format: typeof FORMAT_NAME
  formatVersion: number
  /** Last migration applied to the exported database: the shape of its rows. */
  migration: string
  exportedAt: string
  includesSecrets: boolean
  tables: TableHeader[]
}

export interface SectionLine {
  '@table': string
  count: number
}

export const SECTION_PREFIX = '{"@table":'
export const END_PREFIX = '{"@end":'

/**
 * Why a file cannot be imported into a database at these migrations, or null when it can.
 * A file from a later migration may hold columns or values the target cannot store.
 */
export function incompatibility(header: unknown, targetMigrations: readonly string[]): string | null {
  const h = header as Partial<ExportHeader> | null
  if (!h || typeof h !== 'object' || h.format !== FORMAT_NAME) {
    return `not a Minsheng Hub export (the first line must be a "${FORMAT_NAME}" header)`
  }
  if (h.formatVersion !== FORMAT_VERSION) {
    return `format version ${String(h.formatVersion)} is not supported: this hub reads version ${FORMAT_VERSION}`
  }
  if (typeof h.migration !== 'string' || !Array.isArray(h.tables)) return 'the header is incomplete'
  if (!targetMigrations.includes(h.migration)) {
    const latest = targetMigrations.at(-1) ?? '(none)'
    return h.migration > latest
      ? `it was made at migration ${h.migration}, later than this database's ${latest}: update the hub first`
      : `it was made at migration ${h.migration}, which this hub does not know`
  }
  return null
}
