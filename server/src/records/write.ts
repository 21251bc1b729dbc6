// The one path by which a record changes. The mutations, the import and the review workflow all
// call these functions inside a transaction of their own; each function checks the caller's
// division scope on the record as it was and as it will be, holds the change to the version the
// caller saw (a change committed meanwhile makes it lose with CONFLICT, never overwrite), writes the
// record and its nested lists, and records the change in the audit trail, which notes it for live
// subscribers once the transaction commits.
/* biome-ignore-all lint/suspicious/noExplicitAny: rows, queries and transactions are typed per model */
import { copyPublishedToWorking, Prisma, prismaSql, snapshotsByRecord } from '@minsheng/db'
import { GraphQLError } from 'graphql'
import type { Context } from '../builder.ts'
import { database } from '../db.ts'
import type { ChangeSetChoice } from '../governance/change-sets.ts'
import {
  changeSetFor,
  type HoldingSet,
  openSetsHolding,
  ownSetAmong,
  purgeFromReview,
  type Snapshots,
  settleChange,
  settleChanges,
  snapshotSqlOf,
} from '../governance/change-sets.ts'
import { noteDivisionPath } from '../live/after-commit.ts'
import { checkedWithoutQuery, errorsAfterSave } from '../quality/index.ts'
import { announce, auditData, auditInsert, diffRecords, writeAudit, writeAudits } from './audit.ts'
import { selectsColumnsOnly } from './columns.ts'
import { dependentsOf } from './dependents.ts'
import { conflictError, type FieldError, labelZhOf, notFoundError, type RecordKind, userInputError } from './errors.ts'
import { idOf, encodeGlobalID as idOfRecord } from './ids.ts'
import { delegateOf, type Family, recordFieldNames, type Tx } from './registry.ts'
import { requireScope } from './scope.ts'
import { ownColumnsUpdate } from './update-sql.ts'
import { type Locale, parseInput } from './validation.ts'
import { table } from './where-sql.ts'

/** Who writes, in which transaction, and why (kept in the audit trail). */
export interface Writer {
  tx: Tx
  ctx: Context
  reason?: string | null
  /** The change set the writes join for review (a form save's own set when absent). */
  changeSet?: ChangeSetChoice
}

/** A record as the caller names it: its database id, the global ID they sent, and the version they saw. */
export interface RecordRef {
  id: number
  globalId: string
  version: number
}

/** A validated create or update input: the record's own columns and its nested lists' Prisma data. */
export interface RecordInput {
  data: Record<string, unknown>
  nested: Record<string, unknown>
  /** The input as sent, for the family's afterWrite (e.g. an indicator's observations). */
  input: Record<string, any>
}

/** Pothos's selection for the record a mutation returns; the whole row when absent. */
type Query = Record<string, any> | undefined

/**
 * Validates an input against the family's fields and nested lists, reporting every failure of
 * both in one BAD_USER_INPUT error, so a form (or an import row) can mark every wrong field at once.
 */
export function parseRecordInput(
  f: Family,
  input: Record<string, any>,
  mode: 'create' | 'update',
  ctx: Context,
): RecordInput {
  const failures: GraphQLError[] = []
  const attempt = <T>(run: () => T, fallback: T): T => {
    try {
      return run()
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') failures.push(error)
      else throw error
      return fallback
    }
  }
  const data = attempt(() => parseInput(f.fields, input, mode, ctx.locale), {})
  const nested = attempt(() => f.options.nestedData?.(input, mode, ctx) ?? {}, {})
  if (failures.length === 1) throw failures[0]
  if (failures.length > 1) {
    const fieldErrors = failures.flatMap((e) => (e.extensions.fieldErrors as FieldError[] | undefined) ?? [])
    throw userInputError(failures.map((e) => e.message).join('; '), fieldErrors)
  }
  return { data, nested, input }
}

/** The database id behind a global ID of the family; NOT_FOUND when it names nothing of that type. */
export function requireId(globalId: string, kind: RecordKind, locale: Locale) {
  const id = idOf(globalId, kind.typename)
  if (id === undefined) throw notFoundError(kind, globalId, locale)
  return id
}

