// The rules a save must pass: every ERROR rule, on the records just written, inside the write's
// transaction, so that a save that would make the figures contradict each other is refused and
// rolled back. Warnings do not stop a save; callers read them from the record's `qualityIssues`.
import type { Prisma, PrismaClient } from '@minsheng/db'
import { type QualityIssue, RULES, type RuleCode } from './rules.ts'
import { findQualityIssues } from './run.ts'

const ERROR_RULES = (Object.keys(RULES) as RuleCode[]).filter((code) => RULES[code].severity === 'ERROR')

/**
 * The record types an ERROR rule looks at: a community's residents count towards its settlement's,
 * an enterprise's employees against its jobs, a hospital's open beds against its planned ones.
 */
const CHECKED_ON_SAVE = new Set(['Settlement', 'Community', 'Enterprise', 'Hospital'])

/** The ERROR issues of records just written (none for types no ERROR rule concerns). */
export async function errorsAfterSave(
  db: PrismaClient | Prisma.TransactionClient,
  recordType: string,
  ids: readonly number[],
): Promise<QualityIssue[]> {
  if (!CHECKED_ON_SAVE.has(recordType) || ids.length === 0) return []
  return findQualityIssues(db, { rules: ERROR_RULES, records: new Map([[recordType, ids]]) })
}
