// The audit trail of governance's own steps: a change set sent, approved, rejected or withdrawn; a
// reporting period locked or unlocked. Who, when, why, and what moved from what to what.
import type { Context } from '../builder.ts'
import { actorColumns } from '../records/audit.ts'
import type { Tx } from '../records/registry.ts'

export type ReviewStep = 'SUBMIT' | 'APPROVE' | 'REJECT' | 'WITHDRAW'

interface Step {
  recordType: 'ChangeSet' | 'PeriodLock'
  recordId: number
  action: ReviewStep | 'LOCK' | 'UNLOCK'
  /** What moved: { field: { before, after } }. */
  changes: Record<string, { before: unknown; after: unknown }>
  reason?: string | null
}

async function auditStep(tx: Tx, ctx: Context, step: Step) {
  await tx.auditEvent.create({
    data: {
      ...actorColumns(ctx.actor),
      requestId: ctx.requestId,
      ...step,
      changes: step.changes as object,
      reason: step.reason?.trim() || null,
      changeSetId: step.recordType === 'ChangeSet' ? step.recordId : null,
    },
  })
}

export const auditSetStep = (
  tx: Tx,
  ctx: Context,
  setId: number,
  action: ReviewStep,
  status: { from: string | null; to: string },
  reason?: string | null,
) =>
  auditStep(tx, ctx, {
    recordType: 'ChangeSet',
    recordId: setId,
    action,
    changes: { status: { before: status.from, after: status.to } },
    reason,
  })

export const auditLockStep = (
  tx: Tx,
  ctx: Context,
  lockId: number,
  action: 'LOCK' | 'UNLOCK',
  period: string,
  reason?: string | null,
) =>
  auditStep(tx, ctx, {
    recordType: 'PeriodLock',
    recordId: lockId,
    action,
    changes: { period: action === 'LOCK' ? { before: null, after: period } : { before: period, after: null } },
    reason,
  })
