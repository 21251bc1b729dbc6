// Which records the signed-in operator may change, for the buttons and pickers that need to know
// before anything is sent: edit and delete only where the hub allows, division pickers only within
// an editor's division.
import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { type RaRecord, useAuthProvider, useGetIdentity } from 'react-admin'
import type { Operator } from '../providers/authProvider.ts'
import { type EditScope, mayChange } from '../providers/permissions.ts'

/** The operator's edit scope (null: anywhere), once known. */
export function useEditScope(): { scope: EditScope | undefined; division: Operator['division'] | undefined } {
  const authProvider = useAuthProvider() as unknown as { editScope(): Promise<EditScope> } | undefined
  const { identity } = useGetIdentity()
  const operator = identity as unknown as Operator | undefined
  const { data } = useQuery({
    queryKey: ['editScope', operator?.id, operator?.division?.id],
    enabled: Boolean(operator && authProvider),
    queryFn: () => (authProvider as { editScope(): Promise<EditScope> }).editScope(),
    staleTime: Number.POSITIVE_INFINITY,
  })
  return { scope: operator ? (operator.division ? data : null) : undefined, division: operator?.division }
}

/** `(action, record) => boolean` for one resource; false while the scope is still being read. */
export function useMayChange(resource: string) {
  const { identity } = useGetIdentity()
  const { scope } = useEditScope()
  const role = (identity as unknown as Operator | undefined)?.role
  return useCallback(
    (action: string, record: RaRecord | undefined) =>
      scope !== undefined && mayChange(role, action, resource, record, scope),
    [role, resource, scope],
  )
}
