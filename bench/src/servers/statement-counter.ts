// Counts the statements a peer server sends through its pg pool, so the bench can report SQL
// statements per request for every server the same way (GET /__bench/statements).
import type { IncomingMessage, ServerResponse } from 'node:http'
import type pg from 'pg'

export const STATEMENTS_PATH = '/__bench/statements'

export function countStatements(pool: pg.Pool) {
  let statements = 0
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded query signature cannot be restated
    ;(client as any).query = (...args: unknown[]) => {
      statements += 1
      return query(...args)
    }
  })
  return {
    /** Answers GET /__bench/statements; returns false for every other request. */
    handle(request: IncomingMessage, response: ServerResponse) {
      if (request.url !== STATEMENTS_PATH) return false
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ statements }))
      return true
    },
  }
}
