// Filling 100,000 rows into PostgreSQL and PGlite takes a minute or more on this shared machine,
// most of a quick run. The quick run keeps what it filled, keyed by everything that shapes the
// data (migrations, schema, seed, the fill and fixtures code, the size): a PostgreSQL template
// database `bench_tpl_<key>` and a copy of the PGlite data directory in out/. The next quick run
// copies them (seconds) while the key matches; `--fresh` fills anew. At most one is kept.
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { FillResult, PostgresServer } from './database.ts'
import { REPO_ROOT } from './machine.ts'

export interface FilledPair {
  postgres: FillResult
  embedded: FillResult
}

const SOURCES = [
  'prisma/migrations',
  'prisma/schema.prisma',
  'prisma/seed',
  'bench/src/fill.ts',
  'bench/src/fixtures.ts',
]

function filesUnder(relative: string): string[] {
  const full = path.join(REPO_ROOT, relative)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [relative]
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(path.join(relative, name)))
}

export function fillKey(size: number): string {
  const hash = createHash('sha1').update(String(size))
  for (const file of SOURCES.flatMap(filesUnder)) hash.update(file).update(readFileSync(path.join(REPO_ROOT, file)))
  return hash.digest('hex').slice(0, 12)
}

export class FillCache {
  private readonly template: string
  private readonly dir: string

  constructor(
    private readonly postgres: PostgresServer,
    private readonly outDir: string,
    key: string,
  ) {
    this.template = `bench_tpl_${key}`
    this.dir = path.join(outDir, `fill-${key}`)
  }

  /** Replaces `database` and fills `dataDir` with copies of the kept fill; undefined when there is none for this key. */
  async restore(database: string, dataDir: string): Promise<FilledPair | undefined> {
    const json = path.join(this.dir, 'fill.json')
    if (!existsSync(json) || !(await this.postgres.exists(this.template))) return undefined
    await this.postgres.drop(database)
    await this.postgres.createFrom(database, this.template)
    cpSync(path.join(this.dir, 'pglite'), dataDir, { recursive: true })
    return JSON.parse(readFileSync(json, 'utf8')) as FilledPair
  }

  /** Keeps a fill just made (before any server has touched it), dropping any older one. */
  async keep(database: string, dataDir: string, filled: FilledPair) {
    for (const name of await this.postgres.databasesLike('bench_tpl_%')) await this.postgres.drop(name)
    for (const entry of readdirSync(this.outDir)) {
      if (entry.startsWith('fill-')) rmSync(path.join(this.outDir, entry), { recursive: true, force: true })
    }
    await this.postgres.createFrom(this.template, database)
    mkdirSync(this.dir, { recursive: true })
    cpSync(dataDir, path.join(this.dir, 'pglite'), { recursive: true })
    writeFileSync(path.join(this.dir, 'fill.json'), JSON.stringify(filled))
  }
}
