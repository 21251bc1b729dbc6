// The hardened API: limits on what one request may ask (shape, cost, body size, time) and how
// often a caller may ask, each refused with a stable code before any resolver or SQL runs, plus
// security headers and a GraphiQL that works without the internet.
import type { Plugin } from 'graphql-yoga'
import type { Config } from '../../config.ts'
import { MAX_IMPORT_ROWS } from '../../records/import.ts'
import { type AdmissionOptions, createRequestGate, useAdmissionControl } from './admission.ts'
import { useBodyLimit } from './body-limit.ts'
import { useCostLimit } from './cost.ts'
import { HARDENING_DEFAULTS } from './defaults.ts'
import { useLocalGraphiQL } from './graphiql.ts'
import { useInputLimits } from './inputs.ts'
import { useQueryLimits } from './query-limits.ts'
import { useRateLimit } from './rate-limit.ts'
import { useSecurityHeaders } from './security-headers.ts'
import { useStreamLimit } from './stream-limit.ts'
import { useExecutionTimeout } from './timeout.ts'

export { HARDENING_DEFAULTS } from './defaults.ts'
export type { Actor } from './rate-limit.ts'
export { securityHeaders } from './security-headers.ts'

export interface HardeningOptions {
  maxDepth?: number
  maxAliases?: number
  maxTokens?: number
  maxDirectives?: number
  maxBreadth?: number
  maxCost?: number
  /** Bytes of an import's body (importRecords by a signed-in editor). */
  maxBodyBytes?: number
  /** Bytes of any other operation's body. */
  maxOrdinaryBodyBytes?: number
  executionTimeoutMs?: number
  /** The execution timeout of importRecords (one import writes up to 10,000 rows). */
  importTimeoutMs?: number
  maxListItems?: number
  /** Operations executing at once per lane; 0 = 2 (set it from the database: see hub.ts). */
  maxConcurrentOperations?: number
  maxQueuedOperations?: number
  admissionQueueTimeoutMs?: number
  lightOperationCost?: number
  maxInputDepth?: number
  rateLimitPerMinute?: number
  identifiedRateLimitPerMinute?: number
  /** Counts operations in this Redis (shared by every hub using it) instead of in memory. */
  redisUrl?: string
  rateLimitKeyPrefix?: string
  trustProxyHops?: number
  maxStreamsPerCaller?: number
}

export type HardeningConfig = Pick<
  Config,
  | 'MAX_DEPTH'
  | 'MAX_ALIASES'
  | 'MAX_TOKENS'
  | 'MAX_DIRECTIVES'
  | 'MAX_BREADTH'
  | 'MAX_COST'
  | 'MAX_BODY_BYTES'
  | 'MAX_ORDINARY_BODY_BYTES'
  | 'EXECUTION_TIMEOUT_MS'
  | 'IMPORT_TIMEOUT_MS'
  | 'MAX_LIST_ITEMS'
  | 'MAX_CONCURRENT_OPERATIONS'
  | 'MAX_QUEUED_OPERATIONS'
  | 'ADMISSION_QUEUE_TIMEOUT_MS'
  | 'LIGHT_OPERATION_COST'
  | 'MAX_INPUT_DEPTH'
  | 'RATE_LIMIT_PER_MINUTE'
  | 'IDENTIFIED_RATE_LIMIT_PER_MINUTE'
  | 'REDIS_URL'
  | 'RATE_LIMIT_KEY_PREFIX'
  | 'TRUST_PROXY_HOPS'
  | 'MAX_STREAMS_PER_CALLER'
>

