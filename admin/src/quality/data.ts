// The quality page's requests and the shapes it draws from them. Pure: unit tested, and the API test
// of the page's requests uses the same documents.

export type Severity = 'ERROR' | 'WARNING'

export interface QualityCounty {
  id: string
  code: string | null
  nameZh: string
  nameEn: string | null
}

export interface QualityIssue {
  rule: string
  severity: Severity
  title: string
  message: string
  recordType: string
  recordId: string
  recordName: string | null
  field: string | null
  county: QualityCounty | null
}

export interface QualityWhere {
  division?: string
  rule?: string
  severity?: Severity
  type?: string
}

export interface QualityData {
  dataQualityIssues: {
    totalCount: number
    pageInfo: { hasNextPage: boolean; endCursor: string | null }
    nodes: QualityIssue[]
    byRule: { rule: string; severity: Severity; title: string; count: number }[]
    byCounty: { county: QualityCounty | null; count: number; errors: number }[]
    byCountyAndRule: { county: { id: string } | null; rule: string; count: number }[]
  }
}

/** Issues on one page of the list. */
export const PAGE_SIZE = 100

const COUNTY = 'county { id code nameZh nameEn }'

export const QUALITY_QUERY = `query Quality($where: QualityIssueWhere, $first: Int, $after: String) {
  dataQualityIssues(where: $where, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { rule severity title message recordType recordId recordName field ${COUNTY} }
    byRule { rule severity title count }
    byCounty { ${COUNTY} count errors }
    byCountyAndRule { county { id } rule count }
  }
}`

/** The issues a record carries (`qualityIssues`, loaded with it), errors first. */
export function issuesOf(record: Record<string, unknown> | undefined): QualityIssue[] {
  const issues = Array.isArray(record?.qualityIssues) ? (record?.qualityIssues as QualityIssue[]) : []
  return [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'ERROR' ? -1 : 1))
}

export interface CountyRow {
  county: QualityCounty | null
  /** Issues per rule code. */
  cells: Record<string, number>
  total: number
  errors: number
}

/**
 * The table of counts: one row per county (records above the counties last), one column per rule
 * that found anything, and the totals.
 */
export function countTable(data: QualityData['dataQualityIssues']) {
  const rules = data.byRule.map((entry) => entry.rule)
  const rows: CountyRow[] = data.byCounty.map((entry) => ({
    county: entry.county,
    cells: {},
    total: entry.count,
    errors: entry.errors,
  }))
  const rowOf = new Map(rows.map((row) => [row.county?.id ?? '', row]))
  for (const cell of data.byCountyAndRule) {
    const row = rowOf.get(cell.county?.id ?? '')
    if (row) row.cells[cell.rule] = cell.count
  }
  // Counties first, by code; the city and above (no county) last.
  rows.sort(
    (a, b) => (a.county ? 0 : 1) - (b.county ? 0 : 1) || (a.county?.code ?? '').localeCompare(b.county?.code ?? ''),
  )
  const totals: Record<string, number> = Object.fromEntries(data.byRule.map((entry) => [entry.rule, entry.count]))
  return { rules, rows, totals, total: data.totalCount }
}

/** The where of the page's filters, without the empty ones. */
export function whereOf(filters: QualityWhere): QualityWhere | undefined {
  const where = Object.fromEntries(Object.entries(filters).filter(([, value]) => value != null && value !== ''))
  return Object.keys(where).length ? (where as QualityWhere) : undefined
}
