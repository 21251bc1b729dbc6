// "Where our server spends its CPU": the CPU profiles the full run takes, and where a save's CPU
// goes across the machine. Each missed target's reading in ANALYSIS.md points here.
import { fixed, pct, table } from './markdown.ts'
import type { ProfileSummary } from './profile.ts'
import type { RunRecord, ServerName } from './report.ts'
import { SCENARIO_TITLES, type ScenarioName } from './scenarios.ts'

/**
 * What the full run profiles, each under 10 connections: the two reads whose CPU the targets
 * compare, the save (whose rate is missed) and the list on the embedded database (whose ratio is
 * missed; its database runs on a thread of its own, profiled beside the hub's main thread).
 */
export const PROFILED = [
  { key: 'list', server: 'ours', scenario: 'list' },
  { key: 'nested', server: 'ours', scenario: 'nested' },
  { key: 'update', server: 'ours', scenario: 'update' },
  { key: 'listEmbedded', server: 'ours-embedded', scenario: 'list' },
] as const satisfies readonly { key: string; server: ServerName; scenario: ScenarioName }[]

export interface ProfiledRun extends ProfileSummary {
  file: string
  rps: number
  /** Absent in results from before `cd347c1`, which profiled `ours` only and keyed each by its scenario. */
  server?: ServerName
  scenario?: ScenarioName
  /** The embedded database's own thread (PGlite), when the hub has one. */
  databaseThread?: ProfileSummary & { file: string }
}

export type Profiles = Partial<Record<string, ProfiledRun>>

/** `phases`: the GraphQL and Prisma steps, which only the hub's main thread runs. */
function profileTables(profile: ProfileSummary, out: string[], { phases = true } = {}) {
  if (phases) {
    out.push(
      table(
        ['Step (inclusive)', 'ms', 'Share of busy time'],
        profile.phases.map((phase) => [phase.label, fixed(phase.ms), pct(phase.share)]),
      ),
    )
    out.push('')
  }
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

/** Busy time of one thread per request answered while profiled. */
const perRequest = (busyMs: number, rps: number, seconds: number) => (rps > 0 ? busyMs / (rps * seconds) : Number.NaN)

export function profilesSection(profiles: Profiles, seconds: number, out: string[]) {
  out.push('## Where our server spends its CPU')
  out.push('')
  out.push(
    '`node --cpu-prof` on the hub under 10 connections; self time of the measured window, idle excluded. ' +
      "Busy ms per request: the thread's sampled busy time ÷ the requests answered meanwhile (profiling slows the hub).",
  )
  for (const [key, profile] of Object.entries(profiles)) {
    if (!profile) continue
    const scenario = profile.scenario ?? (key as ScenarioName)
    const where = profile.server === 'ours-embedded' ? ', embedded database (PGlite)' : ''
    out.push('')
    out.push(
      `### ${SCENARIO_TITLES[scenario]}${where} (${fixed(profile.rps)} req/s while profiled; \`${profile.file}\`)`,
    )
    out.push('')
    const db = profile.databaseThread
    const busy = [`the main thread ${fixed(perRequest(profile.busyMs, profile.rps, seconds), 2)} ms`]
    if (db) busy.push(`the database's thread ${fixed(perRequest(db.busyMs, profile.rps, seconds), 2)} ms`)
    out.push(`Busy per request: ${busy.join(', ')}.`)
    out.push('')
    profileTables(profile, out)
    if (db) {
      out.push('')
      out.push(`The database's thread (\`${db.file}\`):`)
      out.push('')
      profileTables(db, out, { phases: false })
    }
  }
  out.push('')
}

/**
 * A save's CPU across the machine, ours against PostGraphile: the server's CPU per request and
 * PostgreSQL's (its backends' cores ÷ req/s). The two cores bound their sum's rate.
 */
export function saveAcrossMachine(runs: RunRecord[], out: string[]) {
  const rows: (string | number)[][] = []
  for (const r of runs) {
    if (r.scenario !== 'update' || (r.server !== 'ours' && r.server !== 'postgraphile') || r.rps <= 0) continue
    const postgresMs = (r.postgresCores * 1000) / r.rps
    rows.push([
      r.server,
      r.connections,
      fixed(r.rps),
      fixed(r.cpuMsPerRequest, 2),
      fixed(postgresMs, 2),
      fixed(r.cpuMsPerRequest + postgresMs, 2),
      fixed(r.cpuCores + r.postgresCores, 2),
    ])
  }
  if (rows.length === 0) return
  out.push("## Where a save's CPU goes across the machine")
  out.push('')
  out.push(
    "CPU per save of the server and of PostgreSQL's backends, from the runs above. Half of PostGraphile's " +
      'rate needs the two together, with the load generator, within twice its cost per save.',
  )
  out.push('')
  out.push(
    table(
      [
        'Server',
        'Conns',
        'req/s',
        'server ms/save',
        'PostgreSQL ms/save',
        'together ms/save',
        'cores busy (server + PostgreSQL)',
      ],
      rows,
    ),
  )
  out.push('')
}
