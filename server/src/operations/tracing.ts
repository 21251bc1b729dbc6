// OpenTelemetry tracing, loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is set (main.ts and hub.ts
// import this module dynamically, so an untraced hub starts without the SDK). Spans go to the
// collector over OTLP/HTTP: one server span per HTTP request (continuing the caller's W3C
// `traceparent`), and inside it one span per GraphQL operation from @envelop/opentelemetry.
//
// The HTTP span is made here rather than by @opentelemetry/instrumentation-http: that patches the
// `http` module when it is loaded through require, which an ES-module server (and a test that
// starts the hub in-process) does not do without a loader flag.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { useOpenTelemetry } from '@envelop/opentelemetry'
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { resourceFromAttributes } from '@opentelemetry/resources'
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node'
import type { Plugin } from 'graphql-yoga'

export const SERVICE_NAME = 'minsheng-hub'

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown

export interface Tracing {
  plugin: Plugin
  /** Runs each request inside a server span, so the operation spans nest under it. */
  traceRequests(handle: Handler): Handler
  /** Sends the spans still buffered and stops. */
  shutdown(): Promise<void>
}

/** The traces URL for the standard endpoint variable, which names the collector's base URL. */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`
}

export function startTracing(endpoint: string): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': SERVICE_NAME }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(endpoint) }))],
  })
  // Installs the async context manager (the active span follows the request) and W3C propagation.
  provider.register()
  const tracer = provider.getTracer(SERVICE_NAME)
  return {
    // Neither variables nor results: they may hold secrets and personal data. The document only
    // when it has no inline arguments (the plugin's rule), for the same reason.
    plugin: useOpenTelemetry(
      { resolvers: false, variables: false, result: false },
      provider,
      SpanKind.INTERNAL,
      {},
      SERVICE_NAME,
    ) as Plugin,
    traceRequests(handle) {
      return (request, response) => {
        const parent = propagation.extract(context.active(), request.headers)
        const path = (request.url ?? '/').split('?')[0] ?? '/'
        const span = tracer.startSpan(
          `${request.method} ${path}`,
          {
            kind: SpanKind.SERVER,
            attributes: { 'http.request.method': request.method ?? 'GET', 'url.path': path },
          },
          parent,
        )
        response.once('close', () => {
          span.setAttribute('http.response.status_code', response.statusCode)
          if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR })
          span.end()
        })
        return context.with(trace.setSpan(parent, span), () => handle(request, response))
      }
    },
    async shutdown() {
      await provider.shutdown()
      // Leave no global tracer behind (tests start several hubs in one process).
      trace.disable()
      context.disable()
      propagation.disable()
    },
  }
}
