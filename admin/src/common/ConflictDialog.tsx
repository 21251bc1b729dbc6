// When a save is refused because someone changed the record meanwhile (CONFLICT), says so in plain
// words, shows the fields this operator changed (their value beside the current one), and offers
// to reload (dropping the edits) or to apply the edits again on top of the newer version.

import hubSchema from 'virtual:hub-schema'
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import {
  type RaRecord,
  useDataProvider,
  useEditContext,
  useLocaleState,
  useNotify,
  useRedirect,
  useResourceContext,
  useTranslate,
  useUpdate,
} from 'react-admin'
import { type ConflictInfo, conflictOf } from '../providers/graphql.ts'
import { changedFields } from '../providers/queries.ts'
import { resourceApi } from '../providers/resources.ts'
import type { HubSchema } from '../providers/schema-types.ts'
import { FieldValue, useFieldLabel } from './FieldValue.tsx'

type Json = Record<string, unknown>
const schema: HubSchema = hubSchema

export interface Conflict {
  info: ConflictInfo
  /** The form's values when saving. */
  data: Json
  /** The record as the operator loaded it. */
  previousData: RaRecord
}

interface ConflictDialogProps {
  conflict: Conflict
  onClose: () => void
  /** Applying the edits again met yet another change. */
  onConflict: (conflict: Conflict) => void
}

export function ConflictDialog({ conflict, onClose, onConflict }: ConflictDialogProps) {
  const resource = useResourceContext() as string
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const notify = useNotify()
  const redirect = useRedirect()
  const label = useFieldLabel(resource)
  const dataProvider = useDataProvider()
  const { refetch } = useEditContext()
  const [update] = useUpdate(undefined, undefined, { mutationMode: 'pessimistic', returnPromise: true })
  const [busy, setBusy] = useState(false)
  const { id } = conflict.previousData
  const fields = changedFields(schema, resourceApi(resource), conflict.data, conflict.previousData)
  // Read apart from the edit page's own query, so the form keeps the edits until the operator decides.
  const { data: current, error } = useQuery({
    queryKey: ['conflict', resource, id, conflict.info.currentVersion],
    queryFn: () => dataProvider.getOne(resource, { id }).then(({ data }) => data as Json),
    gcTime: 0,
  })
  const who = conflict.info.changedBy || translate('hub.conflict.someone')
  const when = conflict.info.changedAt ? new Date(conflict.info.changedAt).toLocaleString(locale) : '—'

  async function reload() {
    setBusy(true)
    await refetch()
    notify('hub.conflict.reloaded', { type: 'info' })
    onClose()
  }

  async function reapply() {
    if (!current) return
    setBusy(true)
    const data: Json = { ...current, reason: conflict.data.reason }
    for (const field of fields) data[field] = conflict.data[field]
    try {
      await update(resource, { id, data, previousData: current })
      notify('ra.notification.updated', { type: 'info', messageArgs: { smart_count: 1 } })
      onClose()
      redirect('show', resource, id)
    } catch (failure) {
      const again = conflictOf(failure)
      setBusy(false)
      if (again) onConflict({ info: again, data: conflict.data, previousData: current as RaRecord })
      else notify((failure as Error).message || 'ra.notification.http_error', { type: 'error' })
    }
  }

  return (
    <Dialog open maxWidth="md" fullWidth aria-labelledby="conflict-title" data-testid="conflict-dialog">
      <DialogTitle id="conflict-title">{translate('hub.conflict.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }} data-testid="conflict-message">
          {translate('hub.conflict.message', { name: who, time: when })}
        </DialogContentText>
        {error ? (
          <Alert severity="error">{translate((error as Error).message, { _: (error as Error).message })}</Alert>
        ) : (
          <Table size="small" data-testid="conflict-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('hub.history.field')}</TableCell>
                <TableCell>{translate('hub.conflict.yours')}</TableCell>
                <TableCell>{translate('hub.conflict.current')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {fields.map((field) => (
                <TableRow key={field} data-field={field}>
                  <TableCell>{label(field)}</TableCell>
                  <TableCell data-column="yours">
                    <FieldValue resource={resource} field={field} value={conflict.data[field]} />
                  </TableCell>
                  <TableCell data-column="current">
                    {current ? <FieldValue resource={resource} field={field} value={current[field]} /> : '…'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <DialogContentText variant="body2" sx={{ mt: 2 }}>
          {translate('hub.conflict.choices')}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={reload} disabled={busy}>
          {translate('hub.conflict.reload')}
        </Button>
        <Button onClick={reapply} disabled={busy || !current} variant="contained">
          {translate('hub.conflict.reapply')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
