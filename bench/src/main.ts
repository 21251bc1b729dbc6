// `pnpm bench [--quick]`: measures the hub against PostGraphile, a hand-written baseline and the
// HTTP ceiling on its own PostgreSQL database (and the hub on a filled PGlite data directory),
// then writes RESULTS.md and results.json. See README in this folder for what each number means.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CpuSampler } from './cpu-sampler.ts'
import { fill, PostgresServer } from './database.ts'
import { BENCH_RATE_LIMIT, checkFeatures, type FeatureCheck, METRICS_TOKEN } from './features.ts'
import { FillCache, fillKey } from './fill-cache.ts'
import { type Fixtures, globalId } from './fixtures.ts'
import { LoadGenerator, type Measurement } from './load.ts'
import { describeMachine, REPO_ROOT } from './machine.ts'
import { connectionsFor, parsePlan } from './plan.ts'
import { postgraphileIds } from './postgraphile-ids.ts'
import { freePort, type ServerProcess, startServer } from './processes.ts'
import { summarizeProfile, threadProfiles } from './profile.ts'
import {
  checkTargets,
  computeRatios,
  fingerprint,
  type Results,
  type RunRecord,
  ratioSummary,
  type ServerName,
  type ServerRecord,
  summaryLines,
  writeReport,
} from './report.ts'
import { PROFILED } from './report-profiles.ts'
import {
  baselineSpecs,
  ceilingSpecs,
  fixedOf,
  type LoadSpec,
  ourSpecs,
  type PostGraphileIds,
  postgraphileSpecs,
  READ_SCENARIOS,
  SCENARIOS,
  type ScenarioName,
  sampleBodies,
  type Variables,
} from './scenarios.ts'
import { countStatements, postGraphQL, type StatementCount } from './statements.ts'
import { BENCH_ADMIN, currentVersions, signIn } from './versions.ts'

const BENCH_DIR = path.resolve(import.meta.dirname, '..')
const SERVER_DIR = path.join(REPO_ROOT, 'server')
const OUT_DIR = path.join(BENCH_DIR, 'out')
const TSX = import.meta.resolve('tsx')
const script = (name: string) => fileURLToPath(new URL(name, import.meta.url))

