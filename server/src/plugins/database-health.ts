import type { Plugin } from 'graphql-yoga'
import { database } from '../db.ts'
import { servingOnly } from './sync-unless-serving.ts'

const state = (ok: boolean) => (ok ? 'ok' : 'unavailable')

/**
 * GET /health: 200 when the database answers, 503 otherwise. With read replicas each must answer
 * too: reads go to any of them, so one that is down fails some reads.
 */
export function useDatabaseHealth(): Plugin {
  return {
    onRequest: servingOnly(
      ({ url }) => url.pathname === '/health',
      async ({ endResponse, fetchAPI }) => {
        const { primary, replicas } = await database().checkConnections()
        const ok = primary && replicas.every(Boolean)
        const body = {
          status: state(ok),
          database: database().kind,
          ...(replicas.length ? { primary: state(primary), replicas: replicas.map(state) } : {}),
        }
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status: ok ? 200 : 503,
            headers: { 'content-type': 'application/json' },
          }),
        )
      },
    ),
  }
}
