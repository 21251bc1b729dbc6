// Tracing: with OTEL_EXPORTER_OTLP_ENDPOINT set, the hub sends spans over OTLP/HTTP (JSON) to the
// collector: a server span per HTTP request that continues the caller's trace, and inside it a
// span per GraphQL operation, from the service `minsheng-hub`. A tiny receiver plays the collector.
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'

interface OtlpAttribute {
  key: string
  value: { stringValue?: string; intValue?: number }
}
interface OtlpSpan {
  traceId: string
  spanId: string
  parentSpanId?: string
  name: string
  kind: number
  attributes: OtlpAttribute[]
}
interface OtlpExport {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] }
    scopeSpans: { spans: OtlpSpan[] }[]
  }[]
}

const received: { path: string; contentType?: string; body: OtlpExport }[] = []
const collector = createServer((request, response) => {
  let text = ''
  request.on('data', (chunk) => {
    text += chunk
  })
  request.on('end', () => {
    received.push({ path: request.url ?? '', contentType: request.headers['content-type'], body: JSON.parse(text) })
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  })
})

const spans = () => received.flatMap((r) => r.body.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans)))
const serviceNames = () =>
  received.flatMap((r) =>
    r.body.resourceSpans.map((rs) => rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue),
  )

let t: TestHub
beforeAll(async () => {
  collector.listen(0, '127.0.0.1')
  await once(collector, 'listening')
  const { port } = collector.address() as AddressInfo
  t = await startTestHub({ config: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` } })
})
afterAll(async () => {
  await t?.close()
  collector.close()
})

// A caller's W3C trace context: the hub's spans must join this trace.
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736'
const PARENT_SPAN_ID = '00f067aa0ba902b7'

it('sends an HTTP span and a GraphQL operation span to the collector, in the caller’s trace', async () => {
  await t.gql('query OpsTraced { hospitals(first: 1) { totalCount } }', undefined, {
    traceparent: `00-${TRACE_ID}-${PARENT_SPAN_ID}-01`,
  })
  // Closing the hub flushes the spans still buffered.
  await t.close()

  expect(received.length).toBeGreaterThan(0)
  expect(received[0]?.path).toBe('/v1/traces')
  expect(received[0]?.contentType).toMatch(/application\/json/)
  expect(new Set(serviceNames())).toEqual(new Set(['minsheng-hub']))

  const http = spans().find((span) => span.name === 'POST /graphql')
  const operation = spans().find((span) => span.name === 'query.OpsTraced')
  expect(http, JSON.stringify(spans().map((s) => s.name))).toBeDefined()
  expect(operation).toBeDefined()
  expect(http?.traceId).toBe(TRACE_ID)
  expect(http?.parentSpanId).toBe(PARENT_SPAN_ID)
  expect(operation?.traceId).toBe(TRACE_ID)
  expect(operation?.parentSpanId).toBe(http?.spanId)
  const attribute = (span: OtlpSpan | undefined, key: string) => span?.attributes.find((a) => a.key === key)?.value
  expect(attribute(operation, 'graphql.execute.operationName')).toEqual({ stringValue: 'OpsTraced' })
  expect(attribute(http, 'http.response.status_code')).toEqual({ intValue: 200 })
})
