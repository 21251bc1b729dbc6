// The embedded database on a thread of its own (prisma/src/pglite-thread.ts): the hub's thread
// goes on serving while a statement runs, and what crosses between the two threads (rows, errors,
// dumps) arrives as PGlite on the hub's thread gives it.
import { PGlite } from '@electric-sql/pglite'
import { PGliteThread } from '@minsheng/db'
import { describe, expect, it } from 'vitest'
import { databaseKind, startTestHub } from '../setup/hub.ts'

const LONG_STATEMENT = 'SELECT pg_sleep(1)'

/** When `ask` was answered, counted from the start of a one-second statement on `run`; asked 50 ms in. */
async function answeredAfter(run: (sql: string) => Promise<unknown>, ask: () => Promise<unknown>) {
  const started = performance.now()
  const statement = run(LONG_STATEMENT)
  await new Promise((resolve) => setTimeout(resolve, 50))
  await ask()
  const answered = performance.now() - started
  await statement
  return answered
}

describe.skipIf(databaseKind !== 'pglite')('the embedded database on its own thread', () => {
  it('answers a request while a one-second statement runs; on the hub’s thread the request waits for it', async () => {
    const request = async (hubUrl: string) => {
      const response = await fetch(`${hubUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      })
      expect(response.status).toBe(200)
    }
    for (const thread of ['on', 'off'] as const) {
      const api = await startTestHub({ config: { EMBEDDED_DATABASE_THREAD: thread } })
      try {
        const answered = await answeredAfter(
          (sql) => api.hub.database.readRows(sql, []),
          () => request(api.hub.url),
        )
        if (thread === 'on') expect(answered).toBeLessThan(500)
        else expect(answered).toBeGreaterThan(950)
      } finally {
        await api.close()
      }
    }
  })

  it('gives rows, errors and dumps as PGlite on the calling thread does', async () => {
    const db = await PGliteThread.open('memory://')
    try {
      await db.exec('CREATE TABLE place (id int PRIMARY KEY, name text NOT NULL, tags text[])')
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO place VALUES ($1, $2, $3)', [1, '昭阳区', ['区', '市辖']])
      })
      expect((await db.query('SELECT * FROM place')).rows).toEqual([{ id: 1, name: '昭阳区', tags: ['区', '市辖'] }])
      // A refusal keeps its SQLSTATE and detail, and the session goes on.
      const refusal = await db.query('INSERT INTO place VALUES (1, $1)', ['鲁甸县']).catch((error: unknown) => error)
      expect(refusal).toMatchObject({ code: '23505', detail: 'Key (id)=(1) already exists.' })
      await expect(db.transaction((tx) => tx.query('SELECT * FROM nowhere'))).rejects.toMatchObject({ code: '42P01' })
      expect((await db.query('SELECT count(*)::int AS n FROM place')).rows).toEqual([{ n: 1 }])
      // A dump made on the thread opens in PGlite on this one.
      const dump = await db.dumpDataDir('gzip')
      const copy = new PGlite('memory://', { loadDataDir: dump })
      try {
        expect((await copy.query('SELECT name FROM place')).rows).toEqual([{ name: '昭阳区' }])
      } finally {
        await copy.close()
      }
    } finally {
      await db.close()
    }
    await expect(db.query('SELECT 1')).rejects.toThrow(/closed/)
  })
})
