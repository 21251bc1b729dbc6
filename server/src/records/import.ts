// Bulk import for the console's CSV upload: every row validated, then all applied in one
// transaction or none. A dry run does the same work and rolls it back, so it also finds what only
// the database can tell (a code already taken, a reference to nothing).
/* biome-ignore-all lint/suspicious/noExplicitAny: rows are JSON shaped by the family description */
import { GraphQLError } from 'graphql'
import type { Context } from '../builder.ts'
import { changesNoted, forgetChangesSince, publishingTransaction } from '../live/after-commit.ts'
import { writeAudit, writeAudits } from './audit.ts'
import { classifyDatabaseError, type FieldError } from './errors.ts'
import { type Family, recordFieldNames } from './family.ts'
import type { FieldSpec } from './fields.ts'
import { currentRecord, requireId, requireScope, validateAll } from './mutations.ts'
import { parseInput } from './validation.ts'

export const MAX_IMPORT_ROWS = 10_000

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
  input: Record<string, unknown>
  data: Record<string, unknown>
  nested: Record<string, unknown>
  isUpdate: boolean
}

export async function importRows(
  f: Family,
  rows: Record<string, unknown>[],
  options: { dryRun: boolean; reason?: string | null },
  ctx: Context,
): Promise<ImportReport> {
  const report: ImportReport = { dryRun: options.dryRun, applied: false, created: 0, updated: 0, errors: [] }
  const known = new Set([...Object.keys(f.fields), 'id', 'version'])
  const fields = recordFieldNames(f)
  const fail = (row: number, error: unknown) => {
    if (error instanceof GraphQLError) {
      const fieldErrors = (error.extensions.fieldErrors as FieldError[] | undefined) ?? []
      if (fieldErrors.length) for (const e of fieldErrors) report.errors.push({ row, ...e })
      else
        report.errors.push({ row, field: '', code: String(error.extensions.code ?? 'invalid'), message: error.message })
      return
    }
    const refusal = classifyDatabaseError(error)
    if (!refusal) throw error
    report.errors.push({
      row,
      field: '',
      code: refusal.kind,
      message: ('detail' in refusal ? refusal.detail : undefined) ?? refusal.kind,
    })
  }

  // First every row is checked on its own, without the database.
  const prepared: PreparedRow[] = []
  for (const [index, raw] of rows.entries()) {
    const row = index + 1
    const unknown = Object.keys(raw).filter((key) => !known.has(key))
    if (unknown.length) {
      for (const field of unknown)
        report.errors.push({ row, field, code: 'unknown_field', message: `Unknown column ${field}` })
      continue
    }
    const input = coerceRow(f.fields, raw)
    const isUpdate = input.id != null && input.id !== ''
    try {
      const [data, nested] = validateAll(
        () => parseInput(f.fields, input, isUpdate ? 'update' : 'create', ctx.locale),
        () => f.options.nestedData?.(input, isUpdate ? 'update' : 'create', ctx) ?? {},
      )
      prepared.push({ row, input, data, nested, isUpdate })
    } catch (error) {
      fail(row, error)
    }
  }

  const applyOne = async (tx: any, p: PreparedRow) => {
    if (p.isUpdate) {
      const id = requireId(String(p.input.id), f.typename)
      const before = await currentRecord(tx, f, id, String(p.input.id), Number(p.input.version), 'live')
      await requireScope(tx, f, ctx, { ...before, ...p.data }, id)
      const after = await tx[f.delegate].update({
        where: { id },
        data: { ...p.data, ...p.nested, version: { increment: 1 } },
      })
      await f.options.afterWrite?.({ tx, id, mode: 'update', before, input: p.input, ctx })
      await writeAudit(tx, ctx, {
        recordType: f.typename,
        recordId: id,
        action: 'UPDATE',
        before,
        after,
        fields,
        reason: options.reason,
      })
      report.updated += 1
    } else {
      await requireScope(tx, f, ctx, p.data)
      const created = await tx[f.delegate].create({ data: { ...p.data, ...p.nested } })
      await f.options.afterWrite?.({ tx, id: created.id, mode: 'create', input: p.input, ctx })
      await writeAudit(tx, ctx, {
        recordType: f.typename,
        recordId: created.id,
        action: 'CREATE',
        before: null,
        after: created,
        fields,
        reason: options.reason,
      })
      report.created += 1
    }
  }

  // New records with nothing nested and no after-write rule go in as one statement per chunk.
  const simple = (p: PreparedRow) => !p.isUpdate && Object.keys(p.nested).length === 0 && !f.options.afterWrite

  const applyChunk = async (tx: any, chunk: PreparedRow[]) => {
    if (chunk.every(simple)) {
      for (const p of chunk) await requireScope(tx, f, ctx, p.data)
      const created = await tx[f.delegate].createManyAndReturn({ data: chunk.map((p) => p.data) })
      await writeAudits(
        tx,
        ctx,
        created.map((after: Record<string, unknown>) => ({
          recordType: f.typename,
          recordId: after.id as number,
          action: 'CREATE' as const,
          before: null,
          after,
          fields,
          reason: options.reason,
        })),
      )
      report.created += created.length
      return
    }
    for (const p of chunk) await applyOne(tx, p)
  }

  try {
    await publishingTransaction(
      async (tx: any) => {
        for (let start = 0; start < prepared.length; start += CHUNK) {
          const chunk = prepared.slice(start, start + CHUNK)
          const counts = { created: report.created, updated: report.updated }
          const noted = changesNoted(tx)
          await tx.$executeRawUnsafe('SAVEPOINT import_chunk')
          try {
            await applyChunk(tx, chunk)
            await tx.$executeRawUnsafe('RELEASE SAVEPOINT import_chunk')
          } catch {
            // Something in the chunk was refused: undo it and go row by row to name the rows at fault.
            await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_chunk')
            forgetChangesSince(tx, noted)
            Object.assign(report, counts)
            for (const p of chunk) {
              const notedBeforeRow = changesNoted(tx)
              await tx.$executeRawUnsafe('SAVEPOINT import_row')
              try {
                await applyOne(tx, p)
                await tx.$executeRawUnsafe('RELEASE SAVEPOINT import_row')
              } catch (error) {
                await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_row')
                forgetChangesSince(tx, notedBeforeRow)
                fail(p.row, error)
              }
            }
          }
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
