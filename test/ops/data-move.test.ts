// Moving the data between databases with db:export and db:import (in process here; cli.test.ts runs
// the commands): every row arrives unchanged, a non-empty target and unknown files are refused,
// and secrets travel only when asked for.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beginExport, ImportRefused, importDatabase, NO_PASSWORD, readLines, writeChunks } from '@minsheng/db/ops'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseKind } from '../setup/hub.ts'
import { OPERATORS, sessionToken, TEST_PASSWORD } from '../setup/operators.ts'
import {
  type Fresh,
  freshDatabase,
  graphql,
  type Kind,
  rowsOf,
  seededSource,
  startHubOn,
  testServerUrl,
} from './databases.ts'

// The README's move is embedded → PostgreSQL; the PostgreSQL project moves the other way.
const targetKind: Kind = databaseKind === 'postgres' || !testServerUrl() ? 'pglite' : 'postgres'
const dir = mkdtempSync(path.join(tmpdir(), 'hub-data-move-'))
const PLAIN = path.join(dir, 'export.jsonl.gz')
const WITH_SECRETS = path.join(dir, 'export-with-secrets.jsonl')
/**
 * Tables an export leaves out on purpose: the migration state travels in the header; sessions do
 * not travel; a division's ancestry is derived, rebuilt by the target's triggers from its divisions.
 */
const DERIVED = ['DivisionAncestry']
const NOT_EXPORTED = new Set(['_prisma_migrations', 'Session', ...DERIVED])

/** Every table of the database, so a table added by a migration and missing from the export fails here. */
async function tablesOf(db: Fresh['db']) {
  const { rows } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  )
  return rows
    .map((row) => row.name)
    .filter((name) => !NOT_EXPORTED.has(name))
    .sort()
}
const SECRETS: Record<string, string[]> = { User: ['passwordHash'], ApiKey: ['keyHash'] }
const REASON = '核对床位：以卫健委公布数为准'
const ADMIN_COOKIE = `mh_session=${sessionToken('admin')}`
const LOGIN = `mutation ($username: String!, $password: String!) { login(username: $username, password: $password) { username } }`

let source: Awaited<ReturnType<typeof seededSource>>
let apiKey: string
const targets: Fresh[] = []

async function fresh() {
  const target = await freshDatabase(targetKind)
  targets.push(target)
  return target
}

async function exportTo(file: string, includeSecrets: boolean) {
  const { chunks } = await beginExport(source.db, { includeSecrets, batchSize: 50 })
  await writeChunks(file, chunks)
}

async function* linesOf(lines: string[]) {
  yield* lines
}

async function allLines(file: string) {
  const lines: string[] = []
  for await (const line of readLines(file)) lines.push(line)
  return lines
}

beforeAll(async () => {
  source = await seededSource(databaseKind)
  // An audit event and an API key, made as an operator makes them.
  const found = await graphql(
    source.hub,
    '{ hospitals(search: "滇东北中心医院") { nodes { id version } } }',
    {},
    ADMIN_COOKIE,
  )
  const hospital = found.data?.hospitals.nodes[0]
  const updated = await graphql(
    source.hub,
    `mutation ($id: ID!, $version: Int!, $reason: String) {
      updateHospital(id: $id, version: $version, input: { openBeds: 1200 }, reason: $reason) { version } }`,
    { id: hospital.id, version: hospital.version, reason: REASON },
    ADMIN_COOKIE,
  )
  expect(updated.errors).toBeUndefined()
  const key = await graphql(
    source.hub,
    'mutation { createApiKey(input: { name: "迁移测试", scopes: ["read"] }) { secret } }',
    {},
    ADMIN_COOKIE,
  )
  apiKey = key.data?.createApiKey.secret
  await exportTo(PLAIN, false)
  await exportTo(WITH_SECRETS, true)
})

