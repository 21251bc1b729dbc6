// Honest slowness for the fault tests: a test's own connection holds a table lock, so the hub's
// statements on that table wait inside PostgreSQL (mid-transaction, where it matters) until released.
import { APPLICATION_NAME } from '@minsheng/db'
import pg from 'pg'

export interface HeldLock {
  release(): Promise<void>
}

/** Takes `LOCK TABLE … IN <mode> MODE` on each table in one open transaction until `release()`. */
export async function holdLock(url: string, tables: Record<string, string>): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('BEGIN')
  for (const [table, mode] of Object.entries(tables)) await client.query(`LOCK TABLE "${table}" IN ${mode} MODE`)
  let released = false
  return {
    async release() {
      if (released) return
      released = true
      await client.query('COMMIT')
      await client.end()
    },
  }
}

export interface HubSession {
  pid: number
  state: string | null
  waitEvent: string | null
  inTransaction: boolean
  /** The transaction has written something (it holds a transaction id). */
  wrote: boolean
}

/** The hub's sessions as pg_stat_activity shows them (the pool names them APPLICATION_NAME). */
export async function hubSessions(sql: (statement: string, params?: unknown[]) => Promise<any[]>) {
  const rows = await sql(
    `SELECT pid, state, wait_event_type AS "waitEvent", xact_start IS NOT NULL AS "inTransaction",
            backend_xid IS NOT NULL AS wrote
       FROM pg_stat_activity WHERE application_name = $1`,
    [APPLICATION_NAME],
  )
  return rows as HubSession[]
}

/** Polls until `check` holds (or fails after `timeoutMs`). */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs
  let last: T
  do {
    last = await probe()
    if (check(last)) return last
    await new Promise((resolve) => setTimeout(resolve, 50))
  } while (Date.now() < deadline)
  throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(last)}`)
}
