// Upsert by natural key that writes only when something differs, so a re-run leaves every row (its
// updatedAt and version included) exactly as it was. Most record tables have no unique natural key in
// the schema, so the seeder finds the row itself and hands it in.
import { Prisma } from '../src/index.ts'
import type { Outcome, SeedContext, SeededModel } from './context.ts'

export interface Writes<Row> {
  create(): Promise<Row>
  update(id: number): Promise<Row>
}

export async function save<Row extends { id: number }>(
  ctx: Pick<SeedContext, 'tally'>,
  model: SeededModel,
  key: string,
  found: Row | null,
  data: object,
  writes: Writes<Row>,
): Promise<Row> {
  let row: Row
  let outcome: Outcome
  if (!found) {
    row = await writes.create()
    outcome = 'created'
  } else if (sameValues(found, data)) {
    row = found
    outcome = 'unchanged'
  } else {
    row = await writes.update(found.id)
    outcome = 'updated'
  }
  ctx.tally.record(model, key, row.id, outcome)
  return row
}

/** True when every field of `data` already holds the same value in `row`. */
export function sameValues(row: object, data: object): boolean {
  const current = row as Record<string, unknown>
  return Object.entries(data).every(([field, value]) => value === undefined || sameValue(current[field], value))
}

type DecimalValue = ConstructorParameters<typeof Prisma.Decimal>[0]

function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b
  if (Prisma.Decimal.isDecimal(a) || Prisma.Decimal.isDecimal(b)) {
    return new Prisma.Decimal(a as DecimalValue).equals(b as DecimalValue)
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]))
  return a === b
}
