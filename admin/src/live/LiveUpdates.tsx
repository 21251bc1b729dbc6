// The signed-in console's live updates: one connection (client.ts) for the whole console. Lists
// (and show pages) of a resource refresh when another operator changes one of its records; a
// record open in an edit form is left alone, and its form is told instead (ChangedWarning.tsx).
import { type Query, useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react'
import { RESOURCE_NAMES, resourceOfType } from '../providers/resources.ts'
import { listenToChanges, type RecordChange } from './client.ts'
import { isOwnRequest } from './requestIds.ts'

type Listener = (change: RecordChange) => void

interface Live {
  /** Hears of every change by someone else, until the returned function is called. */
  listen(listener: Listener): () => void
  /** Keeps a record open in a form from being reloaded under the operator's edits. */
  editing(resource: string, id: string): () => void
}

const LiveContext = createContext<Live | null>(null)

/** Several changes in a burst (an import) refresh a list once. */
const REFRESH_DELAY_MS = 300

const TRASH_ACTIONS = new Set(['DELETE', 'RESTORE', 'PURGE'])

export function LiveUpdates({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const live = useMemo(() => {
    const listeners = new Set<Listener>()
    const inForms = new Map<string, number>()
    const key = (resource: string, id: string) => `${resource}\u0000${id}`
    const pending = new Set<string>()
    let timer: ReturnType<typeof setTimeout> | undefined

    /** Every query of these resources, except a record open in a form. */
    const isStale = (query: Query) => {
      const [resource, method, params] = query.queryKey as [string, string?, { id?: unknown }?]
      if (!pending.has(resource)) return false
      return !(method === 'getOne' && inForms.has(key(resource, String(params?.id))))
    }
    const refreshSoon = (resource: string) => {
      pending.add(resource)
      if (timer !== undefined) return
      timer = setTimeout(() => {
        timer = undefined
        void queryClient.invalidateQueries({ predicate: isStale })
        pending.clear()
      }, REFRESH_DELAY_MS)
    }

    const onChange = (change: RecordChange) => {
      // This tab's own saves refresh what they need already.
      if (isOwnRequest(change.requestId)) return
      const resource = resourceOfType(change.recordType)
      if (resource) refreshSoon(resource)
      if (TRASH_ACTIONS.has(change.action)) refreshSoon('trash')
      for (const listener of listeners) listener(change)
    }

    const value: Live & { start(): () => void } = {
      listen(listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      editing(resource, id) {
        const k = key(resource, id)
        inForms.set(k, (inForms.get(k) ?? 0) + 1)
        return () => {
          const left = (inForms.get(k) ?? 1) - 1
          if (left > 0) inForms.set(k, left)
          else inForms.delete(k)
        }
      },
      // Back after a break: whatever changed meanwhile was not announced, so every list refreshes.
      start: () =>
        listenToChanges(onChange, () => {
          for (const resource of RESOURCE_NAMES) refreshSoon(resource)
          refreshSoon('trash')
        }),
    }
    return value
  }, [queryClient])

  useEffect(() => live.start(), [live])

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>
}

/** The console's live updates (null outside the signed-in layout). */
export function useLive(): Live | null {
  return useContext(LiveContext)
}
