// A GraphQL-over-SSE subscriber for tests: a real streaming HTTP request, as a browser makes it
// (POST with `Accept: text/event-stream`, distinct connections mode), read event by event with
// eventsource-parser, keep-alive comments counted.
import { createParser } from 'eventsource-parser'
import type { GraphQLResponse } from './hub.ts'

export interface Subscriber {
  status: number
  /** Keep-alive comments received so far (Yoga sends one at the start, then every 12 s; 300 ms under test). */
  pings(): number
  /** The next `next` event's payload; fails after `timeoutMs`. */
  next<T = Record<string, any>>(timeoutMs?: number): Promise<GraphQLResponse<T>>
  /** Resolves when the server ends the stream (`complete`, or the body ends). */
  ended: Promise<void>
  close(): void
}

/** How long a subscription takes, after its first ping, to listen on the hub's bus (see `subscribe`). */
const SETTLE_MS = 150

export async function subscribe(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Subscriber> {
  const abort = new AbortController()
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  })
  const queue: GraphQLResponse[] = []
  const waiting: ((event: GraphQLResponse | undefined) => void)[] = []
  let finished = false
  let pings = 0
  let firstPing: () => void = () => {}
  const pinged = new Promise<void>((resolve) => {
    firstPing = resolve
  })
  const deliver = (event: GraphQLResponse | undefined) => {
    const waiter = waiting.shift()
    if (waiter) waiter(event)
    else if (event) queue.push(event)
  }
  let completed = false
  const parser = createParser({
    onComment() {
      pings += 1
      firstPing()
    },
    onEvent({ event, data }) {
      if (event === 'next' && data) deliver({ status: response.status, ...JSON.parse(data) })
      if (event === 'complete') completed = true
    },
  })
  const ended = (async () => {
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    try {
      while (!completed) {
        const { value, done } = await reader.read()
        if (done) break
        parser.feed(decoder.decode(value, { stream: true }))
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error
    } finally {
      finished = true
      firstPing()
      while (waiting.length) deliver(undefined)
    }
  })()
  // Yoga sends its first ping when the response starts, a moment before the subscription's
  // iterator first asks the bus for an event: give it that moment, so no change made right after
  // this returns is missed.
  await pinged
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
  return {
    status: response.status,
    pings: () => pings,
    ended,
    next(timeoutMs = 5_000) {
      const queued = queue.shift()
      if (queued) return Promise.resolve(queued) as never
      if (finished) return Promise.reject(new Error('The stream has ended'))
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(settle), 1)
          reject(new Error(`No event within ${timeoutMs} ms`))
        }, timeoutMs)
        const settle = (event: GraphQLResponse | undefined) => {
          clearTimeout(timer)
          if (event) resolve(event as never)
          else reject(new Error('The stream has ended'))
        }
        waiting.push(settle)
      })
    },
    close() {
      abort.abort()
    },
  }
}