/** The options for the configuration's environment variables; those left out keep their defaults. */
export function hardeningOptions(config: Partial<HardeningConfig>): HardeningOptions {
  return {
    maxDepth: config.MAX_DEPTH,
    maxAliases: config.MAX_ALIASES,
    maxTokens: config.MAX_TOKENS,
    maxDirectives: config.MAX_DIRECTIVES,
    maxBreadth: config.MAX_BREADTH,
    maxCost: config.MAX_COST,
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxOrdinaryBodyBytes: config.MAX_ORDINARY_BODY_BYTES,
    executionTimeoutMs: config.EXECUTION_TIMEOUT_MS,
    importTimeoutMs: config.IMPORT_TIMEOUT_MS,
    maxListItems: config.MAX_LIST_ITEMS,
    maxConcurrentOperations: config.MAX_CONCURRENT_OPERATIONS,
    maxQueuedOperations: config.MAX_QUEUED_OPERATIONS,
    admissionQueueTimeoutMs: config.ADMISSION_QUEUE_TIMEOUT_MS,
    lightOperationCost: config.LIGHT_OPERATION_COST,
    maxInputDepth: config.MAX_INPUT_DEPTH,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    identifiedRateLimitPerMinute: config.IDENTIFIED_RATE_LIMIT_PER_MINUTE,
    redisUrl: config.REDIS_URL,
    rateLimitKeyPrefix: config.RATE_LIMIT_KEY_PREFIX,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    maxStreamsPerCaller: config.MAX_STREAMS_PER_CALLER,
  }
}

function admissionOptions(options: HardeningOptions): AdmissionOptions {
  const o = { ...HARDENING_DEFAULTS, ...withoutUndefined(options) }
  return {
    maxConcurrent: o.maxConcurrentOperations || 2,
    maxQueued: o.maxQueuedOperations,
    queueTimeoutMs: o.admissionQueueTimeoutMs,
    lightCost: o.lightOperationCost,
  }
}

/** The HTTP server's first check of a GraphQL request (admission.ts): true when it refused it. */
export function requestGate(options: HardeningOptions = {}) {
  return createRequestGate({
    ...admissionOptions(options),
    trustProxyHops: options.trustProxyHops ?? HARDENING_DEFAULTS.trustProxyHops,
  })
}

export function hardeningPlugins(options: HardeningOptions = {}): Plugin[] {
  const o = { ...HARDENING_DEFAULTS, ...withoutUndefined(options) }
  return [
    // Replaces GraphiQL's page before the headers below are added to it.
    useLocalGraphiQL(),
    useSecurityHeaders(),
    useBodyLimit({ ordinary: Math.min(o.maxOrdinaryBodyBytes, o.maxBodyBytes), import: o.maxBodyBytes }),
    useQueryLimits(o),
    // At execution, in this order: charge the caller, check what it sent, estimate the cost, wait for
    // a turn, then start the clock.
    useRateLimit({
      perMinute: o.rateLimitPerMinute,
      identifiedPerMinute: o.identifiedRateLimitPerMinute,
      redisUrl: o.redisUrl,
      keyPrefix: o.rateLimitKeyPrefix,
      trustProxyHops: o.trustProxyHops,
    }),
    useInputLimits({
      maxListItems: o.maxListItems,
      maxInputDepth: o.maxInputDepth,
      longerLists: { 'Mutation.importRecords.rows': MAX_IMPORT_ROWS },
      // The columns: AuditEvent.reason, ChangeSet.reviewReason, PeriodLock's reasons (1000);
      // ChangeSet.note (2000). Arguments and input fields may carry their own (`search`, a where's
      // text filters: extensions.maxTextLength).
      maxTextLength: { reason: 1000, note: 2000 },
      maxInputFieldTextLength: { reason: 1000 },
    }),
    useCostLimit(o.maxCost),
    useExecutionTimeout(o.executionTimeoutMs, { importRecords: o.importTimeoutMs }),
    // After the timeout, so it wraps it: waiting for a turn is not execution time.
    useAdmissionControl(admissionOptions(options)),
    // Last: a stream takes its place only once every other check has let it through.
    useStreamLimit({ perCaller: o.maxStreamsPerCaller, trustProxyHops: o.trustProxyHops }),
  ]
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
