// Locked reporting periods (期间锁定): once a period's figures are published, an admin or a reviewer
// locks the period for a division and everything beneath it (or for the whole hub); from then on no
// change that touches the period's data — an observation of that year or quarter added, changed or
// removed, or its indicator trashed or restored — is saved or approved, until an admin unlocks it
// with a reason. Both are audited.
/* biome-ignore-all lint/suspicious/noExplicitAny: rows and transactions are typed per model */
import { PUBLISHED_SCHEMA, prismaSql, type RecordSnapshot, recordSnapshots } from '@minsheng/db'
import { GraphQLError } from 'graphql'
import type { Context } from '../builder.ts'
import { database } from '../db.ts'
import { encodeGlobalID } from '../records/ids.ts'
import { type Family, family, type Tx } from '../records/registry.ts'
import { normalizedPart } from './diff.ts'

export interface Period {
  year: number
  /** A quarter of the year; null for the year itself. */
  quarter: number | null
}

export interface Lock extends Period {
  id: number
  divisionId: number | null
  lockedByName: string
  reason: string | null
}

/** Whether a lock covers a period's data: a year's lock covers all of it; a quarter's, that quarter's. */
export const covers = (lock: Period, period: Period) =>
  lock.year === period.year && (lock.quarter == null || lock.quarter === period.quarter)

/** The periods whose rows differ between two versions of a record's period part. */
export function touchedPeriods(before: Record<string, unknown>[], after: Record<string, unknown>[]): Period[] {
  const key = (row: Record<string, unknown>) => JSON.stringify(row)
  const was = new Set(before.map(key))
  const is = new Set(after.map(key))
  const changed = [...before.filter((row) => !is.has(key(row))), ...after.filter((row) => !was.has(key(row)))]
  const periods = new Map<string, Period>()
  for (const row of changed) {
    const period = { year: Number(row.year), quarter: row.quarter == null ? null : Number(row.quarter) }
    periods.set(`${period.year}:${period.quarter}`, period)
  }
  return [...periods.values()]
}

/**
 * The periods a change to a record touches, from the record as published and as changed: rows of
 * its period part that differ, or all of them when the record leaves or returns to the published copy.
 */
export function periodsOfChange(f: Family, published: RecordSnapshot | undefined, working: RecordSnapshot | undefined) {
  const part = f.options.periodPart
  if (!part) return []
  const rows = (snapshot?: RecordSnapshot) =>
    snapshot && snapshot.row.deletedAt == null ? normalizedPart(snapshot.parts[part]) : []
  return touchedPeriods(rows(published), rows(working))
}

/** Locks in force over any of these periods, for a division path (a lock on an ancestor covers it). */
export async function locksOver(tx: Tx, divisionPath: number[], periods: Period[]): Promise<Lock[]> {
  if (periods.length === 0) return []
  const locks: Lock[] = await tx.periodLock.findMany({
    where: {
      unlockedAt: null,
      year: { in: [...new Set(periods.map((p) => p.year))] },
      OR: [{ divisionId: null }, { divisionId: { in: divisionPath } }],
    },
  })
  return locks.filter((lock) => periods.some((period) => covers(lock, period)))
}

export function periodLockedError(ctx: Context, lock: Lock, recordId?: string) {
  const period = lock.quarter == null ? `${lock.year}` : `${lock.year}Q${lock.quarter}`
  return new GraphQLError(
    ctx.locale === 'zh'
      ? `报告期 ${period} 已由 ${lock.lockedByName} 锁定${lock.reason ? `（${lock.reason}）` : ''}，不能再修改该期数据。`
      : `The reporting period ${period} was locked by ${lock.lockedByName}${lock.reason ? ` (${lock.reason})` : ''}: its data cannot be changed.`,
    {
      extensions: {
        code: 'PERIOD_LOCKED',
        period,
        lockedBy: lock.lockedByName,
        lockId: encodeGlobalID('PeriodLock', lock.id),
        ...(recordId ? { recordId } : {}),
      },
    },
  )
}

/** Refuses a change to a record (as it now stands in the working copy) that touches a locked period. */
export async function refuseIfPeriodLocked(
  tx: Tx,
  ctx: Context,
  f: Family,
  recordId: number,
  divisionPath: number[],
  snapshots?: { published?: RecordSnapshot; working?: RecordSnapshot },
) {
  if (!f.options.periodPart) return
  const { published, working } = snapshots ?? (await snapshotsOf(tx, f, recordId))
  const [lock] = await locksOver(tx, divisionPath, periodsOfChange(f, published, working))
  if (lock) throw periodLockedError(ctx, lock, encodeGlobalID(f.typename, recordId))
}

async function snapshotsOf(tx: Tx, f: Family, recordId: number) {
  const sql = prismaSql(tx)
  const [working, published] = await Promise.all(
    ['public', PUBLISHED_SCHEMA].map((schema) => recordSnapshots(sql, f.typename, [recordId], schema, database())),
  )
  return { published: published?.get(recordId), working: working?.get(recordId) }
}

/** At approval: no change of the set may touch a period locked since the change was made. */
export async function refuseLockedPeriods(
  tx: Tx,
  ctx: Context,
  changes: { recordType: string; recordId: number; divisionPath: number[] }[],
) {
  for (const change of changes) {
    await refuseIfPeriodLocked(tx, ctx, family(change.recordType), change.recordId, change.divisionPath)
  }
}
