// Locking and unlocking reporting periods (see periods.ts for what a lock holds back).
/* biome-ignore-all lint/suspicious/noExplicitAny: rows and transactions are typed per model */
import { GraphQLError } from 'graphql'
import { actorName } from '../auth/actor.ts'
import { isAdmin } from '../auth/permissions.ts'
import type { Context } from '../builder.ts'
import { publishingTransaction } from '../live/after-commit.ts'
import { conflictError, notFoundError, recordKind } from '../records/errors.ts'
import { encodeGlobalID } from '../records/ids.ts'
import type { Tx } from '../records/registry.ts'
import { auditLockStep } from './audit-steps.ts'
import { OPEN_STATUSES } from './change-sets.ts'
import { covers, type Period } from './periods.ts'

const text = {
  outside: {
    en: 'You may lock periods only for your own division or beneath it.',
    zh: '您只能锁定本行政区划及其下级的报告期。',
  },
  pending: {
    en: (sets: number[]) =>
      `Changes to this period are still in review (change sets ${sets.map((id) => `#${id}`).join(', ')}): approve, reject or withdraw them before locking it.`,
    zh: (sets: number[]) =>
      `该报告期仍有待审核的修改（变更集 ${sets.map((id) => `#${id}`).join('、')}），请先审核或撤回后再锁定。`,
  },
  already: { en: 'This period is already locked for this division.', zh: '该行政区划的这个报告期已经锁定。' },
  reason: { en: 'Say why the period is unlocked.', zh: '解锁时请填写原因。' },
  adminsOnly: { en: 'Admins only.', zh: '只有管理员可以解锁报告期。' },
}

/** A period lock as refusals name it (the console's name for them). */
export const PERIOD_LOCK = recordKind('PeriodLock', '期间锁定')

export const periodName = (period: Period) =>
  period.quarter == null ? `${period.year}` : `${period.year}Q${period.quarter}`

/** Open change sets whose changes touch this period's data within the division (or anywhere). */
async function setsInReview(tx: Tx, divisionId: number | null, period: Period): Promise<number[]> {
  const changes = await tx.change.findMany({
    where: {
      recordType: 'Indicator',
      changeSet: { status: { in: [...OPEN_STATUSES] } },
      ...(divisionId != null ? { divisionPath: { has: divisionId } } : {}),
    },
    select: { changeSetId: true, action: true, fields: true },
  })
  const touches = (change: { action: string; fields: any }) => {
    if (change.action === 'DELETE' || change.action === 'RESTORE') return true
    const rows = [...(change.fields?.observations?.before ?? []), ...(change.fields?.observations?.after ?? [])]
    return rows.some((row: any) => covers(period, { year: Number(row.year), quarter: row.quarter ?? null }))
  }
  return [...new Set<number>(changes.filter(touches).map((change: { changeSetId: number }) => change.changeSetId))]
}

export function lockPeriod(
  ctx: Context,
  input: { divisionId: number | null; year: number; quarter: number | null; reason?: string | null },
) {
  const actor = ctx.actor
  const scope = actor.kind === 'user' ? actor.scopeDivisionId : null
  return publishingTransaction(async (tx: Tx) => {
    if (scope != null) {
      const division =
        input.divisionId == null
          ? null
          : await tx.division.findUnique({ where: { id: input.divisionId }, select: { ancestorIds: true } })
      if (!division?.ancestorIds.includes(scope)) {
        throw new GraphQLError(text.outside[ctx.locale], { extensions: { code: 'FORBIDDEN' } })
      }
    }
    const period = { year: input.year, quarter: input.quarter }
    const pending = await setsInReview(tx, input.divisionId, period)
    if (pending.length > 0) {
      throw new GraphQLError(text.pending[ctx.locale](pending), {
        extensions: { code: 'PENDING_REVIEW', changeSetIds: pending.map((id) => encodeGlobalID('ChangeSet', id)) },
      })
    }
    const existing = await tx.periodLock.findFirst({
      where: { divisionId: input.divisionId, year: input.year, quarter: input.quarter, unlockedAt: null },
    })
    if (existing) throw new GraphQLError(text.already[ctx.locale], { extensions: { code: 'ALREADY_EXISTS' } })
    const lock = await tx.periodLock.create({
      data: {
        ...input,
        reason: input.reason?.trim() || null,
        lockedById: actor.kind === 'user' ? actor.userId : null,
        lockedByName: actorName(actor),
      },
    })
    await auditLockStep(tx, ctx, lock.id, 'LOCK', periodName(period), input.reason)
    return lock
  }, {})
}

export function unlockPeriod(ctx: Context, id: number, globalId: string, version: number, reason: string) {
  if (!reason.trim()) {
    throw new GraphQLError(text.reason[ctx.locale], {
      extensions: {
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'reason', code: 'required', message: text.reason[ctx.locale] }],
      },
    })
  }
  if (!isAdmin(ctx.actor)) throw new GraphQLError(text.adminsOnly[ctx.locale], { extensions: { code: 'FORBIDDEN' } })
  return publishingTransaction(async (tx: Tx) => {
    const lock = await tx.periodLock.findUnique({ where: { id } })
    if (!lock || lock.unlockedAt) throw notFoundError(PERIOD_LOCK, globalId, ctx.locale)
    if (lock.version !== version) {
      throw conflictError(PERIOD_LOCK, globalId, version, lock.version, lock.lockedAt, ctx.locale)
    }
    const unlocked = await tx.periodLock.update({
      where: { id },
      data: {
        unlockedAt: new Date(),
        unlockedById: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        unlockedByName: actorName(ctx.actor),
        unlockReason: reason.trim(),
        version: { increment: 1 },
      },
    })
    await auditLockStep(tx, ctx, id, 'UNLOCK', periodName(lock), reason)
    return unlocked
  }, {})
}
