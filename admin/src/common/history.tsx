// A record's audit trail on its own tab: every change, newest first, with who, when, why and what
// (field, before, after), and the way back to an earlier version.
import RestoreIcon from '@mui/icons-material/Restore'
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  type Identifier,
  TabbedShowLayout,
  type TabProps,
  useCanAccess,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useTranslate,
} from 'react-admin'
import type { AuditEvent, HubDataProvider } from '../providers/dataProvider.ts'
import { conflictOf } from '../providers/graphql.ts'
import { resourceApi } from '../providers/resources.ts'
import { FieldValue, useFieldLabel } from './FieldValue.tsx'

const ACTION_COLOURS: Record<AuditEvent['action'], 'success' | 'info' | 'error' | 'warning' | 'default'> = {
  CREATE: 'success',
  UPDATE: 'info',
  DELETE: 'error',
  RESTORE: 'warning',
  PURGE: 'error',
}

/** Field, before, after: what one change did. */
export function ChangesTable({ resource, changes }: { resource: string; changes: AuditEvent['changes'] }) {
  const translate = useTranslate()
  const label = useFieldLabel(resource)
  const fields = Object.keys(changes ?? {})
  if (!fields.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('hub.history.noFieldChanges')}
      </Typography>
    )
  }
  return (
    <Table size="small" data-testid="changes-table" sx={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '24%' }}>{translate('hub.history.field')}</TableCell>
          <TableCell>{translate('hub.history.before')}</TableCell>
          <TableCell>{translate('hub.history.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {fields.map((field) => (
          <TableRow key={field}>
            <TableCell>{label(field)}</TableCell>
            <TableCell>
              <FieldValue resource={resource} field={field} value={changes[field]?.before} databaseIds />
            </TableCell>
            <TableCell>
              <FieldValue resource={resource} field={field} value={changes[field]?.after} databaseIds />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

/** Who made a change: a person by name, a partner key or the hub itself marked as such. */
export function ActorText({ event }: { event: Pick<AuditEvent, 'actorKind' | 'actorName'> }) {
  const translate = useTranslate()
  return (
    <>
      {event.actorName}
      {event.actorKind !== 'USER' ? ` (${translate(`hub.history.actorKinds.${event.actorKind}`)})` : null}
    </>
  )
}

interface RestoreTarget {
  resource: string
  id: Identifier
  /** The record's version now (the restore is refused if it changes meanwhile). */
  version: number
  toVersion: number
}

/** Asks before going back to an earlier version, with an optional reason. */
function RestoreVersionDialog({ target, onClose }: { target: RestoreTarget; onClose: () => void }) {
  const translate = useTranslate()
  const notify = useNotify()
  const refresh = useRefresh()
  const queryClient = useQueryClient()
  const dataProvider = useDataProvider<HubDataProvider>()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  async function confirm() {
    setBusy(true)
    try {
      await dataProvider.restore(resourceApi(target.resource).type, { ...target, reason })
      notify('hub.history.restored', { type: 'info', messageArgs: { version: target.toVersion } })
    } catch (error) {
      notify(conflictOf(error) ? 'hub.errors.conflict' : (error as Error).message || 'ra.notification.http_error', {
        type: 'error',
        messageArgs: { _: (error as Error).message },
      })
    }
    await queryClient.invalidateQueries({ queryKey: ['history', target.resource, target.id] })
    refresh()
    onClose()
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('hub.history.restoreTitle', { version: target.toVersion })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {translate('hub.history.restoreText', { version: target.toVersion })}
        </DialogContentText>
        <TextField
          name="restoreReason"
          label={translate('hub.audit.reason')}
          helperText={translate('hub.audit.reasonHelp')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          inputProps={{ maxLength: 1000 }}
          fullWidth
          multiline
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button onClick={confirm} disabled={busy} variant="contained" startIcon={<RestoreIcon />}>
          {translate('hub.history.restoreConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}

/** Whether an event marks a version one can go back to (not the current one, not a deletion). */
const restorable = (event: AuditEvent, current: number) =>
  event.version != null &&
  event.version !== current &&
  (event.action === 'CREATE' || event.action === 'UPDATE' || event.action === 'RESTORE')

export function RecordHistory() {
  const record = useRecordContext()
  const resource = useResourceContext() as string
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const dataProvider = useDataProvider<HubDataProvider>()
  const { canAccess: canRestore } = useCanAccess({ resource, action: 'restore' })
  const [target, setTarget] = useState<RestoreTarget | null>(null)
  const { data, error, isPending } = useQuery({
    queryKey: ['history', resource, record?.id, record?.version],
    enabled: Boolean(record?.id),
    queryFn: () => dataProvider.history(resource, record?.id as Identifier),
  })
  if (!record) return null
  if (error)
    return <Alert severity="error">{translate((error as Error).message, { _: (error as Error).message })}</Alert>
  if (isPending) return <Typography variant="body2">{translate('ra.page.loading')}</Typography>
  if (!data.events.length) return <Typography variant="body2">{translate('hub.history.empty')}</Typography>
  return (
    <Stack spacing={2} sx={{ width: '100%' }} data-testid="history">
      {data.events.map((event) => (
        <Paper
          key={event.id}
          variant="outlined"
          sx={{ p: 2 }}
          data-testid="history-event"
          data-version={event.version ?? ''}
        >
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mb: 1 }}>
            <Chip
              size="small"
              color={ACTION_COLOURS[event.action]}
              label={translate(`enums.AuditAction.${event.action}`)}
            />
            <Typography variant="body2" fontWeight="bold">
              <ActorText event={event} />
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {new Date(event.at).toLocaleString(locale)}
            </Typography>
            {event.version != null ? (
              <Typography variant="body2" color="text.secondary">
                {translate('hub.history.version', { version: event.version })}
              </Typography>
            ) : null}
            <Box sx={{ flex: 1 }} />
            {canRestore && restorable(event, data.version) ? (
              <Button
                size="small"
                startIcon={<RestoreIcon />}
                onClick={() =>
                  setTarget({ resource, id: record.id, version: data.version, toVersion: event.version as number })
                }
              >
                {translate('hub.history.restoreThis')}
              </Button>
            ) : null}
          </Stack>
          {event.reason ? (
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('hub.history.reasonLine', { reason: event.reason })}
            </Typography>
          ) : null}
          <ChangesTable resource={resource} changes={event.changes} />
        </Paper>
      ))}
      {target ? <RestoreVersionDialog target={target} onClose={() => setTarget(null)} /> : null}
    </Stack>
  )
}

/** The history tab every record page ends with. */
export function HistoryTab(props: Omit<TabProps, 'label' | 'children'>) {
  return (
    <TabbedShowLayout.Tab {...props} label="hub.history.tab">
      <RecordHistory />
    </TabbedShowLayout.Tab>
  )
}
