// Changes are announced only once they are real: the audit write notes each change on its
// transaction, and the transaction's owner publishes the notes after COMMIT. A transaction that
// rolls back (a refused change, an import's dry run or bad row) takes its notes with it.
/* biome-ignore-all lint/suspicious/noExplicitAny: a Prisma transaction client of the generated type */

import { SqlStatementError } from '@minsheng/db'
import { actorName } from '../auth/actor.ts'
import type { Context } from '../builder.ts'
import { database, db } from '../db.ts'
import { hubLogger } from '../operations/logger.ts'
import { NeedsPrismaTransaction, sqlOnlyClient } from '../records/sql-only-client.ts'
import { liveBus } from './bus.ts'
import type { ChangeAction, RecordChangeEvent } from './change.ts'

type Row = Record<string, unknown>

interface Note {
  recordType: string
  recordId: number
  action: ChangeAction
  state: Row | null
  ctx: Context
  at: Date
  /** A publication (what partners hear of), rather than a change to the working copy. */
  published?: boolean
}

const notesOf = new WeakMap<object, Note[]>()
/** Division paths the transaction read anyway (review records them): the events need no read of their own. */
const pathsOf = new WeakMap<object, Map<number, number[]>>()

/**
 * Runs `work` in a transaction and publishes the changes it made once the transaction committed.
 * With `sqlOnly`, for work that usually needs nothing but SQL of its own (a form save), it is tried
 * first in a transaction sent straight to the driver (records/sql-only-client.ts), past Prisma's
 * interactive transaction (the bench's form save: 4.3–4.5 → 2.5–2.7 ms of CPU); when it reaches
 * for more of Prisma's client, or the database refuses one of its statements, that one rolls back
 * and the work runs again in Prisma's, which reports refusals as the write path translates them.
 */
export async function publishingTransaction<T>(
  work: (tx: any) => Promise<T>,
  { sqlOnly, ...options }: { timeout?: number; maxWait?: number; sqlOnly?: boolean },
): Promise<T> {
  if (sqlOnly) {
    try {
      return await noting((begin) => database().sqlTransaction((query) => begin(sqlOnlyClient(query))), work)
    } catch (error) {
      if (!(error instanceof NeedsPrismaTransaction || error instanceof SqlStatementError)) throw error
    }
  }
  return noting((begin) => db().$transaction(begin, options), work)
}

/** `work` in the transaction `transact` opens, its changes noted and published once that committed. */
async function noting<T>(
  transact: (begin: (tx: any) => Promise<T>) => Promise<T>,
  work: (tx: any) => Promise<T>,
): Promise<T> {
  const notes: Note[] = []
  const paths = new Map<number, number[]>()
  const result = await transact((tx) => {
    notesOf.set(tx, notes)
    pathsOf.set(tx, paths)
    return work(tx)
  })
  // Off the request path: the change is committed, and the response need not wait for the bus
  // (Redis across instances). publish() logs its own failures and never throws.
  void publish(notes, paths)
  return result
}

/** A division's path (ancestor ids, self included) as the transaction read it. */
export function noteDivisionPath(tx: object, divisionId: number, path: number[]) {
  pathsOf.get(tx)?.set(divisionId, path)
}

/** Called by the audit write: one change of this transaction (ignored outside publishingTransaction). */
export function noteChange(tx: object, note: Omit<Note, 'at'>) {
  notesOf.get(tx)?.push({ ...note, at: new Date() })
}

/** How many changes the transaction has noted: take it at a SAVEPOINT… */
export function changesNoted(tx: object) {
  return notesOf.get(tx)?.length ?? 0
}

/** …and forget the ones after it on ROLLBACK TO that savepoint. */
export function forgetChangesSince(tx: object, mark: number) {
  const notes = notesOf.get(tx)
  if (notes) notes.length = mark
}

async function publish(notes: Note[], known: Map<number, number[]>) {
  if (notes.length === 0) return
  try {
    const paths = await divisionPaths(notes, known)
    const bus = await liveBus()
    for (const note of notes) bus.publish(eventOf(note, paths))
  } catch (error) {
    // The change is committed whatever happens here; a lost announcement must not fail it.
    hubLogger().error({ err: error }, `Live updates: could not publish ${notes.length} change(s)`)
  }
}

function divisionIdOf(note: Note): number | null {
  if (note.recordType === 'Division') return note.recordId
  // A publication carries its record's path (the record may be gone from the working copy).
  const path = note.state?.divisionPath
  if (Array.isArray(path)) return (path.at(-1) as number | undefined) ?? null
  const id = note.state?.divisionId
  return typeof id === 'number' ? id : null
}

/** Ancestor ids (self included) of every division the changes belong to, in one query. */
async function divisionPaths(notes: Note[], known: Map<number, number[]>) {
  const paths = new Map<number, number[]>(known)
  for (const note of notes) {
    // A division row carries its own path, which also covers a division just purged; a publication
    // carries its record's.
    const own = note.state?.divisionPath ?? (note.recordType === 'Division' ? note.state?.ancestorIds : undefined)
    const id = divisionIdOf(note)
    if (Array.isArray(own) && id != null) paths.set(id, own as number[])
  }
  const missing = [...new Set(notes.map(divisionIdOf))].filter((id): id is number => id != null && !paths.has(id))
  if (missing.length > 0) {
    const divisions = await db().division.findMany({
      where: { id: { in: missing } },
      select: { id: true, ancestorIds: true },
    })
    for (const division of divisions) paths.set(division.id, division.ancestorIds)
  }
  return paths
}

function eventOf(note: Note, paths: Map<number, number[]>): RecordChangeEvent {
  const divisionId = divisionIdOf(note)
  const version = note.state?.version
  return {
    recordType: note.recordType,
    recordId: note.recordId,
    action: note.action,
    version: typeof version === 'number' ? version : null,
    divisionId,
    divisionPath: divisionId == null ? [] : (paths.get(divisionId) ?? [divisionId]),
    at: note.at.toISOString(),
    actorName: actorName(note.ctx.actor),
    requestId: note.ctx.requestId,
    published: note.published === true,
  }
}
