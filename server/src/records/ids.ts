import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay'

export { encodeGlobalID }

/** The database id behind a global ID, or undefined when it is malformed or names another type. */
export function idOf(globalId: string, typename: string): number | undefined {
  try {
    const decoded = decodeGlobalID(globalId)
    if (decoded.typename !== typename) return undefined
    const id = Number(decoded.id)
    return Number.isSafeInteger(id) && id > 0 ? id : undefined
  } catch {
    return undefined
  }
}
