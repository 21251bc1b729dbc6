// Turns the measurements into ratios, target checks and RESULTS.md.
import { createHash } from 'node:crypto'
import type { FillResult } from './database.ts'
import type { Fixtures } from './fixtures.ts'
import type { Measurement } from './load.ts'
import type { Machine } from './machine.ts'
import type { Plan } from './plan.ts'
import type { ProfileSummary } from './profile.ts'
import {
  OUR_AGGREGATE,
  OUR_NESTED,
  OUR_UPDATE,
  ourById,
  ourList,
  PG_NESTED,
  PG_UPDATE,
  pgById,
  pgList,
  SCENARIO_TITLES,
  SCENARIOS,
  type ScenarioName,
} from './scenarios.ts'
import type { StatementCount } from './statements.ts'

export type ServerName = 'ours' | 'ours-embedded' | 'postgraphile' | 'baseline' | 'ceiling'
const SERVER_ORDER: ServerName[] = ['ours', 'ours-embedded', 'postgraphile', 'baseline', 'ceiling']

export interface RunRecord extends Measurement {
  server: ServerName
  scenario: ScenarioName
  connections: number
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
  startup: { emptyDatabaseMs: number; migratedDatabaseMs: number[] }
  memoryRounds: { round: number; rssMB: number }[]
  profiles?: Partial<Record<'list' | 'nested', ProfileSummary & { file: string; rps: number }>>
  ratios?: Ratio[]
  targets?: TargetCheck[]
}

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

const find = (runs: RunRecord[], server: ServerName, scenario: ScenarioName, connections: number) =>
  runs.find((r) => r.server === server && r.scenario === scenario && r.connections === connections)

