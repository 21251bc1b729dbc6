// Database.sqlTransaction on PostgreSQL (prisma/src/sql-transaction.ts): BEGIN leaves with the first
// statement, pipelined in one write, rather than a round trip before it. What must hold whatever
// the wire does: every statement runs inside the one transaction, a refusal rolls all of it back,
// the connection goes back to the pool clean, and the pool still runs one query at a time as before.
import { createPool, poolTransaction, SqlStatementError } from '@minsheng/db'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { databaseKind } from '../setup/hub.ts'

describe.skipIf(databaseKind !== 'postgres')('a SQL transaction on the pool', () => {
  const adminUrl = inject('postgresTemplate')?.adminUrl as string
  const table = `sql_tx_${process.pid}`
  // One connection: a transaction left open on it would show in the next check.
  let pool: ReturnType<typeof createPool>
  const statements: string[] = []
  const record = <R>(sql: string, run: () => Promise<R>) => {
    statements.push(sql)
    return run()
  }

  beforeAll(async () => {
    pool = createPool(adminUrl, { max: 1 })
    await pool.query(`CREATE TABLE "${table}" (id int PRIMARY KEY, note text)`)
  })
  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS "${table}"`)
    await pool.end()
  })

  const rows = async () => (await pool.query(`SELECT id FROM "${table}" ORDER BY id`)).rows.map((row) => row.id)
  const inTransaction = async () =>
    (
      await pool.query(`SELECT now() <> statement_timestamp() OR xact_start <> query_start AS open
      FROM pg_stat_activity WHERE pid = pg_backend_pid()`)
    ).rows[0].open

  it('runs the first statement and the later ones in the transaction BEGIN opened', async () => {
    statements.length = 0
    const seen = await poolTransaction(pool, record, async (query) => {
      const first = await query('SELECT now() AS "at", txid_current() AS "tx"', [])
      await new Promise((resolve) => setTimeout(resolve, 20))
      const second = await query('SELECT now() AS "at", txid_current() AS "tx"', [])
      return [first.rows[0], second.rows[0]]
    })
    // now() is the transaction's start: the same 20 ms apart only inside one transaction.
    expect(seen[0]).toEqual(seen[1])
    expect(statements).toEqual([
      'SELECT now() AS "at", txid_current() AS "tx"',
      'SELECT now() AS "at", txid_current() AS "tx"',
      'COMMIT',
    ])
    expect(await inTransaction()).toBe(false)
  })

  it('commits what the statements wrote, with the values it was given', async () => {
    const written = await poolTransaction(pool, record, async (query) => {
      const insert = await query(`INSERT INTO "${table}" (id, note) VALUES ($1, $2), ($3, $4)`, [1, 'a', 2, 'b'])
      return insert.rowCount
    })
    expect(written).toBe(2)
    expect(await rows()).toEqual([1, 2])
  })

  it('rolls back the first statement when the work refuses after it', async () => {
    await expect(
      poolTransaction(pool, record, async (query) => {
        await query(`INSERT INTO "${table}" (id) VALUES ($1)`, [3])
        throw new Error('refused after the write')
      }),
    ).rejects.toThrow('refused after the write')
    expect(await rows()).toEqual([1, 2])
    expect(await inTransaction()).toBe(false)
  })

  it('rolls back every statement when the database refuses a later one', async () => {
    await expect(
      poolTransaction(pool, record, async (query) => {
        await query(`INSERT INTO "${table}" (id) VALUES ($1)`, [4])
        await query(`INSERT INTO "${table}" (id) VALUES ($1)`, [1])
      }),
    ).rejects.toBeInstanceOf(SqlStatementError)
    expect(await rows()).toEqual([1, 2])
  })

  it('refuses a first statement the database refuses, and the connection serves the next transaction', async () => {
    await expect(
      poolTransaction(pool, record, (query) => query(`INSERT INTO "${table}" (id) VALUES ($1)`, [1])),
    ).rejects.toBeInstanceOf(SqlStatementError)
    expect(await inTransaction()).toBe(false)
    await poolTransaction(pool, record, (query) => query(`INSERT INTO "${table}" (id) VALUES ($1)`, [5]))
    expect(await rows()).toEqual([1, 2, 5])
  })

  it('commits work that sent no statement, and one that threw before any rolls back cleanly', async () => {
    expect(await poolTransaction(pool, record, async () => 'nothing to send')).toBe('nothing to send')
    await expect(
      poolTransaction(pool, record, async () => {
        throw new Error('refused before any statement')
      }),
    ).rejects.toThrow('refused before any statement')
    expect(await inTransaction()).toBe(false)
    expect(await rows()).toEqual([1, 2, 5])
  })

  it('still runs queries sent together on one connection in order, each with its own answer', async () => {
    const client = await pool.connect()
    try {
      const answers = await Promise.all(
        [1, 2, 3].map((n) => client.query({ text: 'SELECT $1::int AS n', values: [n] })),
      )
      expect(answers.map((answer) => answer.rows[0].n)).toEqual([1, 2, 3])
      const [refused, after] = await Promise.allSettled([client.query('SELECT 1/0'), client.query('SELECT 2 AS n')])
      expect(refused.status).toBe('rejected')
      expect(after.status === 'fulfilled' && after.value.rows[0].n).toBe(2)
    } finally {
      client.release()
    }
  })
})
