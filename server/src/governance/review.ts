// Review before publication (审核与发布): an author gathers changes in a change set and submits it;
// a reviewer — never the author — approves it, which publishes every record it changed, or rejects
// it with a reason, which returns it to the author; the author may withdraw it, which puts the
// working copy back as published. Each step is one transaction, audited, announced after commit.
/* biome-ignore-all lint/suspicious/noExplicitAny: rows and transactions are typed per model */
import { foreignKeys, PUBLISHED_SCHEMA, RECORD_MODELS } from '@minsheng/db'
import { GraphQLError } from 'graphql'
import { actorName } from '../auth/actor.ts'
import type { Context } from '../builder.ts'
import { publishingTransaction } from '../live/after-commit.ts'
import { labelZhOf } from '../records/errors.ts'
import { encodeGlobalID } from '../records/ids.ts'
import { family, type Tx } from '../records/registry.ts'
import { revertToPublished } from '../records/write.ts'
import { auditSetStep, type ReviewStep } from './audit-steps.ts'
import { lockSet, OPEN_STATUSES } from './change-sets.ts'
import { refuseLockedPeriods } from './periods.ts'
import { publishRecords } from './publishing.ts'
import { mayManageOwnSet, reviewRefusal } from './rules.ts'

const text = {
  notFound: { en: 'No such change set.', zh: '没有这个变更集。' },
  forbidden: { en: 'You may not review this change set.', zh: '您无权审核这个变更集。' },
  notYours: { en: 'Only the author (or an admin) may do this.', zh: '只有作者（或管理员）可以这样做。' },
  selfReview: {
    en: 'Nobody reviews their own changes: another reviewer must approve or reject this set.',
    zh: '不能审核自己提交的修改，须由另一位审核人处理。',
  },
  notPending: { en: 'This change set is not awaiting review.', zh: '该变更集不在待审核状态。' },
  notOpen: { en: 'This change set is already approved or withdrawn.', zh: '该变更集已审核通过或已撤回。' },
  stale: {
    en: 'This change set has changed since you loaded it. Reload it and review it again.',
    zh: '该变更集在您打开后已被修改，请重新加载后再审核。',
  },
  reasonRequired: { en: 'Say why the set is rejected.', zh: '退回时请填写原因。' },
  empty: { en: 'This change set holds no changes.', zh: '该变更集中没有任何修改。' },
}

const fail = (ctx: Context, message: { en: string; zh: string }, code: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message[ctx.locale], { extensions: { code, ...extra } })

async function loadSet(tx: Tx, ctx: Context, id: number, version: number) {
  await lockSet(tx, id) // decided by one caller at a time (see lockSet)
  const set = await tx.changeSet.findUnique({ where: { id }, include: { changes: { orderBy: { id: 'asc' } } } })
  if (!set) throw fail(ctx, text.notFound, 'NOT_FOUND')
  return {
    set,
    /** Holds the step to the version of the set the caller saw: an amended set is reviewed again. */
    checkVersion() {
      if (set.version !== version) {
        throw fail(ctx, text.stale, 'CONFLICT', { expectedVersion: version, currentVersion: set.version })
      }
    },
  }
}

const audit = (tx: Tx, ctx: Context, id: number, step: ReviewStep, from: string, to: string, reason?: string | null) =>
  auditSetStep(tx, ctx, id, step, { from, to }, reason)

const reviewer = (ctx: Context) => ({
  reviewerId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  reviewerName: actorName(ctx.actor),
  reviewedAt: new Date(),
})

/** Creates an empty change set the author adds changes to (`changeSet:` on each change), then submits. */
export function createChangeSet(ctx: Context, note?: string | null) {
  return publishingTransaction(
    async (tx: Tx) =>
      tx.changeSet.create({
        data: {
          status: 'DRAFT',
          origin: 'BATCH',
          note: note?.trim() || null,
          authorId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          authorName: actorName(ctx.actor),
        },
      }),
    {},
  )
}

