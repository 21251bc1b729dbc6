import { Typography } from '@mui/material'
import { type FieldProps, useLocaleState, useRecordContext } from 'react-admin'
import { formatNumber } from '../format.ts'
import { get } from './get.ts'

/** A number as people read it: 4.64万 in Chinese, 46,357 in English; "—" when unknown (never 0). */
export function FigureField({ source, unit }: FieldProps & { source: string; unit?: string }) {
  const record = useRecordContext()
  const [locale] = useLocaleState()
  const text = formatNumber(get(record, source) as number | string | null | undefined, locale)
  return (
    <Typography component="span" variant="body2" title={String(get(record, source) ?? '')}>
      {text || '—'}
      {text && unit ? ` ${unit}` : ''}
    </Typography>
  )
}
