// Locked reporting periods, newest first (unlocked ones kept, with who unlocked them and why).
// Admins unlock a period, with the reason the audit trail keeps.
import LockOpenIcon from '@mui/icons-material/LockOpen'
import { Chip } from '@mui/material'
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
import { ReasonDialog } from '../common/ReasonDialog.tsx'
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
      <ReasonDialog
        open={open}
        onClose={() => setOpen(false)}
        busy={busy}
        tried={tried}
        reason={reason}
        onReasonChange={setReason}
        required
        title={translate('hub.periodLocks.unlockTitle', { period: lock.period })}
        text={translate('hub.periodLocks.unlockText')}
        name="unlockReason"
        label={translate('hub.periodLocks.unlockReason')}
        confirmLabel="hub.periodLocks.unlock"
        confirmColor="warning"
        onConfirm={confirm}
      />
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
