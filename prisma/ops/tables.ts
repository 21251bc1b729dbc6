// The tables an export holds, in an order that inserts every row after the rows it refers to,
// derived from the data model (src/models.ts): a new model is exported without being listed here.
// Sessions are left out: they are short-lived and useless on another server.
import { getDatamodel } from '../generated/pothos-types.ts'
import { JOIN_TABLES, selfReference, tablesInInsertOrder } from '../src/models.ts'

export interface ExportedTable {
  name: string
  /** The SELECT of the export, given the expression of a row's line (over alias `t`), in insert order. */
  rows(line: string): string
  /** The key column whose values come from a sequence that must be moved past the imported ones. */
  serialColumn?: string
  /**
   * Columns holding secrets, left out unless --include-secrets, with the value an import without
   * them stores instead (`r` is the imported row). Neither placeholder can match a real secret:
   * '!' is not a character of an Argon2 hash or of a hex SHA-256.
   */
  secrets?: Record<string, string>
}

export const NO_PASSWORD = '!imported-without-password'
export const NO_KEY_PREFIX = '!imported-without-key:'

/** Tables an export leaves out (an import target must still have them empty). */
export const OTHER_DATA_TABLES = ['Session'] as const

/** Columns holding secrets, with what an import without them stores instead (see ExportedTable). */
const SECRETS: Record<string, Record<string, string>> = {
  User: { passwordHash: `'${NO_PASSWORD}'` },
  ApiKey: { keyHash: `'${NO_KEY_PREFIX}' || r.id` },
  RotatedApiKeySecret: { keyHash: `'${NO_KEY_PREFIX}rotated:' || r.id` },
}

// A row refers to another of its table (a division to its parent): export by depth in that tree,
// so the row referred to always comes first.
const byDepth = (table: string, parent: string) => (line: string) =>
  `WITH RECURSIVE tree (id, depth) AS (
    SELECT id, 0 FROM ${quoted(table)} WHERE ${quoted(parent)} IS NULL
    UNION ALL SELECT child.id, tree.depth + 1 FROM ${quoted(table)} child JOIN tree ON child.${quoted(parent)} = tree.id
  ) SELECT ${line} AS line FROM ${quoted(table)} t JOIN tree ON tree.id = t.id ORDER BY tree.depth, t.id`

// A table keyed by another record (a division's outline by its division) orders by that key; a
// table with a key of several columns (a key's use per day) by those.
const keyOf = (table: string) =>
  models[table]?.primaryKey?.fields ?? [models[table]?.fields.find((f) => f.isId)?.name ?? 'id']
const byId = (table: string) => (line: string) =>
  `SELECT ${line} AS line FROM ${quoted(table)} t ORDER BY ${keyOf(table)
    .map((column) => `t.${quoted(column)}`)
    .join(', ')}`
const byBothKeys = (table: string) => (line: string) =>
  `SELECT ${line} AS line FROM ${quoted(table)} t ORDER BY t."A", t."B"`

const models = getDatamodel().datamodel.models as unknown as Record<
  string,
  {
    fields: { name: string; type: string; hasDefaultValue: boolean; isId: boolean }[]
    primaryKey?: { fields: string[] } | null
  }
>
/** The key column numbered by a sequence (`id`, the publication log's `seq`), if any. */
const serialColumnOf = (table: string) =>
  models[table]?.fields.find((f) => f.isId && f.type === 'Int' && f.hasDefaultValue)?.name

export const EXPORTED_TABLES: readonly ExportedTable[] = tablesInInsertOrder()
  .filter((name) => !(OTHER_DATA_TABLES as readonly string[]).includes(name))
  .map((name) => {
    const parent = selfReference(name)
    const rows = JOIN_TABLES.some((join) => join.table === name)
      ? byBothKeys(name)
      : parent
        ? byDepth(name, parent)
        : byId(name)
    const serialColumn = serialColumnOf(name)
    return {
      name,
      rows,
      ...(serialColumn ? { serialColumn } : {}),
      ...(SECRETS[name] ? { secrets: SECRETS[name] } : {}),
    }
  })

/** Quotes an identifier we name ourselves (table and column names from the catalog). */
export const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`
