// A key's trusted operations (受信操作): listed with name, short hash and when registered; more are
// registered from a .graphql file the hub checks against its schema (its refusal shown as it names
// the problem), and each can be removed after a confirmation. A key with none runs any query.
import DeleteIcon from '@mui/icons-material/Delete'
import UploadFileIcon from '@mui/icons-material/UploadFile'
import { Alert, AlertTitle, Box, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import {
  Button,
  Confirm,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin'
import { isChinese } from '../format.ts'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import type { TrustedOperation } from '../providers/operators/apiKeys.ts'

/** What the hub said when it refused a document: its message per problem (graphql-js's, naming the field). */
export function refusalOf(error: unknown): { code?: string; problems: string[]; message: string } {
  const body = (error as { body?: { code?: string; extensions?: Record<string, unknown> } } | null)?.body
  const fieldErrors = (body?.extensions?.fieldErrors as { message: string }[] | undefined) ?? []
  return {
    code: body?.code,
    problems: fieldErrors.map((e) => e.message),
    message: (error as Error | null)?.message ?? '',
  }
}

function OperationRow({ operation, onRemove }: { operation: TrustedOperation; onRemove: () => void }) {
  const translate = useTranslate()
  const [locale] = useLocaleState()
  return (
    <Stack
      direction="row"
      spacing={2}
      alignItems="center"
      flexWrap="wrap"
      useFlexGap
      data-testid="trusted-operation"
      sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}
    >
      <Typography sx={{ minWidth: 160, fontWeight: 500 }}>
        {operation.name ?? translate('hub.apiKeys.trusted.unnamed')}
      </Typography>
      <Typography component="code" title={operation.hash} sx={{ fontFamily: 'monospace', fontSize: 13 }}>
        {operation.hash.slice(0, 12)}…
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
        {translate('hub.apiKeys.trusted.registeredAt')}{' '}
        {new Date(operation.createdAt).toLocaleString(isChinese(locale) ? 'zh-CN' : 'en-GB')}
      </Typography>
      <Button label="hub.apiKeys.trusted.remove" color="error" onClick={onRemove}>
        <DeleteIcon />
      </Button>
    </Stack>
  )
}

/** `label={false}`: SimpleShowLayout gives the section no field title (its card has one). */
export function TrustedOperations(_props: { label?: false }) {
  const key = useRecordContext<{ id: string; name: string }>()
  const translate = useTranslate()
  const notify = useNotify()
  const dataProvider = useDataProvider<HubDataProvider>()
  const queryClient = useQueryClient()
  const file = useRef<HTMLInputElement>(null)
  const [refusal, setRefusal] = useState<ReturnType<typeof refusalOf> | null>(null)
  const [removing, setRemoving] = useState<TrustedOperation | null>(null)
  const [busy, setBusy] = useState(false)
  const queryKey = ['trustedOperations', key?.id]
  const { data: operations } = useQuery({
    queryKey,
    queryFn: ({ signal }) => dataProvider.trustedOperations(key?.id as string, signal),
    enabled: Boolean(key?.id),
  })
  if (!key) return null

  async function register(chosen: File | undefined) {
    if (!chosen) return
    setBusy(true)
    setRefusal(null)
    try {
      const registered = await dataProvider.registerTrustedOperations(key?.id as string, await chosen.text())
      notify('hub.apiKeys.trusted.registered', { type: 'info', messageArgs: { count: registered.length } })
      await queryClient.invalidateQueries({ queryKey })
    } catch (error) {
      setRefusal(refusalOf(error))
    }
    setBusy(false)
    // The same file again (after fixing it) must fire a change.
    if (file.current) file.current.value = ''
  }

  async function remove() {
    if (!removing) return
    setBusy(true)
    try {
      await dataProvider.removeTrustedOperation(key?.id as string, removing.hash)
      notify('hub.apiKeys.trusted.removed', { type: 'info', messageArgs: { name: removing.name ?? removing.hash } })
      await queryClient.invalidateQueries({ queryKey })
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' })
    }
    setBusy(false)
    setRemoving(null)
  }

  return (
    <Card data-testid="trusted-operations">
      <CardHeader
        title={translate('hub.apiKeys.trusted.title')}
        slotProps={{ title: { variant: 'subtitle1' } }}
        action={
          <>
            <input
              ref={file}
              type="file"
              accept=".graphql,.gql,text/plain"
              hidden
              data-testid="trusted-operations-file"
              aria-label={translate('hub.apiKeys.trusted.register')}
              onChange={(event) => void register(event.target.files?.[0])}
            />
            <Button label="hub.apiKeys.trusted.register" disabled={busy} onClick={() => file.current?.click()}>
              <UploadFileIcon />
            </Button>
          </>
        }
      />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(operations?.length ? 'hub.apiKeys.trusted.boundHelp' : 'hub.apiKeys.trusted.unboundHelp')}
        </Typography>
        {refusal && (
          <Alert severity="error" onClose={() => setRefusal(null)} sx={{ mb: 1 }} data-testid="trusted-refusal">
            <AlertTitle>{translate('hub.apiKeys.trusted.refused')}</AlertTitle>
            {refusal.problems.length > 0 ? (
              <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {refusal.problems.map((problem) => (
                  <li key={problem}>
                    <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace' }}>
                      {problem}
                    </Typography>
                  </li>
                ))}
              </Box>
            ) : (
              translate(refusal.message, { _: refusal.message })
            )}
          </Alert>
        )}
        {(operations ?? []).map((operation) => (
          <OperationRow key={operation.hash} operation={operation} onRemove={() => setRemoving(operation)} />
        ))}
      </CardContent>
      <Confirm
        isOpen={removing !== null}
        loading={busy}
        title="hub.apiKeys.trusted.removeTitle"
        titleTranslateOptions={{ name: removing?.name ?? removing?.hash.slice(0, 12) ?? '' }}
        content={operations?.length === 1 ? 'hub.apiKeys.trusted.removeLastText' : 'hub.apiKeys.trusted.removeText'}
        confirm="hub.apiKeys.trusted.remove"
        confirmColor="warning"
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </Card>
  )
}
