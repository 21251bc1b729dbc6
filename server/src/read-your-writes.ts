// Which database a read goes to. With read replicas, reads go to a replica, which may lag behind the
// primary; code that must see what was just written (a mutation's payload, reads after a write in
// the same request, who is signed in) runs inside `readingFromPrimary`, and `db()` honours it for
// every call made within, however deep, without threading a flag through each resolver.
import { AsyncLocalStorage } from 'node:async_hooks'

const primaryReads = new AsyncLocalStorage<true>()

export function readingFromPrimary<T>(run: () => T): T {
  return primaryReads.run(true, run)
}

export function readsGoToPrimary(): boolean {
  return primaryReads.getStore() === true
}
