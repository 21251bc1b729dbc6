// The events of one subscriber's stream, as long as the subscriber still has the access it began
// with (access.ts): the stream ends with the reason as soon as it does not.
import { filter, pipe, Repeater } from 'graphql-yoga'
import type { Actor } from '../auth/actor.ts'
import type { SessionPolicy } from '../auth/sessions.ts'
import { type AccessVerdict, checkAccess, concerns } from './access.ts'
import type { LiveBus } from './bus.ts'
import type { RecordChangeEvent } from './change.ts'

/** A check this recent stands for the next events, unless a change is announced meanwhile. */
const CHECK_VALID_MS = 1_000
/** Checked this often even when nothing happens (changes made outside the hub's own mutations). */
const RECHECK_MS = 60_000

export function guardedStream(
  bus: LiveBus,
  actor: Actor,
  policy: SessionPolicy,
  locale: 'zh' | 'en',
  wanted: (event: RecordChangeEvent) => boolean,
): AsyncIterable<RecordChangeEvent> {
  if (actor.kind === 'anonymous') {
    // Nothing to lose: public read is fixed for the life of the hub.
    return pipe(bus.subscribe(), filter(wanted))
  }
  return new Repeater<RecordChangeEvent>(async (push, stop) => {
    let checkedAt = 0
    let timer: NodeJS.Timeout | undefined
    const schedule = (verdict: AccessVerdict & { ok: true }) => {
      clearTimeout(timer)
      const lapse = verdict.lapsesAt === undefined ? RECHECK_MS : verdict.lapsesAt - Date.now() + 10
      timer = setTimeout(() => void recheck(), Math.max(10, Math.min(RECHECK_MS, lapse)))
      timer.unref()
    }
    const recheck = async () => {
      const verdict = await checkAccess(actor, policy, locale).catch(() => undefined)
      // An unreachable database ends nothing by itself: the next check decides.
      if (!verdict) return true
      if (!verdict.ok) {
        stop(verdict.error)
        return false
      }
      checkedAt = Date.now()
      schedule(verdict)
      return true
    }
    const events = bus.subscribe()[Symbol.asyncIterator]()
    const changes = bus.accessChanges()[Symbol.asyncIterator]()
    stop.then(() => {
      clearTimeout(timer)
      void events.return?.()
      void changes.return?.()
    })
    if (!(await recheck())) return
    void (async () => {
      for (let next = await changes.next(); !next.done; next = await changes.next()) {
        if (concerns(actor, next.value) && !(await recheck())) return
      }
    })()
    for (let next = await events.next(); !next.done; next = await events.next()) {
      if (!wanted(next.value)) continue
      if (Date.now() - checkedAt > CHECK_VALID_MS && !(await recheck())) return
      await push(next.value)
    }
    stop()
  })
}
