// In an edit form: says so when another operator changes (or trashes) the record being edited,
// with the version, and offers to reload it (dropping the edits). The operator's own save is not
// "someone else" (LiveUpdates ignores this tab's requests).
import { Alert, Button } from '@mui/material'
import { useEffect, useState } from 'react'
import { useEditContext, useRecordContext, useResourceContext, useTranslate } from 'react-admin'
import type { RecordChange } from './client.ts'
import { useLive } from './LiveUpdates.tsx'

export function ChangedWarning() {
  const live = useLive()
  const resource = useResourceContext()
  const record = useRecordContext()
  const { refetch } = useEditContext()
  const translate = useTranslate()
  const [change, setChange] = useState<RecordChange | null>(null)
  const id = record?.id == null ? undefined : String(record.id)

  useEffect(() => {
    if (!live || !resource || !id) return
    const stopEditing = live.editing(resource, id)
    const stopListening = live.listen((next) => {
      if (next.recordId === id) setChange(next)
    })
    return () => {
      stopEditing()
      stopListening()
    }
  }, [live, resource, id])

  // Shown until the form holds that version (after a reload) or a newer one.
  const version = Number(record?.version ?? 0)
  if (!change || (change.version ?? 0) <= version) return null
  const who = change.who ?? translate('hub.live.someone')
  const gone = change.action === 'DELETE' || change.action === 'PURGE'
  return (
    <Alert
      severity="warning"
      role="alert"
      data-testid="changed-warning"
      sx={{ mb: 2, width: '100%' }}
      action={
        gone ? undefined : (
          <Button color="inherit" size="small" onClick={() => refetch()}>
            {translate('hub.live.reload')}
          </Button>
        )
      }
    >
      {translate(gone ? 'hub.live.deleted' : 'hub.live.changed', { who, version: change.version })}
    </Alert>
  )
}
