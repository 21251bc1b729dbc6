import { FormControl, Grid, InputLabel, MenuItem, Select, Typography } from '@mui/material'
import { BarChart } from '@mui/x-charts/BarChart'
import { LineChart } from '@mui/x-charts/LineChart'
import { useState } from 'react'
import { useLocaleState, useTranslate } from 'react-admin'
import { formatNumber, isChinese, unscale } from '../format.ts'
import { ChartCard } from './ChartCard.tsx'
import { type DashboardData, facilitiesByCounty } from './overview.ts'

export default function Charts({ data }: { data: DashboardData }) {
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const chinese = isChinese(locale)
  const facilities = facilitiesByCounty(data.careFacilitiesAggregate, chinese)
  // Series with most observations first: those are the ones a trend line says something about.
  const indicators = [...data.overview.indicators].sort((a, b) => b.observations.length - a.observations.length)
  const [code, setCode] = useState(indicators[0]?.code ?? '')
  const indicator = indicators.find((item) => item.code === code) ?? indicators[0]
  const format = (value: number | null) => (value === null ? '' : formatNumber(value, locale))
  return (
    <>
      <Grid size={{ xs: 12, lg: 6 }}>
        <ChartCard title={translate('hub.dashboard.facilitiesByCounty')}>
          {facilities.rows.length ? (
            <BarChart
              skipAnimation
              height={320}
              dataset={facilities.rows}
              xAxis={[{ scaleType: 'band', dataKey: 'county' }]}
              yAxis={[{ valueFormatter: format, width: 48 }]}
              series={facilities.kinds.map((kind) => ({
                dataKey: kind,
                label: translate(`enums.CareFacilityKind.${kind}`),
                stack: 'kinds',
                valueFormatter: format,
              }))}
            />
          ) : (
            <Typography variant="body2">{translate('hub.dashboard.noFacilities')}</Typography>
          )}
        </ChartCard>
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <ChartCard title={translate('hub.dashboard.indicatorSeries')}>
          {indicator ? (
            <>
              <FormControl size="small" sx={{ minWidth: 280, mb: 1 }}>
                <InputLabel id="indicator-label">{translate('hub.dashboard.indicator')}</InputLabel>
                <Select
                  labelId="indicator-label"
                  label={translate('hub.dashboard.indicator')}
                  value={indicator.code}
                  onChange={(event) => setCode(event.target.value)}
                >
                  {indicators.map((item) => (
                    <MenuItem key={item.code} value={item.code}>
                      {chinese ? item.nameZh : (item.nameEn ?? item.nameZh)}
                    </MenuItem>
                  ))}
                </Select>
              </FormControl>
              {indicator.observations.length ? (
                <LineChart
                  skipAnimation
                  height={280}
                  xAxis={[
                    {
                      scaleType: 'point',
                      data: indicator.observations.map((o) => (o.quarter ? `${o.year} Q${o.quarter}` : String(o.year))),
                    },
                  ]}
                  yAxis={[{ valueFormatter: format, width: 56 }]}
                  series={[
                    {
                      data: indicator.observations.map((o) => unscale(o.value, indicator.scale) ?? null),
                      label: `${chinese ? indicator.nameZh : (indicator.nameEn ?? indicator.nameZh)} (${chinese ? indicator.unitZh : (indicator.unitEn ?? indicator.unitZh)})`,
                      valueFormatter: format,
                      // The real series often hold one or two periods: marks keep a lone point visible.
                      showMark: true,
                    },
                  ]}
                />
              ) : (
                <Typography variant="body2">{translate('hub.dashboard.noObservations')}</Typography>
              )}
            </>
          ) : (
            <Typography variant="body2">{translate('hub.dashboard.noObservations')}</Typography>
          )}
        </ChartCard>
      </Grid>
    </>
  )
}