export function submitChangeSet(ctx: Context, id: number, version: number, note?: string | null) {
  return publishingTransaction(async (tx: Tx) => {
    const { set, checkVersion } = await loadSet(tx, ctx, id, version)
    if (!mayManageOwnSet(ctx.actor, set)) throw fail(ctx, text.notYours, 'FORBIDDEN')
    if (set.status !== 'DRAFT' && set.status !== 'REJECTED') throw fail(ctx, text.notOpen, 'NOT_OPEN')
    checkVersion()
    if (set.changes.length === 0) throw fail(ctx, text.empty, 'BAD_USER_INPUT')
    await audit(tx, ctx, id, 'SUBMIT', set.status, 'PENDING', note)
    return tx.changeSet.update({
      where: { id },
      data: {
        status: 'PENDING',
        submittedAt: new Date(),
        ...(note != null ? { note: note.trim() || null } : {}),
        reviewerId: null,
        reviewerName: null,
        reviewedAt: null,
        version: { increment: 1 },
      },
    })
  }, {})
}

export function approveChangeSet(ctx: Context, id: number, version: number, reason?: string | null) {
  return publishingTransaction(
    async (tx: Tx) => {
      const { set, checkVersion } = await loadSet(tx, ctx, id, version)
      refuseReviewer(ctx, set)
      if (set.status !== 'PENDING') throw fail(ctx, text.notPending, 'NOT_PENDING', { status: set.status })
      checkVersion()
      await refuseWhereMovedOn(tx, ctx, set.changes)
      await refuseLockedPeriods(tx, ctx, set.changes)
      await publishRecords(
        tx,
        ctx,
        set.changes.map((change: any) => ({
          recordType: change.recordType,
          recordId: change.recordId,
          action: change.action,
          changeSetId: id,
          changedFields: Object.keys(change.fields ?? {}),
        })),
        reason,
      )
      await refuseUnpublishedReferences(tx, ctx, set.changes)
      await audit(tx, ctx, id, 'APPROVE', 'PENDING', 'APPROVED', reason)
      return tx.changeSet.update({
        where: { id },
        data: { status: 'APPROVED', reviewReason: reason?.trim() || null, ...reviewer(ctx), version: { increment: 1 } },
      })
    },
    { timeout: 120_000 },
  )
}

export function rejectChangeSet(ctx: Context, id: number, version: number, reason: string) {
  if (!reason.trim()) {
    throw new GraphQLError(text.reasonRequired[ctx.locale], {
      extensions: {
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'reason', code: 'required', message: text.reasonRequired[ctx.locale] }],
      },
    })
  }
  return publishingTransaction(async (tx: Tx) => {
    const { set, checkVersion } = await loadSet(tx, ctx, id, version)
    refuseReviewer(ctx, set)
    if (set.status !== 'PENDING') throw fail(ctx, text.notPending, 'NOT_PENDING', { status: set.status })
    checkVersion()
    await audit(tx, ctx, id, 'REJECT', 'PENDING', 'REJECTED', reason)
    return tx.changeSet.update({
      where: { id },
      data: { status: 'REJECTED', reviewReason: reason.trim(), ...reviewer(ctx), version: { increment: 1 } },
    })
  }, {})
}

export function withdrawChangeSet(ctx: Context, id: number, version: number, reason?: string | null) {
  return publishingTransaction(
    async (tx: Tx) => {
      const { set, checkVersion } = await loadSet(tx, ctx, id, version)
      if (!mayManageOwnSet(ctx.actor, set)) throw fail(ctx, text.notYours, 'FORBIDDEN')
      if (!(OPEN_STATUSES as readonly string[]).includes(set.status)) throw fail(ctx, text.notOpen, 'NOT_OPEN')
      checkVersion()
      // Newest first: a record created in the set after one it refers to goes before it.
      for (const change of [...set.changes].reverse()) {
        await revertToPublished({ tx, ctx, reason: reason ?? null }, family(change.recordType), change.recordId)
      }
      await audit(tx, ctx, id, 'WITHDRAW', set.status, 'WITHDRAWN', reason)
      return tx.changeSet.update({ where: { id }, data: { status: 'WITHDRAWN', version: { increment: 1 } } })
    },
    { timeout: 120_000 },
  )
}

