import { Chip, Stack } from '@mui/material'
import get from 'lodash/get'
import { type FieldProps, useRecordContext } from 'react-admin'

/** A list of texts (services, specialty centres, products) as chips. */
export function ListTextField({ source }: FieldProps & { source: string }) {
  const record = useRecordContext()
  const values = (get(record, source) as string[] | undefined) ?? []
  return (
    <Stack direction="row" gap={0.5} flexWrap="wrap">
      {values.map((value) => (
        <Chip key={value} label={value} size="small" />
      ))}
    </Stack>
  )
}