/** The record as the caller may act on it: live (or, for restore and purge, in the trash) and at their version. */
export async function currentRecord(
  tx: Tx,
  f: Family,
  ref: RecordRef,
  state: 'live' | 'trashed' | 'any',
  locale: Locale,
): Promise<Record<string, any>> {
  return checkedRecord(tx, f, ref, state, await delegateOf(tx, f).findUnique({ where: { id: ref.id } }), locale)
}

/** NOT_FOUND unless the record is there in that state; CONFLICT unless at the caller's version. */
async function checkedRecord(
  tx: Tx,
  f: Family,
  ref: RecordRef,
  state: 'live' | 'trashed' | 'any',
  record: Record<string, any> | null,
  locale: Locale,
): Promise<Record<string, any>> {
  const visible =
    record && (state === 'any' || (state === 'live' ? record.deletedAt == null : record.deletedAt != null))
  if (!visible) throw notFoundError(f, ref.globalId, locale)
  if (record.version !== ref.version) {
    const last = await tx.auditEvent.findFirst({
      where: { recordType: f.typename, recordId: ref.id },
      orderBy: { id: 'desc' },
      select: { actorName: true },
    })
    throw conflictError(f, ref.globalId, ref.version, record.version, record.updatedAt, locale, last?.actorName ?? null)
  }
  return record
}

/**
 * The record a change starts from, as currentRecord finds it and within the caller's scope, and
 * (with review on) the caller's own open set already holding it — refused while another
 * operator's set holds it. With review on, the record and the open sets holding it, locked, come
 * in one statement: a raw row whose columns PostgreSQL's types turn into the values Prisma's
 * findUnique gives (Date, Decimal, lists, enum names; test/api/governance/form-save.test.ts), so
 * the audit diff and the snapshots see the same record either way.
 */
async function recordToChange(w: Writer, f: Family, ref: RecordRef, state: 'live' | 'trashed') {
  if (!w.ctx.governance.review) {
    const before = await currentRecord(w.tx, f, ref, state, w.ctx.locale)
    await requireScope(w.tx, f, w.ctx, before, ref.id)
    return { before, ownOpenSet: undefined }
  }
  const rows: ({ __holding: HoldingSet[] } & Record<string, any>)[] = await w.tx.$queryRaw(Prisma.sql`
    WITH "holding" AS (${openSetsHolding(f.typename, ref.id)})
    SELECT r.*, (SELECT COALESCE(json_agg(h ORDER BY h.id), '[]'::json) FROM "holding" h) AS "__holding"
    FROM ${table('public', f.typename)} r WHERE r.id = ${ref.id}`)
  const { __holding: holding = [], ...row } = rows[0] ?? {}
  const before = await checkedRecord(w.tx, f, ref, state, rows[0] ? row : null, w.ctx.locale)
  await requireScope(w.tx, f, w.ctx, before, ref.id)
  return { before, ownOpenSet: ownSetAmong(w, f.typename, holding) }
}

/**
 * Records a change to the working copy: in the author's change set for review (or, without review,
 * published at once), and in the audit trail, which notes it for live subscribers after commit.
 * `ownOpenSet` is the caller's open set already holding the record (see recordToChange).
 */
async function recordChange(
  w: Writer,
  f: Family,
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE',
  before: any,
  after: any,
  { ownOpenSet, snapshots }: { ownOpenSet?: number; snapshots?: Snapshots } = {},
) {
  const fields = recordFieldNames(f)
  const changeSetId = await changeSetFor(w, ownOpenSet)
  const entry = {
    recordType: f.typename,
    recordId: after.id,
    action,
    before,
    after,
    fields,
    reason: w.reason,
    changeSetId,
  }
  const changed = Object.keys(diffRecords(before, after, fields))
  if (changeSetId == null) {
    // Published at once: the event first, as the publication's own steps follow it.
    await writeAudit(w.tx, w.ctx, entry)
    await settleChange(w, f, after.id, action, changeSetId, changed, { snapshots })
    return
  }
  // Under review, nothing else in the transaction reads the event: it is written with the set's
  // last write when that is one statement (a form save), saving a round trip.
  announce(w.tx, w.ctx, entry)
  const alongside = auditInsert(w.ctx, entry)
  const written = await settleChange(w, f, after.id, action, changeSetId, changed, { alongside, snapshots })
  if (!written) await w.tx.auditEvent.create({ data: auditData(w.ctx, entry) })
}

