// Publishing from the hub: the copy and the log (the db package's publication module), plus what
// the hub owes its users for each published record — a PUBLISH event in the record's history (under
// review; without it every saved version is published and the history already says so), and a
// live event for partners' subscriptions once the transaction commits.
import { type PublishedRecord, type PublishItem, prismaSql, publish } from '@minsheng/db'
import type { Context } from '../builder.ts'
import { database } from '../db.ts'
import { noteChange } from '../live/after-commit.ts'
import { actorColumns } from '../records/audit.ts'
import type { Tx } from '../records/registry.ts'

export async function publishRecords(tx: Tx, ctx: Context, items: PublishItem[], reason?: string | null) {
  const published = await publish(prismaSql(tx), items, database())
  if (ctx.governance.review) await recordPublications(tx, ctx, published, reason)
  for (const record of published) {
    noteChange(tx, {
      recordType: record.recordType,
      recordId: record.recordId,
      action: record.action,
      state: { version: record.version, divisionPath: record.divisionPath },
      ctx,
      published: true,
    })
  }
  return published
}

async function recordPublications(tx: Tx, ctx: Context, published: PublishedRecord[], reason?: string | null) {
  if (published.length === 0) return
  await tx.auditEvent.createMany({
    data: published.map((record) => ({
      ...actorColumns(ctx.actor),
      requestId: ctx.requestId,
      recordType: record.recordType,
      recordId: record.recordId,
      action: 'PUBLISH' as const,
      changes: { changedFields: record.changedFields, publicationSeq: record.seq },
      reason: reason?.trim() || null,
      version: record.version,
      changeSetId: record.changeSetId,
    })),
  })
}
