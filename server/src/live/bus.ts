// Where committed record changes travel to subscribers: in memory within one hub, or through
// Redis pub/sub (@graphql-yoga/redis-event-target) so every hub using that Redis sees every change.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target'
import { createPubSub, Repeater } from 'graphql-yoga'
import { Redis } from 'ioredis'
import { hubLogger } from '../operations/logger.ts'
import type { AccessChange } from './access.ts'
import type { RecordChangeEvent } from './change.ts'
import { DEFAULT_CHANNEL_PREFIX } from './defaults.ts'

export interface LiveBusOptions {
  /** `redis://…`: share the events with every hub on this Redis; unset keeps them in this process. */
  redisUrl?: string
  /** Prefix of the Redis channel, so hubs (or test runs) on one Redis can keep their events apart. */
  channelPrefix?: string
}

export interface LiveBus {
  publish(event: RecordChangeEvent): void
  /** Every change published from now on, until the subscriber leaves or the bus closes. */
  subscribe(): AsyncIterable<RecordChangeEvent>
  /** Tells every instance's live streams that someone's access changed (live/access.ts). */
  publishAccessChange(change: AccessChange): void
  /** Every access change announced from now on. */
  accessChanges(): AsyncIterable<AccessChange>
  /** Ends every open subscription (so SSE responses finish) and releases Redis. */
  close(): Promise<void>
}

/** How long a starting hub waits for Redis to confirm its subscription. */
const REDIS_WAIT_MS = 5_000

export async function openLiveBus(options: LiveBusOptions = {}): Promise<LiveBus> {
  const topic = `${options.channelPrefix ?? DEFAULT_CHANNEL_PREFIX}recordChanged`
  const accessTopic = `${options.channelPrefix ?? DEFAULT_CHANNEL_PREFIX}accessChanged`
  let release = async () => {}
  let pubSub = createPubSub<{ [key: string]: [RecordChangeEvent | AccessChange] }>()
  if (options.redisUrl) {
    // Connections with ioredis's defaults: they reconnect, queue what is sent meanwhile and
    // subscribe again, so a Redis restart costs the events of the outage and nothing more.
    const publishClient = new Redis(options.redisUrl)
    const subscribeClient = new Redis(options.redisUrl)
    let warned = false
    for (const client of [publishClient, subscribeClient]) {
      client.on('error', (error: Error) => {
        if (!warned)
          hubLogger().warn(`Live updates: Redis unavailable (${error.message}); other hubs' changes wait for it.`)
        warned = true
      })
      client.on('ready', () => {
        warned = false
      })
    }
    const eventTarget = createRedisEventTarget({ publishClient, subscribeClient })
    pubSub = createPubSub({ eventTarget })
    // The event target subscribes to a channel when its first listener comes and leaves it with the
    // last. A permanent listener keeps the channel subscribed, and waiting for SUBSCRIBE here means a
    // change made on another hub right after this one started is not lost while Redis catches up.
    // A Redis that is down does not stop the hub from starting: it subscribes once Redis is back.
    eventTarget.addEventListener(topic, () => {})
    eventTarget.addEventListener(accessTopic, () => {})
    const subscribed = subscribeClient.subscribe(topic, accessTopic).then(
      () => true,
      () => false,
    )
    await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, REDIS_WAIT_MS).unref())])
    release = async () => {
      publishClient.disconnect()
      subscribeClient.disconnect()
    }
  }

  let endAll: () => void = () => {}
  const closed = new Promise<void>((resolve) => {
    endAll = resolve
  })
  let isClosed = false

  return {
    publish(event) {
      if (!isClosed) pubSub.publish(topic, event)
    },
    subscribe() {
      // Ends when the bus closes, as well as when the subscriber leaves.
      return Repeater.race([
        pubSub.subscribe(topic) as AsyncIterable<RecordChangeEvent>,
        new Repeater<never>((_push, stop) => closed.then(() => stop())),
      ])
    },
    publishAccessChange(change) {
      if (!isClosed) pubSub.publish(accessTopic, change)
    },
    accessChanges() {
      return Repeater.race([
        pubSub.subscribe(accessTopic) as AsyncIterable<AccessChange>,
        new Repeater<never>((_push, stop) => closed.then(() => stop())),
      ])
    },
    async close() {
      if (isClosed) return
      isClosed = true
      endAll()
      await release()
    },
  }
}

// The bus of this process, like the database in db.ts: the hub opens it, mutations publish to it.
let current: LiveBus | undefined
let fallback: Promise<LiveBus> | undefined

export function useLiveBus(bus: LiveBus) {
  current = bus
}

/** The hub's bus; an in-memory one when no hub opened one (scripts, a bare Yoga in tests). */
export async function liveBus(): Promise<LiveBus> {
  if (current) return current
  fallback ??= openLiveBus()
  return fallback
}

/** Announces that someone's access changed, so their live streams check it again at once. */
export async function announceAccessChange(change: AccessChange) {
  try {
    ;(await liveBus()).publishAccessChange(change)
  } catch (error) {
    // The change itself is made; streams still find out at their next check.
    hubLogger().warn({ err: error }, 'Live updates: could not announce an access change')
  }
}
