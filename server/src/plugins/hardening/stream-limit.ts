// Subscriptions one caller holds open at once, per instance: each is a connection, a listener on
// the live bus and its access checks, and the rate limit charges a stream only when it starts. The
// caller is counted as the rate limit counts it (key, operator, else address). A stream's place is
// taken once every other check has admitted it, and given back when it ends, however it ends:
// closed by the client, ended by the hub, or refused by its resolver.
import { isAsyncIterable, type Plugin } from 'graphql-yoga'
import { refusal } from './errors.ts'
import { addressOf, type CallerContext, callerKey } from './rate-limit.ts'

export interface StreamLimitOptions {
  /** Open streams per caller; 0 means no limit. */
  perCaller: number
  trustProxyHops: number
}

const message = {
  en: (limit: number) => `Too many open subscriptions: at most ${limit} at once. Close one before subscribing again.`,
  zh: (limit: number) => `同时打开的订阅已达上限（${limit} 个）。请先关闭一个再订阅。`,
}

export function useStreamLimit(options: StreamLimitOptions): Plugin {
  if (options.perCaller <= 0) return {}
  const open = new Map<string, number>()
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn, setResultAndStopExecution }) {
      const context = args.contextValue as CallerContext & { locale?: 'zh' | 'en' }
      const key = callerKey(context.actor, addressOf(context, options.trustProxyHops))
      const count = open.get(key) ?? 0
      if (count >= options.perCaller) {
        const limit = options.perCaller
        setResultAndStopExecution({
          errors: [refusal('TOO_MANY_STREAMS', message[context.locale ?? 'en'](limit), { status: 429 }, { limit })],
        })
        return
      }
      open.set(key, count + 1)
      let released = false
      const release = () => {
        if (released) return
        released = true
        const left = (open.get(key) ?? 1) - 1
        if (left > 0) open.set(key, left)
        else open.delete(key)
      }
      setSubscribeFn(async (subscribeArgs) => {
        try {
          return await subscribeFn(subscribeArgs)
        } catch (error) {
          release()
          throw error
        }
      })
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) return release()
          return { onEnd: release }
        },
      }
    },
  }
}
