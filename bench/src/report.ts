// Turns the measurements into ratios, target checks and RESULTS.md.
import { createHash } from 'node:crypto'
import type { FillResult } from './database.ts'
import type { FeatureCheck } from './features.ts'
import type { Fixtures } from './fixtures.ts'
import type { Measurement } from './load.ts'
import type { Machine } from './machine.ts'
import { fixed, table } from './markdown.ts'
import type { Plan } from './plan.ts'
import { type Profiles, profilesSection, saveAcrossMachine } from './report-profiles.ts'
import {
  OUR_AGGREGATE,
  OUR_BY_ID,
  OUR_NESTED,
  OUR_UPDATE,
  ourList,
  PG_BY_ID,
  PG_NESTED,
  PG_UPDATE,
  pgList,
  READ_SCENARIOS,
  SCENARIO_TITLES,
  SCENARIOS,
  type ScenarioName,
  type Variables,
} from './scenarios.ts'
import type { StatementCount } from './statements.ts'

export type ServerName = 'ours' | 'ours-embedded' | 'postgraphile' | 'baseline' | 'ceiling'
const SERVER_ORDER: ServerName[] = ['ours', 'ours-embedded', 'postgraphile', 'baseline', 'ceiling']

export interface RunRecord extends Measurement {
  server: ServerName
  scenario: ScenarioName
  connections: number
  /** Absent in results measured before the pools: those sent fixed variables. */
  variables?: Variables
}

export interface ServerRecord {
  name: ServerName
  title: string
  readyMs: number
  peakRssMB: number
  rssAtEndMB: number
  statements?: Record<string, StatementCount>
}

export interface Ratio {
  scenario: ScenarioName
  connections: number
  variables: Variables
  ours: number
  postgraphile?: number
  baseline?: number
  embedded?: number
  oursOverPostgraphile?: number
  oursOverBaseline?: number
  embeddedOverPostgres?: number
  /** Server CPU time per request, ours ÷ theirs: less sensitive to other load on the machine. */
  cpuOursOverPostgraphile?: number
  cpuOursOverBaseline?: number
  /**
   * PostgreSQL's CPU time per request (its backends' cores ÷ req/s), ours ÷ PostGraphile's: the
   * database shares the machine's two cores with the servers, so its work per request costs
   * throughput too.
   */
  postgresOursOverPostgraphile?: number
}

export interface TargetCheck {
  target: string
  measured: string
  met: boolean
  margin: string
}

export interface Results {
  plan: Plan
  machine: Machine
  elapsedSeconds: number
  data: { postgres: FillResult; embedded: FillResult }
  fixtures: Fixtures
  servers: Record<ServerName, ServerRecord>
  runs: RunRecord[]
  /** A digest of what each server answered to the read scenarios; equal digests, equal answers. */
  answers: Partial<Record<ServerName, Partial<Record<ScenarioName, string>>>>
  /** emptyDatabaseMs: full runs only; one start in runs before 2026-12-07 08:40, three since. */
  startup: { emptyDatabaseMs?: number | number[]; migratedDatabaseMs: number[] }
  memoryRounds: { round: number; rssMB: number }[]
  /** What features.ts found at work in the hub under test. */
  features?: FeatureCheck[]
  profiles?: Profiles
  /** Every ratio, per scenario, concurrency and variables (the RESULTS.md table). */
  ratioTable?: Ratio[]
  /** The ratios to watch, at the highest concurrency: see RatioSummary. */
  ratios?: RatioSummary
  targets?: TargetCheck[]
}

/** ours ÷ theirs in req/s (above 1 favours ours) and in CPU per request (above 1: ours spends more). */
export interface RatioPair {
  postgraphile?: number
  baseline?: number
  cpuPostgraphile?: number
  cpuBaseline?: number
  /** Embedded ÷ PostgreSQL (req/s of the hub on each). */
  embedded?: number
  /** PostgreSQL's CPU per request serving ours ÷ serving PostGraphile. */
  postgresPostgraphile?: number
}

/**
 * `ratios.list.postgraphile` etc. in results.json: at `connections` (50 in both runs), with varied
 * variables; `fixed` holds the same with the pool's first entry sent every time.
 */
