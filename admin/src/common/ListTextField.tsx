import { Chip, Stack } from '@mui/material'
import { type FieldProps, useRecordContext } from 'react-admin'
import { get } from './get.ts'

/** A list of texts (services, specialty centres, products) as chips. */
export function ListTextField({ source }: FieldProps & { source: string }) {
  const record = useRecordContext()
  const values = (get(record, source) as string[] | undefined) ?? []
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {values.map((value) => (
        <Chip key={value} label={value} size="small" />
      ))}
    </Stack>
  )
}
