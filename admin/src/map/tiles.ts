// An optional base map for deployments that have a tile server: without one the map is drawn from the
// hub's own outlines and needs no network. Set when the console is built (pnpm build:console):
//   VITE_MAP_TILE_URL          e.g. https://tiles.example.org/{z}/{x}/{y}.png
//   VITE_MAP_TILE_ATTRIBUTION  the credit the tile provider requires
//   VITE_MAP_TILE_DATUM        WGS84 (default; OpenStreetMap, Tianditu) or GCJ02 (Amap, Tencent)
import type { Datum } from './data.ts'

export interface TileSettings {
  url: string
  attribution: string
  datum: Datum
}

export function tileSettings(env: Record<string, string | undefined> = import.meta.env): TileSettings | null {
  const url = env.VITE_MAP_TILE_URL?.trim()
  if (!url) return null
  return {
    url,
    attribution: env.VITE_MAP_TILE_ATTRIBUTION ?? '',
    datum: env.VITE_MAP_TILE_DATUM === 'GCJ02' ? 'GCJ02' : 'WGS84',
  }
}
