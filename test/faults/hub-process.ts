// The hub as production runs it, in a process of its own (`server/src/main.ts`), for the fault tests:
// whether the process survives is part of what they check.
import { openDatabase } from '@minsheng/db'
import { type SpawnedHub, spawnHub } from '../setup/hub-process.ts'
import { createTestOperators, type OperatorName, sessionToken } from '../setup/operators.ts'

export interface HubProcess extends SpawnedHub {
  /** POSTs an operation as a test operator; never throws for an HTTP status. */
  gql(
    query: string,
    variables?: Record<string, unknown>,
    options?: { as?: OperatorName; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<{ status: number; body: GraphQLBody }>
}

export interface GraphQLBody {
  data?: Record<string, any> | null
  errors?: { message: string; extensions?: Record<string, any> }[]
}

/**
 * Migrates a new database (PostgreSQL, or an embedded data directory) and gives it what the fault
 * tests use: the signed-in test operators, a division to import into and a hospital to read. The
 * seeded figures are not needed, and seeding each private database would cost seconds per file.
 */
export async function prepareDatabase(target: { databaseUrl: string } | { dataDir: string }) {
  const database = await openDatabase(target)
  const division = await database.prisma.division.create({ data: { code: '530600', level: 'CITY', nameZh: '昭通市' } })
  await database.prisma.hospital.create({
    data: { divisionId: division.id, nameZh: '故障测试医院', role: 'GENERAL_HOSPITAL', plannedBeds: 500 },
  })
  await createTestOperators(database.prisma)
  await database.close()
}

export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const hub = await spawnHub({ NODE_ENV: 'production', SEED: 'off', ...env })
  return {
    ...hub,
    async gql(query, variables, options = {}) {
      const response = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `mh_session=${sessionToken(options.as ?? 'admin')}`,
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
        signal: options.signal,
      })
      return { status: response.status, body: (await response.json()) as GraphQLBody }
    },
  }
}
