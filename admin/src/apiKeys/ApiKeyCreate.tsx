// A new partner key. The hub keeps only the key's hash: the secret is shown here once, in a dialog
// with a copy button, and never again.
import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  InputAdornment,
  TextField,
  Tooltip,
} from '@mui/material'
import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import {
  CheckboxGroupInput,
  Create,
  DateTimeInput,
  maxValue,
  minValue,
  NumberInput,
  required,
  SimpleForm,
  TextInput,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin'
import { Row } from '../common/inputs.tsx'
import { SCOPES, scopeLabel } from './scopes.ts'

async function copy(text: string, field: HTMLInputElement | null) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text)
    return
  }
  // Plain HTTP (not localhost): the older way, from the selected field.
  field?.select()
  if (!document.execCommand('copy')) throw new Error('copy refused')
}

function SecretDialog({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  const translate = useTranslate()
  const notify = useNotify()
  const field = useRef<HTMLInputElement>(null)
  return (
    <Dialog open maxWidth="sm" fullWidth data-testid="secret-dialog">
      <DialogTitle>{translate('hub.apiKeys.secretTitle', { name })}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('hub.apiKeys.secretOnce')}
        </Alert>
        <TextField
          inputRef={field}
          value={secret}
          fullWidth
          label={translate('hub.apiKeys.secret')}
          onFocus={(event) => event.target.select()}
          slotProps={{
            input: {
              readOnly: true,
              sx: { fontFamily: 'monospace' },
              endAdornment: (
                <InputAdornment position="end">
                  <Tooltip title={translate('hub.apiKeys.copy')}>
                    <IconButton
                      aria-label={translate('hub.apiKeys.copy')}
                      onClick={() =>
                        copy(secret, field.current).then(
                          () => notify('hub.apiKeys.copied', { type: 'info' }),
                          () => notify('hub.apiKeys.copyFailed', { type: 'warning' }),
                        )
                      }
                    >
                      <ContentCopyIcon />
                    </IconButton>
                  </Tooltip>
                </InputAdornment>
              ),
            },
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('hub.apiKeys.secretStored')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}

export default function ApiKeyCreate() {
  const translate = useTranslate()
  const redirect = useRedirect()
  const queryClient = useQueryClient()
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null)
  const choices = SCOPES.map((scope) => ({ id: scope, name: scopeLabel(translate, scope) }))

  function close() {
    setCreated(null)
    // The secret leaves memory with the dialog: nothing cached keeps it.
    queryClient.removeQueries({ queryKey: ['apiKeys'] })
    redirect('list', 'apiKeys')
  }

  return (
    <>
      <Create
        redirect={false}
        mutationMode="pessimistic"
        mutationOptions={{
          onSuccess: (data) => setCreated({ name: String(data.name), secret: String(data.secret) }),
        }}
      >
        <SimpleForm defaultValues={{ scopes: ['read'], rateLimitPerMinute: 600 }} noValidate>
          <TextInput source="name" validate={required()} inputProps={{ maxLength: 100 }} fullWidth />
          <CheckboxGroupInput
            source="scopes"
            choices={choices}
            translateChoice={false}
            validate={required()}
            helperText="hub.apiKeys.scopesHelp"
          />
          <Row>
            <DateTimeInput source="expiresAt" helperText="hub.apiKeys.expiresHelp" />
            <NumberInput
              source="rateLimitPerMinute"
              min={1}
              max={100000}
              step={1}
              validate={[minValue(1), maxValue(100000)]}
            />
          </Row>
        </SimpleForm>
      </Create>
      {created ? <SecretDialog name={created.name} secret={created.secret} onClose={close} /> : null}
    </>
  )
}
