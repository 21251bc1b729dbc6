import type { Random } from './random.ts'
import type { Box } from './zhaotong.ts'

/** Every synthetic record's note starts with this, so the records can be told apart and removed. */
export const SYNTHETIC_MARK = '合成数据 synthetic'
export const SYNTHETIC_NOTE = `${SYNTHETIC_MARK}：由 prisma/seed/synthetic 生成的虚构记录，不代表真实情况 (generated, not real)`

export interface Point {
  lat: number
  lon: number
}

export function inBox(rng: Random, box: Box): Point {
  return { lat: rng.float(box.south, box.north), lon: rng.float(box.west, box.east) }
}

/** A point about `radius` degrees from `center` inside `box`, redrawn rather than clamped so none pile up on an edge. */
export function near(rng: Random, center: Point, radius: number, box: Box): Point {
  for (let attempt = 0; attempt < 8; attempt++) {
    const lat = rng.normal(center.lat, radius / 2)
    const lon = rng.normal(center.lon, radius / 2)
    if (lat >= box.south && lat <= box.north && lon >= box.west && lon <= box.east) return { lat, lon }
  }
  return {
    lat: Math.min(box.north, Math.max(box.south, center.lat)),
    lon: Math.min(box.east, Math.max(box.west, center.lon)),
  }
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6

/** The coordinate columns every located record shares. */
export function located(point: Point) {
  return { latitude: round6(point.lat), longitude: round6(point.lon), datum: 'WGS84' as const }
}

export const round2 = (value: number) => Math.round(value * 100) / 100

/**
 * Gives records the ids the database returned for their rows. PostgreSQL returns the rows of one
 * INSERT … SELECT … RETURNING in the order it inserts them; comparing names checks that on every row,
 * so a change of behaviour fails loudly instead of mislinking records.
 */
export function assignIds(
  records: readonly { id: number; name: { zh: string } }[],
  returned: readonly { id: number; nameZh: string }[],
): void {
  records.forEach((record, index) => {
    const row = returned[index]
    if (row?.nameZh !== record.name.zh) throw new Error(`Inserted rows came back out of order at ${index}`)
    record.id = row.id
  })
}
