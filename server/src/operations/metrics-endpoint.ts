// Where /metrics is served. Metrics name operations, error rates and pool sizes, which is useful
// to an attacker too, so they are never public by accident:
// - METRICS_TOKEN set: the main port serves /metrics to `Authorization: Bearer <token>` (401 otherwise);
// - METRICS_PORT set: a listener of its own (on METRICS_HOST, 127.0.0.1 by default) serves it to
//   whoever reaches that port, which the load balancer does not expose;
// - neither: /metrics is not served (404), so a scraper cannot be forgotten open.
import { timingSafeEqual } from 'node:crypto'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { Plugin } from 'graphql-yoga'
import type { Registry } from 'prom-client'
import { servingOnly } from '../plugins/sync-unless-serving.ts'

export type MetricsAccess = 'serve' | 'unauthorized' | 'not found'

/** Whether the main port serves /metrics to a request with this Authorization header. */
export function metricsAccess(token: string | undefined, authorization: string | null): MetricsAccess {
  if (!token) return 'not found'
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? ''
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b) ? 'serve' : 'unauthorized'
}

/** /metrics on the main port, behind the bearer token. */
export function useMetricsEndpoint(registry: Registry, token: string | undefined): Plugin {
  return {
    onRequest: servingOnly(
      ({ url }) => url.pathname === '/metrics',
      async ({ request, endResponse, fetchAPI }) => {
        const access = metricsAccess(token, request.headers.get('authorization'))
        if (access === 'serve') {
          endResponse(
            new fetchAPI.Response(await registry.metrics(), {
              headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
            }),
          )
        } else if (access === 'unauthorized') {
          endResponse(
            new fetchAPI.Response('Unauthorized\n', { status: 401, headers: { 'www-authenticate': 'Bearer' } }),
          )
        } else {
          endResponse(new fetchAPI.Response('Not found\n', { status: 404 }))
        }
      },
    ),
  }
}

/** The separate listener: /metrics only, no authentication (reachability is the protection). */
export async function startMetricsServer(registry: Registry, port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    if ((request.url ?? '').split('?')[0] !== '/metrics' || request.method !== 'GET') {
      response.writeHead(404).end('Not found\n')
      return
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => response.writeHead(500).end(),
    )
  })
  server.listen(port, host)
  await once(server, 'listening')
  return server
}
