// `withinBounds`: records whose location lies in a latitude/longitude box, whatever datum each record
// states. The box is given in one datum; records in the other are compared with the box converted
// (gcoord), so a GCJ-02 point and a WGS-84 point at the same place both fall in it or both do not.
// The GCJ-02 offset changes by metres across a county, so converting the two corners is exact
// enough for a map's window; a record with no stated datum is read as WGS-84, as the rules do.
import gcoord from 'gcoord'
import { userInputError } from './errors.ts'
import type { Locale } from './validation.ts'

export type Datum = 'WGS84' | 'GCJ02'

export interface Bounds {
  south: number
  west: number
  north: number
  east: number
  /** The datum the box is given in (WGS-84 when absent). */
  datum?: Datum | null
}

type Box = Omit<Bounds, 'datum'>

/** [longitude, latitude] from one datum to another. */
export function convertPoint(lonLat: [number, number], from: Datum, to: Datum): [number, number] {
  if (from === to) return lonLat
  const [lon, lat] = gcoord.transform(lonLat, gcoord[from], gcoord[to]) as [number, number]
  return [lon, lat]
}

function boxIn(bounds: Bounds, to: Datum): Box {
  const from = bounds.datum ?? 'WGS84'
  const [west, south] = convertPoint([bounds.west, bounds.south], from, to)
  const [east, north] = convertPoint([bounds.east, bounds.north], from, to)
  return { south, west, north, east }
}

const inBox = (box: Box) => ({
  latitude: { gte: box.south, lte: box.north },
  longitude: { gte: box.west, lte: box.east },
})

const text = {
  wrongWayRound: {
    en: 'withinBounds: south must not exceed north, nor west east.',
    zh: 'withinBounds：south 不能大于 north，west 也不能大于 east。',
  },
  edges: { en: 'south ≤ north and west ≤ east', zh: '须 south ≤ north 且 west ≤ east' },
}

/** The Prisma condition of `withinBounds`; BAD_USER_INPUT for a box whose edges are the wrong way round. */
export function boundsFilter(bounds: Bounds, locale: Locale) {
  if (!(bounds.south <= bounds.north) || !(bounds.west <= bounds.east)) {
    throw userInputError(text.wrongWayRound[locale], [
      { field: 'withinBounds', code: 'invalid', message: text.edges[locale] },
    ])
  }
  const wgs84 = boxIn(bounds, 'WGS84')
  return {
    OR: [
      { datum: 'GCJ02', ...inBox(boxIn(bounds, 'GCJ02')) },
      { datum: 'WGS84', ...inBox(wgs84) },
      { datum: null, ...inBox(wgs84) },
    ],
  }
}
