import { FormControl, Grid, InputLabel, MenuItem, Select, Typography, useMediaQuery, useTheme } from '@mui/material'
import { BarChart } from '@mui/x-charts/BarChart'
import { LineChart } from '@mui/x-charts/LineChart'
import { useState } from 'react'
import { useCreatePath, useLocaleState, useNavigate, useTranslate } from 'react-admin'
import { formatNumber, isChinese, unscale } from '../format.ts'
import { ChartCard } from './ChartCard.tsx'
import { countTicks, type DashboardData, facilitiesByCounty } from './overview.ts'

/** One clearly different colour per kind of facility (colour-blind safe, Okabe–Ito). */
const KIND_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000']

export default function Charts({ data }: { data: DashboardData }) {
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const chinese = isChinese(locale)
  const facilities = facilitiesByCounty(data.careFacilitiesAggregate, chinese)
  const ticks = countTicks(facilities.rows, facilities.kinds)
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  const navigate = useNavigate()
  const createPath = useCreatePath()
  /** A bar opens the list of that kind of facility in that county. */
  const openBar = (dataIndex: number, kind: string) => {
    const row = facilities.rows[dataIndex]
    const filter = { ...(row?.divisionId ? { withinDivision: row.divisionId } : {}), kind }
    navigate(
      `${createPath({ resource: 'careFacilities', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(filter))}`,
    )
  }
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
              height={phone ? 380 : 340}
              dataset={facilities.rows}
              colors={KIND_COLOURS}
              xAxis={[
                {
                  scaleType: 'band',
                  dataKey: 'county',
                  // Every county named: slanted so that eleven names fit.
                  tickLabelInterval: () => true,
                  tickLabelStyle: { angle: -40, textAnchor: 'end', fontSize: 12 },
                  height: 64,
                },
              ]}
              yAxis={[
                {
                  tickInterval: ticks,
                  min: 0,
                  max: ticks.at(-1),
                  valueFormatter: (value: number) => String(value),
                  width: 40,
                },
              ]}
              series={facilities.kinds.map((kind) => ({
                id: kind,
                dataKey: kind,
                label: translate(`enums.CareFacilityKind.${kind}`),
                stack: 'kinds',
                valueFormatter: (value: number | null) => (value === null ? '' : String(value)),
              }))}
              onItemClick={(_event, item) => openBar(item.dataIndex, String(item.seriesId))}
              sx={{ '& .MuiBarChart-element': { cursor: 'pointer' } }}
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