/**
 * Refuses a save after which an ERROR rule of data quality fails (server/src/quality/): the
 * transaction rolls back. BAD_USER_INPUT with a field error per issue, so a form marks the field
 * and an import names the row; the issues themselves in `extensions.qualityIssues`.
 */
async function refuseQualityErrors(w: Writer, f: Family, ids: readonly number[], written?: Record<string, any>[]) {
  const errors = await errorsAfterSave(w.tx, f.typename, ids, written)
  if (errors.length === 0) return
  const text = (issue: (typeof errors)[number]) => (w.ctx.locale === 'zh' ? issue.message.zh : issue.message.en)
  throw new GraphQLError(errors.map(text).join(' '), {
    extensions: {
      code: 'BAD_USER_INPUT',
      fieldErrors: errors.map((issue) => ({ field: issue.field ?? '', code: issue.rule, message: text(issue) })),
      qualityIssues: errors.map(({ rule, severity, recordType, recordId, field, message }) => ({
        rule,
        severity,
        recordType,
        recordId: idOfRecord(recordType, recordId),
        field,
        message,
      })),
    },
  })
}

const hasNested = (input: RecordInput) => Object.keys(input.nested).length > 0

/** The record with the caller's selection (the whole row without one). */
const reread = (w: Writer, f: Family, id: number, query: Query) =>
  delegateOf(w.tx, f).findUniqueOrThrow({ ...(query ?? {}), where: { id } })

export async function createRecord(w: Writer, f: Family, input: RecordInput, query?: Query) {
  await requireScope(w.tx, f, w.ctx, input.data)
  const created = await delegateOf(w.tx, f).create({ data: { ...input.data, ...input.nested } })
  if (f.options.afterWrite) {
    await f.options.afterWrite({ tx: w.tx, id: created.id, mode: 'create', input: input.input, ctx: w.ctx })
  }
  const after = hasNested(input) || f.options.afterWrite ? await reread(w, f, created.id, undefined) : created
  await refuseQualityErrors(w, f, [created.id], [after])
  await recordChange(w, f, 'CREATE', null, after)
  return query ? reread(w, f, created.id, query) : after
}

/**
 * Creates many records that need nothing beyond their own row (no nested lists, no afterWrite) in
 * one statement, audited in one more: an import's new rows. Returns their ids, in the inputs' order.
 */
export async function createPlainRecords(w: Writer, f: Family, inputs: RecordInput[]) {
  for (const input of inputs) await requireScope(w.tx, f, w.ctx, input.data)
  const created = await delegateOf(w.tx, f).createManyAndReturn({ data: inputs.map((input) => input.data) })
  await refuseQualityErrors(
    w,
    f,
    created.map((row: { id: number }) => row.id),
    created,
  )
  const fields = recordFieldNames(f)
  const changeSetId = await changeSetFor(w, undefined)
  await writeAudits(
    w.tx,
    w.ctx,
    created.map((after: Record<string, unknown>) => ({
      recordType: f.typename,
      recordId: after.id as number,
      action: 'CREATE' as const,
      before: null,
      after,
      fields,
      reason: w.reason,
      changeSetId,
    })),
  )
  await settleChanges(
    w,
    f,
    created.map((after: { id: number }) => after.id),
    changeSetId,
  )
  return created.map((row: { id: number }) => row.id) as number[]
}

/**
 * Whether the input writes the record's own row alone: nested lists and afterWrite change the record
 * after its row, so such a write takes the long way.
 */
const ownColumnsOnly = (f: Family, input: RecordInput) => !hasNested(input) && !f.options.afterWrite

/** Whether `createPlainRecords` can write this input. */
export const isPlainCreate = ownColumnsOnly

