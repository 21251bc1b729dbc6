// A button that always shows its words. react-admin's Button shows only its icon on a phone (the
// label becomes a tooltip), which leaves a dialog's text buttons blank there.
import { Button, type ButtonProps } from '@mui/material'
import { useTranslate } from 'react-admin'

export function TextButton({ label, sx, ...props }: Omit<ButtonProps, 'children'> & { label: string }) {
  const translate = useTranslate()
  return (
    <Button {...props} sx={{ textTransform: 'none', ...sx }}>
      {translate(label, { _: label })}
    </Button>
  )
}
