import type { Server } from 'node:http'

/** How often idle connections are closed while the server drains. */
const SWEEP_MS = 50

/**
 * Stops accepting connections and resolves once every request in flight has been answered. A
 * connection becomes idle when its last answer is sent; closing idle ones at once (not after the
 * keep-alive timeout, 5 s) lets the process exit as soon as the work is done, and keeps a client
 * from slipping a new request in over a kept-alive connection meanwhile.
 */
export function closeGracefully(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS)
    server.close(() => {
      clearInterval(sweep)
      resolve()
    })
    server.closeIdleConnections()
  })
}