/** A plain form save under review (no set named, no locked period to check) settles in updateOwnColumns's statement. */
const settlesInStatement = (w: Pick<Writer, 'ctx' | 'changeSet'>, f: Family) =>
  w.ctx.governance.review && !w.changeSet && !f.options.periodPart

/**
 * Whether the update usually needs no SQL but its own statements (updateOwnColumns's, and the
 * scope's division): the mutation then runs it in a transaction past Prisma's (publishingTransaction's
 * `sqlOnly`), which falls back to Prisma's on a conflict or a refusal.
 */
export const updatesInSqlOnly = (w: Pick<Writer, 'ctx' | 'changeSet'>, f: Family, input: RecordInput) =>
  ownColumnsOnly(f, input) && settlesInStatement(w, f) && checkedWithoutQuery(f.typename)

export async function updateRecord(w: Writer, f: Family, ref: RecordRef, input: RecordInput, query?: Query) {
  if (ownColumnsOnly(f, input)) return updateOwnColumns(w, f, ref, input, query)
  const { before, ownOpenSet } = await recordToChange(w, f, ref, 'live')
  await requireScopeIfMoved(w, f, ref, before, input)
  await changeAtVersion(w, f, ref, 'live', (where) =>
    delegateOf(w.tx, f).update({ where, data: { ...input.data, version: { increment: 1 } } }),
  )
  if (hasNested(input)) await delegateOf(w.tx, f).update({ where: { id: ref.id }, data: input.nested })
  if (f.options.afterWrite) {
    await f.options.afterWrite({ tx: w.tx, id: ref.id, mode: 'update', before, input: input.input, ctx: w.ctx })
  }
  const after = await reread(w, f, ref.id, undefined)
  await refuseQualityErrors(w, f, [ref.id], [after])
  await recordChange(w, f, 'UPDATE', before, after, { ownOpenSet })
  return query ? reread(w, f, ref.id, query) : after
}

/** A change of division (or of a division's parent) is checked against the caller's scope where it lands. */
async function requireScopeIfMoved(w: Writer, f: Family, ref: RecordRef, before: any, input: RecordInput) {
  const moves = 'divisionId' in input.data || 'parentId' in input.data
  if (moves) await requireScope(w.tx, f, w.ctx, { ...before, ...input.data }, ref.id)
}

/**
 * An update of the record's own columns, the form save of every family, in one statement
 * (records/update-sql.ts) where recordToChange, the update, review's snapshots and (amending the
 * caller's set) the audit event with the set's change took four. The values are typed by
 * PostgreSQL from their JSON, as Prisma would send them: the row comes back as findUnique gives it
 * (test/api/governance/form-save.test.ts). The checks that need JavaScript follow the statement in
 * the same transaction, which their errors roll back; when nothing was written, the record as it
 * was says why, with recordToChange's errors in its order.
 */
async function updateOwnColumns(w: Writer, f: Family, ref: RecordRef, input: RecordInput, query: Query) {
  const review = w.ctx.governance.review
  const snapshots = review || f.options.periodPart ? await snapshotSqlOf(w.tx, f) : undefined
  const settle = settlesInStatement(w, f) ? { reason: w.reason } : undefined
  const rows: Record<string, any>[] = await w.tx.$queryRaw(
    ownColumnsUpdate({ f, ctx: w.ctx, id: ref.id, version: ref.version, data: input.data, review, snapshots, settle }),
  )
  const [row, holding] = splitRow(rows.find((row) => row.__copy === 'before'))
  const [after, , read] = splitRow(rows.find((row) => row.__copy === 'after'))
  // The checks recordToChange makes, in its order: they pass when the update was made.
  const before = await checkedRecord(w.tx, f, ref, 'live', row, w.ctx.locale)
  await requireScope(w.tx, f, w.ctx, before, ref.id)
  const ownOpenSet = review ? ownSetAmong(w, f.typename, holding) : undefined
  if (!after) {
    // Or the record changed between this statement's snapshot and its update: as it now stands, it says how.
    const now = await currentRecord(w.tx, f, ref, 'live', w.ctx.locale)
    throw conflictError(f, ref.globalId, ref.version, now.version, now.updatedAt, w.ctx.locale, null)
  }
  await requireScopeIfMoved(w, f, ref, before, input)
  await refuseQualityErrors(w, f, [ref.id], [after])
  if (read.settled) {
    // Written by the statement: what remains is the live event, which names the record's division path.
    if (f.within === 'relation' && after.divisionId != null && read.path?.length) {
      noteDivisionPath(w.tx, after.divisionId, read.path)
    }
    announce(w.tx, w.ctx, { recordType: f.typename, recordId: ref.id, action: 'UPDATE', before, after, fields: [] })
  } else {
    const known =
      snapshots &&
      snapshotsByRecord([
        { copy: 'working', id: ref.id, snapshot: read.working, path: read.path },
        ...(read.published ? [{ copy: 'published', id: ref.id, snapshot: read.published, path: null }] : []),
      ])
    await recordChange(w, f, 'UPDATE', before, after, { ownOpenSet, snapshots: known })
  }
  return query && !selectsColumnsOnly(f.typename, query) ? reread(w, f, ref.id, query) : after
}

