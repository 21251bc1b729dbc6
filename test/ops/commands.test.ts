// The db:* commands as an operator runs them (separate processes): the README's move from the
// embedded database, migrations and MIGRATE=off, backups and restores on both databases.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '@minsheng/db'
import { connect } from '@minsheng/db/ops'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { databaseKind } from '../setup/hub.ts'
import { OPERATORS } from '../setup/operators.ts'
import { dbCommand } from './commands.ts'
import { adminSql, createPostgresDatabase, rowsOf, startHubOn, testServerUrl } from './databases.ts'

const TABLES = ['Division', 'Citation', 'IndicatorObservation', 'User', 'AuditEvent', '_ParkSupportsSettlement']
/** Every migration the repository ships, in order: the commands must apply exactly these. */
const MIGRATIONS = readdirSync(path.resolve(import.meta.dirname, '../../prisma/migrations'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
const dir = mkdtempSync(path.join(tmpdir(), 'hub-commands-'))
const cleanups: (() => Promise<unknown>)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  rmSync(dir, { recursive: true, force: true })
})

async function postgresDatabase() {
  const created = await createPostgresDatabase('hub_cmd')
  cleanups.push(created.drop)
  return created
}

/** Rows of some tables in a database, read through the commands' own connection. */
async function snapshot(target: { DATABASE_URL?: string; DATA_DIR?: string }) {
  const db = await connect(
    target.DATABASE_URL
      ? { kind: 'postgres', url: target.DATABASE_URL }
      : { kind: 'pglite', dataDir: target.DATA_DIR ?? '' },
  )
  try {
    const rows: Record<string, string[]> = {}
    for (const table of TABLES) rows[table] = await rowsOf(db, table)
    return rows
  } finally {
    await db.close()
  }
}

const ok = (result: { code: number | null; stdout: string; stderr: string }) => {
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0)
  return result
}

describe.runIf(databaseKind === 'pglite')('the embedded database', () => {
  const source = { DATA_DIR: path.join(dir, 'source'), INIT_CWD: dir }

  it('moves to a new database with db:migrate and db:import, as the README says', async () => {
    // The run's seeded database (with operators) becomes an embedded data directory.
    ok(await dbCommand('restore', [inject('pgliteDump')], source))
    const exported = ok(await dbCommand('export', ['--out', 'move.jsonl.gz'], source))
    expect(exported.stdout).toMatch(new RegExp(`Wrote \\d+ rows to ${path.join(dir, 'move.jsonl.gz')}`))
    expect(exported.stderr).toContain('Exporting')

    // PostgreSQL when the run has one (the production move); otherwise another embedded directory.
    const target = testServerUrl()
      ? { DATABASE_URL: (await postgresDatabase()).url, INIT_CWD: dir }
      : { DATA_DIR: path.join(dir, 'target'), INIT_CWD: dir }
    const migrated = ok(await dbCommand('migrate', [], target))
    expect(migrated.stdout).toContain('applied 20261128000000_init')
    const imported = ok(await dbCommand('import', ['move.jsonl.gz'], target))
    expect(imported.stdout).toMatch(/Citation\s+(\d+)\s+\1\n/)
    expect(imported.stdout).toContain("every table's count matches the file")
    expect(imported.stdout).toMatch(
      new RegExp(
        `${Object.keys(OPERATORS).length} user\\(s\\) were imported without a password .* cannot sign in until an admin sets a new password`,
      ),
    )
    expect(ok(await dbCommand('migrate', [], target)).stdout).toContain('Nothing to apply: the database is up to date')

    const before = await snapshot(source)
    const after = await snapshot(target)
    for (const table of TABLES.filter((table) => table !== 'User')) expect(after[table], table).toEqual(before[table])
  }, 180_000)

  it('backs up with db:backup and restores into a new data directory only', async () => {
    const backedUp = ok(await dbCommand('backup', ['--out', 'embedded.tar.gz'], source))
    expect(backedUp.stdout).toContain(path.join(dir, 'embedded.tar.gz'))
    const restored = { DATA_DIR: path.join(dir, 'restored'), INIT_CWD: dir }
    ok(await dbCommand('restore', ['embedded.tar.gz'], restored))
    expect(await snapshot(restored)).toEqual(await snapshot(source))

    const again = await dbCommand('restore', ['embedded.tar.gz'], restored)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already holds a database: restore into a new DATA_DIR')
  }, 120_000)

  it('says so when a running hub holds the data directory', async () => {
    const held = await openDatabase({ dataDir: source.DATA_DIR, migrate: false })
    try {
      const refused = await dbCommand('backup', ['--out', 'busy.tar.gz'], source)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain(`is in use by process ${process.pid} (a running hub?): stop it first`)
    } finally {
      await held.close()
    }
  }, 60_000)
})

