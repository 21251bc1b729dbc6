// The seeded state is version 1 of every record: a CREATE event by the system with the record's
// fields, as the hub writes for any new record, so the first edit can be undone like any other and
// a citation can be checked against the value it was made for. A record that already has events
// (an earlier run, or changes since) is left alone, so a re-run writes nothing.
import { getDatamodel } from '../generated/pothos-types.ts'
import { Prisma, RECORD_MODELS } from '../src/index.ts'
import type { SeedContext, SeededModel } from './context.ts'

/** Columns that are bookkeeping, not the record's content. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'version', 'ancestorIds'])

/** A value as audit events hold it: JSON, dates as ISO strings, decimals as strings. */
function auditValue(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  if (Prisma.Decimal.isDecimal(value)) return String(value)
  if (Array.isArray(value)) return value.map(auditValue)
  return value
}

const models = getDatamodel().datamodel.models as unknown as Record<
  string,
  { fields: { name: string; kind: string }[] }
>

/** A model's columns (relations left out). */
const scalarColumns = (model: string) =>
  (models[model]?.fields ?? []).filter((field) => field.kind !== 'object').map((field) => field.name)

/** The record families (src/models.ts) with the columns their events hold. */
function recordModels(): { model: SeededModel; type: string; columns: string[] }[] {
  return RECORD_MODELS.map((type) => ({
    model: `${type[0]?.toLowerCase()}${type.slice(1)}` as SeededModel,
    type,
    columns: scalarColumns(type).filter((name) => !BOOKKEEPING.has(name)),
  }))
}

type Delegate = { findMany(args: object): Promise<Record<string, unknown>[]> }

export async function seedAuditEvents({ tx, tally }: SeedContext) {
  for (const { model, type, columns } of recordModels()) {
    const ids = tally.idsOf(model)
    if (!ids.length) continue
    const audited = await tx.auditEvent.findMany({
      where: { recordType: type, recordId: { in: ids } },
      select: { recordId: true },
      distinct: ['recordId'],
    })
    const done = new Set(audited.map((event) => event.recordId))
    const missing = ids.filter((id) => !done.has(id))
    if (!missing.length) continue
    const rows = await (tx as unknown as Record<string, Delegate>)[model]?.findMany({
      where: { id: { in: missing } },
      orderBy: { id: 'asc' },
    })
    await tx.auditEvent.createMany({
      data: (rows ?? []).map((row) => {
        const snapshot = Object.fromEntries(columns.map((column) => [column, auditValue(row[column])]))
        const changes = Object.fromEntries(
          Object.entries(snapshot)
            .filter(([, value]) => value !== null)
            .map(([column, value]) => [column, { before: null, after: value }]),
        )
        return {
          actorKind: 'SYSTEM' as const,
          actorName: 'seed',
          recordType: type,
          recordId: row.id as number,
          action: 'CREATE' as const,
          changes: changes as Prisma.InputJsonValue,
          version: row.version as number,
          snapshot: snapshot as Prisma.InputJsonValue,
          at: row.createdAt as Date,
        }
      }),
    })
  }
}
