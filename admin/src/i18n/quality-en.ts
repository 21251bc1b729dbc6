// Data-quality messages in English: the page, the badges and the notice after a save.
import type { QualityMessages } from './quality-zh.ts'

const qualityEn: QualityMessages = {
  menu: 'Data quality',
  title: 'Data quality',
  counts: 'Issues per county',
  county: 'County',
  aboveCounties: 'City level',
  total: 'Total',
  errors: 'Of which errors',
  issues: 'Issues',
  record: 'Record',
  type: 'Type',
  rule: 'Rule',
  severity: 'Severity',
  all: 'All',
  none: 'No issues found.',
  shown: '%{from}–%{to} of %{total}',
  previous: 'Previous',
  next: 'Next',
  clear: 'Clear filters',
  badge: '%{smart_count} quality warning |||| %{smart_count} quality warnings',
  column: 'Quality',
  savedWithWarnings: 'Saved, with %{smart_count} quality warning |||| Saved, with %{smart_count} quality warnings',
  explain:
    'Errors block a save; warnings do not, but are worth checking. Click a number in the table to filter the issues.',
  loading: 'Checking the data…',
}

export default qualityEn
