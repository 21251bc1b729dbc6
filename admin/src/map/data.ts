// What the map shows, as plain data: the GraphQL it asks, the figures of the choropleth per county,
// their classes and colours, and the points of located records in the map's datum. No React, no
// Leaflet: unit-tested on its own (test/unit-admin/map.test.ts) and run by the API tests as a partner.
import gcoord from 'gcoord'
import type { Geometry } from 'geojson'

/** The division a map is drawn for, its ancestors (to find its county) and the counties beneath it. */
export const FRAME_QUERY = `query MapFrame($id: ID!) {
  node(id: $id) { ... on Division { id level nameZh nameEn boundary
    parent { id level nameZh nameEn boundary parent { id level nameZh nameEn boundary parent { id level nameZh nameEn boundary } } } } }
  counties: divisions(where: { withinDivision: $id, level: { equals: COUNTY } }, first: 200, orderBy: [{ field: CODE }]) {
    nodes { id level nameZh nameEn boundary }
  }
}`

/** The city the console is about: the map page and the dashboard draw it. */
export const CITY_QUERY = `query MapCity { divisions(where: { level: { equals: CITY } }, first: 1, orderBy: [{ field: CODE }]) { nodes { id } } }`

/** Figures per county within the division, for every metric the menu offers (in the copy the console reads). */
export const AGGREGATES_QUERY = `query MapFigures($id: ID!, $view: RecordView, $asOf: DateTime) {
  settlements: settlementsAggregate(where: { withinDivision: $id }, groupBy: { divisionLevel: COUNTY }, view: $view, asOf: $asOf) { division { id } count sum { relocatedPopulation } }
  hospitals: hospitalsAggregate(where: { withinDivision: $id }, groupBy: { divisionLevel: COUNTY }, view: $view, asOf: $asOf) { division { id } count sum { plannedBeds openBeds } }
  schools: schoolsAggregate(where: { withinDivision: $id }, groupBy: { divisionLevel: COUNTY }, view: $view, asOf: $asOf) { division { id } count sum { seats } }
  careFacilities: careFacilitiesAggregate(where: { withinDivision: $id }, groupBy: { divisionLevel: COUNTY }, view: $view, asOf: $asOf) { division { id } count }
}`

/** Record types drawn as points, with the colour of their dots and the console resource they open. */
export const POINT_TYPES = {
  hospitals: { colour: '#d32f2f', resource: 'hospitals' },
  schools: { colour: '#1565c0', resource: 'schools' },
  careFacilities: { colour: '#2e7d32', resource: 'careFacilities' },
  settlements: { colour: '#ef6c00', resource: 'settlements' },
  industrialParks: { colour: '#6a1b9a', resource: 'industrialParks' },
} as const
export type PointType = keyof typeof POINT_TYPES

/** Points are read in pages of 200, at most this many per type (the map says when there are more). */
export const MAX_POINTS_PER_TYPE = 2_000

/**
 * A page of located records of one type. Only records with a datum have coordinates to draw; the API
 * leaves restricted coordinates (children's homes) empty for callers who may not see them, and the
 * map draws nothing it is not given.
 */
export const pointsQuery = (
  type: PointType,
) => `query MapPoints($id: ID!, $after: String, $view: RecordView, $asOf: DateTime) {
  ${type}(where: { withinDivision: $id, datum: { in: [WGS84, GCJ02] } }, first: 200, after: $after, view: $view, asOf: $asOf) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id nameZh nameEn latitude longitude datum }
  }
}`

export interface MapDivision {
  id: string
  level: string
  nameZh: string
  nameEn: string | null
  boundary: Geometry | null
  parent?: MapDivision | null
}

export interface FrameData {
  node: MapDivision | null
  counties: { nodes: MapDivision[] }
}

/** The polygons to draw for a division: its counties, the county itself, or the county it lies in. */
export function polygonsOf(frame: FrameData): MapDivision[] {
  const node = frame.node
  if (!node) return []
  if (node.level === 'PROVINCE' || node.level === 'CITY') return frame.counties.nodes.filter((d) => d.boundary)
  let current: MapDivision | null | undefined = node
  while (current && current.level !== 'COUNTY') current = current.parent
  return current?.boundary ? [current] : []
}

interface Group<S> {
  division: { id: string } | null
  count: number
  sum?: S
}

export interface AggregateData {
  settlements: Group<{ relocatedPopulation: number | null }>[]
  hospitals: Group<{ plannedBeds: number | null; openBeds: number | null }>[]
  schools: Group<{ seats: number | null }>[]
  careFacilities: Group<never>[]
}

export const METRICS = [
  'relocatedPopulation',
  'facilitiesPer10k',
  'schoolSeats',
  'plannedBeds',
  'openBeds',
  'careFacilities',
] as const
export type Metric = (typeof METRICS)[number]

