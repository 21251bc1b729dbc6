// A dialog that asks why before a step is taken (reject, withdraw, unlock …): the reason goes to
// the audit trail. A required reason is asked for again, beside the field, when left blank.
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material'
import { useTranslate } from 'react-admin'
import { TextButton } from './TextButton.tsx'

export interface ReasonDialogProps {
  open: boolean
  onClose: () => void
  busy: boolean
  /** Whether the operator has tried to confirm (only then is a missing reason marked). */
  tried: boolean
  reason: string
  onReasonChange: (reason: string) => void
  required: boolean
  title: string
  text: string
  /** The field's name (for tests and autofill) and its label. */
  name: string
  label: string
  confirmLabel: string
  confirmColor: 'primary' | 'error' | 'warning'
  onConfirm: () => void
  confirmTestId?: string
}

export function ReasonDialog(props: ReasonDialogProps) {
  const translate = useTranslate()
  const missing = props.tried && props.required && !props.reason.trim()
  return (
    <Dialog open={props.open} onClose={props.busy ? undefined : props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{props.text}</DialogContentText>
        <TextField
          name={props.name}
          label={props.label}
          required={props.required}
          error={missing}
          helperText={missing ? translate('hub.review.reasonRequired') : ' '}
          value={props.reason}
          onChange={(event) => props.onReasonChange(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 1000 } }}
          fullWidth
          multiline
          autoFocus
        />
      </DialogContent>
      <DialogActions>
        <TextButton label="ra.action.cancel" onClick={props.onClose} disabled={props.busy} />
        <TextButton
          label={props.confirmLabel}
          onClick={props.onConfirm}
          disabled={props.busy}
          variant="contained"
          color={props.confirmColor}
          data-testid={props.confirmTestId}
        />
      </DialogActions>
    </Dialog>
  )
}
