/** Adds the labels of range filters: `plannedBeds_gte` is "规划床位 ≥". */
export function withBounds<T extends Record<string, string>>(fields: T): T & Record<string, string> {
  const bounds: Record<string, string> = {}
  for (const [name, label] of Object.entries(fields)) {
    bounds[`${name}_gte`] = `${label} ≥`
    bounds[`${name}_lte`] = `${label} ≤`
  }
  return { ...fields, ...bounds }
}
