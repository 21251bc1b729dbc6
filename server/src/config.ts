import path from 'node:path'
import { z } from 'zod'
import { HEAP_GROWING_PERCENT_DEFAULT } from './heap-growth.ts'
import { DEFAULT_CHANNEL_PREFIX } from './live/defaults.ts'
import { HARDENING_DEFAULTS } from './plugins/hardening/defaults.ts'

const REPO_ROOT = path.resolve(import.meta.dirname, '../..')

const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value)
const HEAP_GROWING_PERCENT_RANGE = 'HEAP_GROWING_PERCENT must be a whole number from 0 to 300'

/**
 * Parsed GraphQL documents kept (yoga.ts). The console's data provider makes about a dozen documents
 * per record family and some forty more for its other pages; partners add their own.
 */
export const DOCUMENT_CACHE_SIZE_DEFAULT = 512

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
  /**
   * `on` runs the embedded database on a thread of its own, beside the hub's JavaScript (a long
   * statement no longer holds up every other request); `off` runs it on the hub's thread.
   */
  EMBEDDED_DATABASE_THREAD: z.enum(['on', 'off']).default('on'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // The hub uses at most EXECUTION_TIMEOUT_MS, so no statement outlives the answer its request got.
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  // Connection settings and read replicas (prisma/src/postgres.ts, prisma/src/replicas.ts).
  /** How long a request waits for a PostgreSQL connection before it is told SERVICE_UNAVAILABLE. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /**
   * `off` sends every statement unnamed, for a pooler in transaction mode that does not carry prepared
   * statements across its connections (PgBouncer before 1.21 or without max_prepared_statements).
   * The embedded database names repeated statements too unless `off`.
   */
  DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  /** An unused pooled connection is closed after this long. */
  DATABASE_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** Comma-separated postgresql:// URLs of read replicas; reads go there, writes to DATABASE_URL. */
  DATABASE_REPLICA_URLS: z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((url) => url.trim())
            .filter(Boolean)
        : value,
    z
      .array(z.string().regex(/^postgres(ql)?:\/\//, 'each of DATABASE_REPLICA_URLS must be a postgresql:// URL'))
      .default([]),
  ),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Anonymous callers may read public fields (read-only); off by default. */
  PUBLIC_READ: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Changes reach partners only once a reviewer approves them; `off` publishes every change at once. */
  REVIEW: z.enum(['on', 'off']).default('on'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** The first admin, created on a start that finds no operator. */
  ADMIN_USERNAME: z.string().min(3).optional(),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  /** `auto` seeds an empty database with the real figures; `off` never seeds. */
  SEED: z.enum(['auto', 'off']).default('auto'),
  // Data moves (wt-data): `on` applies pending migrations at start; `off` refuses to start while any
  // is pending and leaves migrating to `pnpm db:migrate` (e.g. one deploy step before many instances).
  MIGRATE: z.enum(['on', 'off']).default('on'),
  // Limits of the hardened API (server/src/plugins/hardening/); the defaults are explained there.
  MAX_DEPTH: z.coerce.number().int().min(1).default(HARDENING_DEFAULTS.maxDepth),
  MAX_ALIASES: z.coerce.number().int().min(0).default(HARDENING_DEFAULTS.maxAliases),
  MAX_TOKENS: z.coerce.number().int().min(1).default(HARDENING_DEFAULTS.maxTokens),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).default(HARDENING_DEFAULTS.maxDirectives),
  MAX_BREADTH: z.coerce.number().int().min(1).default(HARDENING_DEFAULTS.maxBreadth),
  MAX_COST: z.coerce.number().int().min(1).default(HARDENING_DEFAULTS.maxCost),
  /** Bodies of importRecords by signed-in editors. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(HARDENING_DEFAULTS.maxBodyBytes),
  /** Bodies of every other operation. */
  MAX_ORDINARY_BODY_BYTES: z.coerce.number().int().min(1024).default(HARDENING_DEFAULTS.maxOrdinaryBodyBytes),
  EXECUTION_TIMEOUT_MS: z.coerce.number().int().min(1).default(HARDENING_DEFAULTS.executionTimeoutMs),
  IMPORT_TIMEOUT_MS: z.coerce.number().int().min(1).default(HARDENING_DEFAULTS.importTimeoutMs),
  /** Operations executing at once per lane (light, heavy); 0: 2 on the embedded database, the pool size on PostgreSQL. */
  MAX_CONCURRENT_OPERATIONS: z.coerce.number().int().min(0).default(HARDENING_DEFAULTS.maxConcurrentOperations),
  MAX_QUEUED_OPERATIONS: z.coerce.number().int().min(0).default(HARDENING_DEFAULTS.maxQueuedOperations),
  ADMISSION_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1).default(HARDENING_DEFAULTS.admissionQueueTimeoutMs),
  LIGHT_OPERATION_COST: z.coerce.number().int().min(0).default(HARDENING_DEFAULTS.lightOperationCost),
  MAX_LIST_ITEMS: z.coerce.number().int().min(1).default(HARDENING_DEFAULTS.maxListItems),
  MAX_INPUT_DEPTH: z.coerce.number().int().min(2).default(HARDENING_DEFAULTS.maxInputDepth),
  /** Subscriptions open at once per caller on one instance; 0 turns the limit off. */
  MAX_STREAMS_PER_CALLER: z.coerce.number().int().min(0).default(HARDENING_DEFAULTS.maxStreamsPerCaller),
  /** Operations per minute per client address for anonymous callers; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(HARDENING_DEFAULTS.rateLimitPerMinute),
  /** Per user or API key without a limit of its own; 0 turns the limit off. */
  IDENTIFIED_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(0)
    .default(HARDENING_DEFAULTS.identifiedRateLimitPerMinute),
  /** `redis://…` shares the rate-limit counters between hubs; unset counts in memory. */
  REDIS_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// URL')
      .optional(),
  ),
  RATE_LIMIT_KEY_PREFIX: z.string().min(1).default(HARDENING_DEFAULTS.rateLimitKeyPrefix),
  // Live updates (server/src/live/): with REDIS_URL, changes travel through this Redis channel prefix
  // to the subscribers of every hub; hubs (or test runs) sharing a Redis keep apart by prefix.
  LIVE_CHANNEL_PREFIX: z.string().min(1).default(DEFAULT_CHANNEL_PREFIX),
  /**
   * Origins (besides the hub's own) browsers may call the API from, comma-separated, e.g.
   * `https://portal.example`; `*` lets any origin read without credentials.
   */
  CORS_ORIGINS: z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((origin) => origin.trim().replace(/\/$/, ''))
            .filter(Boolean)
        : value,
    z
      .array(
        z
          .string()
          .regex(/^(\*|https?:\/\/[^/\s]+)$/, 'each of CORS_ORIGINS must be an origin (https://host[:port]) or *'),
      )
      .default([]),
  ),
  /** Proxies in front of the hub whose X-Forwarded-For entries are trusted for the client address. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(HARDENING_DEFAULTS.trustProxyHops),
  /**
   * How much the JavaScript heap may grow past what the last full collection kept before the next
   * (heap-growth.ts); 0 leaves it to V8. Lower uses less memory for a little more CPU.
   */
  HEAP_GROWING_PERCENT: z.preprocess(
    emptyAsUnset,
    z.coerce
      .number({ message: HEAP_GROWING_PERCENT_RANGE })
      .int(HEAP_GROWING_PERCENT_RANGE)
      .min(0, HEAP_GROWING_PERCENT_RANGE)
      .max(300, HEAP_GROWING_PERCENT_RANGE)
      .default(HEAP_GROWING_PERCENT_DEFAULT),
  ),
  /** Parsed GraphQL documents kept in memory, least recently used leaving first (yoga.ts). */
  DOCUMENT_CACHE_SIZE: z.coerce.number().int().min(1).default(DOCUMENT_CACHE_SIZE_DEFAULT),
  // Operations (server/src/operations/): logs, readiness, metrics, tracing; see docs/deployment.md.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty` needs the optional pino-pretty package; for development only. */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  /** Bearer token that lets the main port serve /metrics; without it (and METRICS_PORT) /metrics is 404. */
  METRICS_TOKEN: z.preprocess(
    emptyAsUnset,
    z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  ),
  /** A separate listener for /metrics (not behind the load balancer). */
  METRICS_PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65535).optional()),
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** Time limit of each /ready check (database, migrations, Redis). */
  READY_CHECK_TIMEOUT_MS: z.coerce.number().int().min(50).default(2_000),
  /** On SIGTERM, /ready answers 503 this long before the hub stops accepting connections. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).default(0),
  /** OTLP/HTTP collector base URL (e.g. http://collector:4318); tracing is off when unset. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(emptyAsUnset, z.url().optional()),
})

// Rules across variables. Replicas copy a PostgreSQL primary; the embedded database has none to copy.
const ValidEnv = Env.refine((env) => env.DATABASE_REPLICA_URLS.length === 0 || env.DATABASE_URL, {
  path: ['DATABASE_REPLICA_URLS'],
  message: 'read replicas need a PostgreSQL primary: set DATABASE_URL too (the embedded database has no replicas)',
})

export type Config = z.infer<typeof Env>

/** Settings the hub cannot use: the message names each variable at fault and what it takes. */
export class InvalidConfiguration extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ValidEnv.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new InvalidConfiguration(`Invalid configuration:\n${problems}`)
  }
  return parsed.data
}