export type RatioSummary = { connections: number } & Partial<
  Record<'list' | 'nested' | 'byId' | 'update' | 'cold', RatioPair & { fixed?: RatioPair }>
>

const ANSWER_KEYS = new Set([
  'nameZh',
  'totalCount',
  'kind',
  'peopleServed',
  'relocatedPopulation',
  'quote',
  'openBeds',
])

/** The answer's meaningful values in document order, hashed: the same data gives the same digest. */
export function fingerprint(json: unknown): string {
  const values: unknown[] = []
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk)
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (ANSWER_KEYS.has(key)) values.push(inner)
        else walk(inner)
      }
    }
  }
  walk((json as { data?: unknown }).data ?? json)
  const digest = createHash('sha1').update(JSON.stringify(values)).digest('hex').slice(0, 12)
  return `${digest} (${values.length} values)`
}

const variablesOf = (r: RunRecord): Variables => r.variables ?? 'fixed'
const find = (
  runs: RunRecord[],
  server: ServerName,
  scenario: ScenarioName,
  connections: number,
  variables: Variables = 'varied',
) =>
  runs.find(
    (r) =>
      r.server === server && r.scenario === scenario && r.connections === connections && variablesOf(r) === variables,
  )

/** The concurrency the targets and the summary use. */
const topConnections = (plan: Plan) => (plan.connections.includes(50) ? 50 : Math.max(...plan.connections))

export function computeRatios(results: Results): Ratio[] {
  const out: Ratio[] = []
  for (const scenario of SCENARIOS) {
    for (const connections of results.plan.connections) {
      for (const variables of ['varied', 'fixed'] as const) {
        const ours = find(results.runs, 'ours', scenario, connections, variables)
        if (!ours || ours.requests === 0) continue
        // A run that completed no request (a stall on the shared machine) gives no ratio.
        const answered = (r: RunRecord | undefined) => (r && r.requests > 0 ? r : undefined)
        const pg = answered(find(results.runs, 'postgraphile', scenario, connections, variables))
        const base = answered(find(results.runs, 'baseline', scenario, connections, variables))
        const embedded = answered(find(results.runs, 'ours-embedded', scenario, connections, variables))
        out.push({
          scenario,
          connections,
          variables,
          ours: ours.rps,
          ...(pg
            ? {
                postgraphile: pg.rps,
                oursOverPostgraphile: ours.rps / pg.rps,
                cpuOursOverPostgraphile: ours.cpuMsPerRequest / pg.cpuMsPerRequest,
                ...(ours.postgresCores > 0 && pg.postgresCores > 0
                  ? { postgresOursOverPostgraphile: ours.postgresCores / ours.rps / (pg.postgresCores / pg.rps) }
                  : {}),
              }
            : {}),
          ...(base
            ? {
                baseline: base.rps,
                oursOverBaseline: ours.rps / base.rps,
                cpuOursOverBaseline: ours.cpuMsPerRequest / base.cpuMsPerRequest,
              }
            : {}),
          ...(embedded ? { embedded: embedded.rps, embeddedOverPostgres: embedded.rps / ours.rps } : {}),
        })
      }
    }
  }
  return out
}

const round = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 1000) / 1000)

function pairOf(ratio: Ratio | undefined): RatioPair | undefined {
  if (!ratio) return undefined
  const pair: RatioPair = {
    postgraphile: round(ratio.oursOverPostgraphile),
    baseline: round(ratio.oursOverBaseline),
    cpuPostgraphile: round(ratio.cpuOursOverPostgraphile),
    cpuBaseline: round(ratio.cpuOursOverBaseline),
    embedded: round(ratio.embeddedOverPostgres),
    postgresPostgraphile: round(ratio.postgresOursOverPostgraphile),
  }
  return Object.fromEntries(Object.entries(pair).filter(([, v]) => v !== undefined)) as RatioPair
}

export function ratioSummary(results: Results): RatioSummary {
  const connections = topConnections(results.plan)
  const ratios = computeRatios(results).filter((r) => r.connections === connections)
  const summary: RatioSummary = { connections }
  for (const scenario of ['list', 'nested', 'byId', 'update', 'cold'] as const) {
    const varied = pairOf(ratios.find((r) => r.scenario === scenario && r.variables === 'varied'))
    const sameEveryTime = pairOf(ratios.find((r) => r.scenario === scenario && r.variables === 'fixed'))
    if (varied || sameEveryTime) summary[scenario] = { ...varied, ...(sameEveryTime ? { fixed: sameEveryTime } : {}) }
  }
  return summary
}

