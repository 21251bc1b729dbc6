// Global IDs: base64 of `<Type>:<database id>`, as @pothos/plugin-relay writes them. Only the exact
// spelling the hub issues is accepted: a positive 32-bit id in plain digits, canonical base64. Any
// other spelling (`Hospital:1.5`, `Hospital:01`, `Hospital:1:extra`, 20 digits, other padding)
// would either fail in the database or name a record the caller did not mean.
import { encodeGlobalID } from '@pothos/plugin-relay'

export { encodeGlobalID }

const MAX_ID = 2_147_483_647
const ID_DIGITS = /^[1-9][0-9]{0,9}$/
const TYPENAME = /^[A-Z][A-Za-z0-9]{0,63}$/
const BASE64 = /^[A-Za-z0-9+/]{4,300}={0,2}$/

export interface ParsedGlobalId {
  typename: string
  id: number
}

/** The type and database id a global ID names, or undefined when it is not one the hub issues. */
export function parseGlobalId(globalId: unknown): ParsedGlobalId | undefined {
  if (typeof globalId !== 'string' || !BASE64.test(globalId)) return undefined
  const decoded = Buffer.from(globalId, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  const typename = decoded.slice(0, colon)
  const digits = decoded.slice(colon + 1)
  if (colon < 0 || !TYPENAME.test(typename) || !ID_DIGITS.test(digits)) return undefined
  const id = Number(digits)
  if (id > MAX_ID || encodeGlobalID(typename, digits) !== globalId) return undefined
  return { typename, id }
}

/** The database id behind a global ID, or undefined when it is malformed or names another type. */
export function idOf(globalId: string, typename: string): number | undefined {
  const parsed = parseGlobalId(globalId)
  return parsed?.typename === typename ? parsed.id : undefined
}
