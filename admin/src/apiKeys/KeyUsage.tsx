// A key's use per day over the last 30 days: requests and errors as bars, and the period's totals
// (records returned, worst p95, bytes, errors by code), from ApiKey.usage.
import { Box, Chip, Stack, Typography } from '@mui/material'
import { BarChart } from '@mui/x-charts/BarChart'
import { useQuery } from '@tanstack/react-query'
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin'
import { ChartCard } from '../dashboard/ChartCard.tsx'
import { formatNumber } from '../format.ts'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { usageTotals } from '../providers/operators/apiKeys.ts'

const DAYS = 30

/** `label={false}`: SimpleShowLayout gives the chart no field title (its card has one). */
export function KeyUsage(_props: { label?: false }) {
  const key = useRecordContext<{ id: string }>()
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const dataProvider = useDataProvider<HubDataProvider>()
  const { data } = useQuery({
    queryKey: ['apiKeyUsage', key?.id],
    queryFn: ({ signal }) => dataProvider.apiKeyUsage(key?.id as string, DAYS, signal),
    enabled: Boolean(key?.id),
  })
  if (!data) return null
  const totals = usageTotals(data.usage)
  const figure = (value: number) => formatNumber(value, locale)
  return (
    <ChartCard title={translate('hub.apiKeys.usage.title', { days: DAYS })}>
      <Box data-testid="key-usage">
        <BarChart
          skipAnimation
          height={260}
          dataset={data.usage.map((day) => ({ ...day, day: day.day.slice(5) }))}
          xAxis={[{ scaleType: 'band', dataKey: 'day', tickLabelStyle: { fontSize: 11 } }]}
          series={[
            { dataKey: 'requests', label: translate('hub.apiKeys.usage.requests'), color: '#0072B2' },
            { dataKey: 'errorCount', label: translate('hub.apiKeys.usage.errors'), color: '#D55E00' },
          ]}
        />
        <Stack direction="row" spacing={3} flexWrap="wrap" useFlexGap sx={{ mt: 1 }}>
          <Typography variant="body2">
            {translate('hub.apiKeys.usage.requests')}: {figure(totals.requests)}
          </Typography>
          <Typography variant="body2">
            {translate('hub.apiKeys.usage.errors')}: {figure(totals.errors)}
          </Typography>
          <Typography variant="body2">
            {translate('hub.apiKeys.usage.rows')}: {figure(totals.rows)}
          </Typography>
          <Typography variant="body2">
            {translate('hub.apiKeys.usage.p95')}: {totals.worstP95 == null ? '—' : `${totals.worstP95} ms`}
          </Typography>
          <Typography variant="body2">
            {translate('hub.apiKeys.usage.bytes')}: {figure(totals.bytes)}
          </Typography>
          <Typography variant="body2">
            {translate('hub.apiKeys.usage.lastFrom')}: {data.lastUsedFrom ?? '—'}
          </Typography>
        </Stack>
        {totals.byCode.length > 0 && (
          <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap sx={{ mt: 1 }}>
            {totals.byCode.map((e) => (
              <Chip key={e.code} size="small" label={`${e.code} × ${figure(e.count)}`} />
            ))}
          </Stack>
        )}
      </Box>
    </ChartCard>
  )
}
