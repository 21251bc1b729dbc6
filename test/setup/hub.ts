// A real hub per test file: its own copy of the seeded database, served over real HTTP.

import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { type Hub, startHub } from '@minsheng/server/hub'
import pg from 'pg'
import { inject } from 'vitest'
import { withDatabase } from './global.ts'
import { type OperatorName, refreshTestSessions, sessionToken } from './operators.ts'

export interface GraphQLResponse<T = Record<string, any>> {
  status: number
  data?: T
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[]
}

export type Caller = OperatorName | 'anonymous' | { bearer: string }

export interface TestHub {
  hub: Hub
  url: string
  /** Headers that make a request come from this caller (a signed-in operator, a key, or nobody). */
  headersOf(caller: Caller): Record<string, string>
  /** gql as another caller than the default admin. */
  gqlAs<T = Record<string, any>>(
    caller: Caller,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>
  /** POSTs a GraphQL operation as the test admin and returns the parsed body and status. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>
  /** Like gql, but fails the test on any error and returns the data. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>
  /** SQL statements the database received while `run` ran. */
  countStatements(run: () => Promise<unknown>): Promise<number>
  close(): Promise<void>
}

export const databaseKind = (process.env.HUB_TEST_DATABASE ?? 'pglite') as 'pglite' | 'postgres'

/** What a suite may change about its hub: more configuration, a logger, extra plugins. */
export type TestHubOptions = Partial<Pick<Parameters<typeof startHub>[0], 'logger' | 'plugins'>> & {
  config?: Partial<Parameters<typeof startHub>[0]['config']>
}

export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  let cleanup = async () => {}
  let open: Parameters<typeof startHub>[0]['open'] = {}
  let databaseUrl: string | undefined
  const template = inject('postgresTemplate')
  if (databaseKind === 'postgres' && template) {
    const name = `${template.template}_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: template.adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.template}`)
    await admin.end()
    databaseUrl = withDatabase(template.adminUrl, name)
    cleanup = async () => {
      const again = new pg.Client({ connectionString: template.adminUrl })
      await again.connect()
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await again.end()
    }
  } else {
    open = { loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]) }
  }
  const hub = await startHub({
    config: {
      PORT: 0,
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DATA_DIR: 'memory://',
      SEED: 'off',
      DATABASE_POOL_SIZE: 5,
      STATEMENT_TIMEOUT_MS: 15_000,
      // Suites about review before publication (test/api/governance/) turn it on; the others check
      // the hub as a small office runs it, every change published at once.
      REVIEW: 'off',
      ...options.config,
    },
    open,
    logger: options.logger,
    plugins: options.plugins,
  })
  await refreshTestSessions(hub.database.prisma)
  const url = `${hub.url}/graphql`
  const headersOf = (caller: Caller): Record<string, string> => {
    if (caller === 'anonymous') return {}
    if (typeof caller === 'object') return { authorization: `Bearer ${caller.bearer}` }
    return { cookie: `mh_session=${sessionToken(caller)}` }
  }
  const gqlAs: TestHub['gqlAs'] = async (caller, query, variables, headers = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headersOf(caller), ...headers },
      body: JSON.stringify({ query, variables }),
    })
    return { status: response.status, ...((await response.json()) as object) }
  }
  const gql: TestHub['gql'] = (query, variables, headers) => gqlAs('admin', query, variables, headers)
  return {
    hub,
    url,
    headersOf,
    gqlAs,
    gql,
    async data(query, variables) {
      const result = await gql(query, variables)
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`)
      return result.data as never
    },
    async countStatements(run) {
      // Partner keys' use is written on a timer: written now, so that it is not counted as run's.
      await hub.flushUsage()
      const before = hub.database.statementCount()
      await run()
      return hub.database.statementCount() - before
    },
    async close() {
      await hub.close()
      await cleanup()
    },
  }
}
