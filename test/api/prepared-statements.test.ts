// Named prepared statements (prisma/src/prepared-statements.ts, and pglite-named-statements.ts on the
// embedded database): the SQL the hub repeats is parsed and planned once per connection, a bounded
// number of texts per pool, and DATABASE_PREPARED_STATEMENTS=off sends everything unnamed. Checked in
// pg_prepared_statements of the very connection (or PGlite session) that ran it.
import { PGlite } from '@electric-sql/pglite'
import { createPool, HOT_AFTER, MAX_NAMED, withNamedStatements } from '@minsheng/db'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { databaseKind, startTestHub, type TestHub } from '../setup/hub.ts'

const BY_ID = `query ById($id: ID!) { node(id: $id) { id ... on Division { nameZh parent { nameZh } } } }`

/** The statements the connection running this holds (a pool of one connection: always the same). */
const PREPARED = 'SELECT statement FROM pg_prepared_statements'

describe.skipIf(databaseKind !== 'postgres')('named prepared statements on PostgreSQL', () => {
  describe('the pool', () => {
    const adminUrl = inject('postgresTemplate')?.adminUrl as string

    const statementsAfter = async (
      preparedStatements: boolean,
      run: (pool: ReturnType<typeof createPool>) => Promise<unknown>,
    ) => {
      const pool = createPool(adminUrl, { max: 1, preparedStatements })
      try {
        await run(pool)
        const { rows } = await pool.query<{ statement: string }>(PREPARED)
        return rows.map((row) => row.statement)
      } finally {
        await pool.end()
      }
    }

    it(`names a parameterised text once it is seen ${HOT_AFTER} times, and reuses it`, async () => {
      const text = 'SELECT $1::int + 1 AS "next" /* hot */'
      const held = await statementsAfter(true, async (pool) => {
        for (let i = 0; i < HOT_AFTER - 1; i++) await pool.query({ text, values: [i] })
        expect((await pool.query<{ statement: string }>(PREPARED)).rows).toEqual([])
        for (let i = 0; i < 5; i++) expect((await pool.query({ text, values: [i] })).rows).toEqual([{ next: i + 1 }])
      })
      // Prepared once however often it ran after.
      expect(held).toEqual([text])
    })

    it('leaves plain strings (BEGIN, SET, …) and texts seen rarely unnamed', async () => {
      const held = await statementsAfter(true, async (pool) => {
        for (let i = 0; i < 5; i++) await pool.query('SELECT 1 /* plain */')
        await pool.query({ text: 'SELECT $1::int /* once */', values: [1] })
      })
      expect(held).toEqual([])
    })

    it(`holds at most ${MAX_NAMED} statements however varied the SQL`, async () => {
      const held = await statementsAfter(true, async (pool) => {
        for (let n = 0; n < MAX_NAMED + 20; n++) {
          for (let i = 0; i < HOT_AFTER; i++) await pool.query({ text: `SELECT $1::int AS "v${n}"`, values: [i] })
        }
      })
      expect(held).toHaveLength(MAX_NAMED)
    })

    it('a statement whose result changed shape (another instance migrated) fails once, then runs unnamed', async () => {
      // On a connection held across queries, as in a transaction (pool.query would drop a connection
      // after any error, and the stale statement with it).
      const table = `prepared_${Date.now()}`
      const text = `SELECT * FROM ${table} WHERE id = $1`
      const pool = createPool(adminUrl, { max: 1 })
      const client = await pool.connect()
      try {
        await client.query(`CREATE TABLE ${table} (id int PRIMARY KEY)`)
        await client.query(`INSERT INTO ${table} VALUES (1)`)
        for (let i = 0; i < HOT_AFTER + 1; i++) await client.query({ text, values: [1] })
        await client.query(`ALTER TABLE ${table} ADD COLUMN note text DEFAULT 'x'`)
        await expect(client.query({ text, values: [1] })).rejects.toMatchObject({ code: '0A000' })
        for (let i = 0; i < 2; i++)
          expect((await client.query({ text, values: [1] })).rows).toEqual([{ id: 1, note: 'x' }])
      } finally {
        await client.query(`DROP TABLE IF EXISTS ${table}`)
        client.release()
        await pool.end()
      }
    })

    it('prepares nothing when turned off', async () => {
      const text = 'SELECT $1::int AS "off"'
      const held = await statementsAfter(false, async (pool) => {
        for (let i = 0; i < 10; i++) await pool.query({ text, values: [i] })
      })
      expect(held).toEqual([])
    })
  })

  describe('the hub', () => {
    let api: TestHub
    beforeAll(async () => {
      api = await startTestHub({ config: { DATABASE_POOL_SIZE: 1 } })
    })
    afterAll(() => api?.hub.close())

    it('reads records by id on a statement prepared by the earlier reads, with the same answers', async () => {
      const data = await api.data<{ divisions: { nodes: { id: string }[] } }>(
        '{ divisions(first: 5) { nodes { id } } }',
      )
      const ids = data.divisions.nodes.map((node) => node.id)
      expect(ids).toHaveLength(5)
      const answers = []
      for (const id of ids) answers.push(await api.data<{ node: { id: string } }>(BY_ID, { id }))
      expect(answers.map((answer) => answer.node.id)).toEqual(ids)
      const held = await api.hub.database.prisma.$queryRawUnsafe<{ statement: string }[]>(PREPARED)
      expect(held.map((row) => row.statement).join('\n')).toContain('"Division"')
    })
  })
})

