// What one run of the bench measures, and for how long: the full run or `--quick`.
import { parseArgs } from 'node:util'

export interface Plan {
  name: 'full' | 'quick'
  /** Rows the synthetic generator creates (on top of the real seed). */
  size: number
  /** Whether the HTTP ceiling (node:http answering a constant body) is measured. */
  ceiling: boolean
  /** Whether the embedded hub also runs the read scenarios with fixed variables. */
  embeddedFixed: boolean
  /** Whether to copy the last quick run's fill (fill-cache.ts) instead of filling anew. */
  reuseFill: boolean
  /** Whether to measure the start on an empty database (every migration applied). */
  emptyStart: boolean
  connections: number[]
  warmupSeconds: number
  durationSeconds: number
  /** Rounds of the memory check: each round runs the read scenarios once at the highest concurrency. */
  memoryRounds: number
  memoryRoundSeconds: number
  /** CPU profiles of the hub under list, nested, update and the embedded list (report-profiles.ts). */
  profile: boolean
  profileSeconds: number
  /** Requests sent one at a time to count SQL statements per request. */
  statementSamples: number
  adminUrl: string
  /** `--report FILE`: only rewrite RESULTS.md (beside FILE) from an earlier results.json. */
  reportFrom?: string
}

/** The connection counts a scenario runs at: quick runs the slow aggregate at one connection only. */
export function connectionsFor(plan: Plan, scenario: string) {
  return plan.name === 'quick' && scenario === 'aggregate' ? [1] : plan.connections
}

const USAGE = `usage: pnpm bench [--quick] [--profile | --no-profile] [--admin-url postgresql://…]
  --quick        short variant (the same data, kept between quick runs; 50 connections only, 1 s warm-up + 2 s
                 per run; no ceiling, memory rounds or empty-database start; under 3 minutes)
  --fresh        quick run: fill anew instead of copying the last quick run's fill
  --no-profile   skip the CPU profiles (list, nested, update, embedded list; the full run takes them)
  --profile      take them in a quick run too
  --report FILE  only rewrite RESULTS.md beside FILE from that results.json (after a change to the report)
  --admin-url    PostgreSQL server to create the bench database on (default postgresql://postgres@127.0.0.1:5432/postgres)`

export function parsePlan(argv = process.argv.slice(2)): Plan {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      quick: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      'no-profile': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      report: { type: 'string' },
      'admin-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const adminUrl = values['admin-url']
  const reportFrom = values.report ? { reportFrom: values.report } : {}
  if (values.quick) {
    // The same data as the full run, so the pools of variables (fixtures.ts) are as large and the
    // ratios comparable; what it saves is concurrencies, seconds per run and the ceiling.
    return {
      name: 'quick',
      size: 100_000,
      ceiling: false,
      embeddedFixed: false,
      reuseFill: !values.fresh,
      emptyStart: false,
      connections: [50],
      warmupSeconds: 1,
      durationSeconds: 2,
      memoryRounds: 0,
      memoryRoundSeconds: 1,
      profile: values.profile,
      profileSeconds: 3,
      statementSamples: 1,
      adminUrl,
      ...reportFrom,
    }
  }
  return {
    name: 'full',
    size: 100_000,
    ceiling: true,
    embeddedFixed: true,
    reuseFill: false,
    emptyStart: true,
    connections: [1, 10, 50],
    warmupSeconds: 3,
    durationSeconds: 10,
    memoryRounds: 3,
    memoryRoundSeconds: 5,
    profile: !values['no-profile'],
    profileSeconds: 10,
    statementSamples: 5,
    adminUrl,
    ...reportFrom,
  }
}
