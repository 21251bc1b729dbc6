// Partner keys: what each may read, until when, its last use, whether it is near its rate limit, and
// revocation at once.
import BlockIcon from '@mui/icons-material/Block'
import { Chip, Stack } from '@mui/material'
import { useState } from 'react'
import {
  Button,
  Confirm,
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  SearchInput,
  TextField,
  TopToolbar,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import type { KeyStatus } from '../providers/operators/apiKeys.ts'
import { NearLimitChip } from './NearLimitChip.tsx'
import { scopeLabel } from './scopes.ts'

interface KeyRow {
  id: string
  name: string
  scopes: string[]
  status: KeyStatus
}

const STATUS_COLOURS: Record<KeyStatus, 'success' | 'default' | 'error'> = {
  ACTIVE: 'success',
  EXPIRED: 'default',
  REVOKED: 'error',
}

function RevokeButton() {
  const key = useRecordContext<KeyRow>()
  const notify = useNotify()
  const refresh = useRefresh()
  const dataProvider = useDataProvider<HubDataProvider>()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  if (!key || key.status === 'REVOKED') return null

  async function revoke() {
    setBusy(true)
    try {
      await dataProvider.revokeApiKey(key?.id as string)
      notify('hub.apiKeys.revoked', { type: 'info', messageArgs: { name: key?.name } })
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' })
    }
    setBusy(false)
    setOpen(false)
    refresh()
  }

  return (
    <>
      <Button label="hub.apiKeys.revoke" color="error" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="hub.apiKeys.revokeTitle"
        titleTranslateOptions={{ name: key.name }}
        content="hub.apiKeys.revokeText"
        confirm="hub.apiKeys.revoke"
        confirmColor="warning"
        onConfirm={revoke}
        onClose={() => setOpen(false)}
      />
    </>
  )
}

export default function ApiKeyList() {
  const translate = useTranslate()
  return (
    <List
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick="show">
        <TextField source="name" />
        <TextField source="prefix" sx={{ fontFamily: 'monospace' }} />
        <FunctionField
          source="scopes"
          sortable={false}
          render={(key: KeyRow) => (
            <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
              {key.scopes.map((scope) => (
                <Chip key={scope} size="small" label={scopeLabel(translate, scope)} />
              ))}
            </Stack>
          )}
        />
        <DateField source="expiresAt" showTime emptyText={translate('hub.apiKeys.never')} />
        <DateField source="lastUsedAt" showTime emptyText="—" />
        <NumberField source="rateLimitPerMinute" />
        <TextField source="createdByName" emptyText="—" />
        <DateField source="createdAt" showTime />
        <FunctionField
          source="status"
          render={(key: KeyRow) => (
            <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
              <Chip
                size="small"
                color={STATUS_COLOURS[key.status]}
                label={translate(`hub.apiKeys.status.${key.status}`)}
              />
              <NearLimitChip />
            </Stack>
          )}
        />
        <DateField source="revokedAt" showTime emptyText="—" />
        <RevokeButton />
      </Datagrid>
    </List>
  )
}
