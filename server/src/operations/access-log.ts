// One JSON line per HTTP request (GraphQL, health, metrics and console alike): request id, method,
// path, status, duration, and — for GraphQL — operation, actor and client address.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { requestIdFrom } from '../plugins/request-id.ts'
import type { Logger } from './logger.ts'
import { type RequestDetails, runInRequestContext } from './request-context.ts'

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown

/** Probes of load balancers and scrapers would drown the requests people make; they log at debug. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics'])

export function withAccessLog(logger: Logger, handle: Handler): Handler {
  return (request, response) => {
    const started = process.hrtime.bigint()
    const details: RequestDetails = {
      requestId: requestIdFrom(request.headers['x-request-id']),
      clientAddress: request.socket.remoteAddress?.replace(/^::ffff:/, ''),
    }
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    response.once('close', () => {
      const line = {
        requestId: details.requestId,
        method: request.method,
        path,
        status: response.statusCode,
        durationMs: Number((Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)),
        operationName: details.operationName,
        actorId: details.actorId,
        clientAddress: details.clientAddress,
        // The response may end before the request has been read entirely (a refused body).
        ...(response.writableFinished ? {} : { aborted: true }),
      }
      const level = QUIET_PATHS.has(path) && response.statusCode < 500 ? 'debug' : 'info'
      logger[level](line, 'request')
    })
    return runInRequestContext(details, () => handle(request, response))
  }
}
