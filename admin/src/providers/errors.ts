// Server field errors in the shape react-admin's forms read (pure, unit tested).

/** `prices.0.minAge` → `{ prices: { 0: { minAge: message } } }`, the shape react-hook-form reads. */
export function nestErrors(fieldErrors: { field: string; message: string }[]): Record<string, unknown> {
  const errors: Record<string, unknown> = {}
  for (const { field, message } of fieldErrors) {
    const path = field.split('.')
    let node = errors
    for (const key of path.slice(0, -1)) {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {}
      node = node[key] as Record<string, unknown>
    }
    const last = path[path.length - 1] as string
    if (node[last] === undefined) node[last] = message
  }
  return errors
}
