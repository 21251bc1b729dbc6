// The reading (working, published, or a past day) as React state.
import { useSyncExternalStore } from 'react'
import { getReading, type Reading, subscribeReading } from './reading.ts'

export function useReading(): Reading {
  return useSyncExternalStore(subscribeReading, getReading, getReading)
}
