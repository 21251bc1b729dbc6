import { Card, CardContent, CardHeader } from '@mui/material'
import type { ReactNode } from 'react'

export function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1' } }} />
      <CardContent>{children}</CardContent>
    </Card>
  )
}
