// `pnpm bench:focus`: a quick before/after check of the hub alone while working on its speed. It
// reuses a database filled once by src/fill.ts (the full bench fills a new one every run), runs the
// chosen scenarios against the hub, and prints server CPU ms and SQL statements per request — the
// two figures other load on this shared machine disturbs least.
//
//   createdb bench_dev && tsx src/fill.ts --size 100000 --url postgresql://…/bench_dev > /dev/null
//   tsx src/focus.ts --url postgresql://…/bench_dev [--scenarios list,byId] [--variables varied,fixed]
//                    [--connections 10] [--seconds 5] [--profile DIR] [--env NAME=value …]
//                    [--node-arg=--a-v8-flag …]
import { execFile, execFileSync } from 'node:child_process'
import { readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { CpuSampler } from './cpu-sampler.ts'
import { BENCH_RATE_LIMIT, METRICS_TOKEN } from './features.ts'
import { findFixtures } from './fixtures.ts'
import { LoadGenerator } from './load.ts'
import { REPO_ROOT } from './machine.ts'
import { freePort, startServer } from './processes.ts'
import { summarizeProfile } from './profile.ts'
import { fixedOf, ourSpecs, READ_SCENARIOS, SCENARIOS, type ScenarioName, type Variables } from './scenarios.ts'
import type { StatementCount } from './statements.ts'
import { currentVersions, signIn } from './versions.ts'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    scenarios: { type: 'string', default: SCENARIOS.join(',') },
    variables: { type: 'string', default: 'varied' },
    /** Extra environment of the hub, e.g. to price a feature: --env LOG_LEVEL=warn */
    env: { type: 'string', multiple: true, default: [] },
    /** Extra options of the hub's node, e.g. a V8 flag: --node-arg=--optimize-for-size */
    'node-arg': { type: 'string', multiple: true, default: [] },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '5' },
    profile: { type: 'string' },
    /**
     * Serve from this PGlite data directory (the embedded database, filled by `fill.ts --data-dir`)
     * instead of --url, which still gives the fixtures: both fills hold the same records.
     */
    'data-dir': { type: 'string' },
  },
})
if (!values.url) {
  console.error('usage: tsx src/focus.ts --url postgresql://… [--scenarios list,byId] [--variables varied,fixed] …')
  process.exit(2)
}
const url = values.url
// The records and pools of variables, found in the database as the bench's fill finds them.
const client = new pg.Client({ connectionString: url })
await client.connect()
const fixtures = await findFixtures(async (sql) => (await client.query(sql)).rows)
await client.end()
const scenarios = values.scenarios.split(',').filter(Boolean) as ScenarioName[]
const modes = values.variables.split(',').filter(Boolean) as Variables[]
// A fixed admin, so the database keeps the one the first start created.
const admin = { username: 'focus-admin', password: 'focus-admin-password-1' }
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  SEED: 'off',
  ...(values['data-dir'] ? { DATA_DIR: path.resolve(values['data-dir']) } : { DATABASE_URL: url }),
  // As the bench runs the hub (HUB_BENCH_ENV in main.ts): every feature on.
  PUBLIC_READ: 'true',
  RATE_LIMIT_PER_MINUTE: String(BENCH_RATE_LIMIT),
  IDENTIFIED_RATE_LIMIT_PER_MINUTE: String(BENCH_RATE_LIMIT),
  METRICS_TOKEN,
  LOG_LEVEL: 'info',
  ADMIN_USERNAME: admin.username,
  ADMIN_PASSWORD: admin.password,
  ...Object.fromEntries(
    values.env.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  ),
}

const profileArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : []
if (values.profile) rmSync(values.profile, { recursive: true, force: true })
// As `pnpm start` runs the hub: the compiled build, rebuilt when a source changed.
execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
  cwd: path.join(REPO_ROOT, 'server'),
  stdio: 'inherit',
})
const server = await startServer({
  name: 'ours',
  args: [...profileArgs, ...values['node-arg'], 'dist/main.mjs'],
  cwd: path.join(REPO_ROOT, 'server'),
  env: { ...env, PORT: String(await freePort()) },
  ready: /GraphQL API and GraphiQL: (http:\S+\/graphql)/,
})
console.log(`ready in ${server.readyMs.toFixed(0)} ms`)
const load: LoadGenerator = new LoadGenerator(
  (): CpuSampler =>
    new CpuSampler(
      () => [server.pid, load.pid],
      async () => [],
    ),
)
try {
  const cookie = await signIn(server.url, admin)
  for (const scenario of scenarios) {
    for (const variables of modes) {
      if (variables === 'fixed' && !(READ_SCENARIOS as readonly string[]).includes(scenario)) continue
      const m = await load.run(server, {
        connections: Number(values.connections),
        warmupSeconds: 2,
        durationSeconds: Number(values.seconds),
        spec: async () => {
          const spec = ourSpecs(
            fixtures,
            await currentVersions(server.url, fixtures.updateHospitalIds, cookie),
            cookie,
          )[scenario]
          return variables === 'fixed' ? fixedOf(spec) : spec
        },
      })
      const failures = m.non2xx + m.graphqlErrors + m.socketErrors + m.timeouts
      console.log(
        `${scenario.padEnd(9)} ${variables.padEnd(6)} ${m.rps.toFixed(0).padStart(5)} req/s  p99 ${m.latencyMs.p99.toFixed(0).padStart(5)} ms  ` +
          `cpu ${m.cpuMsPerRequest.toFixed(2).padStart(6)} ms/req  peak rss ${m.peakRssMB.toFixed(0)} MB  ` +
          `others ${m.othersCores.toFixed(2)} cores${failures ? `  FAILURES ${failures}: ${m.errorSamples[0]?.slice(0, 200)}` : ''}`,
      )
    }
  }
} finally {
  load.close()
  await server.stop()
}
if (values.profile) {
  const dir = path.resolve(values.profile)
  const file = readdirSync(dir)
    .map((name) => path.join(dir, name))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0] as string
  const summary = summarizeProfile(file, { top: 30 })
  for (const phase of summary.phases) console.log(`${(phase.share * 100).toFixed(1).padStart(5)} %  [${phase.label}]`)
  for (const area of summary.areas) console.log(`${(area.share * 100).toFixed(1).padStart(5)} %  (${area.area})`)
  for (const fn of summary.functions)
    console.log(`${(fn.share * 100).toFixed(1).padStart(5)} %  ${fn.name}  ${fn.where}`)
}

const counts = await new Promise<Record<string, StatementCount>>((resolve, reject) =>
  execFile(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./statements-ours.ts', import.meta.url))],
    { env: { ...env, BENCH_FIXTURES: JSON.stringify(fixtures), BENCH_SAMPLES: '2' }, maxBuffer: 64 << 20 },
    (error, stdout, stderr) =>
      error ? reject(new Error(stderr || error.message)) : resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}')),
  ),
)
for (const [scenario, count] of Object.entries(counts)) {
  console.log(`${scenario.padEnd(11)} SQL/req ${count.perRequest}${count.error ? `  (${count.error})` : ''}`)
  if (process.env.FOCUS_SQL) for (const sql of count.sql ?? []) console.log(`    ${sql.slice(0, 400)}`)
}
