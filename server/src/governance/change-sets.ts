// The review workflow's side of the write path (records/write.ts). A change to the working copy
// joins its author's change set, to reach partners once a reviewer approves the set; on a hub that
// runs without review (REVIEW=off) it is published at once. A record under review in one operator's
// set is not changed by another until the set is approved, rejected and withdrawn, or withdrawn.
/* biome-ignore-all lint/suspicious/noExplicitAny: rows and transactions are typed per model */
import { Prisma, prismaSql, snapshotSql, workingAndPublishedSnapshots } from '@minsheng/db'
import { GraphQLError } from 'graphql'
import type { Context } from '../builder.ts'
import { datamodel } from '../datamodel.ts'
import { database } from '../db.ts'
import { noteDivisionPath } from '../live/after-commit.ts'
import { labelZhOf, notFoundError, recordKind } from '../records/errors.ts'
import { idOf } from '../records/ids.ts'
import type { Family, Tx } from '../records/registry.ts'
import { recordFieldNames } from '../records/registry.ts'
import type { Locale } from '../records/validation.ts'
import { auditSetStep } from './audit-steps.ts'
import { diffSnapshots, isNoChange } from './diff.ts'
import { refuseIfPeriodLocked } from './periods.ts'
import { publishRecords } from './publishing.ts'

export type ChangeSetOrigin = 'FORM' | 'IMPORT' | 'BATCH'

/** Which change set a writer's changes join (records/write.ts's Writer carries it). */
export interface ChangeSetChoice {
  origin: ChangeSetOrigin
  /** A set the author named (several edits submitted together). */
  id?: number | null
  /** The set this request has created so far (an import's rows all join one). */
  created?: number
}

export const OPEN_STATUSES = ['DRAFT', 'PENDING', 'REJECTED'] as const

const CHANGE_SET = recordKind('ChangeSet', '变更集')

/** The database id of a change set named by its global ID; NOT_FOUND when it names none. */
export function changeSetIdOf(globalId: unknown, locale: Locale) {
  const id = idOf(String(globalId), 'ChangeSet')
  if (id === undefined) throw notFoundError(CHANGE_SET, String(globalId), locale)
  return id
}

interface Writing {
  tx: Tx
  ctx: Context
  reason?: string | null
  changeSet?: ChangeSetChoice
}

const authorOf = (ctx: Context) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null)

function pendingReviewError(ctx: Context, typename: string, set: { id: number; authorName: string }) {
  return new GraphQLError(
    ctx.locale === 'zh'
      ? `该${labelZhOf(typename)}记录正在 ${set.authorName} 的变更集 #${set.id} 中等待审核，审核完成或撤回之前不能修改。`
      : `This ${typename} is in change set #${set.id} by ${set.authorName}, awaiting review: it cannot be changed until the set is approved or withdrawn.`,
    { extensions: { code: 'PENDING_REVIEW', changeSetId: set.id, author: set.authorName } },
  )
}

/** An open change set holding a record, as openSetsHolding reads it. */
export interface HoldingSet {
  id: number
  authorId: number | null
  authorName: string
}

/**
 * The open sets holding a record, each locked for the rest of the transaction in the same
 * statement (as lockSet does): a set a reviewer closes meanwhile drops out once its decision
 * commits, so the record joins a set only while it is still open. A query of its own, or a CTE of
 * the statement that reads the record (records/write.ts).
 */
export const openSetsHolding = (typename: string, recordId: number) => Prisma.sql`
    SELECT s.id, s."authorId", s."authorName" FROM "Change" c JOIN "ChangeSet" s ON s.id = c."changeSetId"
    WHERE c."recordType" = ${typename} AND c."recordId" = ${recordId}
      AND s.status::text IN (${Prisma.join([...OPEN_STATUSES])})
    ORDER BY s.id FOR UPDATE OF s`

/**
 * Refuses a change to a record that is in another operator's open change set; returns the caller's
 * own open set holding it, if any (a further change joins that set).
 */
export function ownSetAmong(w: Writing, typename: string, holding: readonly HoldingSet[]): number | undefined {
  for (const set of holding) {
    if (set.authorId !== authorOf(w.ctx)) throw pendingReviewError(w.ctx, typename, set)
  }
  return holding[0]?.id
}

