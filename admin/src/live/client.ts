// One live connection to the hub: `recordChanged` over Server-Sent Events (graphql-sse, distinct
// connections mode: a POST with Accept: text/event-stream, the session cookie and the CSRF header).
// The connection is opened again after any end or error, waiting longer each time (up to 30 s).
import { createClient } from 'graphql-sse'
import { CSRF_HEADER, GRAPHQL_URL } from '../providers/graphql.ts'

export interface RecordChange {
  recordType: string
  recordId: string
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE' | 'PURGE'
  version: number | null
  who: string | null
  requestId: string | null
}

const RECORD_CHANGED = `subscription LiveRecordChanges {
  recordChanged { recordType recordId action version who requestId }
}`

/** Wait before the n-th attempt in a row to reconnect: 1 s, 2 s, 4 s … at most 30 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1))
}

/**
 * Listens until the returned function is called; `onChange` gets every change the operator may see,
 * `onReconnected` is called when the connection is back after a break (changes may have been missed).
 */
export function listenToChanges(onChange: (change: RecordChange) => void, onReconnected: () => void): () => void {
  // The client's own retries cover only network errors; reconnecting here covers every ending.
  const client = createClient({
    url: GRAPHQL_URL,
    credentials: 'same-origin',
    headers: { [CSRF_HEADER]: '1' },
    retryAttempts: 0,
  })
  let stopped = false
  let failures = 0
  let connectedBefore = false
  let unsubscribe = () => {}
  let timer: ReturnType<typeof setTimeout> | undefined

  const reconnect = () => {
    if (stopped) return
    failures += 1
    timer = setTimeout(connect, reconnectDelay(failures))
  }
  function connect() {
    unsubscribe = client.subscribe<{ recordChanged: RecordChange }>(
      { query: RECORD_CHANGED },
      {
        next: (result) => {
          if (result.errors?.length || !result.data) return
          failures = 0
          onChange(result.data.recordChanged)
        },
        error: reconnect,
        complete: reconnect,
      },
      {
        connected: () => {
          if (connectedBefore) onReconnected()
          connectedBefore = true
        },
      },
    )
  }
  connect()
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
    unsubscribe()
    client.dispose()
  }
}
