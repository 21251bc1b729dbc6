// The tables an export holds, in an order that inserts every row after the rows it refers to.
// Sessions are left out: they are short-lived and useless on another server.

export interface ExportedTable {
  name: string
  /** The SELECT of the export, given the expression of a row's line (over alias `t`), in insert order. */
  rows(line: string): string
  /** Whether `id` comes from a sequence that must be moved past the imported ids. */
  serialId: boolean
  /**
   * Columns holding secrets, left out unless --include-secrets, with the value an import without
   * them stores instead (`r` is the imported row). Neither placeholder can match a real secret:
   * '!' is not a character of an Argon2 hash or of a hex SHA-256.
   */
  secrets?: Record<string, string>
}

// Divisions refer to their parent: export them by depth in the tree, so a parent always comes first.
const divisionsByDepth = (line: string) => `WITH RECURSIVE tree (id, depth) AS (
    SELECT id, 0 FROM "Division" WHERE "parentId" IS NULL
    UNION ALL SELECT child.id, tree.depth + 1 FROM "Division" child JOIN tree ON child."parentId" = tree.id
  ) SELECT ${line} AS line FROM "Division" t JOIN tree ON tree.id = t.id ORDER BY tree.depth, t.id`

const byId = (table: string) => (line: string) => `SELECT ${line} AS line FROM "${table}" t ORDER BY t.id`

export const NO_PASSWORD = '!imported-without-password'
export const NO_KEY_PREFIX = '!imported-without-key:'

export const EXPORTED_TABLES: readonly ExportedTable[] = [
  { name: 'Division', rows: divisionsByDepth, serialId: true },
  { name: 'Source', rows: byId('Source'), serialId: true },
  { name: 'Settlement', rows: byId('Settlement'), serialId: true },
  { name: 'Community', rows: byId('Community'), serialId: true },
  { name: 'IndustrialPark', rows: byId('IndustrialPark'), serialId: true },
  {
    name: '_ParkSupportsSettlement',
    rows: (line) => `SELECT ${line} AS line FROM "_ParkSupportsSettlement" t ORDER BY t."A", t."B"`,
    serialId: false,
  },
  { name: 'Enterprise', rows: byId('Enterprise'), serialId: true },
  { name: 'Hospital', rows: byId('Hospital'), serialId: true },
  { name: 'School', rows: byId('School'), serialId: true },
  { name: 'CareFacility', rows: byId('CareFacility'), serialId: true },
  { name: 'CarePrice', rows: byId('CarePrice'), serialId: true },
  { name: 'Indicator', rows: byId('Indicator'), serialId: true },
  { name: 'IndicatorObservation', rows: byId('IndicatorObservation'), serialId: true },
  { name: 'Citation', rows: byId('Citation'), serialId: true },
  { name: 'User', rows: byId('User'), serialId: true, secrets: { passwordHash: `'${NO_PASSWORD}'` } },
  {
    name: 'ApiKey',
    rows: byId('ApiKey'),
    serialId: true,
    secrets: { keyHash: `'${NO_KEY_PREFIX}' || r.id` },
  },
  { name: 'SavedQuery', rows: byId('SavedQuery'), serialId: true },
  { name: 'AuditEvent', rows: byId('AuditEvent'), serialId: true },
]

/** Tables an import target must have empty, beyond the exported ones. */
export const OTHER_DATA_TABLES = ['Session'] as const

/** Quotes an identifier we name ourselves (table and column names from the catalog). */
export const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`
