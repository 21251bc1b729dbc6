// The trash: deleted records of every type, newest first; editors bring them back, admins remove
// them for good. Each action is taken at the version listed, so a record changed meanwhile is not
// touched by mistake.
import DeleteForeverIcon from '@mui/icons-material/DeleteForever'
import RestoreFromTrashIcon from '@mui/icons-material/RestoreFromTrash'
import { useState } from 'react'
import {
  Button,
  Confirm,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  type RaRecord,
  SearchInput,
  SelectInput,
  TextField,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin'
import { useRecordTypeChoices } from '../common/recordTypes.ts'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { resourceOfType } from '../providers/resources.ts'

/** Restore or purge one trash item, after a confirmation. */
function TrashAction({ action }: { action: 'restore' | 'purge' }) {
  const record = useRecordContext()
  const notify = useNotify()
  const refresh = useRefresh()
  const dataProvider = useDataProvider<HubDataProvider>()
  const { canAccess } = useCanAccess({ resource: 'trash', action })
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  if (!record || !canAccess) return null
  const item = record as RaRecord & { recordId: string; recordType: string; nameZh: string; version: number }
  const change = { id: item.recordId, version: item.version }

  async function confirm() {
    setBusy(true)
    try {
      if (action === 'restore') await dataProvider.restore(item.recordType, change)
      else await dataProvider.purge(item.recordType, change)
      notify(`hub.trash.${action}d`, { type: 'info', messageArgs: { name: item.nameZh } })
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', {
        type: 'error',
        messageArgs: { _: (error as Error).message },
      })
    }
    setBusy(false)
    setOpen(false)
    refresh()
  }

  return (
    <>
      <Button
        label={`hub.trash.${action}`}
        color={action === 'purge' ? 'error' : 'primary'}
        onClick={(event) => {
          event.stopPropagation()
          setOpen(true)
        }}
      >
        {action === 'purge' ? <DeleteForeverIcon /> : <RestoreFromTrashIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={`hub.trash.${action}Title`}
        titleTranslateOptions={{ name: item.nameZh }}
        content={`hub.trash.${action}Text`}
        contentTranslateOptions={{ name: item.nameZh }}
        confirm={`hub.trash.${action}`}
        confirmColor={action === 'purge' ? 'warning' : 'primary'}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  )
}

export default function TrashList() {
  const translate = useTranslate()
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput
      key="recordType"
      source="recordType"
      choices={useRecordTypeChoices()}
      translateChoice={false}
      alwaysOn
    />,
  ]
  return (
    <List filters={filters} sort={{ field: 'deletedAt', order: 'DESC' }} perPage={25} exporter={false} empty={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField
          source="recordType"
          render={(item: { recordType: string }) =>
            translate(`resources.${resourceOfType(item.recordType)}.name`, { smart_count: 1 })
          }
        />
        <TextField source="nameZh" />
        <TextField source="nameEn" emptyText="—" />
        <DateField source="deletedAt" showTime />
        <TextField source="deletedBy" emptyText="—" />
        <NumberField source="version" />
        <TrashAction action="restore" />
        <TrashAction action="purge" />
      </Datagrid>
    </List>
  )
}