/**
 * Locks a change set's row for the rest of the transaction and returns its status as it now stands.
 * Every step that reads a set to decide (join, submit, approve, reject, withdraw) takes this lock
 * first, so two reviewers cannot both approve one set, nor an author add to a set being approved.
 */
export async function lockSet(tx: Tx, id: number): Promise<string | undefined> {
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM "ChangeSet" WHERE id = ${id} FOR UPDATE`
  return rows[0]?.status
}

/**
 * The change set a change joins: the author's set already holding the record (an amendment), the
 * set the writer works in (named, or made for this import), or a new one for this form save.
 */
export async function changeSetFor(w: Writing, ownOpen: number | undefined): Promise<number | null> {
  if (!w.ctx.governance.review) return null
  const choice = w.changeSet ?? { origin: 'FORM' }
  const named = choice.id ?? choice.created
  if (ownOpen !== undefined) {
    if (named != null && named !== ownOpen) {
      throw new GraphQLError(
        w.ctx.locale === 'zh'
          ? `该记录已在您的变更集 #${ownOpen} 中，请在那里继续修改，或先撤回该变更集。`
          : `This record is already in your change set #${ownOpen}; change it there, or withdraw that set first.`,
        { extensions: { code: 'PENDING_REVIEW', changeSetId: ownOpen } },
      )
    }
    return ownOpen
  }
  if (choice.id != null) return requireOwnOpenSet(w, choice.id)
  return choice.created ?? openNewSet(w)
}

/** A new set for the writer's changes: submitted at once for a form save or an import. */
export async function openNewSet(w: Writing): Promise<number | null> {
  if (!w.ctx.governance.review) return null
  const choice = w.changeSet ?? { origin: 'FORM' }
  const actor = w.ctx.actor
  const created = await w.tx.changeSet.create({
    data: {
      status: 'PENDING',
      origin: choice.origin,
      note: w.reason?.trim() || null,
      authorId: authorOf(w.ctx),
      authorName: actor.kind === 'user' ? actor.username : 'system',
      submittedAt: new Date(),
    },
    select: { id: true },
  })
  // Saved and sent in one step: the trail still shows the sending, like a set submitted by hand.
  await auditSetStep(w.tx, w.ctx, created.id, 'SUBMIT', { from: null, to: 'PENDING' }, w.reason)
  w.changeSet = { ...choice, created: created.id }
  return created.id
}

async function requireOwnOpenSet(w: Writing, id: number) {
  await lockSet(w.tx, id)
  const set = await w.tx.changeSet.findUnique({ where: { id }, select: { authorId: true, status: true } })
  if (!set || set.authorId !== authorOf(w.ctx)) {
    throw new GraphQLError(w.ctx.locale === 'zh' ? '没有这个变更集。' : 'No such change set of yours.', {
      extensions: { code: 'NOT_FOUND' },
    })
  }
  if (!(OPEN_STATUSES as readonly string[]).includes(set.status)) {
    throw new GraphQLError(
      w.ctx.locale === 'zh' ? '该变更集已审核通过或已撤回，不能再加入修改。' : 'This change set is closed.',
      { extensions: { code: 'NOT_OPEN', status: set.status } },
    )
  }
  return id
}

/** Part tables of a record type, named as the record's fields (CarePrice → prices). */
const partNames = (() => {
  const models = datamodel().datamodel.models as unknown as Record<
    string,
    { fields: { name: string; type: string; kind: string; isList: boolean; relationName?: string }[] }
  >
  const cache = new Map<string, Record<string, string>>()
  return (typename: string) => {
    let names = cache.get(typename)
    if (!names) {
      names = {}
      for (const field of models[typename]?.fields ?? []) {
        if (field.kind !== 'object' || !field.isList) continue
        names[field.type] = field.name
        if (field.relationName) names[`_${field.relationName}`] = field.name
      }
      cache.set(typename, names)
    }
    return names
  }
})()

/**
 * The record's division and its ancestors, from its working row (a division: its own); `known`:
 * the path read with the row's snapshot. Noted for the live event, which needs the same path.
 */
async function divisionPathOf(tx: Tx, f: Family, row: Record<string, any>, known?: number[]): Promise<number[]> {
  if (f.within === 'self') return row.ancestorIds ?? []
  if (f.within === 'none' || row.divisionId == null) return []
  const path =
    known ??
    (await tx.division.findUnique({ where: { id: row.divisionId }, select: { ancestorIds: true } }))?.ancestorIds ??
    []
  if (path.length > 0) noteDivisionPath(tx, row.divisionId, path)
  return path
}

