// The rules a save must pass: every ERROR rule, on the records just written, inside the write's
// transaction, so that a save that would make the figures contradict each other is refused and
// rolled back. Warnings do not stop a save; callers read them from the record's `qualityIssues`.
import type { Prisma, PrismaClient } from '@minsheng/db'
import { employeesWithinJobCapacity, openBedsWithinPlanned } from './figures.ts'
import { type QualityIssue, RULES, type RuleCode } from './rules.ts'
import { findQualityIssues } from './run.ts'

const ERROR_RULES = (Object.keys(RULES) as RuleCode[]).filter((code) => RULES[code].severity === 'ERROR')

/**
 * The record types an ERROR rule looks at: a community's residents count towards its settlement's,
 * an enterprise's employees against its jobs, a hospital's open beds against its planned ones.
 */
const CHECKED_ON_SAVE = new Set(['Settlement', 'Community', 'Enterprise', 'Hospital'])

type Row = Record<string, unknown>
const ref = (recordType: string, row: Row) => ({
  recordType,
  recordId: row.id as number,
  divisionId: row.divisionId as number,
})

/**
 * The ERROR rules of types whose rules look at the record's own row alone: checked on the row the
 * write returned, without reading it again (three statements fewer per hospital update).
 */
const OWN_ROW_ERRORS: Record<string, (row: Row) => QualityIssue[]> = {
  Hospital: (row) =>
    openBedsWithinPlanned({
      ...ref('Hospital', row),
      openBeds: row.openBeds as number | null,
      plannedBeds: row.plannedBeds as number | null,
    }),
  Enterprise: (row) =>
    employeesWithinJobCapacity({
      ...ref('Enterprise', row),
      employees: row.employees as number | null,
      jobCapacity: row.jobCapacity as number | null,
    }),
}

/**
 * The ERROR issues of records just written (none for types no ERROR rule concerns). `written`: the
 * rows as written, in the order of `ids`, when the caller has them whole.
 */
export async function errorsAfterSave(
  db: PrismaClient | Prisma.TransactionClient,
  recordType: string,
  ids: readonly number[],
  written?: readonly Row[],
): Promise<QualityIssue[]> {
  if (!CHECKED_ON_SAVE.has(recordType) || ids.length === 0) return []
  const own = OWN_ROW_ERRORS[recordType]
  if (own && written?.length === ids.length) return written.filter((row) => row.deletedAt == null).flatMap(own)
  return findQualityIssues(db, { rules: ERROR_RULES, records: new Map([[recordType, ids]]) })
}

/** Whether a save of this type is checked without a query (on the row it wrote, or not at all). */
export const checkedWithoutQuery = (recordType: string) =>
  !CHECKED_ON_SAVE.has(recordType) || recordType in OWN_ROW_ERRORS
