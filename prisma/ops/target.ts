// Which database a db:* command works on: the same choice the hub makes from its environment.
import path from 'node:path'

export type Target = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }

const REPO_ROOT = path.resolve(import.meta.dirname, '../..')

/** Where the user ran `pnpm …` (pnpm runs package scripts in the package's own directory). */
export const invocationDir = () => process.env.INIT_CWD ?? process.cwd()

/** A path given on the command line, relative to where the user ran the command. */
export const userPath = (file: string) => path.resolve(invocationDir(), file)

/** DATABASE_URL=postgresql://… means PostgreSQL; otherwise the embedded database in DATA_DIR. */
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): Target {
  const url = env.DATABASE_URL
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url }
  if (url) throw new Error('DATABASE_URL must be a postgresql:// URL (leave it unset for the embedded database)')
  // An empty value (as env files leave it) means the default, like no value. A relative one is
  // taken from server/, as the hub takes it (`pnpm start` runs there).
  const dataDir = env.DATA_DIR ? path.resolve(REPO_ROOT, 'server', env.DATA_DIR) : path.join(REPO_ROOT, 'data')
  return { kind: 'pglite', dataDir }
}

/** Names the target without its password, for messages. */
export function describeTarget(target: Target): string {
  if (target.kind === 'pglite') return `embedded database in ${target.dataDir}`
  const url = new URL(target.url)
  return `PostgreSQL database "${url.pathname.slice(1) || url.username}" at ${url.hostname}:${url.port || 5432}`
}
