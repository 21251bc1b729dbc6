// The permission rules (server/src/auth/permissions.ts) restated as what each caller must see, for
// the suites that check them on every path: mutations, reads and the import.
import { expect } from 'vitest'
import type { Caller, GraphQLResponse, TestHub } from '../../setup/hub.ts'
import { onlyError, type SeededRefs } from '../support.ts'
import { type Input, scenarioOf } from './records.ts'

export const CALLERS = ['admin', 'editor', 'viewer', 'anonymous', 'readKey', 'hospitalKey'] as const
export type CallerName = (typeof CALLERS)[number]
export type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN'
export type Verb = 'create' | 'update' | 'delete' | 'restore' | 'purge'

/** Reference data a key with any `read:<Type>` scope sees alongside its records. */
export const REFERENCE_TYPES = new Set(['Division', 'Source'])

export function readOutcome(caller: CallerName, typename: string): Outcome {
  if (caller === 'anonymous') return 'UNAUTHENTICATED'
  if (typename === 'AuditEvent') return caller === 'admin' ? 'ok' : 'FORBIDDEN'
  if (caller === 'hospitalKey') return typename === 'Hospital' || REFERENCE_TYPES.has(typename) ? 'ok' : 'FORBIDDEN'
  return 'ok'
}

/** Viewers and keys never write; editors do, except purge; admins do everything. */
export function writeOutcome(caller: CallerName, verb: Verb): Outcome {
  if (caller === 'anonymous') return 'UNAUTHENTICATED'
  if (caller === 'admin') return 'ok'
  if (caller === 'editor') return verb === 'purge' ? 'FORBIDDEN' : 'ok'
  return 'FORBIDDEN'
}

export const adminOnly = (caller: CallerName): Outcome =>
  caller === 'anonymous' ? 'UNAUTHENTICATED' : caller === 'admin' ? 'ok' : 'FORBIDDEN'

export function expectOutcome(result: GraphQLResponse, outcome: Outcome, what: string) {
  if (outcome === 'ok') {
    expect(result.errors, `${what}: ${JSON.stringify(result.errors)}`).toBeUndefined()
  } else {
    expect(onlyError(result).extensions?.code, what).toBe(outcome)
  }
}

/** The matrix's two keys: one reading everything, one reading hospitals only. */
export async function createMatrixKeys(t: TestHub) {
  const created = await t.data(`mutation {
    read: createApiKey(input: { name: "matrix read", scopes: ["read"] }) { secret }
    readHospital: createApiKey(input: { name: "matrix read:Hospital", scopes: ["read:Hospital"] }) { secret }
  }`)
  const keys = { read: created.read.secret as string, readHospital: created.readHospital.secret as string }
  return (name: CallerName): Caller =>
    name === 'readKey' ? { bearer: keys.read } : name === 'hospitalKey' ? { bearer: keys.readHospital } : name
}

const UNIQUE_FIELDS: Record<string, (n: number) => string> = {
  code: (n) => `matrix${n}`,
  file: (n) => `matrix-${n}.txt`,
}
let serial = 0

/** A valid create input of the type, named after `tag` and unique where the type has unique fields. */
export function matrixInput(refs: SeededRefs, typename: string, tag: string): Input {
  const input: Input = { ...scenarioOf(typename).create(refs) }
  const n = ++serial
  input.nameZh = `权限矩阵${n}·${tag}`
  for (const [name, unique] of Object.entries(UNIQUE_FIELDS)) if (name in input) input[name] = unique(n)
  return input
}

/** The row as stored (trash included), read straight from the database. */
export async function storedRow(t: TestHub, typename: string, id: string) {
  const rowId = Number(Buffer.from(id, 'base64').toString().split(':')[1])
  const delegateName = typename[0]?.toLowerCase() + typename.slice(1)
  const delegate = (t.hub.database.prisma as any)[delegateName]
  return (await delegate.findUnique({ where: { id: rowId } })) as {
    version: number
    deletedAt: Date | null
    nameEn: string | null
    divisionId?: number
  } | null
}
