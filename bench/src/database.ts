// The bench's own databases: created on the PostgreSQL server with a random name and dropped at
// the end; filled by src/fill.ts in child processes (PostgreSQL and PGlite side by side).
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import type { Fixtures } from './fixtures.ts'

export interface FillResult {
  counts: Record<string, number>
  fixtures: Fixtures
  timings: { openMs: number; seedMs: number; syntheticMs: number; analyzeMs: number; totalMs: number }
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

export class PostgresServer {
  private constructor(
    private admin: pg.Client,
    readonly adminUrl: string,
  ) {}

  static async connect(adminUrl: string) {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    return new PostgresServer(admin, adminUrl)
  }

  async version() {
    const { rows } = await this.admin.query<{ server_version: string }>('SHOW server_version')
    return rows[0]?.server_version ?? 'unknown'
  }

  /** Creates `bench_<random>` (plus a suffix) and returns its URL. */
  async create(suffix = '') {
    const name = `bench_${randomBytes(5).toString('hex')}${suffix}`
    await this.admin.query(`CREATE DATABASE ${name}`)
    return { name, url: withDatabase(this.adminUrl, name) }
  }

  /** Writes the bulk load's dirty pages now rather than during the first measured runs. */
  async checkpoint() {
    await this.admin.query('CHECKPOINT')
  }

  /** Process ids of the backends connected to one database. */
  async backendPids(database: string) {
    const { rows } = await this.admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
      database,
    ])
    return rows.map((row) => row.pid)
  }

  async exists(name: string) {
    const { rows } = await this.admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    return rows.length > 0
  }

  async databasesLike(pattern: string) {
    const { rows } = await this.admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [pattern],
    )
    return rows.map((row) => row.datname)
  }

  /** A copy of `template` (which nobody may be connected to) named `name`. */
  async createFrom(name: string, template: string) {
    await this.admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
  }

  async drop(name: string) {
    await this.admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }

  async close() {
    await this.admin.end()
  }
}

/** Seeds and generates `size` synthetic rows into a PostgreSQL URL or a PGlite data directory. */
export function fill(target: { url: string } | { dataDir: string }, size: number): Promise<FillResult> {
  const script = fileURLToPath(new URL('./fill.ts', import.meta.url))
  const where = 'url' in target ? ['--url', target.url] : ['--data-dir', target.dataDir]
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), script, '--size', String(size), ...where],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`Filling ${JSON.stringify(target)} failed: ${stderr || error.message}`))
        const line = stdout.trim().split('\n').pop() ?? ''
        resolve(JSON.parse(line) as FillResult)
      },
    )
  })
}
