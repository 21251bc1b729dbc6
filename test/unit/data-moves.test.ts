// The pure parts of moving data: which export files an import accepts, and the embedded database's
// lock (taken over from a process that has ended, refused while its holder lives).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { lockDataDir } from '@minsheng/db'
import { FORMAT_NAME, FORMAT_VERSION, findTool, incompatibility } from '@minsheng/db/ops'
import { afterAll, describe, expect, it } from 'vitest'

const MIGRATIONS = ['20261128000000_init', '20261128120000_search_and_sort_indexes', '20261128130000_trust']
const header = (change: Record<string, unknown> = {}) => ({
  format: FORMAT_NAME,
  formatVersion: FORMAT_VERSION,
  migration: '20261128120000_search_and_sort_indexes',
  exportedAt: '2026-11-28T00:00:00.000Z',
  includesSecrets: false,
  tables: [],
  ...change,
})

describe('incompatibility of an export with a database', () => {
  it('accepts a file made at the target migration or an earlier one', () => {
    expect(incompatibility(header(), MIGRATIONS)).toBeNull()
    expect(incompatibility(header({ migration: MIGRATIONS[2] }), MIGRATIONS)).toBeNull()
  })

  it('refuses another format, another version, a later migration and an unknown one', () => {
    expect(incompatibility({ hello: 1 }, MIGRATIONS)).toMatch(/not a Minsheng Hub export/)
    expect(incompatibility(null, MIGRATIONS)).toMatch(/not a Minsheng Hub export/)
    expect(incompatibility(header({ formatVersion: FORMAT_VERSION + 1 }), MIGRATIONS)).toBe(
      `format version ${FORMAT_VERSION + 1} is not supported: this hub reads version ${FORMAT_VERSION}`,
    )
    expect(incompatibility(header({ migration: '20270101000000_next' }), MIGRATIONS)).toMatch(
      /later than this database's 20261128130000_trust: update the hub first/,
    )
    expect(incompatibility(header({ migration: '20261001000000_branch' }), MIGRATIONS)).toMatch(
      /which this hub does not know/,
    )
    expect(incompatibility(header({ migration: MIGRATIONS[0] }), [])).toMatch(/later than this database's \(none\)/)
  })
})

describe('the embedded data directory lock', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-lock-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is refused while its holder runs and released on unlock', () => {
    const unlock = lockDataDir(dir)
    expect(() => lockDataDir(dir)).toThrow(`is in use by process ${process.pid} (this one)`)
    unlock()
    expect(existsSync(path.join(dir, 'hub.lock'))).toBe(false)
    lockDataDir(dir)()
  })

  it('is taken over from a process that has ended', () => {
    const ended = spawnSync(process.execPath, ['-e', '']).pid
    writeFileSync(path.join(dir, 'hub.lock'), String(ended))
    const unlock = lockDataDir(dir)
    unlock()
  })
})

describe('the PostgreSQL client tools', () => {
  it('are looked for in PG_BIN_DIR alone when it is set, with a clear error when they are missing', () => {
    expect(() => findTool('pg_dump', { PG_BIN_DIR: '/nonexistent/bin' })).toThrow(
      "pg_dump was not found in /nonexistent/bin. Install PostgreSQL's client tools (Debian: `apt-get install postgresql-client`) or set PG_BIN_DIR",
    )
    const bin = mkdtempSync(path.join(tmpdir(), 'hub-bin-'))
    try {
      writeFileSync(path.join(bin, 'pg_restore'), '#!/bin/sh\n', { mode: 0o755 })
      expect(findTool('pg_restore', { PG_BIN_DIR: bin, PATH: '/usr/bin' })).toBe(path.join(bin, 'pg_restore'))
    } finally {
      rmSync(bin, { recursive: true, force: true })
    }
  })
})
