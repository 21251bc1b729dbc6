// Which copy of the records the console reads: the working copy (what operators edit, changes in
// review included), the published copy (what partners read), or the published copy as it stood on
// a past day. The choice of view is kept per operator in this browser; a past day only for this tab.
// The data provider reads it with every list, record and dashboard request (`view`, `asOf`).

export type RecordView = 'WORKING' | 'PUBLISHED'

export interface Reading {
  view: RecordView
  /** A past day, YYYY-MM-DD (local), whose published data is shown; undefined for now. */
  asOfDay?: string
}

export const NOW: Reading = { view: 'WORKING' }

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * The instant `asOf` names for a day: the end of that day, local time — what was published by the
 * close of it — or now for today (the hub refuses a moment in the future).
 */
export function asOfInstant(day: string, now = new Date()): string | undefined {
  if (!DAY.test(day)) return undefined
  const end = new Date(`${day}T23:59:59.999`)
  if (Number.isNaN(end.getTime())) return undefined
  return (end.getTime() > now.getTime() ? now : end).toISOString()
}

/** The arguments a reading request carries: nothing for the working copy (the operator's default). */
export function readingArgs(reading: Reading, now = new Date()): { view?: RecordView; asOf?: string } {
  if (reading.asOfDay) {
    const asOf = asOfInstant(reading.asOfDay, now)
    if (asOf) return { asOf }
  }
  return reading.view === 'PUBLISHED' ? { view: 'PUBLISHED' } : {}
}

/** Whether records may be changed from what is shown: only the working copy, now. */
export const editable = (reading: Reading) => reading.view === 'WORKING' && !reading.asOfDay

/** Reads a stored reading, keeping only what is well formed. */
export function parseReading(stored: string | null | undefined): Reading {
  try {
    const value = JSON.parse(stored ?? 'null') as Partial<Reading> | null
    const view: RecordView = value?.view === 'PUBLISHED' ? 'PUBLISHED' : 'WORKING'
    return typeof value?.asOfDay === 'string' && DAY.test(value.asOfDay) ? { view, asOfDay: value.asOfDay } : { view }
  } catch {
    return NOW
  }
}

// The current reading, shared by the data provider (outside React) and the pages.
let current: Reading = NOW
let operator: string | undefined
const listeners = new Set<(reading: Reading) => void>()

const viewKey = (who: string) => `minsheng.view.${who}`
const AS_OF_KEY = 'minsheng.asOf'

function storage(kind: 'local' | 'session'): Storage | undefined {
  try {
    return kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage
  } catch {
    return undefined
  }
}

export function getReading(): Reading {
  return current
}

export function setReading(next: Reading) {
  const same = next.view === current.view && next.asOfDay === current.asOfDay
  current = next.asOfDay ? { view: next.view, asOfDay: next.asOfDay } : { view: next.view }
  if (operator) storage('local')?.setItem(viewKey(operator), JSON.stringify({ view: current.view }))
  if (current.asOfDay) storage('session')?.setItem(AS_OF_KEY, current.asOfDay)
  else storage('session')?.removeItem(AS_OF_KEY)
  // Everything shown is read again only when the choice really changed.
  if (!same) for (const listener of listeners) listener(current)
}

/** The signed-in operator: their stored view applies (and is kept) from now on. */
export function readingFor(username: string | undefined) {
  if (username === operator) return
  operator = username
  const view = username ? parseReading(storage('local')?.getItem(viewKey(username))).view : 'WORKING'
  const asOfDay = storage('session')?.getItem(AS_OF_KEY) ?? undefined
  setReading({ view, asOfDay: asOfDay && DAY.test(asOfDay) ? asOfDay : undefined })
}

export function subscribeReading(listener: (reading: Reading) => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