export function computeRatios(results: Results): Ratio[] {
  const out: Ratio[] = []
  for (const scenario of SCENARIOS) {
    for (const connections of results.plan.connections) {
      const ours = find(results.runs, 'ours', scenario, connections)
      if (!ours) continue
      const pg = find(results.runs, 'postgraphile', scenario, connections)
      const base = find(results.runs, 'baseline', scenario, connections)
      const embedded = find(results.runs, 'ours-embedded', scenario, connections)
      out.push({
        scenario,
        connections,
        ours: ours.rps,
        ...(pg
          ? {
              postgraphile: pg.rps,
              oursOverPostgraphile: ours.rps / pg.rps,
              cpuOursOverPostgraphile: ours.cpuMsPerRequest / pg.cpuMsPerRequest,
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
  return out
}

// autocannon reports whole milliseconds.
const latency = (r: RunRecord, ms: number) => (r.requests === 0 ? '—' : ms < 1 ? '< 1' : ms.toFixed(0))
const pct = (x: number) => `${(x * 100).toFixed(0)} %`
const fixed = (x: number | null | undefined, digits = 0) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(digits))

export function checkTargets(results: Results): TargetCheck[] {
  const connections = results.plan.connections.includes(50) ? 50 : Math.max(...results.plan.connections)
  const ratios = computeRatios(results).filter((r) => r.connections === connections)
  const targets: TargetCheck[] = []
  const reads = ['list', 'nested', 'byId'] as const
  for (const scenario of reads) {
    const ratio = ratios.find((r) => r.scenario === scenario)
    const vsPg = ratio?.oursOverPostgraphile
    targets.push({
      target: `${SCENARIO_TITLES[scenario]}: req/s at ${connections} connections ≥ PostGraphile`,
      measured: `${fixed(ratio?.ours)} vs ${fixed(ratio?.postgraphile)} req/s (×${fixed(vsPg, 2)})`,
      met: (vsPg ?? 0) >= 1,
      margin: vsPg === undefined ? 'not measured' : `${vsPg >= 1 ? '+' : ''}${pct(vsPg - 1)}`,
    })
    const vsBase = ratio?.oursOverBaseline
    targets.push({
      target: `${SCENARIO_TITLES[scenario]}: req/s at ${connections} connections ≥ 70 % of baseline`,
      measured: `${fixed(ratio?.ours)} vs ${fixed(ratio?.baseline)} req/s (${vsBase === undefined ? '—' : pct(vsBase)})`,
      met: (vsBase ?? 0) >= 0.7,
      margin:
        vsBase === undefined
          ? 'not measured'
          : `${vsBase >= 0.7 ? '+' : ''}${((vsBase - 0.7) * 100).toFixed(0)} points`,
    })
  }
  const statements = results.servers.ours?.statements ?? {}
  const perRequest = (name: string) => statements[name]?.perRequest
  for (const [scenario, limit] of [
    ['list', 2],
    ['byId', 2],
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
    target: `RSS after ${results.memoryRounds.length} back-to-back rounds within 10 % of the first`,
    measured: `${results.memoryRounds.map((r) => fixed(r.rssMB)).join(' → ')} MB`,
    met: growth !== undefined && Math.abs(growth) <= 0.1,
    margin: growth === undefined ? 'not measured' : `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %`,
  })
  const starts = [...results.startup.migratedDatabaseMs].sort((a, b) => a - b)
  const median = starts[Math.floor(starts.length / 2)]
  targets.push({
    target: 'Start to ready on PostgreSQL < 3 s (migrations checked, none pending)',
    measured: `${fixed(median)} ms (median of ${starts.length}: ${starts.map((ms) => fixed(ms)).join(', ')})`,
    met: median !== undefined && median < 3000,
    margin: median === undefined ? 'not measured' : `${median >= 3000 ? '+' : ''}${fixed(median - 3000)} ms`,
  })
  targets.push({
    target: 'Start to ready on an empty PostgreSQL database < 3 s (every migration applied)',
    measured: `${fixed(results.startup.emptyDatabaseMs)} ms`,
    met: results.startup.emptyDatabaseMs < 3000,
    margin: `${results.startup.emptyDatabaseMs >= 3000 ? '+' : ''}${fixed(results.startup.emptyDatabaseMs - 3000)} ms`,
  })
  return targets
}

// ——— RESULTS.md —————————————————————————————————————————————————————————————————

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n')

export function writeReport(results: Results): string {
  const { plan, machine } = results
  const ratios = results.ratios ?? computeRatios(results)
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
  out.push('## Throughput ratios')
  out.push('')
  out.push(
    'req/s ratios above 1 favour ours; the last two columns compare server CPU time per request (above 1: ours ' +
      'spends more), which other load on the machine disturbs less than throughput.',
  )
  out.push('')
  out.push(
    table(
      [
        'Scenario',
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
      ],
      ratios.map((r) => [
        SCENARIO_TITLES[r.scenario],
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
  out.push(
    `Memory rounds (hub on PostgreSQL; each round runs list, nested, by id and cold documents for ${plan.memoryRoundSeconds} s at ` +
      `${Math.max(...plan.connections)} connections): RSS ${results.memoryRounds.map((r) => `${fixed(r.rssMB)} MB`).join(' → ')}.`,
  )
  out.push('')
  out.push(
    `Start to ready (\`node dist/main.mjs\` in server/, the build \`pnpm start\` runs, until it prints its URL): ${fixed(results.startup.emptyDatabaseMs)} ms on an ` +
      `empty database (all migrations applied), ${results.startup.migratedDatabaseMs.map((ms) => `${fixed(ms)} ms`).join(', ')} on the ` +
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
  if (results.profiles) {
    out.push('## Where our server spends its CPU')
    out.push('')
    out.push(
      '`node --cpu-prof` on the hub (PostgreSQL) under 10 connections; self time of the measured window, idle excluded.',
    )
    for (const [scenario, profile] of Object.entries(results.profiles)) {
      if (!profile) continue
      out.push('')
      out.push(
        `### ${SCENARIO_TITLES[scenario as ScenarioName]} (${fixed(profile.rps)} req/s while profiled; \`${profile.file}\`)`,
      )
      out.push('')
      out.push(
        table(
          ['Step (inclusive)', 'ms', 'Share of busy time'],
          profile.phases.map((phase) => [phase.label, fixed(phase.ms), pct(phase.share)]),
        ),
      )
      out.push('')
      out.push(
        table(
          ['Area', 'Self ms', 'Share'],
          profile.areas.slice(0, 12).map((a) => [a.area, fixed(a.ms), pct(a.share)]),
        ),
      )
      out.push('')
      out.push(
        table(
          ['Function', 'Where', 'Self ms', 'Share'],
          profile.functions
            .slice(0, 20)
            .map((f) => [`\`${f.name}\``, f.where ? `\`${f.where}\`` : '', fixed(f.ms), pct(f.share)]),
        ),
      )
    }
    out.push('')
  }
  out.push('## Do the servers answer the same?')
  out.push('')
  out.push(
    'Digest of the names, counts, kinds, populations and quotes each server returned, in order (same digest, same data):',
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
  out.push(ourList(fx))
  out.push(
    '# 2. nested (from townships: synthetic settlements hang from townships, the 11 counties hold 2 settlements)',
  )
  out.push(OUR_NESTED)
  out.push('# 3. by id')
  out.push(ourById(fx))
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
  out.push(pgList(fx))
  out.push('# 2. nested')
  out.push(PG_NESTED)
  out.push("# 3. by id (PostGraphile's own node ID of the same hospital)")
  out.push(pgById('<node id>'))
  out.push('# 5. update: no optimistic locking (version is not checked or bumped, updatedAt is not set)')
  out.push(PG_UPDATE)
  out.push('```')
  out.push('')
  out.push('Notes:')
  out.push('')
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
