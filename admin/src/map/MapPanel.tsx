// A map of a division (or of the city when none is given): its county polygons coloured by a figure
// chosen from a menu, with a legend, and its located records as dots with a popup linking to each.
import {
  Box,
  Card,
  CardContent,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import { useDataProvider, useLocaleState, useTranslate } from 'react-admin'
import { formatNumber } from '../format.ts'
import { readingArgs } from '../governance/reading.ts'
import { useReading } from '../governance/useReading.ts'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import {
  AGGREGATES_QUERY,
  type AggregateData,
  CITY_QUERY,
  classesOf,
  colourOf,
  FRAME_QUERY,
  type FrameData,
  MAX_POINTS_PER_TYPE,
  type MapPoint,
  METRICS,
  type Metric,
  metricValues,
  NO_DATA_COLOUR,
  POINT_TYPES,
  type PointType,
  pointsOf,
  pointsQuery,
  polygonsOf,
  type RawPoint,
} from './data.ts'
import { HubMap } from './HubMap.tsx'
import { tileSettings } from './tiles.ts'

interface PointPage {
  totalCount: number
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  nodes: RawPoint[]
}

export interface MapPanelProps {
  /** Global ID of the division; the city when omitted. */
  divisionId?: string
  height?: number | string
  /** The metric shown first. */
  initialMetric?: Metric
}

export function MapPanel({ divisionId, height = 480, initialMetric = 'relocatedPopulation' }: MapPanelProps) {
  const dataProvider = useDataProvider<HubDataProvider>()
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const [metric, setMetric] = useState<Metric>(initialMetric)
  const tiles = useMemo(() => tileSettings(), [])
  // Figures and points of the copy the console reads (working, published, or a past day).
  const reading = useReading()
  const datum = tiles?.datum ?? 'WGS84'

  const city = useQuery({
    queryKey: ['map', 'city'],
    enabled: !divisionId,
    queryFn: () => dataProvider.graphql<{ divisions: { nodes: { id: string }[] } }>(CITY_QUERY),
  })
  const id = divisionId ?? city.data?.divisions.nodes[0]?.id
  const frame = useQuery({
    queryKey: ['map', 'frame', id],
    enabled: Boolean(id),
    queryFn: () => dataProvider.graphql<FrameData>(FRAME_QUERY, { id }),
  })
  const figures = useQuery({
    queryKey: ['map', 'figures', id, reading],
    enabled: Boolean(id),
    queryFn: () => dataProvider.graphql<AggregateData>(AGGREGATES_QUERY, { id, ...readingArgs(reading) }),
  })
  const points = useQuery({
    queryKey: ['map', 'points', id, datum, reading],
    enabled: Boolean(id),
    queryFn: async () => {
      const all: MapPoint[] = []
      const capped: { type: PointType; total: number; shown: number }[] = []
      for (const type of Object.keys(POINT_TYPES) as PointType[]) {
        let after: string | null = null
        let read = 0
        let total = 0
        do {
          const page: Record<string, PointPage> = await dataProvider.graphql(pointsQuery(type), {
            id,
            after,
            ...readingArgs(reading),
          })
          const connection = page[type] as PointPage
          total = connection.totalCount
          read += connection.nodes.length
          all.push(...pointsOf(type, connection.nodes, datum))
          after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null
        } while (after && read < MAX_POINTS_PER_TYPE)
        if (total > read) capped.push({ type, total, shown: read })
      }
      return { all, capped }
    },
  })

  const nameOf = useCallback(
    (item: { nameZh: string; nameEn: string | null }) => (locale === 'en' && item.nameEn) || item.nameZh,
    [locale],
  )
  const values = useMemo(
    () => (figures.data ? metricValues(metric, figures.data) : new Map<string, number>()),
    [figures.data, metric],
  )
  const classes = useMemo(() => classesOf([...values.values()]), [values])
  const format = useCallback(
    (value: number) => (metric === 'facilitiesPer10k' ? value.toFixed(1) : formatNumber(Math.round(value), locale)),
    [metric, locale],
  )
  const polygons = useMemo(
    () =>
      frame.data
        ? polygonsOf(frame.data).map((division) => {
            const value = values.get(division.id)
            return {
              division,
              label: nameOf(division),
              colour: colourOf(value, classes),
              tooltip: `${translate(`map.metrics.${metric}`)}: ${value === undefined ? translate('map.noData') : format(value)}`,
            }
          })
        : [],
    [frame.data, values, classes, metric, nameOf, translate, format],
  )
  const popup = useCallback(
    (point: MapPoint) => ({
      name: nameOf(point),
      type: translate(`map.types.${point.type}`),
      open: translate('map.open'),
    }),
    [nameOf, translate],
  )

  const loading = !frame.data || !figures.data
  const error = city.error ?? frame.error ?? figures.error ?? points.error
  const scope = frame.data?.node
  return (
    <Card data-testid="map-panel">
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 1, alignItems: { sm: 'center' } }}>
          <FormControl size="small" sx={{ minWidth: 260, maxWidth: '100%' }}>
            <InputLabel id="map-metric-label">{translate('map.metric')}</InputLabel>
            <Select
              labelId="map-metric-label"
              label={translate('map.metric')}
              value={metric}
              onChange={(event) => setMetric(event.target.value as Metric)}
              data-testid="map-metric"
            >
              {METRICS.map((m) => (
                <MenuItem key={m} value={m} data-metric={m}>
                  {translate(`map.metrics.${m}`)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          {scope ? (
            <Typography variant="body2" color="text.secondary">
              {translate('map.scope', { name: nameOf(scope) })}
            </Typography>
          ) : null}
        </Stack>
        {error ? <Typography color="error">{(error as Error).message}</Typography> : null}
        {loading ? (
          <Skeleton variant="rectangular" height={height} aria-label={translate('map.loading')} />
        ) : polygons.length === 0 ? (
          <Typography color="text.secondary">{translate('map.noOutline')}</Typography>
        ) : (
          <Box sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, gap: 2 }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <HubMap
                polygons={polygons}
                points={points.data?.all ?? []}
                datum={datum}
                tiles={tiles}
                popup={popup}
                height={height}
              />
            </Box>
            <Box component="aside" data-testid="map-legend" sx={{ width: { md: 240 }, flexShrink: 0 }}>
              <Typography variant="subtitle2" component="h3">
                {translate('map.legend')} · {translate(`map.metrics.${metric}`)}
              </Typography>
              <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
                {classes.map((c) => (
                  <LegendRow key={`${c.from}-${c.to}`} colour={c.colour} data-class>
                    {c.from === c.to ? format(c.from) : `${format(c.from)} – ${format(c.to)}`}
                  </LegendRow>
                ))}
                <LegendRow colour={NO_DATA_COLOUR}>{translate('map.noData')}</LegendRow>
              </Box>
              <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
                {translate('map.points')}
              </Typography>
              <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
                {(Object.keys(POINT_TYPES) as PointType[]).map((type) => (
                  <LegendRow key={type} colour={POINT_TYPES[type].colour} round>
                    {translate(`map.types.${type}`)}
                  </LegendRow>
                ))}
              </Box>
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }} data-testid="map-count">
                {points.data
                  ? translate('map.shown', { smart_count: points.data.all.length })
                  : translate('map.loading')}
              </Typography>
              {points.data?.capped.map(({ type, total, shown }) => (
                <Typography key={type} variant="caption" color="text.secondary" component="p">
                  {translate('map.capped', { type: translate(`map.types.${type}`), total, shown })}
                </Typography>
              ))}
              {tiles ? null : (
                <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
                  {translate('map.offline')}
                </Typography>
              )}
            </Box>
          </Box>
        )}
      </CardContent>
    </Card>
  )
}

function LegendRow({
  colour,
  round,
  children,
  ...rest
}: { colour: string; round?: boolean; children: React.ReactNode } & Record<`data-${string}`, unknown>) {
  return (
    <Box component="li" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.25 }} {...rest}>
      <Box
        aria-hidden
        sx={{
          width: 14,
          height: 14,
          borderRadius: round ? '50%' : '2px',
          bgcolor: colour,
          border: '1px solid rgba(0,0,0,0.3)',
          flexShrink: 0,
        }}
      />
      <Typography variant="body2">{children}</Typography>
    </Box>
  )
}
