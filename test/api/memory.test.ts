// Nothing of a request outlives it: once answered, its context (and all its execution holds) can be
// collected. Found by a heap snapshot after a bench run: every request's combined abort signal stayed
// reachable forever (Node keeps a composite AbortSignal.any with an abort listener alive until a
// source aborts, and the executor never removes its listener), with everything the request held.
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHubYoga } from '../../server/src/yoga.ts'
import { startTestHub, type TestHub } from '../setup/hub.ts'

type Plugin = NonNullable<NonNullable<Parameters<typeof createHubYoga>[0]>['plugins']>[number]

setFlagsFromString('--expose_gc')
const gc = runInNewContext('gc') as () => void

let t: TestHub
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

/** Every operation's context and the signal it was executed with (once done), held weakly. */
function executionsSeen() {
  const contexts: WeakRef<object>[] = []
  const signals: WeakRef<object>[] = []
  const plugin: Plugin = {
    onExecute({ args }) {
      contexts.push(new WeakRef(args.contextValue as object))
      return {
        onExecuteDone() {
          const { signal } = args as typeof args & { signal?: AbortSignal }
          if (signal) signals.push(new WeakRef(signal))
        },
      }
    },
  }
  return { contexts, signals, plugin }
}

async function collected(refs: WeakRef<object>[]) {
  for (let round = 0; round < 5; round++) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    gc()
  }
  return refs.filter((ref) => ref.deref() === undefined).length
}

describe('memory', () => {
  it("lets every answered request's context and abort signal be collected", async () => {
    const seen = executionsSeen()
    const yoga = createHubYoga({ plugins: [seen.plugin] })
    const server = createServer(yoga)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const { port } = server.address() as AddressInfo
    try {
      const REQUESTS = 40
      for (let i = 0; i < REQUESTS; i++) {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ me { username } }' }),
        })
        expect(await response.json()).toEqual({ data: { me: null } })
      }
      expect(seen.contexts).toHaveLength(REQUESTS)
      expect(seen.signals).toHaveLength(REQUESTS)
      // Keep-alive sockets may hold the last request a little longer: all but a few must go.
      expect(await collected(seen.contexts)).toBeGreaterThanOrEqual(REQUESTS - 2)
      expect(await collected(seen.signals)).toBeGreaterThanOrEqual(REQUESTS - 2)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await yoga.dispose()
    }
  })

  it('keeps at most documentCacheSize parsed documents, the least recently used leaving first', async () => {
    /** The document object each execution received: the same object when it came from the cache. */
    const documentsOf = (documentCacheSize?: number) => {
      const seen: unknown[] = []
      const yoga = createHubYoga({
        ...(documentCacheSize ? { documentCacheSize } : {}),
        plugins: [{ onExecute: ({ args }) => void seen.push(args.document) } satisfies Plugin],
      })
      const send = async (field: string) => {
        const response = await yoga.fetch('http://hub/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ ${field}: me { username } }` }),
        })
        expect(await response.json()).toEqual({ data: { [field]: null } })
        return seen.at(-1)
      }
      return { send, yoga }
    }
    const small = documentsOf(2)
    const a = await small.send('a')
    const b = await small.send('b')
    expect(await small.send('a')).toBe(a) // a hit, and now the most recent
    await small.send('c') // the third document: b, the least recently used, leaves
    expect(await small.send('a')).toBe(a)
    expect(await small.send('b')).not.toBe(b) // parsed again
    await small.yoga.dispose()

    const standard = documentsOf()
    const first = await standard.send('a')
    for (const field of ['b', 'c', 'd']) await standard.send(field)
    expect(await standard.send('a')).toBe(first)
    await standard.yoga.dispose()
  })
})
