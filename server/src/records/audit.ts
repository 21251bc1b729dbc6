// The audit trail: one event per change, written in the change's own transaction. The same place
// notes the change for live subscribers (server/src/live/), who hear of it once it has committed.

import { Prisma } from '@minsheng/db'
import type { Actor } from '../auth/actor.ts'
import { actorName } from '../auth/actor.ts'
import type { Context } from '../builder.ts'
import { noteChange } from '../live/after-commit.ts'

type Row = Record<string, unknown>

/** A value as it is stored in an event: JSON, with dates as ISO strings and decimals as strings. */
export function auditValue(value: unknown): unknown {
  if (value == null) return null
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(auditValue)
  if (typeof value === 'object' && 'toFixed' in (value as object)) return String(value)
  return value
}

/** The fields that differ between two states of a record, with their values before and after. */
export function diffRecords(before: Row | null, after: Row | null, fields: string[]) {
  const changes: Record<string, { before: unknown; after: unknown }> = {}
  for (const field of fields) {
    const was = auditValue(before?.[field])
    const is = auditValue(after?.[field])
    if (JSON.stringify(was) !== JSON.stringify(is)) changes[field] = { before: was, after: is }
  }
  return changes
}

export function snapshotOf(record: Row, fields: string[]) {
  return Object.fromEntries(fields.map((field) => [field, auditValue(record[field])]))
}

export function actorColumns(actor: Actor) {
  return {
    actorKind:
      actor.kind === 'user' ? ('USER' as const) : actor.kind === 'key' ? ('API_KEY' as const) : ('SYSTEM' as const),
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorKeyId: actor.kind === 'key' ? actor.keyId : null,
    actorName: actorName(actor),
  }
}

export type AuditAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE' | 'PURGE'

export interface AuditEntry {
  recordType: string
  recordId: number
  action: AuditAction
  before: Row | null
  after: Row | null
  fields: string[]
  reason?: string | null
  /** The change set the change joined (review), if any. */
  changeSetId?: number | null
}

/** The AuditEvent row for one change. */
export function auditData(ctx: Context, entry: AuditEntry) {
  const state = entry.after ?? entry.before
  return {
    ...actorColumns(ctx.actor),
    requestId: ctx.requestId,
    recordType: entry.recordType,
    recordId: entry.recordId,
    action: entry.action,
    changes: diffRecords(entry.before, entry.after, entry.fields),
    reason: entry.reason?.trim() || null,
    version: (state?.version as number | undefined) ?? null,
    snapshot: state ? snapshotOf(state, [...entry.fields, 'deletedAt']) : undefined,
    changeSetId: entry.changeSetId ?? null,
  }
}

/**
 * The INSERT of an event as a statement to run inside another (a CTE of the review's last write),
 * with the same values as writeAudit's create.
 */
export function auditInsert(ctx: Context, entry: AuditEntry): Prisma.Sql {
  const data = auditData(ctx, entry)
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value))
  return auditInsertOf(ctx, entry, {
    recordId: Prisma.sql`${data.recordId}::int`,
    changes: Prisma.sql`${json(data.changes)}::jsonb`,
    version: Prisma.sql`${data.version}::int`,
    snapshot: Prisma.sql`${json(data.snapshot)}::jsonb`,
    changeSetId: Prisma.sql`${data.changeSetId}::int`,
  })
}

/**
 * The INSERT of an event whose record, values and set are SQL over `from` (a statement that
 * computes them itself, records/update-sql.ts); who, why and when come from the request.
 */
export function auditInsertOf(
  ctx: Context,
  entry: Pick<AuditEntry, 'recordType' | 'action' | 'reason'>,
  values: Record<'recordId' | 'changes' | 'version' | 'snapshot' | 'changeSetId', Prisma.Sql>,
  from: Prisma.Sql = Prisma.empty,
): Prisma.Sql {
  const actor = actorColumns(ctx.actor)
  return Prisma.sql`INSERT INTO "AuditEvent" ("at", "actorKind", "actorUserId", "actorKeyId", "actorName",
      "requestId", "recordType", "recordId", "action", "changes", "reason", "version", "snapshot", "changeSetId")
    SELECT ${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC', CAST(${actor.actorKind}::text AS "ActorKind"),
      ${actor.actorUserId}::int, ${actor.actorKeyId}::int, ${actor.actorName}, ${ctx.requestId}::text, ${entry.recordType},
      ${values.recordId}, CAST(${entry.action}::text AS "AuditAction"), ${values.changes}, ${entry.reason?.trim() || null}::text,
      ${values.version}, ${values.snapshot}, ${values.changeSetId} ${from}`
}

/** Notes the change for live subscribers: published by publishingTransaction once it commits. */
export function announce(tx: object, ctx: Context, entry: AuditEntry) {
  noteChange(tx, {
    recordType: entry.recordType,
    recordId: entry.recordId,
    action: entry.action,
    state: entry.after ?? entry.before,
    ctx,
  })
}

// biome-ignore lint/suspicious/noExplicitAny: a Prisma transaction client of the generated type
export async function writeAudit(tx: any, ctx: Context, entry: AuditEntry) {
  await tx.auditEvent.create({ data: auditData(ctx, entry) })
  announce(tx, ctx, entry)
}

/** Many changes of one request in one statement (an import's new records). */
// biome-ignore lint/suspicious/noExplicitAny: a Prisma transaction client of the generated type
export async function writeAudits(tx: any, ctx: Context, entries: AuditEntry[]) {
  await tx.auditEvent.createMany({ data: entries.map((entry) => auditData(ctx, entry)) })
  for (const entry of entries) announce(tx, ctx, entry)
}
