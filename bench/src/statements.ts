// SQL statements per request: send each scenario's request a few times, one at a time, and read
// the server's statement counter before and after. Our hub counts in process
// (`hub.database.statementCount()`, see statements-ours.ts); the peers count through their pg pool
// and answer GET /__bench/statements (servers/statement-counter.ts).
import type { LoadSpec } from './scenarios.ts'

export interface StatementCount {
  /** Statements per request (the mean over the samples; the same every time in practice). */
  perRequest: number
  /** Each sample's count, to show whether it is constant. */
  samples: number[]
  /** The statements of the last sample (ours only, from Prisma's query log). */
  sql?: string[]
  /** Database time of those statements as Prisma reports it, in ms (ours only). */
  dbMs?: number
  /** Why the scenario could not be counted (e.g. the request was refused). */
  error?: string
}

export async function postGraphQL(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })
  const text = await response.text()
  return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> }
}

/** Turns a load spec into a sequence of request bodies, following versions as the load worker does. */
export function probe(spec: LoadSpec) {
  let counter = 0
  let hospital = spec.kind === 'update' ? { ...(spec.hospitals[0] as (typeof spec.hospitals)[number]) } : undefined
  return {
    body(): string {
      if (spec.kind === 'static') return spec.body
      if (spec.kind === 'rotate') return spec.bodies[counter++ % spec.bodies.length] as string
      if (spec.kind === 'cold') {
        return (spec.bodies[counter % spec.bodies.length] as string).replace('__ALIAS__', `probe${++counter}`)
      }
      const variables: Record<string, unknown> = { id: hospital?.id, openBeds: 100 + (counter++ % 100) }
      if (spec.versionPath) variables.version = hospital?.version
      return JSON.stringify({ query: spec.query, variables })
    },
    after(json: Record<string, unknown>) {
      if (spec.kind !== 'update' || !spec.versionPath || !hospital) return
      let at: unknown = json
      for (const key of spec.versionPath) at = (at as Record<string, unknown> | null)?.[key]
      if (typeof at === 'number') hospital = { ...hospital, version: at }
    },
  }
}

export async function countStatements(
  url: string,
  specs: Record<string, LoadSpec | undefined>,
  read: () => Promise<number> | number,
  samples: number,
  hooks: { start?: () => void; finish?: () => { sql: string[]; dbMs: number } } = {},
): Promise<Record<string, StatementCount>> {
  const out: Record<string, StatementCount> = {}
  for (const [name, spec] of Object.entries(specs)) {
    if (!spec) continue
    const requests = probe(spec)
    // One request first, so one-time work (plan caches, prepared statements) is not counted.
    const headers = spec.kind === 'update' ? spec.headers : undefined
    const first = await postGraphQL(url, requests.body(), headers)
    requests.after(first.json)
    if (first.status !== 200 || first.json.errors) {
      out[name] = { perRequest: Number.NaN, samples: [], error: `${first.status}: ${first.text.slice(0, 300)}` }
      continue
    }
    const counts: number[] = []
    let last: { sql: string[]; dbMs: number } | undefined
    for (let i = 0; i < samples; i++) {
      hooks.start?.()
      const before = await read()
      const response = await postGraphQL(url, requests.body(), headers)
      requests.after(response.json)
      counts.push((await read()) - before)
      last = hooks.finish?.()
    }
    out[name] = {
      perRequest: counts.reduce((sum, n) => sum + n, 0) / counts.length,
      samples: counts,
      ...(last ? { sql: last.sql, dbMs: last.dbMs } : {}),
    }
  }
  return out
}
