// Whole-database backups in each database's own format: a PGlite data-directory dump (a gzip
// tarball) for the embedded database, pg_dump's custom format for PostgreSQL.
import { spawn } from 'node:child_process'
import { accessSync, constants, existsSync, readdirSync } from 'node:fs'
import { open, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { isFileDataDir } from '../src/data-dir-lock.ts'
import { connect } from './connection.ts'
import { describeTarget, type Target } from './target.ts'

const PG_DUMP_MAGIC = 'PGDMP'
const GZIP_MAGIC = '1f8b'

/** What a backup file is, from its first bytes. */
export async function backupKind(file: string): Promise<'pglite' | 'postgres' | 'unknown'> {
  const handle = await open(file)
  try {
    const start = Buffer.alloc(5)
    await handle.read(start, 0, 5, 0)
    if (start.toString('latin1') === PG_DUMP_MAGIC) return 'postgres'
    if (start.subarray(0, 2).toString('hex') === GZIP_MAGIC) return 'pglite'
    return 'unknown'
  } finally {
    await handle.close()
  }
}

export async function backup(target: Target, file: string): Promise<void> {
  if (target.kind === 'postgres') {
    await runTool('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${target.url}`])
    return
  }
  const db = await connect(target, { mustExist: true })
  try {
    const dump = await db.pglite?.dumpDataDir('gzip')
    if (!dump) throw new Error('The embedded database cannot be dumped.')
    await writeFile(file, Buffer.from(await dump.arrayBuffer()))
  } finally {
    await db.close()
  }
}

export async function restore(target: Target, file: string): Promise<void> {
  const kind = await backupKind(file)
  if (kind === 'unknown') throw new Error(`${file} is neither a PGlite data-directory dump nor a pg_dump file.`)
  if (kind !== target.kind) {
    throw new Error(
      kind === 'postgres'
        ? `${file} is a PostgreSQL backup (pg_dump): set DATABASE_URL to the PostgreSQL database to restore it into. To move data between the two databases, use db:export and db:import.`
        : `${file} is a backup of the embedded database: unset DATABASE_URL and set DATA_DIR to restore it. To move data between the two databases, use db:export and db:import.`,
    )
  }
  if (target.kind === 'postgres') {
    await refuseUnlessEmptyPostgres(target)
    // One transaction: a failed restore leaves the database as empty as it was.
    await runTool('pg_restore', [
      '--exit-on-error',
      '--single-transaction',
      '--no-owner',
      '--no-privileges',
      `--dbname=${target.url}`,
      file,
    ])
    return
  }
  if (!isFileDataDir(target.dataDir)) throw new Error('DATA_DIR must be a directory to restore into.')
  const entries = existsSync(target.dataDir) ? readdirSync(target.dataDir) : []
  if (entries.includes('PG_VERSION')) {
    throw new Error(
      `${describeTarget(target)} already holds a database: restore into a new DATA_DIR (or move the old one away first).`,
    )
  }
  const db = await connect(target, { loadDataDir: new Blob([await readFile(file)]) })
  try {
    // The restored database must be a hub's: it has Prisma's migration history.
    await db.query('SELECT count(*) FROM "_prisma_migrations"')
  } finally {
    await db.close()
  }
}

async function refuseUnlessEmptyPostgres(target: Target) {
  const db = await connect(target)
  try {
    const { rows } = await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1 LIMIT 5`,
    )
    if (rows.length) {
      throw new Error(
        `The ${describeTarget(target)} is not empty (it has tables: ${rows.map((row) => row.name).join(', ')}…): restore into a new database.`,
      )
    }
  } finally {
    await db.close()
  }
}

/**
 * The PostgreSQL client tool: only in PG_BIN_DIR when it is set (to pick a version, e.g.
 * /usr/lib/postgresql/16/bin), otherwise on PATH or in Debian's /usr/bin.
 */
export function findTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  const dirs = env.PG_BIN_DIR
    ? [env.PG_BIN_DIR]
    : [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/bin']
  for (const dir of dirs) {
    const candidate = path.join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {}
  }
  throw new Error(
    `${name} was not found in ${dirs.join(', ')}. Install PostgreSQL's client tools (Debian: \`apt-get install postgresql-client\`) or set PG_BIN_DIR to the directory that holds them.`,
  )
}

function runTool(name: 'pg_dump' | 'pg_restore', toolArgs: string[]): Promise<void> {
  const executable = findTool(name)
  return new Promise((resolve, reject) => {
    const child = spawn(executable, toolArgs, { stdio: ['ignore', 'inherit', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`${name} failed (exit code ${code}): ${stderr.trim()}`))
    })
  })
}
