// One partner key: what it may read, its state (near its rate limit?), its trusted operations, and its
// use per day.
import { Chip, Stack } from '@mui/material'
import { DateField, NumberField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin'
import type { KeyStatus } from '../providers/operators/apiKeys.ts'
import { KeyUsage } from './KeyUsage.tsx'
import { NearLimitChip } from './NearLimitChip.tsx'
import { scopeLabel } from './scopes.ts'
import { TrustedOperations } from './TrustedOperations.tsx'

// `label` is read by SimpleShowLayout, which titles each field with it.
function Scopes(_props: { label?: string }) {
  const key = useRecordContext<{ scopes: string[] }>()
  const translate = useTranslate()
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
      {(key?.scopes ?? []).map((scope) => (
        <Chip key={scope} size="small" label={scopeLabel(translate, scope)} />
      ))}
    </Stack>
  )
}

function Status(_props: { label?: string }) {
  const key = useRecordContext<{ status: KeyStatus }>()
  const translate = useTranslate()
  return key ? (
    <Stack direction="row" spacing={0.5}>
      <Chip size="small" label={translate(`hub.apiKeys.status.${key.status}`)} />
      <NearLimitChip />
    </Stack>
  ) : null
}

export default function ApiKeyShow() {
  const translate = useTranslate()
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="prefix" sx={{ fontFamily: 'monospace' }} />
        <Scopes label="resources.apiKeys.fields.scopes" />
        <Status label="resources.apiKeys.fields.status" />
        <DateField source="expiresAt" showTime emptyText={translate('hub.apiKeys.never')} />
        <DateField source="lastUsedAt" showTime emptyText="—" />
        <DateField source="rotatedAt" showTime emptyText="—" />
        <NumberField source="rateLimitPerMinute" />
        <TrustedOperations label={false} />
        <KeyUsage label={false} />
      </SimpleShowLayout>
    </Show>
  )
}