describe.skipIf(databaseKind !== 'pglite')('named prepared statements on the embedded database', () => {
  let pglite: PGlite
  let session: PGlite
  beforeAll(async () => {
    pglite = new PGlite('memory://')
    session = withNamedStatements(pglite)
    await pglite.exec(`CREATE TABLE facility (id int PRIMARY KEY, name text, opened date, area numeric(8,2), tags text[])
      ; INSERT INTO facility SELECT i, 'facility ' || i, DATE '2020-01-01' + i, i * 1.5, ARRAY['t' || i] FROM generate_series(1, 20) i`)
  })
  afterAll(() => pglite?.close())

  const held = async () => (await pglite.query<{ statement: string }>(PREPARED)).rows.map((row) => row.statement).sort()
  /** What PGlite itself answers, unnamed: the named statements must answer the same, parsed alike. */
  const unnamed = (text: string, params: unknown[]) =>
    pglite.query(text, params, { rowMode: 'array' }).then(({ rows, fields }) => ({ rows, fields }))
  const viaSession = (text: string, params: unknown[]) =>
    session.query(text, params, { rowMode: 'array' }).then(({ rows, fields }) => ({ rows, fields }))

  it(`names a parameterised text once it is seen ${HOT_AFTER} times, with PGlite's own answers`, async () => {
    const text = 'SELECT id, name, opened, area, tags FROM facility WHERE id > $1 AND name <> $2 ORDER BY id LIMIT 3'
    for (let i = 0; i < HOT_AFTER - 1; i++) await viaSession(text, [i, 'none'])
    expect(await held()).not.toContain(text)
    for (const after of [0, 5, 17, 20])
      expect(await viaSession(text, [after, 'none'])).toEqual(await unnamed(text, [after, 'none']))
    expect(await held()).toContain(text)
    // Plain texts (no parameters) stay unnamed.
    for (let i = 0; i < 5; i++) await session.query('SELECT count(*) FROM facility')
    expect(await held()).toEqual([text])
  })

  it('runs named statements inside transactions, and rolls them back with it', async () => {
    const text = 'UPDATE facility SET name = $1 WHERE id = $2 RETURNING name'
    for (let i = 0; i < HOT_AFTER; i++) await viaSession(text, [`facility ${i + 1}`, i + 1])
    await expect(
      session.transaction(async (tx) => {
        expect((await tx.query(text, ['renamed', 1])).rows).toEqual([{ name: 'renamed' }])
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect((await pglite.query('SELECT name FROM facility WHERE id = 1')).rows).toEqual([{ name: 'facility 1' }])
    await session.transaction((tx) => tx.query(text, ['kept', 2]))
    expect((await pglite.query('SELECT name FROM facility WHERE id = 2')).rows).toEqual([{ name: 'kept' }])
    expect(await held()).toContain(text)
  })

  it('answers an error with the database error, and the session goes on', async () => {
    const text = 'SELECT 100 / $1::int AS quotient'
    for (let i = 1; i <= HOT_AFTER; i++) await viaSession(text, [i])
    await expect(session.query(text, [0])).rejects.toMatchObject({ code: '22012' })
    expect((await session.query(text, [4])).rows).toEqual([{ quotient: 25 }])
  })

  it('a statement whose result changed shape fails once, then runs unnamed', async () => {
    await pglite.exec('CREATE TABLE reshaped (id int PRIMARY KEY); INSERT INTO reshaped VALUES (1)')
    const text = 'SELECT * FROM reshaped WHERE id = $1'
    for (let i = 0; i < HOT_AFTER + 1; i++) await session.query(text, [1])
    await pglite.exec(`ALTER TABLE reshaped ADD COLUMN note text DEFAULT 'x'`)
    await expect(session.query(text, [1])).rejects.toMatchObject({ code: '0A000' })
    for (let i = 0; i < 2; i++) expect((await session.query(text, [1])).rows).toEqual([{ id: 1, note: 'x' }])
  })

  describe('the hub', () => {
    let api: TestHub
    beforeAll(async () => {
      api = await startTestHub()
    })
    afterAll(() => api?.close())

    it('reads records by id on a statement prepared by the earlier reads, with the same answers', async () => {
      const data = await api.data<{ divisions: { nodes: { id: string; nameZh: string }[] } }>(
        '{ divisions(first: 5) { nodes { id nameZh } } }',
      )
      const nodes = data.divisions.nodes
      expect(nodes).toHaveLength(5)
      for (const node of nodes) {
        const answer = await api.data<{ node: { id: string; nameZh: string } }>(BY_ID, { id: node.id })
        expect(answer.node).toMatchObject(node)
      }
      const statements = await api.hub.database.pglite?.query<{ statement: string }>(PREPARED)
      expect(statements?.rows.map((row) => row.statement).join('\n')).toContain('"Division"')
    })

    it('prepares nothing with DATABASE_PREPARED_STATEMENTS=off', async () => {
      const off = await startTestHub({ config: { DATABASE_PREPARED_STATEMENTS: 'off' } })
      try {
        const { divisions } = await off.data<{ divisions: { nodes: { id: string }[] } }>(
          '{ divisions(first: 3) { nodes { id } } }',
        )
        for (const { id } of divisions.nodes) await off.data(BY_ID, { id })
        expect((await off.hub.database.pglite?.query(PREPARED))?.rows).toEqual([])
      } finally {
        await off.close()
      }
    })
  })
})
