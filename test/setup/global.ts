// Prepares one migrated, seeded database per run that every test file copies: a PGlite dump on
// the embedded path, a template database on PostgreSQL. Copies are cheap; migrating and seeding
// per file is not.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '@minsheng/db'
import { seed } from '@minsheng/db/seed'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { createTestOperators } from './operators.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string
    postgresTemplate: { adminUrl: string; template: string } | null
  }
}

export default async function setup(project: TestProject) {
  const kind = project.config.env?.HUB_TEST_DATABASE ?? 'pglite'
  if (kind === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL as string
    const template = `hub_test_${randomBytes(5).toString('hex')}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${template}`)
    const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, template) })
    await seed(database.prisma)
    await createTestOperators(database.prisma)
    await database.close()
    project.provide('postgresTemplate', { adminUrl, template })
    project.provide('pgliteDump', '')
    return async () => {
      // Drop the template and any per-file copies a crashed file left behind.
      const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
        `${template}%`,
      ])
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
      await admin.end()
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-test-'))
  const database = await openDatabase({ dataDir: 'memory://' })
  await seed(database.prisma)
  await createTestOperators(database.prisma)
  const pglite = (database as unknown as { pglite?: { dumpDataDir(c: string): Promise<Blob> } }).pglite
  if (!pglite) throw new Error('openDatabase did not expose the PGlite instance')
  const dump = await pglite.dumpDataDir('gzip')
  const file = path.join(dir, 'template.tar.gz')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  await database.close()
  project.provide('pgliteDump', file)
  project.provide('postgresTemplate', null)
  return () => rmSync(dir, { recursive: true, force: true })
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}
