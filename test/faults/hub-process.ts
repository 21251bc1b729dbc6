// The hub as production runs it, in a process of its own (`server/src/main.ts`), for the fault tests:
// whether the process survives is part of what they check.
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { openDatabase } from '@minsheng/db'
import { createTestOperators, type OperatorName, sessionToken } from '../setup/operators.ts'

const SERVER_DIR = path.resolve(import.meta.dirname, '../../server')

export interface HubProcess {
  child: ChildProcess
  url: string
  output(): string
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>
  /** Whether the process is still running. */
  alive(): boolean
  /** POSTs an operation as a test operator; never throws for an HTTP status. */
  gql(
    query: string,
    variables?: Record<string, unknown>,
    options?: { as?: OperatorName; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<{ status: number; body: GraphQLBody }>
  /** SIGKILL if still running (cleanup after a test that failed half-way). */
  kill(): Promise<void>
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

export function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', SEED: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  )
  let running = true
  void exited.then(() => {
    running = false
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub printed no URL:\n${output}`)), 90_000)
    const check = setInterval(() => {
      const url = /GraphQL API and GraphiQL: (http:\/\/\S+)\/graphql/.exec(output)?.[1]
      if (!url) return
      clearInterval(check)
      clearTimeout(timer)
      resolve({
        child,
        url,
        output: () => output,
        exited,
        alive: () => running,
        async gql(query, variables, options = {}) {
          const response = await fetch(`${url}/graphql`, {
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
        async kill() {
          if (!running) return
          child.kill('SIGKILL')
          await exited
        },
      })
    }, 50)
    void exited.then((code) => {
      clearInterval(check)
      clearTimeout(timer)
      reject(new Error(`the hub exited (${code}) before serving:\n${output}`))
    })
  })
}
