// Prometheus metrics: Yoga's plugin counts operations and errors and times them per operation;
// we add the error `code` (our stable codes, the same callers see), the database connections and
// Node's process metrics. Each hub has its own registry (tests start several in one process).
import { createCounter, createHistogram, type FillLabelsFnParams, usePrometheus } from '@graphql-yoga/plugin-prometheus'
import { GraphQLError, printSchema } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client'
import { database } from '../db.ts'
import { classifyError } from '../plugins/error-codes.ts'
import { schema } from '../schema/index.ts'

export interface HubMetrics {
  registry: Registry
  /** The Yoga plugins that record operations (none of them serves /metrics: see metrics-endpoint.ts). */
  plugins: Plugin[]
}

/**
 * The code an error is counted under: its own, or the one the error-codes plugin will give it.
 * Failed validation is reported without its errors (one count per operation).
 */
export function errorCodeOf(error: unknown, phase: string | undefined): string {
  if (error instanceof GraphQLError) return classifyError(error)
  return phase === 'validate' ? 'GRAPHQL_VALIDATION_FAILED' : 'INTERNAL_SERVER_ERROR'
}

const operationLabels = (params: FillLabelsFnParams) => ({
  operationName: params.operationName ?? 'anonymous',
  operationType: params.operationType ?? 'unknown',
})

// Seconds; GraphQL operations here take milliseconds to a few seconds (imports, large pages).
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

export function createMetrics(): HubMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  registerDatabaseGauges(registry)
  const prometheus = usePrometheus({
    registry,
    endpoint: false,
    metrics: {
      graphql_envelop_request: true,
      // On by Yoga's default: a summary repeating the duration histogram below, whose quantiles are
      // one process's (Prometheus cannot add them up across hubs) and whose t-digest is updated on
      // every request (0.4–0.5 % of a list's CPU).
      graphql_envelop_request_time_summary: false,
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_envelop_request_duration',
          help: 'Time to execute a GraphQL operation, per operation name and type (seconds)',
          labelNames: ['operationName', 'operationType'] as const,
          buckets: DURATION_BUCKETS,
        },
        fillLabelsFn: operationLabels,
      }),
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'Errors in GraphQL responses, per operation, phase and error code',
          labelNames: ['operationName', 'operationType', 'phase', 'code'] as const,
        },
        fillLabelsFn: (params) => ({
          ...operationLabels(params),
          phase: params.errorPhase ?? 'unknown',
          code: errorCodeOf(params.error, params.errorPhase),
        }),
      }),
      graphql_yoga_http_duration: true,
      // Counting the use of deprecated fields walks every request's document with a TypeInfo (3.3 % of
      // a by-id read's CPU); worth it only once the schema deprecates something.
      graphql_envelop_deprecated_field: printSchema(schema).includes('@deprecated'),
    },
    labels: { url: false },
  })
  return { registry, plugins: [prometheus] }
}

function registerDatabaseGauges(registry: Registry) {
  new Gauge({
    name: 'hub_database_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting clients); the embedded database has one connection',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      let current: ReturnType<typeof database> | undefined
      try {
        current = database()
      } catch {
        return // not opened yet
      }
      const stats = current.poolStats?.()
      if (stats) {
        this.set({ state: 'total' }, stats.total)
        this.set({ state: 'idle' }, stats.idle)
        this.set({ state: 'waiting' }, stats.waiting)
      } else {
        // PGlite runs in this process and serves one statement at a time: one connection, always open.
        this.set({ state: 'total' }, 1)
      }
    },
  })
}
