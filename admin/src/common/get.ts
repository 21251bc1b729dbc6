/** Reads `a.b.0.c` from an object. */
export function get(object: unknown, path: string): unknown {
  let value: unknown = object
  for (const key of path.split('.')) {
    if (value === null || value === undefined) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}
