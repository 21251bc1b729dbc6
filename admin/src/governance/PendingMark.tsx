// A small mark on a record with changes not yet published (`pendingChanges`: in a change set being
// drafted, awaiting review or returned to its author), in the lists' first column.
import { Chip } from '@mui/material'
import { useRecordContext, useTranslate } from 'react-admin'
import { useReading } from './useReading.ts'

// `label`, `source` and `sortable` are read by the list's column header, not here.
export function PendingMark(_props: { label?: string; source?: string; sortable?: boolean }) {
  const record = useRecordContext()
  const translate = useTranslate()
  const reading = useReading()
  const pending = (record?.pendingChanges as unknown[] | undefined)?.length ?? 0
  // A past day's copy has no "now" to compare with.
  if (!pending || reading.asOfDay) return null
  return (
    <Chip
      size="small"
      color="warning"
      variant="outlined"
      label={translate('hub.review.unpublished')}
      data-testid="pending-mark"
      sx={{ ml: 0.5, height: 20, fontSize: 12 }}
    />
  )
}