afterAll(async () => {
  for (const target of targets) await target.close()
  await source?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe(`export from ${databaseKind}, import into a fresh ${targetKind} database`, () => {
  let target: Fresh

  it('moves every row of every table unchanged, ids and all, and moves the id sequences past them', async () => {
    target = await fresh()
    const report = await importDatabase(target.db, readLines(PLAIN))
    const tables = await tablesOf(source.db)
    expect(report.tables.map((table) => table.name).sort()).toEqual(tables)
    for (const table of tables) {
      const expected = await rowsOf(source.db, table, SECRETS[table])
      const actual = await rowsOf(target.db, table, SECRETS[table])
      expect(actual, table).toEqual(expected)
      expect(report.tables.find((entry) => entry.name === table)?.imported, table).toBe(expected.length)
    }
    for (const table of DERIVED) {
      const expected = await rowsOf(source.db, table)
      expect(expected.length, table).toBeGreaterThan(0)
      expect(await rowsOf(target.db, table), table).toEqual(expected)
    }
    expect(report.usersWithoutPassword).toBe(Object.keys(OPERATORS).length)
    expect(report.keysWithoutSecret).toBe(1)

    // The samples a reader checks by eye: a Chinese citation quote and the audit event of the edit.
    const quote = await target.db.query<{ quote: string }>(
      `SELECT quote FROM "Citation" WHERE "statedAs" = '5000张' AND "hospitalId" IS NOT NULL`,
    )
    expect(quote.rows[0]?.quote).toContain('医院规划床位5000张')
    const audit = await target.db.query<{ reason: string; actorName: string; changes: unknown }>(
      `SELECT reason, "actorName", changes FROM "AuditEvent" WHERE reason = $1`,
      [REASON],
    )
    expect(audit.rows).toHaveLength(1)
    expect(audit.rows[0]?.actorName).toBe(OPERATORS.admin.username)
    expect(JSON.stringify(audit.rows[0]?.changes)).toContain('1200')

    const next = await target.db.query<{ next: number; max: number }>(
      `SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id'))::int AS next, (SELECT max(id) FROM "AuditEvent") AS max`,
    )
    expect(next.rows[0]?.next).toBeGreaterThan(Number(next.rows[0]?.max))
  })

  it('refuses a database that is not empty, naming what it holds, and changes nothing', async () => {
    const before = await rowsOf(target.db, 'Division')
    const refusal = importDatabase(target.db, readLines(PLAIN))
    await expect(refusal).rejects.toBeInstanceOf(ImportRefused)
    // The seed's two sources: the text, and the package the division tree comes from.
    await expect(refusal).rejects.toThrow(/not empty: it holds Division \(\d+ rows\), .*Source \(2 rows\)/)
    expect(await rowsOf(target.db, 'Division')).toEqual(before)
  })

  it('refuses a file of an unknown format version, from a later migration, or not an export at all', async () => {
    const [header, ...rest] = await allLines(PLAIN)
    const withHeader = (change: Record<string, unknown>) =>
      linesOf([JSON.stringify({ ...JSON.parse(header as string), ...change }), ...rest])
    await expect(importDatabase(target.db, withHeader({ formatVersion: 2 }))).rejects.toThrow(
      'Cannot import this file: format version 2 is not supported: this hub reads version 1.',
    )
    await expect(importDatabase(target.db, withHeader({ migration: '29991231000000_future' }))).rejects.toThrow(
      /made at migration 29991231000000_future, later than this database's \d+_\w+: update the hub first/,
    )
    await expect(importDatabase(target.db, linesOf(['id,name', '1,昭通']))).rejects.toThrow(/not an export/)
  })

  it('leaves secrets out by default: the users are there but cannot sign in, the API key does not work', async () => {
    expect(readFileSync(WITH_SECRETS, 'utf8')).toContain('$argon2id$')
    expect((await allLines(PLAIN)).join('\n')).not.toContain('$argon2id$')
    const hashes = await target.db.query<{ passwordHash: string }>('SELECT DISTINCT "passwordHash" FROM "User"')
    expect(hashes.rows).toEqual([{ passwordHash: NO_PASSWORD }])
    const hub = await startHubOn(await target.hubOpen())
    try {
      const login = await graphql(hub, LOGIN, { username: OPERATORS.admin.username, password: TEST_PASSWORD })
      expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
      const keyed = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ query: '{ hospitals { totalCount } }' }),
      })
      expect(((await keyed.json()) as { data?: unknown }).data ?? null).toBeNull()
    } finally {
      await hub.close()
    }
  })

  it('with --include-secrets, a damaged file is refused whole, then the full one signs its users in', async () => {
    const secretTarget = await fresh()
    const lines = await allLines(WITH_SECRETS)
    await expect(importDatabase(secretTarget.db, linesOf(lines.slice(0, -40)))).rejects.toThrow(/damaged/)
    expect(await rowsOf(secretTarget.db, 'Division')).toEqual([])

    const report = await importDatabase(secretTarget.db, linesOf(lines))
    expect(report.usersWithoutPassword).toBe(0)
    for (const table of ['User', 'ApiKey']) {
      expect(await rowsOf(secretTarget.db, table), table).toEqual(await rowsOf(source.db, table))
    }
    const hub = await startHubOn(await secretTarget.hubOpen())
    try {
      const login = await graphql(hub, LOGIN, { username: OPERATORS.admin.username, password: TEST_PASSWORD })
      expect(login).toEqual({ data: { login: { username: OPERATORS.admin.username } } })
      const keyed = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ query: '{ hospitals(search: "滇东北中心医院") { nodes { openBeds } } }' }),
      })
      expect(await keyed.json()).toEqual({ data: { hospitals: { nodes: [{ openBeds: 1200 }] } } })
    } finally {
      await hub.close()
    }
  })
})
