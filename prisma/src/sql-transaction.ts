// A transaction sent straight to the driver, past Prisma's interactive transaction: for the write
// path's one-statement saves (server/src/live/after-commit.ts), where Prisma's transaction and
// client around BEGIN, the statement and COMMIT cost 40 % of a save's CPU at 50 connections.
//
// Its rows are typed as Prisma's $queryRaw types them, so the code that reads them is the same
// either way: `timestamp` (how Prisma stores DateTime, in UTC) and `date` as Dates in UTC rather
// than the driver's local time, `numeric` as Prisma's Decimal, `int8` as a bigint; JSON, arrays of
// texts and numbers, enums (as their names), booleans, texts and integers as the drivers give them.
// Parameters go as Prisma sends them: instants as ISO texts, decimals and bigints as texts.
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite'
import pg from 'pg'
import { Prisma } from '../generated/client/client.ts'

type Row = Record<string, unknown>

/** Runs one statement of the transaction: its rows, typed as Prisma's $queryRaw gives them, and how many it wrote. */
export type SqlQuery = (sql: string, params: readonly unknown[]) => Promise<SqlResult>

export interface SqlResult {
  rows: Row[]
  /** Rows the statement inserted, updated or deleted (what Prisma's $executeRaw answers). */
  rowCount: number
}

/**
 * A statement of such a transaction that the database refused (a unique key taken, a deadlock…),
 * the driver's error as `cause`: not one of Prisma's typed errors, which the write path translates,
 * so the caller can tell it apart and, say, run the work again through Prisma's client.
 */
export class SqlStatementError extends Error {
  constructor(cause: unknown) {
    super(`The database refused a statement: ${(cause as Error)?.message ?? cause}`, { cause })
    this.name = 'SqlStatementError'
  }
}

/** Runs a statement, its refusal as a SqlStatementError. */
async function refusedAs<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw new SqlStatementError(error)
  }
}

/** The type OIDs whose driver values differ from Prisma's, and Prisma's value of their text. */
const PRISMA_TYPES: Record<number, (text: string) => unknown> = {
  // timestamp without time zone: "2026-12-06 07:03:11.123" is UTC.
  1114: (text) => new Date(`${text.replace(' ', 'T')}Z`),
  // date: midnight UTC of that day, as Prisma gives a @db.Date.
  1082: (text) => new Date(`${text}T00:00:00Z`),
  1700: (text) => new Prisma.Decimal(text),
  20: (text) => BigInt(text),
}

/** A parameter as Prisma would send it. */
function asPrismaSends(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'bigint' || Prisma.Decimal.isDecimal(value)) return String(value)
  return value
}

/** The pg driver's types, with PRISMA_TYPES in place of its own. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    PRISMA_TYPES[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

/**
 * `work` in a transaction on a connection of the pool: BEGIN, its statements, COMMIT (ROLLBACK when
 * it throws). `record` counts each statement as the clients' own are counted (Prisma's query log
 * leaves out BEGIN, and so does this). A connection that cannot be had, or cannot begin, commit or
 * roll back, is a SqlStatementError too; one that failed is closed, not handed to the next request.
 *
 * BEGIN goes out with the first statement, in one write, instead of a round trip before it: the
 * pool's connections pipeline (createPool), and BEGIN waits in the corked socket until the
 * statement joins it. PostgreSQL runs them in order, the statement inside the transaction BEGIN
 * opened; a BEGIN refused (only a broken connection refuses it) refuses the work. Focus, update at
 * 50 connections: 429–452 → 464–488 req/s, 1.97–2.11 → 1.88–1.95 ms of CPU per save.
 */
export async function poolTransaction<T>(
  pool: pg.Pool,
  record: <R>(sql: string, run: () => Promise<R>) => Promise<R>,
  work: (query: SqlQuery) => Promise<T>,
): Promise<T> {
  const client = await refusedAs(() => pool.connect())
  const send = heldUntilFlushed(client)
  let begin: Promise<unknown> | undefined = client.query('BEGIN')
  // Observed where it is awaited; until then, a refusal is not an unhandled rejection.
  begin.catch(() => {})
  /** BEGIN's answer, awaited once: with the first statement's, or before COMMIT when there was none. */
  const begun = async () => {
    const answer = begin
    begin = undefined
    send()
    await answer
  }
  let broken: Error | undefined
  try {
    const query: SqlQuery = (sql, params) =>
      record(sql, () =>
        refusedAs(async () => {
          const sent = client.query({ text: sql, values: params.map(asPrismaSends), types })
          const [result] = await Promise.all([sent, begun()])
          return { rows: result.rows, rowCount: result.rowCount ?? 0 }
        }),
      )
    try {
      const result = await work(query)
      await refusedAs(begun)
      await record('COMMIT', () => refusedAs(() => client.query('COMMIT')))
      return result
    } catch (error) {
      send()
      await record('ROLLBACK', () => client.query('ROLLBACK')).catch((rollback: Error) => {
        broken = rollback
      })
      throw error
    }
  } finally {
    client.release(broken)
  }
}

/**
 * Holds what the client writes until the returned function is called (once; later calls do
 * nothing), so it leaves in one write: node-postgres's connection writes to a Node socket, corked.
 */
function heldUntilFlushed(client: pg.PoolClient): () => void {
  // Without pipelining, a query waits for BEGIN's answer, which would never come.
  if (!client.pipeline) return () => {}
  const socket = (client as { connection?: { stream?: Partial<Corkable> } }).connection?.stream
  if (typeof socket?.cork !== 'function' || typeof socket.uncork !== 'function') return () => {}
  const corkable = socket as Corkable
  corkable.cork()
  let held = true
  return () => {
    if (!held) return
    held = false
    corkable.uncork()
  }
}

interface Corkable {
  cork(): void
  uncork(): void
}

/**
 * `work` in a transaction of the embedded database (PGlite's own BEGIN, COMMIT and ROLLBACK), a
 * failure of those a SqlStatementError too.
 */
export async function pgliteTransaction<T>(
  pglite: PGlite,
  record: <R>(sql: string, run: () => Promise<R>) => Promise<R>,
  work: (query: SqlQuery) => Promise<T>,
): Promise<T> {
  let failed: { error: unknown } | undefined
  try {
    return await pglite.transaction(async (tx: PGliteTransaction) => {
      const query: SqlQuery = (sql, params) =>
        record(sql, () =>
          refusedAs(async () => {
            const result = await tx.query<Row>(sql, params.map(asPrismaSends), { parsers: PRISMA_TYPES })
            return { rows: result.rows, rowCount: result.affectedRows ?? 0 }
          }),
        )
      try {
        const result = await work(query)
        // PGlite sends COMMIT once this returns; counted here, as Prisma's log counts it.
        await record('COMMIT', async () => {})
        return result
      } catch (error) {
        failed = { error }
        throw error
      }
    })
  } catch (error) {
    if (failed && error === failed.error) throw error
    throw error instanceof SqlStatementError ? error : new SqlStatementError(error)
  }
}
