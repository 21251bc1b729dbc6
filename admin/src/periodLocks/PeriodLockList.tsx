// Locked reporting periods, newest first (unlocked ones kept, with who unlocked them and why).
// Admins unlock a period, with the reason the audit trail keeps.
import LockOpenIcon from '@mui/icons-material/LockOpen'
import { Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material'
import { useState } from 'react'
import {
  Button,
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  ReferenceField,
  TextField as TextColumn,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin'
import { TextButton } from '../common/TextButton.tsx'
import { refusalMessage } from '../governance/reviewActions.tsx'
import type { HubDataProvider } from '../providers/dataProvider.ts'

function UnlockButton() {
  const lock = useRecordContext()
  const translate = useTranslate()
  const notify = useNotify()
  const refresh = useRefresh()
  const dataProvider = useDataProvider<HubDataProvider>()
  const { canAccess } = useCanAccess({ resource: 'periodLocks', action: 'unlock' })
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  if (!lock || lock.unlockedAt || !canAccess) return null
  async function confirm() {
    setTried(true)
    if (!reason.trim() || !lock) return
    setBusy(true)
    try {
      await dataProvider.unlockPeriod(lock.id, lock.version as number, reason.trim())
      notify('hub.periodLocks.unlocked', { type: 'success', messageArgs: { period: lock.period } })
      setOpen(false)
    } catch (error) {
      notify(refusalMessage(error), { type: 'error', messageArgs: { _: refusalMessage(error) } })
    }
    setBusy(false)
    refresh()
  }
  return (
    <>
      <Button
        label="hub.periodLocks.unlock"
        onClick={(event) => {
          event.stopPropagation()
          setOpen(true)
        }}
      >
        <LockOpenIcon />
      </Button>
      <Dialog open={open} onClose={busy ? undefined : () => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('hub.periodLocks.unlockTitle', { period: lock.period })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('hub.periodLocks.unlockText')}</DialogContentText>
          <TextField
            name="unlockReason"
            label={translate('hub.periodLocks.unlockReason')}
            required
            error={tried && !reason.trim()}
            helperText={tried && !reason.trim() ? translate('hub.review.reasonRequired') : ' '}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
            fullWidth
            multiline
            autoFocus
          />
        </DialogContent>
        <DialogActions>
          <TextButton label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <TextButton
            label="hub.periodLocks.unlock"
            onClick={confirm}
            disabled={busy}
            variant="contained"
            color="warning"
          />
        </DialogActions>
      </Dialog>
    </>
  )
}

function StatusChip() {
  const lock = useRecordContext()
  const translate = useTranslate()
  if (!lock) return null
  return (
    <Chip
      size="small"
      color={lock.unlockedAt ? 'default' : 'warning'}
      label={translate(`hub.periodLocks.status.${lock.status}`)}
    />
  )
}

export default function PeriodLockList() {
  const translate = useTranslate()
  return (
    <List
      sort={{ field: 'lockedAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      // The list (and its "lock a period" button) even before any period is locked.
      empty={false}
      actions={
        <TopToolbar>
          <CreateButton label="hub.periodLocks.lock" />
        </TopToolbar>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextColumn source="period" />
        <ReferenceField
          source="divisionId"
          reference="divisions"
          link="show"
          sortable={false}
          emptyText={translate('hub.users.wholeHub')}
        />
        <FunctionField source="status" render={() => <StatusChip />} />
        <TextColumn source="reason" emptyText="—" sortable={false} />
        <TextColumn source="lockedByName" />
        <DateField source="lockedAt" showTime />
        <TextColumn source="unlockedByName" emptyText="—" />
        <TextColumn source="unlockReason" emptyText="—" sortable={false} />
        <UnlockButton />
      </Datagrid>
    </List>
  )
}
