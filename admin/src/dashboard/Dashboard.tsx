// The city at a glance: headline figures, care facilities per county and indicator trends.
// The charts library loads after the headline figures, in its own chunk.
import { Card, CardContent, Grid, Skeleton, Typography } from '@mui/material'
import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin'
import { formatNumber } from '../format.ts'
import { readingArgs } from '../governance/reading.ts'
import { useReading } from '../governance/useReading.ts'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { type DashboardData, OVERVIEW_QUERY } from './overview.ts'

const Charts = lazy(() => import('./Charts.tsx'))
const MapPanel = lazy(() => import('../map/MapPanel.tsx').then((module) => ({ default: module.MapPanel })))

const FIGURES = [
  'relocatedPopulation',
  'parkDirectJobs',
  'hospitalPlannedBeds',
  'hospitalOpenBeds',
  'schoolSeats',
  'settlementCount',
  'careFacilityCount',
  'enterpriseEmployees',
] as const

export default function Dashboard() {
  const dataProvider = useDataProvider<HubDataProvider>()
  const translate = useTranslate()
  const [locale] = useLocaleState()
  // The figures of the copy the operator reads: working, published, or published on a past day.
  const reading = useReading()
  const { data, error } = useQuery({
    queryKey: ['dashboard', 'overview', locale, reading],
    queryFn: () => dataProvider.graphql<DashboardData>(OVERVIEW_QUERY, readingArgs(reading)),
  })
  return (
    <>
      <Title title="hub.dashboard.title" />
      <Grid container spacing={2} sx={{ mt: 1 }}>
        {FIGURES.map((figure) => (
          <Grid key={figure} size={{ xs: 6, md: 3 }}>
            <Card data-figure={figure}>
              <CardContent>
                <Typography variant="body2" color="text.secondary">
                  {translate(`hub.dashboard.${figure}`)}
                </Typography>
                <Typography variant="h5" component="p" data-value>
                  {data ? formatNumber(data.overview[figure], locale) || '—' : <Skeleton width={80} />}
                </Typography>
              </CardContent>
            </Card>
          </Grid>
        ))}
        {error ? (
          <Grid size={12}>
            <Typography color="error">{(error as Error).message}</Typography>
          </Grid>
        ) : null}
        <Suspense
          fallback={
            <Grid size={12}>
              <Skeleton variant="rectangular" height={320} />
            </Grid>
          }
        >
          {data ? <Charts data={data} /> : null}
        </Suspense>
        <Grid size={12}>
          <Suspense fallback={<Skeleton variant="rectangular" height={420} />}>
            <MapPanel height={420} />
          </Suspense>
        </Grid>
      </Grid>
    </>
  )
}
