import type { Plugin } from 'graphql-yoga'
import { database } from '../db.ts'

/** GET /health: 200 when the database answers, 503 otherwise. */
export function useDatabaseHealth(): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/health') return
      const ok = await database().ping()
      endResponse(
        new fetchAPI.Response(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: database().kind }), {
          status: ok ? 200 : 503,
          headers: { 'content-type': 'application/json' },
        }),
      )
    },
  }
}
