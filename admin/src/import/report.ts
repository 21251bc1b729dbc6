// The hub's side of an import: `importRecords` checks every row (the database's rules too) in a dry
// run, and writes them all in one transaction or none. These helpers turn the browser's plan into
// its rows and its report back into the plan, by line of the file.
import type { BadRow, ImportPlan, PlannedRow, Reason } from './plan.ts'

/** Rows the hub takes in one import. */
export const MAX_IMPORT_ROWS = 10_000

export interface ImportRowError {
  /** 1-based among the rows sent (the CSV header not counted). */
  row: number
  field: string
  code: string
  message: string
}

export interface ImportReport {
  dryRun: boolean
  applied: boolean
  created: number
  updated: number
  errors: ImportRowError[]
  /** What the hub's data-quality rules warn about, per row (`code` is the rule). */
  warnings: ImportRowError[]
  /** All the warnings, of which `warnings` lists the first thousand. */
  warningCount?: number
}

export const IMPORT_MUTATION = `mutation Import($recordType: RecordType!, $rows: [JSON!]!, $dryRun: Boolean, $reason: String) {
  report: importRecords(recordType: $recordType, rows: $rows, dryRun: $dryRun, reason: $reason) {
    dryRun applied created updated errors { row field code message } warnings { row field code message } warningCount
  }
}`

export interface ServerRows {
  rows: Record<string, unknown>[]
  /** The file line of each row sent (`lines[row - 1]`). */
  lines: number[]
}

const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line

/**
 * Every row of the file that would write, in order, as `importRecords` takes it: the input fields,
 * plus `id` and `version` (the file's, else the record's current one) to update. Rows the browser
 * already found bad go too (with what could be read), so that the hub's reasons join the browser's.
 */
export function serverRows(plan: ImportPlan): ServerRows {
  const all: PlannedRow[] = [...plan.creates, ...plan.updates, ...plan.bad].sort(byLine)
  const rows = all.map((row) => {
    const data: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(row.data)) if (value !== undefined) data[field] = value
    if (!row.id) return data
    return { ...data, id: row.id, version: row.version }
  })
  return { rows, lines: all.map((row) => row.line) }
}

/**
 * The plan after the hub's report: rows it refused move to the bad rows, with its reasons beside
 * the browser's (a field the browser already explained is not repeated).
 */
export function mergeReport(plan: ImportPlan, report: ImportReport, lines: readonly number[]): ImportPlan {
  const bad = new Map<number, BadRow>(plan.bad.map((row) => [row.line, { ...row, reasons: [...row.reasons] }]))
  const planned = new Map<number, PlannedRow>([...plan.creates, ...plan.updates].map((row) => [row.line, row]))
  for (const error of report.errors) {
    const line = lines[error.row - 1] ?? error.row + 1
    let row = bad.get(line)
    if (!row) {
      row = { ...(planned.get(line) ?? { line, data: {} }), reasons: [] }
      bad.set(line, row)
    }
    const field = error.field.split('.')[0] ?? ''
    if (field && row.reasons.some((reason) => !reason.server && reason.field === field)) continue
    // Under the file's header for the field (规划床位, not plannedBeds), as the browser's reasons are.
    const header = plan.fieldHeaders?.[field]
    const reason: Reason = {
      column: header ? header + error.field.slice(field.length) : error.field,
      field,
      problem: { message: error.message, args: { code: error.code } },
      server: true,
    }
    row.reasons.push(reason)
  }
  // Warnings of the rows the hub would write, by line of the file (a bad row's are moot).
  const warnings = (report.warnings ?? [])
    .map((warning) => ({
      line: lines[warning.row - 1] ?? warning.row + 1,
      message: warning.message,
      code: warning.code,
    }))
    .filter((warning) => !bad.has(warning.line))
    .sort(byLine)
  return {
    ...plan,
    warnings,
    warningCount: report.warningCount ?? warnings.length,
    creates: plan.creates.filter((row) => !bad.has(row.line)),
    updates: plan.updates.filter((row) => !bad.has(row.line)),
    bad: [...bad.values()].sort(byLine),
  }
}
