// Locked reporting periods (`periodLocks`): listed whole by the hub (newest first, unlocked ones
// too); locked by reviewers and admins, unlocked by admins with a reason.
import { isEmpty, type Json, localPage, oneOf, operatorProvider, type Send, unwrapInputErrors } from './local.ts'

const LOCK =
  'id division { id } year quarter period reason lockedAt lockedByName unlockedAt unlockedByName unlockReason version'

export const LOCKS_QUERY = `query PeriodLocks { periodLocks(all: true) { ${LOCK} } }`
export const LOCK_MUTATION = `mutation LockPeriod($input: LockPeriodInput!) { lock: lockPeriod(input: $input) { ${LOCK} } }`
export const UNLOCK_MUTATION = `mutation Unlock($id: ID!, $version: Int!, $reason: String!) { lock: unlockPeriod(id: $id, version: $version, reason: $reason) { ${LOCK} } }`

export function toLockRecord(node: Json): Json {
  const { division, ...rest } = node
  return {
    ...rest,
    divisionId: (division as { id?: string } | null)?.id ?? null,
    status: node.unlockedAt ? 'UNLOCKED' : 'LOCKED',
  }
}

/** A LockPeriodInput from the form: the division (none: every division), the year, an optional quarter. */
export function lockInput(data: Json): Json {
  const input: Json = { year: Number(data.year) }
  if (!isEmpty(data.divisionId)) input.divisionId = data.divisionId
  if (!isEmpty(data.quarter)) input.quarter = Number(data.quarter)
  if (typeof data.reason === 'string' && data.reason.trim()) input.reason = data.reason.trim()
  return input
}

export function createPeriodLocksProvider(send: Send) {
  const provider = operatorProvider({
    async getList(_resource, params) {
      const data = await send<{ periodLocks: Json[] }>(LOCKS_QUERY, {}, params.signal)
      return localPage(data.periodLocks.map(toLockRecord), params, ['period', 'lockedByName', 'reason']) as never
    },
    getOne: (resource, { id, signal }) => oneOf(provider, resource, id, signal) as never,
    async create(_resource, { data }) {
      const result = await send<{ lock: Json }>(LOCK_MUTATION, { input: lockInput(data as Json) }).catch(
        unwrapInputErrors,
      )
      return { data: toLockRecord(result.lock) as never }
    },
  })
  return {
    provider,
    /** Unlocks a period (admins), with the reason the hub requires. */
    async unlock(id: string, version: number, reason: string) {
      const result = await send<{ lock: Json }>(UNLOCK_MUTATION, { id, version, reason })
      return toLockRecord(result.lock)
    },
  }
}
