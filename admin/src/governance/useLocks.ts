// The locks in force over a record's division, for its form (see periods.ts).
import { useQuery } from '@tanstack/react-query'
import { useDataProvider } from 'react-admin'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { ACTIVE_LOCKS_QUERY, locksQuery, type PeriodLockInfo } from './periods.ts'

export function useLocksOver(divisionId: string | null | undefined): PeriodLockInfo[] {
  const dataProvider = useDataProvider<HubDataProvider>()
  const { data } = useQuery({
    queryKey: ['periodLocks', 'over', divisionId ?? null],
    queryFn: async () => {
      const { periodLocks } = await dataProvider.graphql<{ periodLocks: PeriodLockInfo[] }>(ACTIVE_LOCKS_QUERY)
      const everywhere = periodLocks.filter((lock) => !lock.division)
      const scoped = periodLocks.filter((lock) => lock.division)
      if (!divisionId || !scoped.length) return everywhere
      const variables: Record<string, unknown> = { id: divisionId }
      scoped.forEach((lock, i) => {
        variables[`w${i}`] = lock.division?.id
      })
      const within = await dataProvider.graphql<Record<string, { totalCount: number }>>(
        locksQuery(scoped.length),
        variables,
      )
      return [...everywhere, ...scoped.filter((_, i) => (within[`d${i}`]?.totalCount ?? 0) > 0)]
    },
  })
  return data ?? []
}