/**
 * After the working copy of a record changed: with review, records the set's net change to the
 * published record (or drops it, when the record is back as published); without, publishes it.
 */
export function settleChange(
  w: Writing,
  f: Family,
  recordId: number,
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE',
  changeSetId: number | null,
  changedFields: string[],
  options: SettleOptions = {},
) {
  return settleChanges(w, f, [recordId], changeSetId, action, changedFields, options)
}

/** The snapshots review compares, as workingAndPublishedSnapshots reads them. */
export type Snapshots = Awaited<ReturnType<typeof workingAndPublishedSnapshots>>

interface SettleOptions {
  /**
   * A statement (an INSERT) to run with the set's last write, saving a round trip: settleChanges
   * returns true when it was run, false when the caller must run it itself.
   */
  alongside?: Prisma.Sql
  /** The records' snapshots, when the write read them already (records/write.ts's one-statement update). */
  snapshots?: Snapshots
}

/** settleChange for many records of one family at once (an import's new records). */
export async function settleChanges(
  w: Writing,
  f: Family,
  recordIds: number[],
  changeSetId: number | null,
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE' = 'CREATE',
  changedFields: string[] = [],
  { alongside, snapshots }: SettleOptions = {},
): Promise<boolean> {
  if (recordIds.length === 0) return false
  const review = changeSetId != null
  // The copies side by side: what review records, and what a locked period's check compares.
  const { working, published, divisionPaths } =
    review || f.options.periodPart
      ? (snapshots ?? (await snapshotsOf(w.tx, f, recordIds)))
      : { working: undefined, published: undefined, divisionPaths: undefined }
  if (f.options.periodPart) {
    for (const recordId of recordIds) {
      const now = working?.get(recordId)
      const path = now ? await divisionPathOf(w.tx, f, now.row, divisionPaths?.get(recordId)) : []
      await refuseIfPeriodLocked(w.tx, w.ctx, f, recordId, path, {
        published: published?.get(recordId),
        working: now,
      })
    }
  }
  if (!review) {
    const items = recordIds.map((recordId) => ({ recordType: f.typename, recordId, action, changedFields }))
    await publishRecords(w.tx, w.ctx, items, w.reason)
    return false
  }
  const drop: number[] = []
  const upserts: Record<string, any>[] = []
  for (const recordId of recordIds) {
    const now = working?.get(recordId)
    if (!now) continue
    const was = published?.get(recordId)
    const diff = diffSnapshots(recordFieldNames(f), partNames(f.typename), was, now)
    if (isNoChange(diff)) drop.push(recordId)
    else {
      upserts.push({
        recordId,
        action: diff.action,
        fields: diff.fields,
        version: now.row.version as number,
        baseVersion: (was?.row.version as number | undefined) ?? null,
        divisionPath: await divisionPathOf(w.tx, f, now.row, divisionPaths?.get(recordId)),
      })
    }
  }
  if (drop.length > 0) {
    await w.tx.change.deleteMany({ where: { changeSetId, recordType: f.typename, recordId: { in: drop } } })
  }
  if (drop.length === 0 && upserts.length === 1) {
    // One form save: the change and the set's new version in one statement.
    await upsertChangeOfSet(w.tx, changeSetId, f.typename, upserts[0] as Record<string, any>, alongside)
    return alongside !== undefined
  }
  if (upserts.length > 1) {
    // Many at once are new to the set (an import's rows): one statement.
    await w.tx.change.createMany({
      data: upserts.map((row) => ({ ...row, changeSetId, recordType: f.typename })),
    })
  } else {
    for (const { baseVersion, recordId, ...data } of upserts) {
      await w.tx.change.upsert({
        where: { changeSetId_recordType_recordId: { changeSetId, recordType: f.typename, recordId } },
        create: { ...data, changeSetId, recordType: f.typename, recordId, baseVersion },
        update: data,
      })
    }
  }
  // The set changed: a reviewer holding an older version of it is told so on approval.
  await w.tx.changeSet.update({ where: { id: changeSetId }, data: { version: { increment: 1 } } })
  return false
}