const plan = parsePlan()
/** Requests of each read scenario whose answers are compared across the servers. */
const ANSWER_SAMPLES = 3
const started = performance.now()
const log = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`)

// ——— Servers ——————————————————————————————————————————————————————————————————————

interface ServerSetup {
  name: ServerName
  title: string
  start(extraArgs?: string[]): Promise<ServerProcess>
  /** The load for each scenario this server runs, built just before the run (versions move on). */
  specs(server: ServerProcess): Promise<Partial<Record<ScenarioName, LoadSpec>>>
  /** Statement counts through GET /__bench/statements (peers); ours counts in process. */
  countsOwnStatements: boolean
}

/**
 * The hub as deployed, every feature on (features.ts checks each): anonymous reads on, changes
 * signed in, rate limits counting every request but high enough never to refuse the bench's load
 * from one address, metrics served, JSON logs at info on standard output.
 */
export const HUB_BENCH_ENV = {
  PUBLIC_READ: 'true',
  RATE_LIMIT_PER_MINUTE: String(BENCH_RATE_LIMIT),
  IDENTIFIED_RATE_LIMIT_PER_MINUTE: String(BENCH_RATE_LIMIT),
  METRICS_TOKEN,
  LOG_LEVEL: 'info',
  // The first start on a database without operators creates this admin; the update scenario signs in.
  ADMIN_USERNAME: BENCH_ADMIN.username,
  ADMIN_PASSWORD: BENCH_ADMIN.password,
}

const baseEnv = () => {
  const env = { ...process.env }
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'SEED', 'NODE_ENV']) delete env[key]
  return env
}

/** Each hub process's session cookie (undefined: a hub without sign-in). */
const sessions = new WeakMap<ServerProcess, string | undefined>()

function ourServer(name: ServerName, title: string, database: { url?: string; dataDir?: string }, fx: Fixtures) {
  return {
    name,
    title,
    countsOwnStatements: false,
    async start(extraArgs: string[] = []) {
      const env: NodeJS.ProcessEnv = {
        ...baseEnv(),
        NODE_ENV: 'production',
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        SEED: 'off',
        ...HUB_BENCH_ENV,
      }
      if (database.url) env.DATABASE_URL = database.url
      if (database.dataDir) env.DATA_DIR = database.dataDir
      // As `pnpm start` runs it: the compiled build (server/scripts/build.mjs, built before the run).
      return startServer({
        name,
        args: [...extraArgs, 'dist/main.mjs'],
        cwd: SERVER_DIR,
        env,
        ready: /GraphQL API and GraphiQL: (http:\S+\/graphql)/,
      })
    },
    async specs(server: ServerProcess) {
      if (!sessions.has(server)) sessions.set(server, await signIn(server.url))
      const cookie = sessions.get(server)
      const all = ourSpecs(fx, await currentVersions(server.url, fx.updateHospitalIds, cookie), cookie)
      if (name === 'ours-embedded') return { list: all.list, nested: all.nested, byId: all.byId }
      return all
    },
  } satisfies ServerSetup
}

function peerServer(
  name: ServerName,
  title: string,
  file: string,
  databaseUrl: string | undefined,
  specs: ServerSetup['specs'],
): ServerSetup {
  return {
    name,
    title,
    countsOwnStatements: name !== 'ceiling',
    async start() {
      const env: NodeJS.ProcessEnv = {
        ...baseEnv(),
        NODE_ENV: 'production',
        GRAPHILE_ENV: 'production',
        PORT: String(await freePort()),
      }
      if (databaseUrl) env.DATABASE_URL = databaseUrl
      const polyfill = new URL('./servers/node22-polyfill.ts', import.meta.url).href
      const preload = name === 'postgraphile' ? ['--import', polyfill] : []
      return startServer({
        name,
        args: ['--import', TSX, ...preload, script(file)],
        cwd: BENCH_DIR,
        env,
        ready: /ready (http:\S+)/,
      })
    },
    specs,
  }
}

// ——— The run ————————————————————————————————————————————————————————————————————————

const cleanups: (() => Promise<unknown> | unknown)[] = []
async function cleanUp() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()?.()
    } catch (error) {
      console.error(`Cleaning up: ${(error as Error).message}`)
    }
  }
}
process.once('SIGINT', () => {
  log('Interrupted: stopping servers and dropping the bench databases…')
  cleanUp().then(() => process.exit(130))
})

async function main() {
  mkdirSync(OUT_DIR, { recursive: true })
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: SERVER_DIR, stdio: 'inherit' })
  const postgres = await PostgresServer.connect(plan.adminUrl)
  cleanups.push(() => postgres.close())
  const machine = describeMachine(await postgres.version())
  log(
    `${plan.name} run: size ${plan.size}, connections ${plan.connections.join('/')}, ` +
      `${plan.warmupSeconds} s warm-up + ${plan.durationSeconds} s per run`,
  )

  // Databases: the bench's own PostgreSQL database and a PGlite data directory, filled side by side
  // (or, in a quick run, copied from the last quick run's fill while nothing that shapes it changed).
  const main = await postgres.create()
  cleanups.push(() => postgres.drop(main.name))
  const dataDir = path.join(OUT_DIR, `pglite-${main.name}`)
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
  const cache = plan.reuseFill ? new FillCache(postgres, OUT_DIR, fillKey(plan.size)) : undefined
  let pair = await cache?.restore(main.name, dataDir)
  if (pair) {
    log(`Copied the kept fill into ${main.name} and ${path.relative(BENCH_DIR, dataDir)} (--fresh fills anew)`)
  } else {
    log(`Filling ${main.name} (PostgreSQL) and ${path.relative(BENCH_DIR, dataDir)} (PGlite)…`)
    const [postgresFill, embeddedFill] = await Promise.all([
      fill({ url: main.url }, plan.size),
      fill({ dataDir }, plan.size),
    ])
    pair = { postgres: postgresFill, embedded: embeddedFill }
    await cache?.keep(main.name, dataDir, pair)
  }
  const { postgres: filled, embedded } = pair
  log(
    `Filled: ${filled.counts.total} synthetic rows in ${(filled.timings.totalMs / 1000).toFixed(1)} s on PostgreSQL, ` +
      `${(embedded.timings.totalMs / 1000).toFixed(1)} s on PGlite`,
  )
  await postgres.checkpoint()
  const fx = filled.fixtures

  // Start-up on an empty database: every migration applied, as on a first deployment (full run only).
  // Three starts, each on a database of its own, reported as a median like the migrated database's
  // (the main run's start and each profiled start on PostgreSQL): a single start right after the
  // fill once took 5.5 s against 2.0 s for the same code.
  const emptyDatabaseMs: number[] = []
  if (plan.emptyStart) {
    for (let start = 0; start < 3; start++) {
      const empty = await postgres.create('_empty')
      cleanups.push(() => postgres.drop(empty.name))
      const fresh = await ourServer('ours', '', { url: empty.url }, fx).start()
      await fresh.stop()
      await postgres.drop(empty.name)
      emptyDatabaseMs.push(fresh.readyMs)
    }
    log(
      `Start-up on an empty database (all migrations applied): ${emptyDatabaseMs.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    )
  }

  let pgIds: Promise<PostGraphileIds> | undefined
  const setups: ServerSetup[] = [
    ...(plan.ceiling
      ? [
          peerServer(
            'ceiling',
            'node:http, constant body (HTTP ceiling)',
            './servers/ceiling.ts',
            undefined,
            async () => ceilingSpecs(fx),
          ),
        ]
      : []),
    peerServer('baseline', 'graphql-yoga + hand-written SQL (pg)', './servers/baseline.ts', main.url, async () =>
      baselineSpecs(fx),
    ),
    peerServer('postgraphile', 'PostGraphile v5', './servers/postgraphile.ts', main.url, async (server) => {
      pgIds ??= postgraphileIds(server.url, fx)
      return postgraphileSpecs(fx, await pgIds)
    }),
    ourServer('ours', 'Minsheng Hub on PostgreSQL', { url: main.url }, fx),
    ourServer('ours-embedded', 'Minsheng Hub on PGlite (embedded)', { dataDir }, embedded.fixtures),
  ]

  const load: LoadGenerator = new LoadGenerator(
    (server): CpuSampler =>
      new CpuSampler(
        () => [server.pid, load.pid],
        () => postgres.backendPids(main.name),
      ),
  )
  cleanups.push(() => load.close())
  const runs: RunRecord[] = []
  const servers: Partial<Record<ServerName, ServerRecord>> = {}
  const startups: number[] = []
  const answers: Partial<Record<ServerName, Partial<Record<ScenarioName, string>>>> = {}
  let features: FeatureCheck[] = []

  // Every server runs at once and the runs interleave (each scenario and concurrency on each server
  // in turn), so a burst of other work on this shared machine does not fall on one server only.
  const running = new Map<ServerName, { setup: ServerSetup; server: ServerProcess }>()
  for (const setup of setups) {
    const server = await setup.start()
    cleanups.push(() => server.stop())
    running.set(setup.name, { setup, server })
    if (setup.name === 'ours') startups.push(server.readyMs)
    log(`${setup.title}: ready in ${server.readyMs.toFixed(0)} ms (pid ${server.pid})`)
    // The answers of the read scenarios (the first requests of each pool, a later page among
    // them), to check the servers agree on what they return.
    const specs = await setup.specs(server)
    const digests: Partial<Record<ScenarioName, string>> = {}
    for (const name of READ_SCENARIOS) {
      if (setup.name === 'ceiling') continue
      const bodies = sampleBodies(specs[name], ANSWER_SAMPLES)
      if (bodies.length === 0) continue
      const replies = []
      for (const body of bodies) replies.push((await postGraphQL(server.url, body)).json)
      digests[name] = fingerprint(replies)
    }
    answers[setup.name] = digests
    if (setup.name === 'ours') {
      features = await checkFeatures(server, main.url, sessions.get(server), globalId('Hospital', fx.hospital.id))
      for (const check of features) log(`Feature ${check.feature}: ${check.on ? 'on' : 'OFF'} (${check.evidence})`)
      const off = features.filter((check) => !check.on)
      if (off.length > 0) throw new Error(`The hub runs with features off: ${off.map((c) => c.feature).join(', ')}`)
    }
  }

  for (const scenario of SCENARIOS) {
    for (const connections of connectionsFor(plan, scenario)) {
      // Read scenarios: varied variables at every concurrency, fixed ones at the highest only.
      const modes: Variables[] =
        (READ_SCENARIOS as readonly string[]).includes(scenario) && connections === Math.max(...plan.connections)
          ? ['varied', 'fixed']
          : ['varied']
      for (const variables of modes) {
        for (const { setup, server } of running.values()) {
          if (!(await setup.specs(server))[scenario]) continue
          if (
            variables === 'fixed' &&
            (setup.name === 'ceiling' || (setup.name === 'ours-embedded' && !plan.embeddedFixed))
          )
            continue
          const measurement = await load.run(server, {
            connections,
            warmupSeconds: plan.warmupSeconds,
            durationSeconds: plan.durationSeconds,
            spec: async () => {
              const spec = (await setup.specs(server))[scenario] as LoadSpec
              return variables === 'fixed' ? fixedOf(spec) : spec
            },
          })
          runs.push({ server: setup.name, scenario, connections, variables, ...measurement })
          report(setup.name, scenario, connections, variables, measurement)
        }
      }
    }
  }

  const memoryRounds = await memoryCheck(load, running.get('ours')?.server as ServerProcess, fx)

  for (const { setup, server } of running.values()) {
    let statements: Record<string, StatementCount> | undefined
    if (setup.countsOwnStatements) {
      const counter = new URL('/__bench/statements', server.url).toString()
      const read = async () => ((await (await fetch(counter)).json()) as { statements: number }).statements
      statements = await countStatements(server.url, await setup.specs(server), read, plan.statementSamples)
    }
    const memory = server.memory()
    servers[setup.name] = {
      name: setup.name,
      title: setup.title,
      readyMs: server.readyMs,
      peakRssMB: memory.peakRssMB,
      rssAtEndMB: memory.rssMB,
      ...(statements ? { statements } : {}),
    }
    await server.stop()
  }

  // Our statements: counted in process by the hub's own counter.
  log('Counting our SQL statements per request (in process)…')
  const ours = servers.ours as ServerRecord
  ours.statements = await countOurStatements(main.url, fx)

  let profiles: Results['profiles']
  if (plan.profile) {
    profiles = {}
    for (const { key, server: name, scenario } of PROFILED) {
      // One directory per profile: Node.js writes a profile per thread.
      const dir = path.join(OUT_DIR, 'profiles', key)
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(dir, { recursive: true })
      const setup = setups.find((s) => s.name === name) as ServerSetup
      const server = await setup.start(['--cpu-prof', `--cpu-prof-dir=${dir}`])
      cleanups.push(() => server.stop())
      if (name === 'ours') startups.push(server.readyMs)
      const measurement = await load.run(server, {
        connections: 10,
        warmupSeconds: plan.warmupSeconds,
        durationSeconds: plan.profileSeconds,
        spec: async () => (await setup.specs(server))[scenario] as LoadSpec,
      })
      await server.stop()
      cleanups.pop()
      const { main, others } = threadProfiles(dir)
      const summarize = (file: string) => summarizeProfile(file, { lastSeconds: plan.profileSeconds })
      const summary = summarize(main)
      // The embedded hub's busiest other thread is its database's (PGlite's worker).
      const database = name === 'ours-embedded' && others[0] ? others[0] : undefined
      profiles[key] = {
        file: path.relative(BENCH_DIR, main),
        rps: measurement.rps,
        server: name,
        scenario,
        ...summary,
        ...(database ? { databaseThread: { file: path.relative(BENCH_DIR, database), ...summarize(database) } } : {}),
      }
      log(
        `Profiled ${key}: ${summary.functions[0]?.name} hottest (${((summary.functions[0]?.share ?? 0) * 100).toFixed(1)} %)`,
      )
    }
  }

  const results: Results = {
    plan,
    machine,
    elapsedSeconds: (performance.now() - started) / 1000,
    data: { postgres: filled, embedded },
    fixtures: fx,
    servers: servers as Record<ServerName, ServerRecord>,
    runs,
    answers,
    features,
    startup: { ...(emptyDatabaseMs.length ? { emptyDatabaseMs } : {}), migratedDatabaseMs: startups },
    memoryRounds,
    ...(profiles ? { profiles } : {}),
  }
  results.ratioTable = computeRatios(results)
  results.ratios = ratioSummary(results)
  results.targets = checkTargets(results)
  const outDir = plan.name === 'full' ? BENCH_DIR : path.join(OUT_DIR, 'quick')
  mkdirSync(outDir, { recursive: true })
  writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(path.join(outDir, 'RESULTS.md'), writeReport(results, analysisOf(plan.name)))
  formatWithBiome(path.join(outDir, 'RESULTS.md'), path.join(outDir, 'results.json'))
  log(`Wrote ${path.relative(process.cwd(), path.join(outDir, 'RESULTS.md'))} and results.json`)
  for (const line of summaryLines(results)) console.log(line)
}

