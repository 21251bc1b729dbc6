// Above the dashboard, the record lists and the record pages: the switch between the working copy
// and the published one, and the "as of" day. While a past day is shown, a banner says so, with the
// way back to now; edits are offered only on the working copy, now (see editable()).
import HistoryIcon from '@mui/icons-material/History'
import { Alert, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useGetIdentity, useTranslate } from 'react-admin'
import { useLocation } from 'react-router-dom'
import { TextButton } from '../common/TextButton.tsx'
import { isRecordResource } from '../providers/resources.ts'
import { type RecordView, readingFor, setReading, subscribeReading } from './reading.ts'
import { useReading } from './useReading.ts'

const pad = (n: number) => String(n).padStart(2, '0')
const today = (now = new Date()) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`

/** Whether the page reads records: the dashboard, the map, or a record list or page (not a form). */
function readsRecords(pathname: string) {
  const [resource, , page] = pathname.split('/').filter(Boolean)
  // The dashboard and the map page draw figures of the chosen copy too.
  if (resource === undefined || resource === 'map') return true
  if (!isRecordResource(resource)) return false
  return pathname.split('/').filter(Boolean).length === 1 || page === 'show'
}

/**
 * Applies the signed-in operator's stored view, and reloads what is shown whenever the reading
 * changes (every list, record and figure is read again from the chosen copy).
 */
export function ReadingSync() {
  const { identity } = useGetIdentity()
  const queryClient = useQueryClient()
  useEffect(() => subscribeReading(() => void queryClient.invalidateQueries()), [queryClient])
  useEffect(() => {
    if (identity?.username) readingFor(String(identity.username))
  }, [identity?.username])
  return null
}

export function ReadingBar() {
  const translate = useTranslate()
  const reading = useReading()
  const { pathname } = useLocation()
  if (!readsRecords(pathname)) return null
  const backToNow = () => setReading({ view: reading.view })
  return (
    <Stack spacing={1} sx={{ mt: 1 }} data-testid="reading-bar">
      <Stack direction="row" spacing={1.5} alignItems="center" flexWrap="wrap" useFlexGap>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={reading.asOfDay ? 'PUBLISHED' : reading.view}
          disabled={Boolean(reading.asOfDay)}
          aria-label={translate('hub.reading.view')}
          onChange={(_event, view: RecordView | null) => {
            if (view) setReading({ view })
          }}
        >
          <ToggleButton value="WORKING" data-testid="view-working" sx={{ textTransform: 'none', py: 0.25 }}>
            {translate('hub.reading.working')}
          </ToggleButton>
          <ToggleButton value="PUBLISHED" data-testid="view-published" sx={{ textTransform: 'none', py: 0.25 }}>
            {translate('hub.reading.published')}
          </ToggleButton>
        </ToggleButtonGroup>
        <TextField
          type="date"
          size="small"
          name="asOf"
          label={translate('hub.reading.asOf')}
          value={reading.asOfDay ?? ''}
          onChange={(event) => {
            const day = event.target.value
            setReading(day ? { view: reading.view, asOfDay: day } : { view: reading.view })
          }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today(), 'data-testid': 'as-of' } }}
          sx={{ width: 170 }}
        />
      </Stack>
      {reading.asOfDay ? (
        <Alert
          severity="warning"
          icon={<HistoryIcon />}
          data-testid="as-of-banner"
          action={<TextButton color="inherit" size="small" label="hub.reading.backToNow" onClick={backToNow} />}
        >
          {translate('hub.reading.asOfBanner', { day: reading.asOfDay })}
        </Alert>
      ) : reading.view === 'PUBLISHED' ? (
        <Alert severity="info" data-testid="published-banner">
          {translate('hub.reading.publishedBanner')}
        </Alert>
      ) : null}
    </Stack>
  )
}
