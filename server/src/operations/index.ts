// Everything an operator watches, set up from the configuration in one place: the access log and
// request details, /ready, /metrics (and its own listener), and tracing when a collector is set.
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Plugin } from 'graphql-yoga'
import type { Config } from '../config.ts'
import { withAccessLog } from './access-log.ts'
import { createKeyUsage } from './key-usage.ts'
import type { Logger } from './logger.ts'
import { createMetrics } from './metrics.ts'
import { startMetricsServer, useMetricsEndpoint } from './metrics-endpoint.ts'
import { useReadiness } from './readiness.ts'
import { useRequestDetails } from './request-details.ts'
import type { Tracing } from './tracing.ts'

export { createLogger, type Logger, silentLogger, useHubLogger, yogaLogger } from './logger.ts'

export type OperationsConfig = Partial<
  Pick<
    Config,
    | 'METRICS_TOKEN'
    | 'METRICS_PORT'
    | 'METRICS_HOST'
    | 'READY_CHECK_TIMEOUT_MS'
    | 'OTEL_EXPORTER_OTLP_ENDPOINT'
    | 'REDIS_URL'
    | 'TRUST_PROXY_HOPS'
  >
>

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown

export interface Operations {
  /** Yoga plugins: request details for the log, /ready, /metrics, operation spans. */
  plugins: Plugin[]
  /** Wraps the HTTP handler: request context and access log, and the server span when tracing. */
  wrap(handle: Handler): Handler
  /** Starts the separate metrics listener when METRICS_PORT is set; returns its URL. */
  listen(): Promise<string | undefined>
  /** Adds the partner keys' use counted so far to the database (it also happens every few seconds). */
  flushUsage(options?: { prune?: boolean }): Promise<void>
  /** True from the moment shutdown begins: /ready answers 503. */
  beginShutdown(): void
  close(): Promise<void>
}

export async function setUpOperations(config: OperationsConfig, logger: Logger): Promise<Operations> {
  let shuttingDown = false
  const metrics = createMetrics()
  const usage = createKeyUsage(metrics.registry, logger)
  // Loaded only when asked for: the OpenTelemetry SDK is not needed (nor paid for) otherwise.
  const tracing: Tracing | undefined = config.OTEL_EXPORTER_OTLP_ENDPOINT
    ? (await import('./tracing.ts')).startTracing(config.OTEL_EXPORTER_OTLP_ENDPOINT)
    : undefined
  let metricsServer: Server | undefined
  return {
    plugins: [
      useReadiness({
        redisUrl: config.REDIS_URL,
        timeoutMs: config.READY_CHECK_TIMEOUT_MS ?? 2_000,
        shuttingDown: () => shuttingDown,
      }),
      useMetricsEndpoint(metrics.registry, config.METRICS_TOKEN),
      useRequestDetails(logger, config.TRUST_PROXY_HOPS ?? 0),
      ...metrics.plugins,
      ...(tracing ? [tracing.plugin] : []),
    ],
    wrap(handle) {
      const traced = tracing ? tracing.traceRequests(handle) : handle
      return withAccessLog(logger, usage.wrap(traced))
    },
    async listen() {
      if (config.METRICS_PORT === undefined) return undefined
      const host = config.METRICS_HOST ?? '127.0.0.1'
      metricsServer = await startMetricsServer(metrics.registry, config.METRICS_PORT, host)
      const { port } = metricsServer.address() as { port: number }
      return `http://${host}:${port}/metrics`
    },
    flushUsage: (options) => usage.flush(options),
    beginShutdown() {
      shuttingDown = true
    },
    async close() {
      if (metricsServer) {
        const server = metricsServer
        server.closeAllConnections()
        await new Promise((resolve) => server.close(resolve))
      }
      await usage.close()
      await tracing?.shutdown()
    },
  }
}