/** A row of updateOwnColumns's statement: the record's columns, the sets holding it, what review reads. */
function splitRow(row: Record<string, any> | undefined) {
  if (!row) return [null, [], { working: null, published: null, path: null, settled: false }] as const
  const { __copy, __holding, __working, __published, __path, __settled, ...record } = row
  const read = { working: __working, published: __published, path: __path as number[] | null, settled: __settled }
  return [record, __holding as HoldingSet[], read] as const
}

/** Moves a record to the trash (restorable); refused while live records still refer to it. */
export async function trashRecord(w: Writer, f: Family, ref: RecordRef, query?: Query) {
  const { before, ownOpenSet } = await recordToChange(w, f, ref, 'live')
  await refuseIfDependents(w, f, ref.id)
  await changeAtVersion(w, f, ref, 'live', (where) =>
    delegateOf(w.tx, f).update({ where, data: { deletedAt: new Date(), version: { increment: 1 } } }),
  )
  await recordChange(w, f, 'DELETE', before, await reread(w, f, ref.id, undefined), { ownOpenSet })
  return reread(w, f, ref.id, query)
}

/** Brings a record back from the trash, or (with `toVersion`) back to the fields it had at that version. */
export async function restoreRecord(w: Writer, f: Family, ref: RecordRef, toVersion?: number | null, query?: Query) {
  const { before, ownOpenSet } = await recordToChange(w, f, ref, toVersion == null ? 'trashed' : 'live')
  const data = toVersion == null ? { deletedAt: null } : await dataAtVersion(w, f, ref.id, toVersion)
  if (toVersion != null) await requireScope(w.tx, f, w.ctx, { ...before, ...data }, ref.id)
  await changeAtVersion(w, f, ref, 'any', (where) =>
    delegateOf(w.tx, f).update({ where, data: { ...data, version: { increment: 1 } } }),
  )
  // A division's ancestor list follows its restored parent.
  if (f.within === 'self' && f.options.afterWrite) {
    await f.options.afterWrite({ tx: w.tx, id: ref.id, mode: 'update', before, input: {}, ctx: w.ctx })
  }
  await recordChange(w, f, 'RESTORE', before, await reread(w, f, ref.id, undefined), { ownOpenSet })
  return reread(w, f, ref.id, query)
}

/** Removes a trashed record for good (its audit history stays). Only the trashed version the caller saw. */
export async function purgeRecord(w: Writer, f: Family, ref: RecordRef) {
  const before = await currentRecord(w.tx, f, ref, 'trashed', w.ctx.locale)
  const removed = await delegateOf(w.tx, f).deleteMany({
    where: { id: ref.id, version: ref.version, deletedAt: { not: null } },
  })
  if (removed.count === 0) await currentRecord(w.tx, f, ref, 'trashed', w.ctx.locale)
  await writeAudit(w.tx, w.ctx, {
    recordType: f.typename,
    recordId: ref.id,
    action: 'PURGE',
    before,
    after: null,
    fields: recordFieldNames(f),
    reason: w.reason,
  })
  // Purging is final everywhere, review or not: partners' copy loses the record at once.
  await purgeFromReview(w, f, ref.id)
}