function report(server: ServerName, scenario: ScenarioName, connections: number, variables: Variables, m: Measurement) {
  const failures = m.non2xx + m.graphqlErrors + m.socketErrors + m.timeouts
  log(
    `${server.padEnd(13)} ${scenario.padEnd(9)} ${variables === 'fixed' ? 'fixed ' : '      '}c=${String(connections).padEnd(2)} ` +
      `${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.latencyMs.p50.toFixed(1)} ms  ` +
      `p99 ${m.latencyMs.p99.toFixed(1)} ms  cpu ${m.cpuMsPerRequest.toFixed(2)} ms/req  ` +
      `rss ${m.rssAfterMB.toFixed(0)} MB  others ${m.othersCores.toFixed(2)} cores` +
      `${failures ? `  FAILURES ${failures}` : ''}`,
  )
  if (m.errorSamples.length > 0) log(`  e.g. ${m.errorSamples[0]?.slice(0, 300)}`)
}

/** Rounds of the read scenarios back to back at the highest concurrency; RSS after each. */
async function memoryCheck(load: LoadGenerator, server: ServerProcess, fx: Fixtures) {
  const rounds: { round: number; rssMB: number }[] = []
  const connections = Math.max(...plan.connections)
  const specs = ourSpecs(fx, new Map())
  for (let round = 1; round <= plan.memoryRounds; round++) {
    for (const scenario of ['list', 'nested', 'byId', 'cold'] as const) {
      await load.run(server, {
        connections,
        warmupSeconds: 0,
        durationSeconds: plan.memoryRoundSeconds,
        spec: async () => specs[scenario],
      })
    }
    rounds.push({ round, rssMB: server.memory().rssMB })
    log(`Memory round ${round}: RSS ${rounds.at(-1)?.rssMB.toFixed(0)} MB`)
  }
  return rounds
}

