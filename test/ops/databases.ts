// Fresh, migrated, empty databases to move data into: a new PostgreSQL database on the test server,
// or a new in-memory PGlite (copied from one migrated dump per file, since initdb is slow).
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { type Database, openDatabase, type SqlRunner } from '@minsheng/db'
import { type Hub, startHub } from '@minsheng/server/hub'
import pg from 'pg'
import { inject } from 'vitest'
import { withDatabase } from '../setup/global.ts'

export type Kind = 'pglite' | 'postgres'

export interface Fresh {
  kind: Kind
  db: SqlRunner
  /** For PostgreSQL targets: the database's URL. */
  url?: string
  /** What a hub needs to open this database as it is now. */
  hubOpen(): Promise<{ DATABASE_URL?: string; loadDataDir?: Blob }>
  close(): Promise<void>
}

export const testServerUrl = () => process.env.TEST_DATABASE_URL ?? ''

export async function adminSql(sql: string) {
  const client = new pg.Client({ connectionString: testServerUrl() })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** A new, empty PostgreSQL database (not migrated); dropped by `drop`. */
export async function createPostgresDatabase(prefix = 'hub_ops') {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  await adminSql(`CREATE DATABASE ${name}`)
  return {
    name,
    url: withDatabase(testServerUrl(), name),
    drop: () => adminSql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

let migratedDump: Promise<Blob> | undefined

async function migratedEmptyPglite(): Promise<Database> {
  migratedDump ??= (async () => {
    const first = await openDatabase({ dataDir: 'memory://' })
    const dump = await first.pglite?.dumpDataDir('gzip')
    await first.close()
    if (!dump) throw new Error('no PGlite dump')
    return dump
  })()
  return openDatabase({ loadDataDir: await migratedDump, migrate: false })
}

export async function freshDatabase(kind: Kind): Promise<Fresh> {
  if (kind === 'postgres') {
    const created = await createPostgresDatabase()
    const database = await openDatabase({ databaseUrl: created.url }) // migrates
    await database.close()
    const client = new pg.Client({ connectionString: created.url })
    await client.connect()
    return {
      kind,
      url: created.url,
      db: { exec: (sql) => client.query(sql), query: (sql, params) => client.query(sql, params) as never },
      hubOpen: async () => ({ DATABASE_URL: created.url }),
      async close() {
        await client.end()
        await created.drop()
      },
    }
  }
  const database = await migratedEmptyPglite()
  const pglite = database.pglite
  if (!pglite) throw new Error('no PGlite instance')
  return {
    kind,
    db: pglite,
    hubOpen: async () => ({ loadDataDir: await pglite.dumpDataDir('gzip') }),
    close: () => database.close(),
  }
}

/** Every row of a table as PostgreSQL's JSON text, in a stable order, leaving out `without` columns. */
export async function rowsOf(db: SqlRunner, table: string, without: string[] = []) {
  const minus = without.length ? ` - ARRAY[${without.map((c) => `'${c}'`).join(',')}]::text[]` : ''
  // In the order of the table's primary key (join tables have none: both their columns).
  const { rows: key } = await db.query<{ name: string }>(
    `SELECT a.attname::text AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary`,
    [`"${table}"`],
  )
  const order = key.length > 0 ? key.map((k) => `"${k.name}"`).join(', ') : '"A", "B"'
  const { rows } = await db.query<{ row: string }>(
    `SELECT (to_jsonb(t)${minus})::text AS row FROM "${table}" t ORDER BY ${order}`,
  )
  return rows.map((r) => r.row)
}

/** A hub on a copy of the run's seeded database (with the test operators), and a SQL session on it. */
export async function seededSource(kind: Kind): Promise<{ hub: Hub; db: SqlRunner; close(): Promise<void> }> {
  if (kind === 'pglite') {
    const hub = await startHubOn({ loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]) })
    const pglite = hub.database.pglite
    if (!pglite) throw new Error('no PGlite instance')
    return { hub, db: pglite, close: () => hub.close() }
  }
  const template = inject('postgresTemplate')
  if (!template) throw new Error('no PostgreSQL template')
  const name = `${template.template}_${randomBytes(4).toString('hex')}`
  await adminSql(`CREATE DATABASE ${name} TEMPLATE ${template.template}`)
  const url = withDatabase(testServerUrl(), name)
  const hub = await startHubOn({ DATABASE_URL: url })
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return {
    hub,
    db: { exec: (sql) => client.query(sql), query: (sql, params) => client.query(sql, params) as never },
    async close() {
      await client.end()
      await hub.close()
      await adminSql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

/** A hub on an existing database: no seeding, migrations as configured. */
export function startHubOn(
  where: { DATABASE_URL?: string; loadDataDir?: Blob },
  config: { MIGRATE?: 'on' | 'off' } = {},
): Promise<Hub> {
  return startHub({
    config: {
      PORT: 0,
      HOST: '127.0.0.1',
      DATABASE_URL: where.DATABASE_URL,
      DATA_DIR: 'memory://',
      SEED: 'off',
      DATABASE_POOL_SIZE: 3,
      STATEMENT_TIMEOUT_MS: 15_000,
      // Moving data is about every row arriving; edits are published at once, as without review.
      REVIEW: 'off',
      ...config,
    },
    open: where.loadDataDir ? { loadDataDir: where.loadDataDir } : {},
  })
}

/** A GraphQL request to a hub, with a session cookie or none. */
export async function graphql(hub: Hub, query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  return (await response.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: any }[] }
}
