// The hub is measured as it runs in production, every feature on: sign-in and permissions,
// limits, audit, metrics and logs. Before its runs the bench checks each is at work, so a
// configuration change cannot make the numbers better by turning one off unnoticed.
import pg from 'pg'
import type { ServerProcess } from './processes.ts'
import { OUR_UPDATE } from './scenarios.ts'
import { postGraphQL } from './statements.ts'

export interface FeatureCheck {
  feature: string
  on: boolean
  evidence: string
}

/** Environment of the hub under test beyond its database: see HUB_BENCH_ENV in main.ts. */
export const METRICS_TOKEN = 'bench-metrics-token-0123456789'
/** High enough never to refuse the bench's load from one address, so the limiter counts every request. */
export const BENCH_RATE_LIMIT = 1_000_000_000

const code = (json: Record<string, unknown>) =>
  (json.errors as { extensions?: { code?: string } }[] | undefined)?.[0]?.extensions?.code

export async function checkFeatures(
  server: ServerProcess,
  databaseUrl: string | undefined,
  cookie: string | undefined,
  hospitalId: string,
): Promise<FeatureCheck[]> {
  const checks: FeatureCheck[] = []
  const anonymous = await postGraphQL(
    server.url,
    JSON.stringify({ query: OUR_UPDATE, variables: { id: hospitalId, version: 1, openBeds: 1 } }),
  )
  checks.push({
    feature: 'auth',
    on: code(anonymous.json) === 'UNAUTHENTICATED' || code(anonymous.json) === 'FORBIDDEN',
    evidence: `an anonymous update answers ${code(anonymous.json) ?? anonymous.status}; reads are public (PUBLIC_READ=true), changes sign in`,
  })

  let deep = 'id'
  for (let i = 0; i < 14; i++) deep = `parent { ${deep} }`
  const tooDeep = await postGraphQL(
    server.url,
    JSON.stringify({ query: `{ divisions(first: 1) { nodes { ${deep} } } }` }),
  )
  checks.push({
    feature: 'limits',
    on: code(tooDeep.json) === 'DEPTH_LIMIT_EXCEEDED',
    evidence: `a document 16 levels deep answers ${code(tooDeep.json) ?? tooDeep.status}; rate limits count every request (limit ${BENCH_RATE_LIMIT} a minute)`,
  })

  const metrics = await fetch(new URL('/metrics', server.url), {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  })
  const metricsText = await metrics.text()
  const counted = /^graphql_envelop_request(?:_total)?\{[^}]*\} (\d+)/m.exec(metricsText)?.[1]
  checks.push({
    feature: 'metrics',
    on: metrics.status === 200 && counted !== undefined,
    evidence: `/metrics answers ${metrics.status}${counted ? ` and has counted ${counted} operations` : ''}`,
  })

  // The hub writes its log in batches, at most half a second late.
  const linesLogged = () => server.output().match(/"msg":"request"/g)?.length ?? 0
  for (let waited = 0; linesLogged() === 0 && waited < 2_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const logged = linesLogged()
  checks.push({
    feature: 'logs',
    on: logged > 0,
    evidence: `${logged} access log lines (JSON, LOG_LEVEL=info) among the last lines on standard output`,
  })

  if (databaseUrl && cookie) {
    // One update through the API, and the audit event it wrote in the same transaction.
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      // The record's own UPDATE events: with review on, the first save of a record also opens the
      // operator's change set, which has an audit event of its own (SUBMIT).
      const count = async () =>
        Number(
          (
            await client.query(
              `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'UPDATE' AND "recordType" = 'Hospital'`,
            )
          ).rows[0]?.n,
        )
      const before = await count()
      const current = await postGraphQL(
        server.url,
        JSON.stringify({
          query: 'query V($id: ID!) { node(id: $id) { ... on Hospital { version } } }',
          variables: { id: hospitalId },
        }),
        { cookie },
      )
      const version = (current.json.data as { node?: { version?: number } } | undefined)?.node?.version
      const update = await postGraphQL(
        server.url,
        JSON.stringify({ query: OUR_UPDATE, variables: { id: hospitalId, version, openBeds: 7 } }),
        { cookie },
      )
      const written = (await count()) - before
      checks.push({
        feature: 'audit',
        on: !update.json.errors && written === 1,
        evidence: `one signed-in update wrote ${written} UPDATE audit event(s) for its hospital`,
      })
    } finally {
      await client.end()
    }
  }
  return checks
}
