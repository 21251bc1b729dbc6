// A record's quality issues where the operator meets the record: a badge in lists, a notice at the
// top of its page, and the notice after a save ("已保存，但有 2 条质量提示"). The issues come with the
// record (`qualityIssues`, one run of the rules per page on the hub).
import ErrorIcon from '@mui/icons-material/ErrorOutline'
import WarningIcon from '@mui/icons-material/WarningAmber'
import { Alert, AlertTitle, Box, Chip, Tooltip } from '@mui/material'
import { useRecordContext, useTranslate } from 'react-admin'
import { issuesOf } from './data.ts'

/** A list's column: how many issues the row's record has, errors in red; nothing when it has none. */
export function QualityBadge(_props: { label?: string; source?: string; sortable?: boolean }) {
  const record = useRecordContext()
  const translate = useTranslate()
  const issues = issuesOf(record)
  if (issues.length === 0) return null
  const errors = issues.some((issue) => issue.severity === 'ERROR')
  return (
    <Tooltip
      title={issues.map((issue) => issue.message).join('\n')}
      slotProps={{ tooltip: { sx: { whiteSpace: 'pre-line' } } }}
    >
      <Chip
        size="small"
        variant="outlined"
        color={errors ? 'error' : 'warning'}
        icon={errors ? <ErrorIcon /> : <WarningIcon />}
        label={issues.length}
        aria-label={translate('quality.badge', { smart_count: issues.length })}
        data-testid="quality-badge"
        onClick={(event) => event.stopPropagation()}
      />
    </Tooltip>
  )
}

/** The top of a record's page: what the rules find on it. */
export function QualityNotice() {
  const record = useRecordContext()
  const translate = useTranslate()
  const issues = issuesOf(record)
  if (issues.length === 0) return null
  const errors = issues.some((issue) => issue.severity === 'ERROR')
  return (
    <Alert severity={errors ? 'error' : 'warning'} sx={{ mb: 1 }} data-testid="quality-notice">
      <AlertTitle>{translate('quality.badge', { smart_count: issues.length })}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {issues.map((issue) => (
          <li key={`${issue.rule}/${issue.field ?? ''}`}>
            <strong>{issue.title}</strong>：{issue.message}
          </li>
        ))}
      </Box>
    </Alert>
  )
}
