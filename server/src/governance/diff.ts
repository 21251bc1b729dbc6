// What a change set does to one record, as a reviewer reads it: the record as published beside the
// record as changed, field by field and part by part (a facility's prices, an indicator's series).
// Pure: the snapshots come from the publication module (one for each copy).
import type { RecordSnapshot } from '@minsheng/db'

export type NetAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE'

export interface RecordDiff {
  action: NetAction
  /** { field: { before, after } }: before as published (null for a new record), after as changed. */
  fields: Record<string, { before: unknown; after: unknown }>
}

/** Columns of a part that say nothing about it (its identity and bookkeeping). */
const PART_BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'version'])

/** A part's rows in a form that compares equal whenever the part is unchanged. */
export function normalizedPart(rows: Record<string, unknown>[] | undefined): Record<string, unknown>[] {
  return (rows ?? [])
    .map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !PART_BOOKKEEPING.has(key))))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The net effect of the working copy on the published one. `fields` are the record's described
 * fields; `parts` names each part table as the record's field (e.g. CarePrice → prices).
 */
export function diffSnapshots(
  fields: string[],
  parts: Record<string, string>,
  published: RecordSnapshot | undefined,
  working: RecordSnapshot,
): RecordDiff {
  const was = published?.row
  const is = working.row
  const action: NetAction = !was
    ? 'CREATE'
    : was.deletedAt == null && is.deletedAt != null
      ? 'DELETE'
      : was.deletedAt != null && is.deletedAt == null
        ? 'RESTORE'
        : 'UPDATE'
  const changes: RecordDiff['fields'] = {}
  for (const field of fields) {
    if (!same(was?.[field], is[field])) changes[field] = { before: was?.[field] ?? null, after: is[field] ?? null }
  }
  for (const [table, name] of Object.entries(parts)) {
    const before = published ? normalizedPart(published.parts[table]) : []
    const after = normalizedPart(working.parts[table])
    if (!same(before, after)) changes[name] = { before, after }
  }
  return { action, fields: changes }
}

/** Whether the working copy differs from the published one at all. */
export const isNoChange = (diff: RecordDiff) => diff.action === 'UPDATE' && Object.keys(diff.fields).length === 0
