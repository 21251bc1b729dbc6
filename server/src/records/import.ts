// Bulk import (the console's file upload): every row validated, then all written through the one
// write path (write.ts) in one transaction, or none. A dry run does the same work and rolls it
// back, so it also finds what only the database can tell (a code already taken, a reference to
// nothing, a record someone else changed meanwhile, a division outside the caller's scope).
/* biome-ignore-all lint/suspicious/noExplicitAny: rows are JSON shaped by the family description */
import { GraphQLError } from 'graphql'
import type { Context } from '../builder.ts'
import { openNewSet } from '../governance/change-sets.ts'
import { changesNoted, forgetChangesSince, publishingTransaction } from '../live/after-commit.ts'
import { findQualityIssues } from '../quality/index.ts'
import { type FieldError, translateWriteError } from './errors.ts'
import type { FieldSpec } from './fields.ts'
import type { Family, Tx } from './registry.ts'
import {
  createPlainRecords,
  createRecord,
  isPlainCreate,
  parseRecordInput,
  type RecordInput,
  requireId,
  updateRecord,
  type Writer,
} from './write.ts'

export const MAX_IMPORT_ROWS = 10_000
/** Warnings an import report lists (a file of 10,000 rows without English names has 10,000 of one kind). */
export const MAX_IMPORT_WARNINGS = 1_000

export interface ImportRowError extends FieldError {
  /** 1-based row number in the uploaded rows (a CSV's header is not counted). */
  row: number
}

export interface ImportReport {
  dryRun: boolean
  applied: boolean
  created: number
  updated: number
  errors: ImportRowError[]
  /** What the data-quality rules would warn about, per row (ERROR rules refuse the row instead). */
  warnings: ImportRowError[]
  /** All the warnings, of which `warnings` lists the first MAX_IMPORT_WARNINGS. */
  warningCount: number
}

/** JSON values as the GraphQL input types would have coerced them (dates, decimals, numbers in text). */
export function coerceRow(fields: Record<string, FieldSpec>, row: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...row }
  for (const [name, spec] of Object.entries(fields)) {
    const value = row[name]
    if (value == null || value === '') continue
    if (spec.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      out[name] = new Date(`${value}T00:00:00Z`)
    } else if (spec.kind === 'decimal' && typeof value === 'number') {
      out[name] = String(value)
    } else if (
      (spec.kind === 'int' || spec.kind === 'coordinate') &&
      typeof value === 'string' &&
      value.trim() !== ''
    ) {
      const number = Number(value)
      out[name] = Number.isNaN(number) ? value : number
    }
  }
  return out
}

class RollBack extends Error {}

const CHUNK = 500

interface PreparedRow {
  row: number
  input: RecordInput
  /** The record a row with `id` changes; absent for a new record. */
  update?: { globalId: string; version: number }
}

export interface ImportOptions {
  dryRun: boolean
  reason?: string | null
  /** The fields the family's create and update inputs accept (the schema's input types). */
  inputFields: ReadonlySet<string>
}

