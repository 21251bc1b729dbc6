// Rules on where a record is: inside its county's outline, and filed under the township it is known
// to lie in rather than the county.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import gcoord from 'gcoord'
import type { MultiPolygon, Polygon } from 'geojson'
import { issue, type QualityIssue } from './rules.ts'

interface Ref {
  recordType: string
  recordId: number
  divisionId?: number
}

export interface Located {
  latitude: number
  longitude: number
  /** Datum of the coordinates; none stated is read as WGS-84. */
  datum: 'WGS84' | 'GCJ02' | null
}

/** [longitude, latitude] in WGS-84, the datum outlines are stored in. */
export function toWgs84(point: Located): [number, number] {
  if (point.datum !== 'GCJ02') return [point.longitude, point.latitude]
  const [lon, lat] = gcoord.transform([point.longitude, point.latitude], gcoord.GCJ02, gcoord.WGS84) as [number, number]
  return [lon, lat]
}

/** A located record lies inside the outline of its county (outlines are WGS-84; the point is converted). */
export function pointInsideCounty(
  record: Ref & Located,
  county: { nameZh: string; boundary: Polygon | MultiPolygon | null },
): QualityIssue[] {
  if (!county.boundary) return []
  const [lon, lat] = toWgs84(record)
  if (booleanPointInPolygon([lon, lat], county.boundary)) return []
  // The message names no coordinates: some (children's homes) are restricted.
  const { latitude: _lat, longitude: _lon, datum, ...ref } = record
  return [
    issue(
      'POINT_OUTSIDE_COUNTY',
      ref,
      {
        zh: `坐标（${datum ?? 'WGS84'}）不在${county.nameZh}范围内。`,
        en: `The location (${datum ?? 'WGS84'}) lies outside ${county.nameZh}.`,
      },
      'latitude',
    ),
  ]
}

interface DivisionNode {
  id: number
  level: string
  nameZh: string
}

/**
 * A record filed under a county although a settlement or community it belongs to lies in one of the
 * county's townships (or deeper) should be filed under that township.
 */
export function fileUnderKnownTownship(
  record: Ref & { division: DivisionNode },
  /** Townships its settlement or community lies in (the township-level ancestor of their divisions). */
  knownTownships: readonly DivisionNode[],
): QualityIssue[] {
  if (record.division.level !== 'COUNTY') return []
  const township = knownTownships.find((candidate) => candidate.level === 'TOWNSHIP')
  if (!township) return []
  const { division, ...ref } = record
  return [
    issue(
      'FACILITY_DIVISION_IS_COUNTY',
      ref,
      {
        zh: `记录挂在${division.nameZh}，但其所属安置区或社区位于${township.nameZh}：应挂在${township.nameZh}。`,
        en: `Filed under ${division.nameZh}, but its settlement or community lies in ${township.nameZh}: file it there.`,
      },
      'divisionId',
    ),
  ]
}
