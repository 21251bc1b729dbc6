// The map panel of a division's page: its counties (or the county it lies in) and what lies within it.
import { Skeleton } from '@mui/material'
import { lazy, Suspense } from 'react'
import { useRecordContext } from 'react-admin'

const MapPanel = lazy(() => import('./MapPanel.tsx').then((module) => ({ default: module.MapPanel })))

export function DivisionMap() {
  const record = useRecordContext<{ id: string }>()
  if (!record) return null
  return (
    <Suspense fallback={<Skeleton variant="rectangular" height={420} />}>
      <MapPanel divisionId={String(record.id)} height={420} />
    </Suspense>
  )
}
