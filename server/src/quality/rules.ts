// The data-quality rules, declared in one place: each has a stable code, a severity (an ERROR blocks a
// save, a WARNING does not) and a message in Chinese and English. The checks themselves are pure
// functions in the files beside this one; run.ts applies them to the database.

export type Severity = 'ERROR' | 'WARNING'

export const RULES = {
  COMMUNITY_RESIDENTS_EXCEED_SETTLEMENT: {
    severity: 'ERROR',
    title: { zh: '社区搬迁人口之和超过安置区', en: "Communities' relocated residents exceed their settlement's" },
  },
  EMPLOYEES_EXCEED_JOB_CAPACITY: {
    severity: 'ERROR',
    title: { zh: '在岗人数超过岗位容量', en: 'Employees exceed job capacity' },
  },
  OPEN_BEDS_EXCEED_PLANNED: {
    severity: 'ERROR',
    title: { zh: '开放床位超过规划床位', en: 'Open beds exceed planned beds' },
  },
  POINT_OUTSIDE_COUNTY: {
    severity: 'WARNING',
    title: { zh: '坐标不在所属县（市、区）范围内', en: "Location outside its county's boundary" },
  },
  INDICATOR_JUMP: {
    severity: 'WARNING',
    title: { zh: '指标值较上期变化过大', en: 'Indicator value jumps from the previous period' },
  },
  MISSING_ENGLISH_NAME: {
    severity: 'WARNING',
    title: { zh: '缺少英文名称', en: 'No English name' },
  },
  FIGURE_WITHOUT_CITATION: {
    severity: 'WARNING',
    title: { zh: '数字没有出处', en: 'Figure without a citation' },
  },
  FACILITY_DIVISION_IS_COUNTY: {
    severity: 'WARNING',
    title: { zh: '已知所在乡镇，但记录挂在县级', en: 'Filed under its county though its township is known' },
  },
} as const satisfies Record<string, { severity: Severity; title: { zh: string; en: string } }>

export type RuleCode = keyof typeof RULES

/** Factor by which an observation may differ from the previous period's before it is flagged. */
export const INDICATOR_JUMP_FACTOR = 3

/** One problem one rule finds on one record. */
export interface QualityIssue {
  rule: RuleCode
  severity: Severity
  recordType: string
  recordId: number
  /** The field the problem is in, when it is one field. */
  field?: string
  /** The division the record belongs to, for counts per county. */
  divisionId?: number
  /** The record's Chinese name, for lists of issues (run.ts fills it in). */
  recordName?: string
  /** The county the record lies in (run.ts fills it in), for counts per county. */
  county?: { id: number; code: string | null; nameZh: string; nameEn: string | null }
  message: { zh: string; en: string }
}

/** An issue of `rule`, with its severity from the declaration. */
export function issue(
  rule: RuleCode,
  record: { recordType: string; recordId: number; divisionId?: number },
  message: { zh: string; en: string },
  field?: string,
): QualityIssue {
  return { rule, severity: RULES[rule].severity, ...record, ...(field ? { field } : {}), message }
}

/** Whether any of the issues stops a save. */
export const blocksSave = (issues: readonly QualityIssue[]) => issues.some((found) => found.severity === 'ERROR')