/**
 * Records a set's change to one record (new, or amended) and counts the set's new version, as the
 * upsert and update of settleChanges do, in one statement.
 */
async function upsertChangeOfSet(
  tx: Tx,
  changeSetId: number,
  recordType: string,
  change: Record<string, any>,
  alongside?: Prisma.Sql,
) {
  const now = new Date().toISOString()
  const upsert = changeUpsertOf(recordType, now, {
    changeSetId: Prisma.sql`${changeSetId}::int`,
    recordId: Prisma.sql`${change.recordId}::int`,
    action: Prisma.sql`${change.action}::text`,
    fields: Prisma.sql`${JSON.stringify(change.fields)}::jsonb`,
    baseVersion: Prisma.sql`${change.baseVersion}::int`,
    version: Prisma.sql`${change.version}::int`,
    divisionPath: Prisma.sql`${change.divisionPath}::int[]`,
  })
  await tx.$executeRaw`
    WITH ${alongside ? Prisma.sql`"alongside" AS (${alongside}), ` : Prisma.empty}"change" AS (${upsert} RETURNING 1)
    ${setVersionCounted(Prisma.sql`${changeSetId}::int`, now)}`
}

/**
 * The INSERT of a set's change to one record, or its amendment when the set holds the record
 * already, with values as SQL over `from` (a statement that computes them, records/update-sql.ts).
 */
export function changeUpsertOf(
  recordType: string,
  now: string,
  values: Record<
    'changeSetId' | 'recordId' | 'action' | 'fields' | 'baseVersion' | 'version' | 'divisionPath',
    Prisma.Sql
  >,
  from: Prisma.Sql = Prisma.empty,
) {
  return Prisma.sql`INSERT INTO "Change" ("changeSetId", "recordType", "recordId", "action", "fields", "baseVersion",
      "version", "divisionPath", "createdAt", "updatedAt")
    SELECT ${values.changeSetId}, ${recordType}, ${values.recordId}, CAST(${values.action} AS "AuditAction"),
      ${values.fields}, ${values.baseVersion}, ${values.version}, ${values.divisionPath},
      ${now}::timestamptz AT TIME ZONE 'UTC', ${now}::timestamptz AT TIME ZONE 'UTC' ${from}
    ON CONFLICT ("changeSetId", "recordType", "recordId") DO UPDATE SET "action" = EXCLUDED."action",
      "fields" = EXCLUDED."fields", "version" = EXCLUDED."version", "divisionPath" = EXCLUDED."divisionPath",
      "updatedAt" = EXCLUDED."updatedAt"`
}

/** The set changed: a reviewer holding an older version of it is told so on approval. */
export const setVersionCounted = (changeSetId: Prisma.Sql, now: string) =>
  Prisma.sql`UPDATE "ChangeSet" SET "version" = "version" + 1, "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
    WHERE id = ${changeSetId}`

async function snapshotsOf(tx: Tx, f: Family, recordIds: number[]) {
  return workingAndPublishedSnapshots(prismaSql(tx), f.typename, recordIds, database())
}

/** snapshotsOf as SQL over a row `r` of the family, for a write that reads them in its own statement. */
export const snapshotSqlOf = (tx: Tx, f: Family) => snapshotSql(prismaSql(tx), f.typename, database())

/**
 * Whether an open set of another operator holds the record, as SQL over a CTE "holding" of
 * openSetsHolding's rows: the condition on which ownSetAmong refuses a change.
 */
export const heldByOthers = (ctx: Context) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "holding" h WHERE h."authorId" IS DISTINCT FROM ${authorOf(ctx)}::int)`

/**
 * A purged record is gone for good, review or not: it leaves every open change set, and partners'
 * copy loses it at once (when they ever had it).
 */
export async function purgeFromReview(w: Writing, f: Family, recordId: number) {
  await w.tx.change.deleteMany({
    where: { recordType: f.typename, recordId, changeSet: { status: { in: [...OPEN_STATUSES] } } },
  })
  const wasPublished = await w.tx.publication.findFirst({
    where: { recordType: f.typename, recordId },
    select: { seq: true },
  })
  if (wasPublished) await publishRecords(w.tx, w.ctx, [{ recordType: f.typename, recordId, action: 'PURGE' }], w.reason)
}