/** The metric's value per county id; a county with nothing to count has none (drawn as "no data"). */
export function metricValues(metric: Metric, data: AggregateData): Map<string, number> {
  const byCounty = <S>(groups: Group<S>[], value: (group: Group<S>) => number | null | undefined) => {
    const out = new Map<string, number>()
    for (const group of groups) {
      const v = value(group)
      if (group.division && v != null) out.set(group.division.id, v)
    }
    return out
  }
  switch (metric) {
    case 'relocatedPopulation':
      return byCounty(data.settlements, (g) => g.sum?.relocatedPopulation)
    case 'schoolSeats':
      return byCounty(data.schools, (g) => g.sum?.seats)
    case 'plannedBeds':
      return byCounty(data.hospitals, (g) => g.sum?.plannedBeds)
    case 'openBeds':
      return byCounty(data.hospitals, (g) => g.sum?.openBeds)
    case 'careFacilities':
      return byCounty(data.careFacilities, (g) => g.count)
    case 'facilitiesPer10k': {
      // Hospitals, schools and care facilities per 10,000 relocated residents: the residents the
      // hub counts are those of settlements, so a county without them has no figure.
      const residents = metricValues('relocatedPopulation', data)
      const facilities = new Map<string, number>()
      for (const groups of [data.hospitals, data.schools, data.careFacilities] as Group<unknown>[][]) {
        for (const group of groups) {
          if (group.division) facilities.set(group.division.id, (facilities.get(group.division.id) ?? 0) + group.count)
        }
      }
      const out = new Map<string, number>()
      for (const [county, people] of residents) {
        if (people > 0) out.set(county, ((facilities.get(county) ?? 0) / people) * 10_000)
      }
      return out
    }
  }
}

/** Sequential blues, light to dark; counties without a figure are grey. */
export const CLASS_COLOURS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const
export const NO_DATA_COLOUR = '#e0e0e0'

export interface LegendClass {
  from: number
  to: number
  colour: string
}

/** Up to five classes of about equal count (quantiles) over the values; fewer when values repeat. */
export function classesOf(values: readonly number[]): LegendClass[] {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return []
  const count = Math.min(CLASS_COLOURS.length, new Set(sorted).size)
  // The upper bound of each class is a quantile; repeated values can make two bounds equal: one class.
  const uppers: number[] = []
  for (let i = 1; i <= count; i++) {
    const upper = sorted[Math.ceil((i * sorted.length) / count) - 1] as number
    if (uppers.length === 0 || upper > (uppers.at(-1) as number)) uppers.push(upper)
  }
  const last = CLASS_COLOURS.length - 1
  return uppers.map((to, i) => ({
    from: i === 0 ? (sorted[0] as number) : (sorted.find((value) => value > (uppers[i - 1] as number)) as number),
    to,
    // Spread the colours over the classes there are, lightest to darkest.
    colour: CLASS_COLOURS[uppers.length === 1 ? last : Math.round((i * last) / (uppers.length - 1))] as string,
  }))
}

export function colourOf(value: number | undefined, classes: readonly LegendClass[]): string {
  if (value === undefined) return NO_DATA_COLOUR
  return (classes.find((c) => value <= c.to) ?? classes.at(-1))?.colour ?? NO_DATA_COLOUR
}

export type Datum = 'WGS84' | 'GCJ02'

export interface RawPoint {
  id: string
  nameZh: string
  nameEn: string | null
  latitude: number | string | null
  longitude: number | string | null
  datum: Datum | null
}

export interface MapPoint {
  id: string
  type: PointType
  nameZh: string
  nameEn: string | null
  /** [latitude, longitude] in the map's datum. */
  at: [number, number]
}

/** [latitude, longitude] converted from the record's datum to the map's. */
export function toMapDatum(lat: number, lon: number, from: Datum | null, to: Datum): [number, number] {
  const source = from ?? 'WGS84'
  if (source === to) return [lat, lon]
  const [x, y] = gcoord.transform(
    [lon, lat],
    source === 'GCJ02' ? gcoord.GCJ02 : gcoord.WGS84,
    to === 'GCJ02' ? gcoord.GCJ02 : gcoord.WGS84,
  ) as [number, number]
  return [y, x]
}

/** Points of the records that have coordinates; the others (none given, or withheld) are left out. */
export function pointsOf(type: PointType, nodes: readonly RawPoint[], mapDatum: Datum): MapPoint[] {
  const out: MapPoint[] = []
  for (const node of nodes) {
    if (node.latitude == null || node.longitude == null) continue
    const lat = Number(node.latitude)
    const lon = Number(node.longitude)
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue
    out.push({
      id: node.id,
      type,
      nameZh: node.nameZh,
      nameEn: node.nameEn,
      at: toMapDatum(lat, lon, node.datum, mapDatum),
    })
  }
  return out
}

/** An outline (stored in WGS-84) in the map's datum. */
export function geometryInDatum(geometry: Geometry, to: Datum): Geometry {
  if (to === 'WGS84') return geometry
  return gcoord.transform(
    structuredClone(geometry) as unknown as Parameters<typeof gcoord.transform>[0],
    gcoord.WGS84,
    gcoord.GCJ02,
  ) as unknown as Geometry
}