/** The summary as the console prints it at the end of a run. */
export function summaryLines(results: Results): string[] {
  const summary = results.ratios ?? ratioSummary(results)
  const x = (v: number | undefined) => (v === undefined ? '   —' : v.toFixed(2).padStart(5))
  const lines = [
    `Ratios at ${summary.connections} connections (req/s ours ÷ theirs; CPU/req ours ÷ theirs; fixed = same variables every request):`,
    '            ÷PostGraphile  ÷baseline  CPU÷PG  CPU÷base  embedded÷ours | fixed: ÷PostGraphile  ÷baseline  CPU÷PG',
  ]
  for (const scenario of ['list', 'nested', 'byId', 'update', 'cold'] as const) {
    const r = summary[scenario]
    if (!r) continue
    lines.push(
      `  ${scenario.padEnd(8)}  ${x(r.postgraphile)}         ${x(r.baseline)}     ${x(r.cpuPostgraphile)}   ${x(r.cpuBaseline)}     ${x(r.embedded)}      |        ${x(r.fixed?.postgraphile)}       ${x(r.fixed?.baseline)}     ${x(r.fixed?.cpuPostgraphile)}`,
    )
  }
  return lines
}

// autocannon reports whole milliseconds.
const latency = (r: RunRecord, ms: number) => (r.requests === 0 ? '—' : ms < 1 ? '< 1' : ms.toFixed(0))