export async function importRows(
  f: Family,
  rows: Record<string, unknown>[],
  options: ImportOptions,
  ctx: Context,
): Promise<ImportReport> {
  const report: ImportReport = {
    dryRun: options.dryRun,
    applied: false,
    created: 0,
    updated: 0,
    errors: [],
    warnings: [],
    warningCount: 0,
  }
  const fail = (row: number, error: unknown) => {
    if (error instanceof GraphQLError) {
      const fieldErrors = (error.extensions.fieldErrors as FieldError[] | undefined) ?? []
      if (fieldErrors.length) for (const e of fieldErrors) report.errors.push({ row, ...e })
      else
        report.errors.push({ row, field: '', code: String(error.extensions.code ?? 'invalid'), message: error.message })
      return
    }
    // What only the database knows (a code already taken, a parent that does not exist), told as a
    // form's save tells it: in the caller's language, naming the field.
    try {
      translateWriteError(error, f, 'create', ctx.locale)
    } catch (translated) {
      if (translated === error) throw error
      fail(row, translated)
    }
  }

  // First every row is checked on its own, without the database.
  const prepared: PreparedRow[] = []
  for (const [index, raw] of rows.entries()) {
    const row = index + 1
    const unknown = Object.keys(raw).filter((key) => key !== 'id' && key !== 'version' && !options.inputFields.has(key))
    if (unknown.length) {
      for (const field of unknown)
        report.errors.push({
          row,
          field,
          code: 'unknown_field',
          message: ctx.locale === 'zh' ? `未识别的列 ${field}` : `Unknown column ${field}`,
        })
      continue
    }
    const values = coerceRow(f.fields, raw)
    const isUpdate = values.id != null && values.id !== ''
    const { id: _id, version, ...input } = values
    if (isUpdate && !Number.isSafeInteger(Number(version))) {
      const message =
        ctx.locale === 'zh' ? '更新已有记录时需要填写版本号' : 'A row that changes a record needs its version'
      report.errors.push({ row, field: 'version', code: 'required', message })
      continue
    }
    try {
      prepared.push({
        row,
        input: parseRecordInput(f, input, isUpdate ? 'update' : 'create', ctx),
        ...(isUpdate ? { update: { globalId: String(values.id), version: Number(version) } } : {}),
      })
    } catch (error) {
      fail(row, error)
    }
  }

  // The record each row wrote, for the rows' quality warnings.
  const rowOf = new Map<number, number>()
  const applyOne = async (w: Writer, p: PreparedRow) => {
    if (p.update) {
      const ref = { id: requireId(p.update.globalId, f, ctx.locale), ...p.update }
      await updateRecord(w, f, ref, p.input)
      rowOf.set(ref.id, p.row)
      report.updated += 1
    } else {
      const created = await createRecord(w, f, p.input)
      rowOf.set(created.id, p.row)
      report.created += 1
    }
  }

  const applyChunk = async (w: Writer, chunk: PreparedRow[]) => {
    // New records that need nothing beyond their own row go in as one statement per chunk.
    if (chunk.every((p) => !p.update && isPlainCreate(f, p.input))) {
      const ids = await createPlainRecords(
        w,
        f,
        chunk.map((p) => p.input),
      )
      for (const [index, id] of ids.entries()) rowOf.set(id, (chunk[index] as PreparedRow).row)
      report.created += ids.length
      return
    }
    for (const p of chunk) await applyOne(w, p)
  }

  try {
    await publishingTransaction(
      async (tx: Tx) => {
        const w: Writer = { tx, ctx, reason: options.reason, changeSet: { origin: 'IMPORT' } }
        // One file is one change set, made before the rows' savepoints so that none takes it back.
        if (prepared.length > 0) await openNewSet(w)
        for (let start = 0; start < prepared.length; start += CHUNK) {
          const chunk = prepared.slice(start, start + CHUNK)
          const counts = { created: report.created, updated: report.updated }
          const refused = await inSavepoint(tx, 'import_chunk', () => applyChunk(w, chunk))
          if (!refused) continue
          // Something in the chunk was refused: undo it and go row by row to name the rows at fault.
          Object.assign(report, counts)
          for (const p of chunk) {
            const error = await inSavepoint(tx, 'import_row', () => applyOne(w, p))
            if (error) fail(p.row, error.cause)
          }
        }
        // The rows' warnings, read before the rollback sees the records go: one run of the rules
        // over every record the file wrote.
        if (report.errors.length === 0 && rowOf.size > 0) {
          const found = await findQualityIssues(tx, { records: new Map([[f.typename, [...rowOf.keys()]]]) })
          for (const issue of found) {
            const row = issue.recordType === f.typename ? rowOf.get(issue.recordId) : undefined
            if (row === undefined || issue.severity !== 'WARNING') continue
            const message = ctx.locale === 'zh' ? issue.message.zh : issue.message.en
            report.warnings.push({ row, field: issue.field ?? '', code: issue.rule, message })
          }
          report.warnings.sort((a, b) => a.row - b.row)
          report.warningCount = report.warnings.length
          report.warnings = report.warnings.slice(0, MAX_IMPORT_WARNINGS)
        }
        // All or nothing: a dry run, or any bad row, undoes every row.
        if (options.dryRun || report.errors.length > 0) throw new RollBack()
      },
      { timeout: 300_000, maxWait: 10_000 },
    )
    report.applied = true
  } catch (error) {
    if (!(error instanceof RollBack)) throw error
  }
  report.errors.sort((a, b) => a.row - b.row)
  return report
}

/**
 * Runs `work` inside a savepoint; when it fails, rolls back to the savepoint (forgetting the live
 * announcements made since) and returns the failure instead of throwing it.
 */
async function inSavepoint(tx: Tx, name: string, work: () => Promise<void>): Promise<{ cause: unknown } | undefined> {
  const noted = changesNoted(tx)
  await tx.$executeRawUnsafe(`SAVEPOINT ${name}`)
  try {
    await work()
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`)
    return undefined
  } catch (cause) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`)
    forgetChangesSince(tx, noted)
    return { cause }
  }
}