describe.runIf(databaseKind === 'postgres')('PostgreSQL', () => {
  it('db:migrate applies the migrations, and prisma migrate status agrees', async () => {
    const { url } = await postgresDatabase()
    const migrated = ok(await dbCommand('migrate', [], { DATABASE_URL: url, INIT_CWD: dir }))
    expect(migrated.stdout).toContain(
      `${MIGRATIONS.map((name) => `  applied ${name}`).join('\n')}\nDone: ${MIGRATIONS.length} migration(s) applied`,
    )
    const status = await prismaMigrateStatus(url)
    expect(status.code, status.output).toBe(0)
    expect(status.output).toContain('Database schema is up to date!')
  }, 120_000)

  it('db:migrate says clearly when the server cannot be reached', async () => {
    const result = await dbCommand('migrate', [], {
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none',
      INIT_CWD: dir,
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /Error: Cannot reach the PostgreSQL database "none" at 127\.0\.0\.1:1: .*ECONNREFUSED/,
    )
  }, 60_000)

  it('with MIGRATE=off the hub refuses a database with pending migrations, naming pnpm db:migrate', async () => {
    const { url } = await postgresDatabase()
    await expect(startHubOn({ DATABASE_URL: url }, { MIGRATE: 'off' })).rejects.toThrow(
      `The database has ${MIGRATIONS.length} pending migration(s) (${MIGRATIONS.join(', ')}) and MIGRATE=off: run \`pnpm db:migrate\` first.`,
    )
    const hub = await startHubOn({ DATABASE_URL: url }) // migrates
    await hub.close()
    const again = await startHubOn({ DATABASE_URL: url }, { MIGRATE: 'off' })
    await again.close()
  }, 60_000)

  it('backs up with pg_dump and restores into an empty database only', async () => {
    const template = inject('postgresTemplate')
    const source = await postgresDatabase()
    await adminSql(`DROP DATABASE ${source.name}`)
    await adminSql(`CREATE DATABASE ${source.name} TEMPLATE ${template?.template}`)
    const from = { DATABASE_URL: source.url, INIT_CWD: dir }
    ok(await dbCommand('backup', ['--out', 'pg.dump'], from))
    const target = { DATABASE_URL: (await postgresDatabase()).url, INIT_CWD: dir }
    ok(await dbCommand('restore', ['pg.dump'], target))
    expect(await snapshot(target)).toEqual(await snapshot(from))

    const again = await dbCommand('restore', ['pg.dump'], target)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/is not empty \(it has tables: .*\): restore into a new database/)
    const intoEmbedded = await dbCommand('restore', ['pg.dump'], { DATA_DIR: path.join(dir, 'x'), INIT_CWD: dir })
    expect(intoEmbedded.stderr).toContain('is a PostgreSQL backup (pg_dump): set DATABASE_URL')
  }, 120_000)
})

/** `prisma migrate status` through the CLI's PostgreSQL adapter (see prisma.config.ts). */
function prismaMigrateStatus(url: string): Promise<{ code: number | null; output: string }> {
  const prismaDir = path.resolve(import.meta.dirname, '../../prisma')
  const child = spawn(path.join(prismaDir, 'node_modules/.bin/prisma'), ['migrate', 'status'], {
    cwd: prismaDir,
    env: { ...process.env, MIGRATE_DATABASE_URL: url, CHECKPOINT_DISABLE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })))
}
