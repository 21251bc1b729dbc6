// Admission control: an instance runs only so many operations at once. Beyond that they wait in a
// short queue, and beyond the queue (or after waiting too long) they are refused at once with 503
// OVERLOADED and Retry-After, instead of all slowing down together until /health stops answering.
// Light operations (by estimated cost: `me`, a record, the overview) have a lane of their own, so a
// flood of heavy ones never holds them up; /health, /ready and /metrics never reach execution.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'graphql-yoga'
import { localeOf } from '../locale.ts'
import { estimatedCost } from './cost.ts'
import { refusal } from './errors.ts'
import { clientAddress } from './rate-limit.ts'

export interface AdmissionOptions {
  /** Operations executing at once in each lane. */
  maxConcurrent: number
  /** Operations waiting for a turn in each lane; more are refused at once. */
  maxQueued: number
  /** How long an operation may wait for its turn before it is refused. */
  queueTimeoutMs: number
  /** Operations estimated at this cost or less go in the light lane. */
  lightCost: number
}

class Overloaded extends Error {}

/** A counting semaphore with a bounded, time-limited queue. */
export class Lane {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly options: Pick<AdmissionOptions, 'maxConcurrent' | 'maxQueued' | 'queueTimeoutMs'>) {}

  get load() {
    return { running: this.running, waiting: this.waiting.length }
  }

  /** A turn to execute: resolves with its release, or rejects when the lane is full or the wait too long. */
  acquire(): Promise<() => void> {
    let released = false
    const release = () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      if (next) next()
      else this.running -= 1
    }
    if (this.running < this.options.maxConcurrent) {
      this.running += 1
      return Promise.resolve(release)
    }
    if (this.waiting.length >= this.options.maxQueued) return Promise.reject(new Overloaded())
    return new Promise((resolve, reject) => {
      // The turn passes from the releasing operation to this one: `running` stays as it is.
      const admit = () => {
        clearTimeout(timer)
        resolve(release)
      }
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(admit), 1)
        reject(new Overloaded())
      }, this.options.queueTimeoutMs)
      this.waiting.push(admit)
    })
  }
}

export function useAdmissionControl(options: AdmissionOptions): Plugin {
  const light = new Lane(options)
  const heavy = new Lane(options)
  const retryAfter = Math.max(1, Math.ceil(options.queueTimeoutMs / 1000))
  return {
    // Registered after the timeout: the wait for a turn is bounded by the queue's own limit, and
    // the execution timeout counts from the moment the operation runs.
    onExecute({ args, executeFn, setExecuteFn }) {
      const cost = estimatedCost(args.contextValue) ?? Number.POSITIVE_INFINITY
      const lane = cost <= options.lightCost ? light : heavy
      setExecuteFn(async (executionArgs) => {
        let release: () => void
        try {
          release = await lane.acquire()
        } catch (error) {
          if (!(error instanceof Overloaded)) throw error
          return {
            errors: [
              refusal(
                'OVERLOADED',
                OVERLOADED_MESSAGE.en(retryAfter),
                { status: 503, headers: { 'Retry-After': String(retryAfter) } },
                { retryAfter },
              ),
            ],
          }
        }
        try {
          return await executeFn(executionArgs)
        } finally {
          release()
        }
      })
    },
  }
}

const OVERLOADED_MESSAGE = {
  en: (seconds: number) => `The hub is busy. Try again in ${seconds} s.`,
  zh: (seconds: number) => `服务器正忙，请 ${seconds} 秒后再试。`,
}

/**
 * Who sent a request, as far as its headers tell before anything is read: key, session or client
 * address (behind `trustProxyHops` proxies, the one they saw).
 */
function senderOf(request: IncomingMessage, trustProxyHops: number) {
  const authorization = request.headers.authorization
  if (authorization) return `a:${authorization}`
  const session = /(?:^|;\s*)mh_session=([^;]*)/.exec(request.headers.cookie ?? '')?.[1]
  if (session) return `s:${session}`
  const headers = { get: (name: string) => [request.headers[name] ?? []].flat().join(',') || null }
  return `r:${clientAddress({ headers } as Request, request.socket.remoteAddress, trustProxyHops)}`
}

/**
 * The same limit one step earlier, per sender: GraphQL requests in progress (being read, checked,
 * waiting or executing) beyond what the lanes can hold are refused before their body is read, so a
 * flood costs microseconds per request instead of the full parse and check each would take, and
 * one sender's flood leaves room for everyone else's requests. A limit on all senders together
 * protects the process. Live streams (text/event-stream) hold no turn and are not counted.
 * Returns true when it answered the request.
 */
export function createRequestGate(options: AdmissionOptions & { trustProxyHops?: number }) {
  const perSender = options.maxConcurrent + options.maxQueued + 2
  const overall = 4 * perSender
  const retryAfter = Math.max(1, Math.ceil(options.queueTimeoutMs / 1000))
  const bySender = new Map<string, number>()
  let inProgress = 0
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    if (String(request.headers.accept ?? '').includes('text/event-stream')) return false
    const sender = senderOf(request, options.trustProxyHops ?? 0)
    const mine = bySender.get(sender) ?? 0
    if (inProgress >= overall || mine >= perSender) {
      const locale = localeOf(request.headers['accept-language'])
      const body = JSON.stringify({
        errors: [{ message: OVERLOADED_MESSAGE[locale](retryAfter), extensions: { code: 'OVERLOADED', retryAfter } }],
      })
      // The body is not read: close the connection rather than leave it half-consumed.
      response.writeHead(503, {
        'content-type': 'application/json; charset=utf-8',
        'retry-after': String(retryAfter),
        connection: 'close',
      })
      response.end(body)
      return true
    }
    inProgress += 1
    bySender.set(sender, mine + 1)
    response.once('close', () => {
      inProgress -= 1
      const left = (bySender.get(sender) ?? 1) - 1
      if (left > 0) bySender.set(sender, left)
      else bySender.delete(sender)
    })
    return false
  }
}
