import path from 'node:path'
import { z } from 'zod'

const REPO_ROOT = path.resolve(import.meta.dirname, '../..')

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  // An empty value (as env files often leave it) means the embedded database, like no value.
  DATABASE_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'DATABASE_URL must be a postgresql:// URL (leave it unset for the embedded database)',
      )
      .optional(),
  ),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, 'data')),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** `auto` seeds an empty database with the real figures; `off` never seeds. */
  SEED: z.enum(['auto', 'off']).default('auto'),
})

export type Config = z.infer<typeof Env>

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new Error(`Invalid configuration:\n${problems}`)
  }
  return parsed.data
}