function refuseReviewer(ctx: Context, set: { authorId: number | null; changes: { divisionPath: number[] }[] }) {
  const refusal = reviewRefusal(ctx.actor, set)
  if (refusal === 'SELF_REVIEW') throw fail(ctx, text.selfReview, 'SELF_REVIEW')
  if (refusal) throw fail(ctx, text.forbidden, 'FORBIDDEN')
}

const byType = (changes: { recordType: string; recordId: number }[]) => {
  const map = new Map<string, number[]>()
  for (const change of changes) map.set(change.recordType, [...(map.get(change.recordType) ?? []), change.recordId])
  return map
}

/**
 * Each change was made against the record as it was then published (and left it at a version of
 * the working copy): if either has moved on since, the set is not what the reviewer should approve.
 */
async function refuseWhereMovedOn(tx: Tx, ctx: Context, changes: any[]) {
  for (const [type, ids] of byType(changes)) {
    const rows = async (schema: string) =>
      new Map(
        (
          (await tx.$queryRawUnsafe(
            `SELECT id, version FROM "${schema}"."${type}" WHERE id = ANY($1::int[])`,
            ids,
          )) as { id: number; version: number }[]
        ).map((row) => [row.id, row.version]),
      )
    const [published, working] = [await rows(PUBLISHED_SCHEMA), await rows('public')]
    for (const change of changes.filter((c) => c.recordType === type)) {
      const publishedNow = published.get(change.recordId) ?? null
      const workingNow = working.get(change.recordId) ?? null
      if (publishedNow === change.baseVersion && workingNow === change.version) continue
      const recordId = encodeGlobalID(type, change.recordId)
      throw new GraphQLError(
        ctx.locale === 'zh'
          ? `该变更集中的记录 ${recordId} 在修改之后又有了变化（已发布版本 ${publishedNow ?? '无'}，修改所依据的是 ${change.baseVersion ?? '无'}），请作者重新核对。`
          : `A record of this set (${recordId}) has moved on since the change was made: published version ${publishedNow ?? 'none'}, the change was made on ${change.baseVersion ?? 'none'}. The author should check it again.`,
        {
          extensions: {
            code: 'CONFLICT',
            recordId,
            publishedVersion: publishedNow,
            baseVersion: change.baseVersion,
            workingVersion: workingNow,
          },
        },
      )
    }
  }
}

/** A published record may refer only to published records: the set must bring along what it needs. */
async function refuseUnpublishedReferences(tx: Tx, ctx: Context, changes: any[]) {
  for (const [type, ids] of byType(changes)) {
    for (const key of foreignKeys(type).filter((k) => RECORD_MODELS.includes(k.target))) {
      const missing = (await tx.$queryRawUnsafe(
        `SELECT r.id, r."${key.column}" AS target FROM "${PUBLISHED_SCHEMA}"."${type}" r
         WHERE r.id = ANY($1::int[]) AND r."${key.column}" IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM "${PUBLISHED_SCHEMA}"."${key.target}" x WHERE x.id = r."${key.column}")`,
        ids,
      )) as { id: number; target: number }[]
      const first = missing[0]
      if (!first) continue
      const recordId = encodeGlobalID(type, first.id)
      const targetId = encodeGlobalID(key.target, first.target)
      throw new GraphQLError(
        ctx.locale === 'zh'
          ? `记录 ${recordId} 引用的${labelZhOf(key.target)}记录 ${targetId} 尚未发布，请先审核它所在的变更集。`
          : `${recordId} refers to ${key.target} ${targetId}, which is not published yet: approve the set that holds it first.`,
        { extensions: { code: 'REFERENCE_NOT_PUBLISHED', recordId, field: key.column, referenceId: targetId } },
      )
    }
  }
}
