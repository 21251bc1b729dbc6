// The audit trail of a change set's steps through review: who sent it, approved, rejected or
// withdrew it, when, why, and the status it moved from and to.
import type { Context } from '../builder.ts'
import { actorColumns } from '../records/audit.ts'
import type { Tx } from '../records/registry.ts'

export type ReviewStep = 'SUBMIT' | 'APPROVE' | 'REJECT' | 'WITHDRAW'

export async function auditSetStep(
  tx: Tx,
  ctx: Context,
  setId: number,
  step: ReviewStep,
  status: { from: string | null; to: string },
  reason?: string | null,
) {
  await tx.auditEvent.create({
    data: {
      ...actorColumns(ctx.actor),
      requestId: ctx.requestId,
      recordType: 'ChangeSet',
      recordId: setId,
      action: step,
      changes: { status: { before: status.from, after: status.to } },
      reason: reason?.trim() || null,
      changeSetId: setId,
    },
  })
}
