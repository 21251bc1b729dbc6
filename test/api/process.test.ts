// The hub as `pnpm start` runs it: a separate process on a fresh embedded database.
import { type ChildProcess, execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withDatabase } from '../setup/global.ts'
import { databaseKind } from '../setup/hub.ts'
import { spawnHub } from '../setup/hub-process.ts'

const SERVER_DIR = path.resolve(import.meta.dirname, '../../server')
const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-process-'))
// On the PostgreSQL project the process gets a new, empty PostgreSQL database instead.
const adminUrl = process.env.TEST_DATABASE_URL ?? ''
const pgName = `hub_process_${randomBytes(4).toString('hex')}`
const databaseUrl = databaseKind === 'postgres' ? withDatabase(adminUrl, pgName) : ''

/** Runs SQL on the server (`adminUrl`) or in the hub's own database (`databaseUrl`). */
async function runSql(connectionString: string, sql: string) {
  const client = new pg.Client({ connectionString })
  await client.connect()
  await client.query(sql)
  await client.end()
}
const admin = (sql: string) => runSql(adminUrl, sql)

beforeAll(async () => {
  if (databaseKind === 'postgres') await admin(`CREATE DATABASE ${pgName}`)
  // `pnpm start` builds server/dist when a source is newer, then runs the build.
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: SERVER_DIR, stdio: 'ignore' })
})
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true })
  if (databaseKind === 'postgres') await admin(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`)
})

// The compiled build, as `pnpm start` runs it. Vitest sets NODE_ENV=test; `pnpm start` runs in
// development, which prints the one-time demo login.
const start = () =>
  spawnHub({ NODE_ENV: 'development', DATA_DIR: dataDir, DATABASE_URL: databaseUrl }, { entry: 'build' })

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', resolve))

const DEMO_LOGIN = /Development demo login \(shown only now\): username "(\w+)", password "([\w-]+)"/

/** The demo password printed by the first start; the second start must not print it again. */
let demo: { username: string; password: string } | undefined

async function graphql(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  })
  return { response, body: await response.json() }
}

/** Signs in as the demo admin and returns the session cookie to send. */
async function signIn(url: string) {
  if (!demo) throw new Error('no demo login was printed')
  const { response, body } = await graphql(
    url,
    `mutation { login(username: ${JSON.stringify(demo.username)}, password: ${JSON.stringify(demo.password)}) { username role } }`,
  )
  expect(body).toEqual({ data: { login: { username: 'demo', role: 'ADMIN' } } })
  const cookie = /^(mh_session=[^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1]
  expect(cookie).toBeDefined()
  return { cookie: cookie as string }
}

describe(`pnpm start on a fresh ${databaseKind === 'postgres' ? 'PostgreSQL' : 'embedded'} database`, () => {
  it('migrates, seeds, prints its URLs and a demo login, serves it, and exits 0 on SIGTERM after finishing requests', async () => {
    const { child, url, output } = await start()
    expect(output()).toContain('/health')
    expect((await fetch(`${url}/health`)).status).toBe(200)
    const printed = DEMO_LOGIN.exec(output())
    expect(printed, output()).not.toBeNull()
    demo = { username: printed?.[1] as string, password: printed?.[2] as string }
    expect(demo.username).toBe('demo')
    expect(demo.password.length).toBeGreaterThanOrEqual(12)

    // Nobody signed in: refused. Signed in with the printed login: the seeded figures.
    const hospitals = '{ hospitals(search: "滇东北中心医院") { nodes { plannedBeds } } }'
    const anonymous = await graphql(url, hospitals)
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    const session = await signIn(url)
    const { body } = await graphql(url, hospitals, session)
    expect(body.data.hospitals.nodes[0].plannedBeds).toBe(5000)
    // Its access-log line reaches standard output though no more traffic follows to fill the buffer.
    const served = () => output().match(/"msg":"request"/g)?.length ?? 0
    const before = served()
    await graphql(url, '{ __typename }')
    await expect.poll(served, { timeout: 3_000 }).toBeGreaterThan(before)

    // A request in flight when SIGTERM arrives still gets its answer.
    const inFlight = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...session },
      body: JSON.stringify({
        query: '{ divisions(first: 200) { totalCount nodes { nameZh children { totalCount } } } }',
      }),
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const exited = exitOf(child)
    child.kill('SIGTERM')
    expect((await inFlight).status).toBe(200)
    expect(await exited).toBe(0)
  }, 120_000)

  it('reopens the same data directory without seeding again or printing a new demo login', async () => {
    const { child, url, output } = await start()
    expect(output()).not.toContain('seeding')
    // The demo login is shown once, on the start that created it; it still works.
    expect(output()).not.toMatch(/demo login/i)
    const { body } = await graphql(
      url,
      '{ divisions(where: { code: { equals: "530600" } }) { totalCount } }',
      await signIn(url),
    )
    expect(body.data.divisions.totalCount).toBe(1)
    const exited = exitOf(child)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 120_000)
  // An unexpected error's logged stack names the hub's TypeScript sources (server/src/…ts:line),
  // as `pnpm start` runs the bundle: what an operator reads to report a fault. The table is taken
  // away behind the hub's back, as a damaged or half-restored database would.
  it.runIf(databaseKind === 'postgres')(
    "logs an unexpected error with a stack that names the hub's TypeScript sources",
    async () => {
      const { child, url, output } = await start()
      const session = await signIn(url)
      await runSql(databaseUrl, `ALTER TABLE public."Source" RENAME TO "SourceAway"`)
      try {
        const { body } = await graphql(url, '{ sources(first: 1) { totalCount } }', session)
        expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR')
        const requestId = body.errors[0].extensions.requestId
        const logged = () =>
          output()
            .split('\n')
            .filter((line) => line.startsWith('{'))
            .map((line) => JSON.parse(line))
            .find((line) => line.level === 50 && line.requestId === requestId)
        await expect.poll(logged, { timeout: 3_000 }).toBeDefined()
        const stack: string = logged().err.stack
        // The hub's own frames, mapped from the bundle to its sources, "async" kept as V8 wrote it.
        expect(stack).toMatch(/\n {4}at async .*[/\\]server[/\\]src[/\\][\w/\\.-]+\.ts:\d+:\d+\)?(\n|$)/)
        expect(stack).not.toContain('dist/main.mjs')
      } finally {
        await runSql(databaseUrl, `ALTER TABLE public."SourceAway" RENAME TO "Source"`)
      }
      const exited = exitOf(child)
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    },
    120_000,
  )
})