export function checkTargets(results: Results): TargetCheck[] {
  const connections = topConnections(results.plan)
  // Issue 16's targets, on varied variables (real traffic) at the highest concurrency.
  const ratios = computeRatios(results).filter((r) => r.connections === connections && r.variables === 'varied')
  const targets: TargetCheck[] = []
  const atLeast = (name: string, measured: string, value: number | undefined, limit: number) =>
    targets.push({
      target: name,
      measured,
      met: value !== undefined && value >= limit,
      margin:
        value === undefined
          ? 'not measured'
          : `${value >= limit ? '+' : ''}${((value / limit - 1) * 100).toFixed(0)} %`,
    })
  for (const scenario of READ_SCENARIOS) {
    const ratio = ratios.find((r) => r.scenario === scenario)
    const title = `${SCENARIO_TITLES[scenario]} (varied)`
    atLeast(
      `${title}: req/s at ${connections} connections ≥ PostGraphile`,
      `${fixed(ratio?.ours)} vs ${fixed(ratio?.postgraphile)} req/s (×${fixed(ratio?.oursOverPostgraphile, 2)})`,
      ratio?.oursOverPostgraphile,
      1,
    )
    atLeast(
      `${title}: req/s at ${connections} connections ≥ 0.8 × baseline`,
      `${fixed(ratio?.ours)} vs ${fixed(ratio?.baseline)} req/s (×${fixed(ratio?.oursOverBaseline, 2)})`,
      ratio?.oursOverBaseline,
      0.8,
    )
    const cpu = ratio?.cpuOursOverPostgraphile
    targets.push({
      target: `${title}: server CPU per request ≤ PostGraphile's`,
      measured: `×${fixed(cpu, 2)} of PostGraphile's`,
      met: cpu !== undefined && cpu <= 1,
      margin: cpu === undefined ? 'not measured' : `${cpu > 1 ? '+' : ''}${((cpu - 1) * 100).toFixed(0)} %`,
    })
    atLeast(
      `${title}: embedded ÷ PostgreSQL ≥ 0.8`,
      `${fixed(ratio?.embedded)} vs ${fixed(ratio?.ours)} req/s (×${fixed(ratio?.embeddedOverPostgres, 2)})`,
      ratio?.embeddedOverPostgres,
      0.8,
    )
  }
  const update = computeRatios(results).find((r) => r.scenario === 'update' && r.connections === connections)
  atLeast(
    `5. update: req/s at ${connections} connections ≥ 0.5 × PostGraphile`,
    `${fixed(update?.ours)} vs ${fixed(update?.postgraphile)} req/s (×${fixed(update?.oursOverPostgraphile, 2)})`,
    update?.oursOverPostgraphile,
    0.5,
  )
  const updateRun = find(results.runs, 'ours', 'update', connections)
  targets.push({
    target: `5. update: server CPU per update ≤ 2 ms`,
    measured: `${fixed(updateRun?.cpuMsPerRequest, 2)} ms`,
    met: updateRun !== undefined && updateRun.cpuMsPerRequest <= 2,
    margin: updateRun === undefined ? 'not measured' : `${fixed(updateRun.cpuMsPerRequest - 2, 2)} ms`,
  })
  const aggregate = results.runs
    .filter((r) => r.server === 'ours' && r.scenario === 'aggregate')
    .sort((a, b) => b.connections - a.connections)[0]
  atLeast(
    `4. aggregate: ≥ 100 req/s at ${aggregate?.connections ?? connections} connection(s)`,
    `${fixed(aggregate?.rps, 1)} req/s`,
    aggregate?.rps,
    100,
  )
  const statements = results.servers.ours?.statements ?? {}
  const perRequest = (name: string) => statements[name]?.perRequest
  for (const [scenario, limit] of [
    ['list', 2],
    ['byId', 2],
    ['update', 3],
  ] as const) {
    const n = perRequest(scenario)
    targets.push({
      target: `${SCENARIO_TITLES[scenario]}: SQL statements per request ≤ ${limit}`,
      measured: fixed(n, 1),
      met: n !== undefined && n <= limit,
      margin: n === undefined ? 'not measured' : `${n - limit > 0 ? '+' : ''}${fixed(n - limit, 1)}`,
    })
  }
  const nested = statements.nested
  const small = statements.nestedSmall
  const constant =
    nested !== undefined &&
    small !== undefined &&
    nested.perRequest === small.perRequest &&
    new Set([...nested.samples, ...small.samples]).size === 1
  targets.push({
    target: '2. nested: SQL statements per request constant (independent of how many rows each level holds)',
    measured: `${fixed(nested?.perRequest, 1)} (11 townships) vs ${fixed(small?.perRequest, 1)} (3 townships, 2 settlements each)`,
    met: constant,
    margin: constant ? 'one statement per level' : 'varies',
  })
  for (const [scenario, limit] of [
    ['list', 100],
    ['byId', 100],
    ['nested', 250],
  ] as const) {
    const run = find(results.runs, 'ours', scenario, connections)
    const p99 = run?.latencyMs.p99
    targets.push({
      target: `${SCENARIO_TITLES[scenario]}: p99 at ${connections} connections ≤ ${limit} ms`,
      measured: `${fixed(p99)} ms`,
      met: p99 !== undefined && p99 <= limit,
      margin: p99 === undefined ? 'not measured' : `${p99 > limit ? '+' : ''}${fixed(p99 - limit)} ms`,
    })
  }
  const readRuns = results.runs.filter((r) => r.server === 'ours' && ['list', 'nested', 'byId'].includes(r.scenario))
  const readPeak = readRuns.length > 0 ? Math.max(...readRuns.map((r) => r.peakRssMB)) : undefined
  targets.push({
    target: 'Peak RSS < 300 MB (hub on PostgreSQL, scenarios 1–3, which run first)',
    measured: `${fixed(readPeak)} MB`,
    met: readPeak !== undefined && readPeak < 300,
    margin: readPeak === undefined ? 'not measured' : `${readPeak >= 300 ? '+' : ''}${fixed(readPeak - 300)} MB`,
  })
  const peak = results.servers.ours?.peakRssMB
  targets.push({
    target: 'Peak RSS < 300 MB (hub on PostgreSQL, all scenarios)',
    measured: `${fixed(peak)} MB`,
    met: peak !== undefined && peak < 300,
    margin: peak === undefined ? 'not measured' : `${peak >= 300 ? '+' : ''}${fixed(peak - 300)} MB`,
  })
  const first = results.memoryRounds[0]?.rssMB
  const last = results.memoryRounds.at(-1)?.rssMB
  const growth = first && last ? last / first - 1 : undefined
  targets.push({
    // A leak grows round after round; RSS that falls after the first round (the heap given back
    // once the scenarios' garbage is collected) is not one.
    target: `RSS after ${results.memoryRounds.length} back-to-back rounds at most 10 % above the first`,
    measured: `${results.memoryRounds.map((r) => fixed(r.rssMB)).join(' → ')} MB`,
    met: growth !== undefined && growth <= 0.1,
    margin: growth === undefined ? 'not measured' : `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %`,
  })
  const startTarget = (target: string, measuredMs: number[]) => {
    const starts = [...measuredMs].sort((a, b) => a - b)
    const median = starts[Math.floor(starts.length / 2)]
    targets.push({
      target,
      measured:
        starts.length > 1
          ? `${fixed(median)} ms (median of ${starts.length}: ${measuredMs.map((ms) => fixed(ms)).join(', ')})`
          : `${fixed(median)} ms`,
      met: median !== undefined && median < 3000,
      margin: median === undefined ? 'not measured' : `${median >= 3000 ? '+' : ''}${fixed(median - 3000)} ms`,
    })
  }
  startTarget(
    'Start to ready on PostgreSQL < 3 s (migrations checked, none pending)',
    results.startup.migratedDatabaseMs,
  )
  startTarget(
    'Start to ready on an empty PostgreSQL database < 3 s (every migration applied)',
    emptyStarts(results.startup),
  )
  return targets
}