async function countOurStatements(databaseUrl: string, fx: Fixtures) {
  const { execFile } = await import('node:child_process')
  return new Promise<Record<string, StatementCount>>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', TSX, script('./statements-ours.ts')],
      {
        cwd: BENCH_DIR,
        env: {
          ...baseEnv(),
          NODE_ENV: 'production',
          DATABASE_URL: databaseUrl,
          BENCH_FIXTURES: JSON.stringify(fx),
          BENCH_SAMPLES: String(plan.statementSamples),
          ...HUB_BENCH_ENV,
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`Counting statements failed: ${stderr || error.message}`))
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}'))
      },
    )
  })
}

/** The repository's formatter lays out the tables as `pnpm lint` expects; skipped if it is missing. */
function formatWithBiome(...files: string[]) {
  try {
    execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', ...files], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    })
  } catch {
    // Not fatal: `pnpm format` does the same.
  }
}

/**
 * The hand-written reading of the full run (bench/ANALYSIS.md): why each missed target is missed,
 * with the profile that explains it, and what each lever measured. Quick runs print numbers only.
 */
function analysisOf(planName: string): string | undefined {
  const file = path.join(BENCH_DIR, 'ANALYSIS.md')
  return planName === 'full' && existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

/** Rewrites RESULTS.md from a results.json, keeping its measurements. */
function rewriteReport(file: string) {
  const results = JSON.parse(readFileSync(file, 'utf8')) as Results
  results.ratioTable = computeRatios(results)
  results.ratios = ratioSummary(results)
  results.targets = checkTargets(results)
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(path.join(path.dirname(file), 'RESULTS.md'), writeReport(results, analysisOf(results.plan.name)))
  formatWithBiome(path.join(path.dirname(file), 'RESULTS.md'), file)
  log(`Rewrote ${path.join(path.dirname(file), 'RESULTS.md')}`)
}

try {
  if (plan.reportFrom) rewriteReport(path.resolve(plan.reportFrom))
  else await main()
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await cleanUp()
}
