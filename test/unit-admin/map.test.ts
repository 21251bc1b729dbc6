// The map's data, without a browser: which polygons a division draws, the figures per county, their
// classes and colours, and the points in the map's datum (records without coordinates drawn nowhere).
import { describe, expect, it } from 'vitest'
import {
  type AggregateData,
  CLASS_COLOURS,
  classesOf,
  colourOf,
  type FrameData,
  metricValues,
  NO_DATA_COLOUR,
  pointsOf,
  polygonsOf,
  toMapDatum,
} from '../../admin/src/map/data.ts'
import { tileSettings } from '../../admin/src/map/tiles.ts'

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
}
const county = (id: string) => ({ id, level: 'COUNTY', nameZh: id, nameEn: null, boundary: square })

describe('polygons', () => {
  const counties = { nodes: [county('a'), county('b'), { ...county('c'), boundary: null }] }

  it('of a city are its counties that have an outline', () => {
    const frame: FrameData = { node: { ...county('city'), level: 'CITY' }, counties }
    expect(polygonsOf(frame).map((d) => d.id)).toEqual(['a', 'b'])
  })

  it('of a community are the county it lies in', () => {
    const frame: FrameData = {
      node: {
        ...county('village'),
        level: 'COMMUNITY',
        boundary: null,
        parent: { ...county('town'), level: 'TOWNSHIP', boundary: null, parent: county('ludian') },
      },
      counties: { nodes: [] },
    }
    expect(polygonsOf(frame).map((d) => d.id)).toEqual(['ludian'])
  })
})

describe('figures per county', () => {
  const data: AggregateData = {
    settlements: [
      { division: { id: 'a' }, count: 1, sum: { relocatedPopulation: 20_000 } },
      { division: { id: 'b' }, count: 1, sum: { relocatedPopulation: null } },
      { division: null, count: 1, sum: { relocatedPopulation: 5 } },
    ],
    hospitals: [{ division: { id: 'a' }, count: 2, sum: { plannedBeds: 500, openBeds: null } }],
    schools: [{ division: { id: 'a' }, count: 3, sum: { seats: 900 } }],
    careFacilities: [
      { division: { id: 'a' }, count: 5 },
      { division: { id: 'b' }, count: 4 },
    ],
  }

  it('sum what the aggregates give, leaving out records above the counties', () => {
    expect([...metricValues('relocatedPopulation', data)]).toEqual([['a', 20_000]])
    expect([...metricValues('plannedBeds', data)]).toEqual([['a', 500]])
    expect([...metricValues('openBeds', data)]).toEqual([])
    expect([...metricValues('careFacilities', data)]).toEqual([
      ['a', 5],
      ['b', 4],
    ])
  })

  it('count facilities per 10,000 relocated residents only where there are residents', () => {
    expect([...metricValues('facilitiesPer10k', data)]).toEqual([['a', ((2 + 3 + 5) / 20_000) * 10_000]])
  })
})

describe('classes', () => {
  it('split values into up to five quantile classes, lightest to darkest', () => {
    const classes = classesOf([1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(classes.map(({ from, to }) => [from, to])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ])
    expect(classes.map((c) => c.colour)).toEqual([...CLASS_COLOURS])
    expect(colourOf(4, classes)).toBe(CLASS_COLOURS[1])
    expect(colourOf(undefined, classes)).toBe(NO_DATA_COLOUR)
  })

  it('make one dark class of a single value, and none of none', () => {
    expect(classesOf([5000])).toEqual([{ from: 5000, to: 5000, colour: CLASS_COLOURS[4] }])
    expect(classesOf([])).toEqual([])
  })
})

describe('points', () => {
  it('leave out records without coordinates (none given, or withheld from the caller)', () => {
    const points = pointsOf(
      'careFacilities',
      [
        { id: '1', nameZh: '食堂', nameEn: null, latitude: '27.3', longitude: '103.7', datum: 'WGS84' },
        { id: '2', nameZh: '儿童之家', nameEn: null, latitude: null, longitude: null, datum: 'WGS84' },
      ],
      'WGS84',
    )
    expect(points).toEqual([{ id: '1', type: 'careFacilities', nameZh: '食堂', nameEn: null, at: [27.3, 103.7] }])
  })

  it('convert GCJ-02 to the map’s WGS-84 (a few hundred metres here) and back', () => {
    const [lat, lon] = toMapDatum(27.3, 103.7, 'GCJ02', 'WGS84')
    expect(Math.abs(lat - 27.3) + Math.abs(lon - 103.7)).toBeGreaterThan(0.001)
    expect(Math.abs(lat - 27.3) + Math.abs(lon - 103.7)).toBeLessThan(0.01)
    const [back, backLon] = toMapDatum(lat, lon, 'WGS84', 'GCJ02')
    expect(back).toBeCloseTo(27.3, 5)
    expect(backLon).toBeCloseTo(103.7, 5)
    expect(toMapDatum(27.3, 103.7, null, 'WGS84')).toEqual([27.3, 103.7])
  })
})

describe('the base map', () => {
  it('is off unless a tile URL is configured, and says its datum', () => {
    expect(tileSettings({})).toBeNull()
    expect(tileSettings({ VITE_MAP_TILE_URL: 'https://t/{z}/{x}/{y}.png', VITE_MAP_TILE_DATUM: 'GCJ02' })).toEqual({
      url: 'https://t/{z}/{x}/{y}.png',
      attribution: '',
      datum: 'GCJ02',
    })
  })
})
