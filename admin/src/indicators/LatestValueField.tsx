import { Typography } from '@mui/material'
import { type FieldProps, useLocaleState, useRecordContext } from 'react-admin'
import { formatScaled, type Scale } from '../format.ts'

export interface Observation {
  periodKind: string
  year: number
  quarter: number | null
  value: string
}

/** An indicator's most recent value with its unit and period, e.g. 35.47万人 (2024). */
export function LatestValueField(_props: FieldProps) {
  const record = useRecordContext()
  const [locale] = useLocaleState()
  const observations = (record?.observations as Observation[] | undefined) ?? []
  const latest = observations[observations.length - 1]
  if (!latest) return null
  const period = latest.quarter ? `${latest.year} Q${latest.quarter}` : String(latest.year)
  const unit = locale.startsWith('zh') ? record?.unitZh : (record?.unitEn ?? record?.unitZh)
  return (
    <Typography component="span" variant="body2">
      {formatScaled(latest.value, record?.scale as Scale, unit as string, locale)} ({period})
    </Typography>
  )
}
