// Deleting moves records to the trash at the version the operator saw, after a confirmation; the
// notice that says so carries 撤销 (undo), which brings them back from the trash at once — a real
// restore on the hub, recorded in the audit trail, not a delayed request.
import DeleteIcon from '@mui/icons-material/Delete'
import { Button as MuiButton, Stack, Typography } from '@mui/material'
import { useState } from 'react'
import {
  Button,
  Confirm,
  type Identifier,
  type RaRecord,
  useDataProvider,
  useListContext,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useResourceContext,
  useTranslate,
  useUnselectAll,
} from 'react-admin'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { resourceApi } from '../providers/resources.ts'
import { useMayChange } from './access.ts'

type Trashed = { id: Identifier; version: number }[]

/** "Moved to the trash" with an undo button that restores every record moved. */
function TrashedNotice({ resource, trashed }: { resource: string; trashed: Trashed }) {
  const translate = useTranslate()
  const dataProvider = useDataProvider<HubDataProvider>()
  const notify = useNotify()
  const refresh = useRefresh()
  const [busy, setBusy] = useState(false)
  async function undo() {
    setBusy(true)
    try {
      const type = resourceApi(resource).type
      for (const record of trashed) await dataProvider.restore(type, record)
      notify('hub.trash.undone', { type: 'success', messageArgs: { smart_count: trashed.length } })
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' })
    }
    refresh()
  }
  return (
    <Stack
      direction="row"
      spacing={2}
      sx={{
        alignItems: 'center',
        bgcolor: 'background.paper',
        color: 'text.primary',
        p: 1.5,
        borderRadius: 1,
        boxShadow: 6,
      }}
      data-testid="trash-notice"
    >
      <Typography variant="body2">{translate('hub.trash.movedCount', { smart_count: trashed.length })}</Typography>
      <MuiButton size="small" onClick={undo} disabled={busy} data-testid="trash-undo">
        {translate('hub.trash.undo')}
      </MuiButton>
    </Stack>
  )
}

function useTrash(resource: string) {
  const dataProvider = useDataProvider<HubDataProvider>()
  const notify = useNotify()
  return async (records: RaRecord[]) => {
    const trashed = await dataProvider.trash(
      resource,
      records.map((record) => ({ id: record.id, version: record.version as number })),
    )
    // Long enough to read and reach the button; it stays while the pointer is over it.
    notify(<TrashedNotice resource={resource} trashed={trashed} />, { autoHideDuration: 10_000 })
    return trashed
  }
}

/** Delete on a record's page and edit form: only where the operator may change the record. */
export function TrashButton() {
  const record = useRecordContext()
  const resource = useResourceContext() as string
  const mayChange = useMayChange(resource)
  const trash = useTrash(resource)
  const redirect = useRedirect()
  const notify = useNotify()
  const translate = useTranslate()
  const [open, setOpen] = useState(false)
  if (!record || !mayChange('delete', record)) return null
  async function confirm() {
    setOpen(false)
    try {
      await trash([record as RaRecord])
      redirect('list', resource)
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' })
    }
  }
  return (
    <>
      <Button label="ra.action.delete" color="error" onClick={() => setOpen(true)}>
        <DeleteIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="hub.trash.confirmTitle"
        content={translate('hub.trash.confirmOne', { name: String(record.nameZh ?? record.id) })}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  )
}

/** Bulk delete of the selected rows, each at the version the list shows. */
export function BulkTrashButton() {
  const { data, selectedIds } = useListContext()
  const resource = useResourceContext() as string
  const trash = useTrash(resource)
  const unselectAll = useUnselectAll(resource)
  const refresh = useRefresh()
  const notify = useNotify()
  const translate = useTranslate()
  const [open, setOpen] = useState(false)
  const selected = (data ?? []).filter((record) => selectedIds.includes(record.id))
  async function confirm() {
    setOpen(false)
    try {
      await trash(selected)
      unselectAll()
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' })
    }
    refresh()
  }
  return (
    <>
      <Button label="ra.action.delete" color="error" onClick={() => setOpen(true)}>
        <DeleteIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="hub.trash.confirmTitle"
        content={translate('hub.trash.confirmMany', { smart_count: selected.length })}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  )
}
