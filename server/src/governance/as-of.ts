// "As of" reads (时点查询): the published copy as it stood at a moment, rebuilt from the publication
// log into a schema of its own (asof_<seq>) that mirrors the published one, and read with the same
// queries. Every moment between two publications shares one rebuilt copy; the newest moment is the
// published copy itself. A copy is built once and kept for the next requests.
import { PUBLISHED_SCHEMA, prismaSql, rebuildFromLog, syncMirror } from '@minsheng/db'
import { GraphQLError } from 'graphql'
import { database } from '../db.ts'
import { hubLogger } from '../operations/logger.ts'

/** Rebuilt copies kept in the database; the least recently used beyond this are dropped. */
const KEEP_COPIES = 8
const recentlyUsed = new Map<string, number>()

const messages = {
  future: { en: '`asOf` is in the future: the published state then is not known yet.', zh: 'asOf 不能晚于当前时间。' },
  early: {
    en: (first: string) => `Nothing was published before ${first}: \`asOf\` must be at or after it.`,
    zh: (first: string) => `${first} 之前没有任何已发布的数据：asOf 须不早于该时间。`,
  },
}

const refusal = (message: string, code: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'asOf', code, message }], ...extra },
  })

/** The schema that holds the published state at `at`, built now if it is not there yet. */
export async function asOfReading(at: Date, locale: 'zh' | 'en') {
  if (at.getTime() > Date.now() + 1_000) throw refusal(messages.future[locale], 'in_future')
  const primary = database().primary
  const [found] = await primary.$queryRaw<{ seq: number | null; latest: number | null; first: Date | null }[]>`
    SELECT (SELECT max(seq) FROM "Publication" WHERE at <= ${at}) AS seq,
           (SELECT max(seq) FROM "Publication") AS latest,
           (SELECT min(at) FROM "Publication") AS first`
  if (found?.seq == null) {
    const first = found?.first ? found.first.toISOString() : '—'
    throw refusal(messages.early[locale](first), 'before_first_record', { firstPublishedAt: found?.first ?? null })
  }
  const seq = Number(found.seq)
  // The newest state is the published copy itself.
  if (seq === Number(found.latest)) return { at, seq, schema: PUBLISHED_SCHEMA }
  const schema = `asof_${seq}`
  await materialize(schema, seq)
  return { at, seq, schema }
}

async function materialize(schema: string, seq: number) {
  recentlyUsed.delete(schema)
  recentlyUsed.set(schema, Date.now())
  const primary = database().primary
  const exists = await primary.$queryRaw<{ ready: boolean }[]>`
    SELECT obj_description(oid, 'pg_namespace') = 'complete' AS ready FROM pg_namespace WHERE nspname = ${schema}`
  if (exists[0]?.ready) return
  await primary.$transaction(
    async (tx) => {
      const sql = prismaSql(tx)
      // Instances (or requests) asking for the same moment build it once.
      await sql.rows('SELECT 1 AS locked FROM pg_advisory_xact_lock(5306, $1::int)', [seq])
      const again = await sql.rows<{ ready: boolean }>(
        `SELECT obj_description(oid, 'pg_namespace') = 'complete' AS ready FROM pg_namespace WHERE nspname = $1`,
        [schema],
      )
      if (again[0]?.ready) return
      if (database().kind === 'postgres') await sql.run(`SET LOCAL statement_timeout = 0`)
      await syncMirror(sql, schema)
      await rebuildFromLog(sql, schema, seq, database())
      // Marks the copy whole: a crash mid-build leaves a schema without the mark, built again next time.
      await sql.run(`COMMENT ON SCHEMA "${schema}" IS 'complete'`)
    },
    { timeout: 600_000, maxWait: 30_000 },
  )
  await dropLeastRecentlyUsed()
}

async function dropLeastRecentlyUsed() {
  const copies = await database().primary.$queryRaw<{ name: string }[]>`
    SELECT nspname::text AS name FROM pg_namespace WHERE nspname LIKE 'asof\\_%'`
  const unused = copies.map((copy) => copy.name).sort((a, b) => (recentlyUsed.get(a) ?? 0) - (recentlyUsed.get(b) ?? 0))
  for (const name of unused.slice(0, Math.max(0, unused.length - KEEP_COPIES))) {
    recentlyUsed.delete(name)
    await database()
      .primary.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${name}" CASCADE`)
      .catch((error: unknown) => hubLogger().warn({ err: error, schema: name }, 'Could not drop an as-of copy'))
  }
}
