// Draws county polygons, their choropleth colours and located records as dots with Leaflet, which
// needs no tiles: the outlines come from the hub. With a tile server configured, it is the base map.
import 'leaflet/dist/leaflet.css'
import L from 'leaflet'
import { useEffect, useRef } from 'react'
import { type Datum, geometryInDatum, type MapDivision, type MapPoint, POINT_TYPES, type PointType } from './data.ts'
import type { TileSettings } from './tiles.ts'

export interface HubMapProps {
  polygons: { division: MapDivision; label: string; colour: string; tooltip: string }[]
  points: MapPoint[]
  datum: Datum
  tiles: TileSettings | null
  /** The popup's text for a point: its name, its type and the link to its record. */
  popup: (point: MapPoint) => { name: string; type: string; open: string }
  height: number | string
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

// Settlements and parks cover an area; facilities, fewer and smaller, are drawn over them.
const DRAW_ORDER: readonly PointType[] = ['settlements', 'industrialParks', 'careFacilities', 'schools', 'hospitals']

export function HubMap({ polygons, points, datum, tiles, popup, height }: HubMapProps) {
  const element = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | null>(null)
  const layers = useRef<L.LayerGroup | null>(null)

  useEffect(() => {
    if (!element.current) return
    // SVG: every county and dot is an element a person (and a test) can point at. The map starts on
    // Zhaotong until the outlines arrive.
    const created = L.map(element.current, { zoomSnap: 0.25, attributionControl: Boolean(tiles) })
    created.setView([27.6, 104.1], 7)
    if (tiles) L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 }).addTo(created)
    layers.current = L.layerGroup().addTo(created)
    map.current = created
    const resize = new ResizeObserver(() => created.invalidateSize())
    resize.observe(element.current)
    return () => {
      resize.disconnect()
      created.remove()
      map.current = null
    }
  }, [tiles])

  useEffect(() => {
    const group = layers.current
    const current = map.current
    if (!group || !current) return
    group.clearLayers()
    const outlines = L.featureGroup()
    for (const { division, label, colour, tooltip } of polygons) {
      if (!division.boundary) continue
      const layer = L.geoJSON(geometryInDatum(division.boundary, datum) as GeoJSON.Geometry, {
        style: {
          color: '#37474f',
          weight: 1,
          fillColor: colour,
          fillOpacity: tiles ? 0.55 : 0.85,
          className: 'map-county',
        },
      })
      layer.bindTooltip(`<strong>${escapeHtml(label)}</strong><br>${escapeHtml(tooltip)}`, { sticky: true })
      outlines.addLayer(layer)
    }
    group.addLayer(outlines)
    for (const point of [...points].sort((a, b) => DRAW_ORDER.indexOf(a.type) - DRAW_ORDER.indexOf(b.type))) {
      const { name, type, open } = popup(point)
      const dot = L.circleMarker(point.at, {
        radius: 5,
        color: '#fff',
        weight: 1,
        fillColor: POINT_TYPES[point.type].colour,
        fillOpacity: 0.95,
        className: `map-point map-point-${point.type}`,
      })
      const href = `#/${POINT_TYPES[point.type].resource}/${encodeURIComponent(point.id)}/show`
      dot.bindPopup(
        `<div data-point-popup><strong>${escapeHtml(name)}</strong><br>${escapeHtml(type)}<br><a href="${href}">${escapeHtml(open)}</a></div>`,
      )
      group.addLayer(dot)
    }
    const bounds = outlines.getBounds()
    // Without animation: a map left (or redrawn for another reading) mid-zoom threw from Leaflet's
    // transition end ("reading '_leaflet_pos'").
    if (bounds.isValid()) current.fitBounds(bounds, { padding: [8, 8], animate: false })
  }, [polygons, points, datum, tiles, popup])

  return <div ref={element} data-testid="hub-map" style={{ height, width: '100%', background: '#f5f7fa' }} />
}