/** The starts on an empty database a run measured (none in a quick run). */
function emptyStarts(startup: Results['startup']): number[] {
  return startup.emptyDatabaseMs === undefined ? [] : [startup.emptyDatabaseMs].flat()
}

// ——— RESULTS.md —————————————————————————————————————————————————————————————————

export function writeReport(results: Results, analysis?: string): string {
  const { plan, machine } = results
  const ratios = results.ratioTable ?? computeRatios(results)
  const targets = results.targets ?? checkTargets(results)
  const title = (name: ServerName) => results.servers[name]?.title ?? name
  const out: string[] = []
  out.push(`# Minsheng Hub benchmark (${plan.name} run)`)
  out.push('')
  out.push(
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC with \`pnpm bench${plan.name === 'quick' ? ' --quick' : ''}\` ` +
      `in ${(results.elapsedSeconds / 60).toFixed(1)} minutes. Each run: ${plan.warmupSeconds} s warm-up, then ` +
      `${plan.durationSeconds} s measured, at ${plan.connections.join(', ')} connection(s). ` +
      'The load generator (autocannon, its own process), the server under test (its own process) and PostgreSQL ' +
      `share the same ${machine.nproc} cores, so absolute numbers are low; compare the servers with each other.`,
  )
  out.push('')
  out.push('## Targets')
  out.push('')
  out.push(
    table(
      ['Target', 'Measured', 'Met', 'Margin'],
      targets.map((t) => [t.target, t.measured, t.met ? 'yes' : '**no**', t.margin]),
    ),
  )
  out.push('')
  if (analysis) {
    // ANALYSIS.md's own headings are one level down from RESULTS.md's title.
    out.push(analysis.trim())
    out.push('')
  }
  out.push('## Throughput ratios')
  out.push('')
  out.push(
    'req/s ratios above 1 favour ours; the CPU/req columns compare server CPU time per request (above 1: ours ' +
      "spends more), which other load on the machine disturbs less than throughput, and the last one PostgreSQL's " +
      'CPU per request (its cores ÷ req/s), which shares the two cores with the servers. **varied**: each request takes ' +
      'the next variables of its pool (different ids, counties, kinds, cursors), as real traffic does; **fixed**: ' +
      'every request sends the same ones, which a cache keyed on values (Prisma read plans) favours.',
  )
  out.push('')
  out.push(
    table(
      [
        'Scenario',
        'Variables',
        'Conns',
        'ours req/s',
        'PostGraphile',
        'ours ÷ PostGraphile',
        'baseline',
        'ours ÷ baseline',
        'embedded',
        'embedded ÷ PostgreSQL',
        'CPU/req ours ÷ PostGraphile',
        'CPU/req ours ÷ baseline',
        'PostgreSQL CPU/req ours ÷ PostGraphile',
      ],
      ratios.map((r) => [
        SCENARIO_TITLES[r.scenario],
        r.variables,
        r.connections,
        fixed(r.ours),
        fixed(r.postgraphile),
        fixed(r.oursOverPostgraphile, 2),
        fixed(r.baseline),
        fixed(r.oursOverBaseline, 2),
        fixed(r.embedded),
        fixed(r.embeddedOverPostgres, 2),
        fixed(r.cpuOursOverPostgraphile, 1),
        fixed(r.cpuOursOverBaseline, 1),
        fixed(r.postgresOursOverPostgraphile, 1),
      ]),
    ),
  )
  out.push('')
  out.push('## All runs')
  out.push('')
  out.push(
    'SQL/req: statements per request, counted one request at a time (ours: `hub.database.statementCount()` in process; ' +
      'peers: their pg pool). Server CPU: user+system time per request from /proc. PostgreSQL cores: CPU of the bench ' +
      "database's backends during the run. Others: CPU the rest of the machine used meanwhile (other sessions' test " +
      'runs share it; steal is listed in results.json). A 200 response whose body holds `errors` counts as a GraphQL error.',
  )
  out.push('')
  const runRows: (string | number)[][] = []
  for (const scenario of SCENARIOS) {
    for (const server of SERVER_ORDER) {
      for (const r of results.runs.filter((x) => x.scenario === scenario && x.server === server)) {
        const sql = results.servers[server]?.statements?.[scenario]?.perRequest
        runRows.push([
          SCENARIO_TITLES[scenario],
          server,
          variablesOf(r),
          r.connections,
          fixed(r.rps, r.rps < 10 ? 1 : 0),
          latency(r, r.latencyMs.p50),
          latency(r, r.latencyMs.p99),
          r.non2xx,
          r.graphqlErrors,
          r.socketErrors + r.timeouts,
          server === 'ceiling' ? 0 : fixed(sql, 1),
          r.requests > 0 ? fixed(r.cpuMsPerRequest, 2) : '—',
          fixed(r.rssAfterMB),
          fixed(r.postgresCores, 2),
          fixed(r.othersCores, 2),
        ])
      }
    }
  }
  out.push(
    table(
      [
        'Scenario',
        'Server',
        'Variables',
        'Conns',
        'req/s',
        'p50 ms',
        'p99 ms',
        'non-2xx',
        'GraphQL errors',
        'socket errors + timeouts',
        'SQL/req',
        'server CPU ms/req',
        'RSS after MB',
        'PostgreSQL cores',
        'others cores',
      ],
      runRows,
    ),
  )
  out.push('')
  out.push('## Servers')
  out.push('')
  out.push(
    table(
      ['Server', 'What', 'Start to ready ms', 'Peak RSS MB', 'RSS at end MB'],
      SERVER_ORDER.filter((s) => results.servers[s]).map((s) => {
        const server = results.servers[s]
        return [s, title(s), fixed(server.readyMs), fixed(server.peakRssMB), fixed(server.rssAtEndMB)]
      }),
    ),
  )
  out.push('')
  const peaks = SCENARIOS.map((scenario) => {
    const mine = results.runs.filter((r) => r.server === 'ours' && r.scenario === scenario)
    return mine.length > 0 ? `${SCENARIO_TITLES[scenario]} ${fixed(Math.max(...mine.map((r) => r.peakRssMB)))} MB` : ''
  }).filter(Boolean)
  out.push(`Peak RSS of the hub on PostgreSQL after each scenario (in run order): ${peaks.join(', ')}.`)
  out.push('')
  if (results.memoryRounds.length > 0) {
    out.push(
      `Memory rounds (hub on PostgreSQL; each round runs list, nested, by id and cold documents for ${plan.memoryRoundSeconds} s at ` +
        `${Math.max(...plan.connections)} connections): RSS ${results.memoryRounds.map((r) => `${fixed(r.rssMB)} MB`).join(' → ')}.`,
    )
    out.push('')
  }
  out.push(
    `Start to ready (\`node dist/main.mjs\` in server/, the build \`pnpm start\` runs, until it prints its URL): ${emptyStarts(
      results.startup,
    )
      .map((ms) => `${fixed(ms)} ms`)
      .join(', ')} on an ` +
      `empty database (each start its own, all migrations applied), ${results.startup.migratedDatabaseMs.map((ms) => `${fixed(ms)} ms`).join(', ')} on the ` +
      'migrated, filled one.',
  )
  out.push('')
  out.push('## SQL statements per request')
  out.push('')
  const statementRows = [...SCENARIOS, 'nestedSmall'].map((name) => [
    name === 'nestedSmall'
      ? '2. nested, smaller pages (3 townships, 2 settlements)'
      : SCENARIO_TITLES[name as ScenarioName],
    ...(['ours', 'postgraphile', 'baseline'] as const).map((server) => {
      const count = results.servers[server]?.statements?.[name]
      if (count?.error) return `refused: ${count.error.slice(0, 80).replace(/\|/g, '/')}`
      return count
        ? `${fixed(count.perRequest, 1)}${new Set(count.samples).size > 1 ? ` (${count.samples.join('/')})` : ''}`
        : '—'
    }),
    fixed(results.servers.ours?.statements?.[name]?.dbMs, 1),
  ])
  out.push(
    table(['Scenario', 'ours', 'PostGraphile', 'baseline', 'ours: database time of one request, ms'], statementRows),
  )
  out.push('')
  out.push('<details><summary>Our statements, as Prisma sent them (last sample of each scenario)</summary>')
  out.push('')
  for (const name of SCENARIOS) {
    const sql = results.servers.ours?.statements?.[name]?.sql ?? []
    out.push(`**${SCENARIO_TITLES[name]}**`)
    out.push('')
    out.push('```sql')
    for (const statement of sql) out.push(statement.length > 400 ? `${statement.slice(0, 400)} …` : statement)
    out.push('```')
    out.push('')
  }
  out.push('</details>')
  out.push('')
  if (results.profiles) profilesSection(results.profiles, results.plan.profileSeconds, out)
  saveAcrossMachine(results.runs, out)
  if (results.features?.length) {
    out.push('## Every feature on')
    out.push('')
    out.push('Checked on the hub under test before its runs (`src/features.ts`); the run stops if one is off.')
    out.push('')
    out.push(
      table(
        ['Feature', 'On', 'Evidence'],
        results.features.map((f) => [f.feature, f.on ? 'yes' : '**no**', f.evidence]),
      ),
    )
    out.push('')
  }
  out.push('## Do the servers answer the same?')
  out.push('')
  out.push(
    'Digest of the names, counts, kinds, populations and quotes each server returned to the first three requests of ' +
      'each pool (a later page among them), in order (same digest, same data):',
  )
  out.push('')
  out.push(
    table(
      ['Scenario', ...SERVER_ORDER.filter((s) => s !== 'ceiling')],
      (['list', 'nested', 'byId'] as const).map((scenario) => [
        SCENARIO_TITLES[scenario],
        ...SERVER_ORDER.filter((s) => s !== 'ceiling').map((s) => results.answers[s]?.[scenario] ?? '—'),
      ]),
    ),
  )
  out.push('')
  out.push('## What was measured')
  out.push('')
  const fx = results.fixtures
  out.push(
    `Data: the real seed plus \`seedSynthetic(prisma, { size: ${plan.size} })\` — ` +
      `${Object.entries(results.data.postgres.counts)
        .filter(([k]) => k !== 'total')
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')} (${results.data.postgres.counts.total} synthetic rows), then \`VACUUM ANALYZE\`. ` +
      `Filled in ${fixed(results.data.postgres.timings.totalMs / 1000, 1)} s on PostgreSQL and ` +
      `${fixed(results.data.embedded.timings.totalMs / 1000, 1)} s on PGlite. The list filters on ${fx.county.nameZh} ` +
      `(the county with the most elderly canteens); by id reads ${fx.hospital.nameZh} (${fx.hospital.citations} citations).`,
  )
  out.push('')
  out.push(
    'All servers run at once, each its own process with `NODE_ENV=production` and a pool of 10 connections to the same ' +
      'database; the runs interleave (for each scenario and concurrency, each server in turn). Each run warms up, waits ' +
      'until the server is idle again (requests cut off at the end of the warm-up still run), then measures.',
  )
  out.push('')
  out.push('Servers:')
  out.push('')
  for (const s of SERVER_ORDER) if (results.servers[s]) out.push(`- **${s}**: ${title(s)}`)
  out.push('')
  out.push('Documents (ours; the baseline answers the same documents):')
  out.push('')
  out.push('```graphql')
  out.push(`# 1. list (6. cold documents: the same with a new alias on careFacilities every request)`)
  out.push(ourList())
  out.push(
    '# 2. nested (from townships: synthetic settlements hang from townships, the 11 counties hold 2 settlements)',
  )
  out.push(OUR_NESTED)
  out.push('# 3. by id')
  out.push(OUR_BY_ID)
  out.push('# 4. aggregate')
  out.push(OUR_AGGREGATE)
  out.push('# 5. update: each connection changes its own hospital and sends the version its last answer returned')
  out.push(OUR_UPDATE)
  out.push('```')
  out.push('')
  out.push(
    'PostGraphile v5 equivalents (amber preset, `postgraphile-plugin-connection-filter` with relation and array filters):',
  )
  out.push('')
  out.push('```graphql')
  out.push(
    '# 1. list: "within the county" = the division\'s ancestorIds contain the county (the same test the hub makes)',
  )
  out.push(pgList())
  out.push('# 2. nested')
  out.push(PG_NESTED)
  out.push("# 3. by id (PostGraphile's own node IDs of the same hospitals)")
  out.push(PG_BY_ID)
  out.push('# 5. update: no optimistic locking (version is not checked or bumped, updatedAt is not set)')
  out.push(PG_UPDATE)
  out.push('```')
  out.push('')
  out.push('Notes:')
  out.push('')
  const pools = fx.pools
  if (pools) {
    out.push(
      `- Variables (\`src/fixtures.ts\`): list draws from ${pools.list.length} pages (a county, a kind, and a cursor after any ` +
        `record that leaves a full page of 50), nested from ${pools.nested.length} pages of 11 townships (a cursor after ` +
        `any township), by id from ${pools.byId.length} hospitals; every server gets the same entries in the same ` +
        'order (PostGraphile with its own cursors and node IDs, looked up first). The fixed runs send the first entry ' +
        `of each pool: ${fx.county.nameZh}'s elderly canteens from the start, the first 11 townships, ${fx.hospital.nameZh}.`,
    )
  }
  out.push(
    '- 4. aggregate runs on the hub only: PostGraphile v5 has no released aggregates plugin (`@graphile/pg-aggregates` ' +
      'is at 0.2.0-rc for v5), and grouping by the county above each record would need a computed column it does not have.',
  )
  out.push(
    '- The baseline answers scenarios 1–3 only, with one hand-written SQL statement each (JSON built in PostgreSQL for nested and by id).',
  )
  out.push(
    '- 5. update: each connection owns one synthetic hospital and sends the version its last answer returned, so no ' +
      'request meets a CONFLICT. Hubs with sign-in (the trust work) refuse anonymous changes: the bench has the hub ' +
      'create an admin (ADMIN_USERNAME/ADMIN_PASSWORD), signs in and sends the session cookie; reads stay anonymous ' +
      '(PUBLIC_READ=true) and rate limits are off. Hubs before it take the mutation unauthenticated.',
  )
  out.push(
    '- Peak RSS after a run includes the requests still running when its window closed (the bench waits for them): ' +
      "in results measured before this was so, the aggregate at 50 connections shows in the next run's peak.",
  )
  out.push(
    '- Embedded: the hub with `DATA_DIR` on a PGlite data directory filled the same way; PGlite is one connection in WebAssembly, ' +
      'so its requests queue behind each other.',
  )
  out.push(
    '- ceiling: `node:http` reading the request body and answering a constant 24-byte JSON body; it bounds what any Node.js server can do here.',
  )
  out.push('')
  out.push('## Machine')
  out.push('')
  out.push(`- nproc: ${machine.nproc} (${machine.cpu}); ${machine.kernel}`)
  out.push(`- Node.js ${machine.node}; PostgreSQL ${machine.postgres}`)
  out.push(`- Code measured: ${machine.revision}`)
  out.push('- `free -h`:')
  out.push('')
  out.push('```')
  out.push(machine.memory)
  out.push('```')
  out.push('')
  out.push(table(['Package', 'Version'], Object.entries(machine.packages)))
  out.push('')
  return out.join('\n')
}