/**
 * Puts a record of the working copy back as it is published — the change made to it is withdrawn —
 * or, when it was never published, removes it. The review workflow's third way through this module.
 */
export async function revertToPublished(w: Writer, f: Family, recordId: number) {
  const before = await delegateOf(w.tx, f).findUnique({ where: { id: recordId } })
  if (!before) return
  await requireScope(w.tx, f, w.ctx, before, recordId)
  const fields = recordFieldNames(f)
  const entry = { recordType: f.typename, recordId, fields, reason: w.reason }
  const published = await w.tx.publication.findFirst({
    where: { recordType: f.typename, recordId },
    select: { seq: true },
  })
  if (!published) {
    await refuseIfDependents(w, f, recordId)
    await delegateOf(w.tx, f).delete({ where: { id: recordId } })
    await writeAudit(w.tx, w.ctx, { ...entry, action: 'PURGE', before, after: null })
    return
  }
  await copyPublishedToWorking(prismaSql(w.tx), f.typename, [recordId], database())
  // The record is as published, at a version of its own after every version it had.
  await delegateOf(w.tx, f).update({ where: { id: recordId }, data: { version: before.version + 1 } })
  if (f.options.afterWrite) {
    await f.options.afterWrite({ tx: w.tx, id: recordId, mode: 'update', before, input: {}, ctx: w.ctx })
  }
  await writeAudit(w.tx, w.ctx, { ...entry, action: 'RESTORE', before, after: await reread(w, f, recordId, undefined) })
}

/**
 * Runs a write whose condition holds the record to the caller's version, so a change committed
 * since the record was read makes this one lose cleanly instead of overwriting it; when no row
 * matches, the record as it now stands says whether that is NOT_FOUND or CONFLICT.
 */
async function changeAtVersion<T>(
  w: Writer,
  f: Family,
  ref: RecordRef,
  state: 'live' | 'any',
  write: (where: { id: number; version: number }) => Promise<T>,
): Promise<T> {
  try {
    return await write({ id: ref.id, version: ref.version })
  } catch (error) {
    if ((error as { code?: string })?.code === 'P2025') await currentRecord(w.tx, f, ref, state, w.ctx.locale)
    throw error
  }
}

/** The writable fields a record had at an earlier version, from its audit snapshot. */
async function dataAtVersion(w: Writer, f: Family, id: number, version: number) {
  const event = await w.tx.auditEvent.findFirst({
    where: { recordType: f.typename, recordId: id, version },
    orderBy: { id: 'desc' },
  })
  if (!event?.snapshot) {
    const zh = w.ctx.locale === 'zh'
    throw userInputError(
      zh
        ? `该${f.labelZh}的历史中没有第 ${version} 版。`
        : `Version ${version} is not in the history of this ${f.typename}.`,
      [{ field: 'toVersion', code: 'invalid', message: zh ? '没有这个版本' : 'No such version' }],
    )
  }
  const snapshot = event.snapshot as Record<string, unknown>
  const data: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(f.fields)) {
    if (!(name in snapshot)) continue
    const value = snapshot[name]
    data[name] = spec.kind === 'date' && typeof value === 'string' ? new Date(value) : value
  }
  return data
}

async function refuseIfDependents(w: Writer, f: Family, id: number) {
  for (const dependent of dependentsOf(f.typename)) {
    const where = { [dependent.column]: id, ...(dependent.softDeletes ? { deletedAt: null } : {}) }
    const count = await w.tx[dependent.delegate].count({ where })
    if (count > 0) {
      throw new GraphQLError(
        w.ctx.locale === 'zh'
          ? `仍有 ${count} 条${labelZhOf(dependent.model)}记录属于该${f.labelZh}，请先移动或删除它们。`
          : `${count} ${dependent.model} record(s) still belong to this ${f.typename}; move or delete them first.`,
        { extensions: { code: 'HAS_DEPENDENTS', dependents: { type: dependent.model, count } } },
      )
    }
  }
}
