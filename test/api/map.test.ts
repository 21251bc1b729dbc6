// The map's own requests (admin/src/map/data.ts), made as the callers the map may have: outlines and
// figures for everyone who may read, and a children's home's location only for callers who may see
// restricted fields. The map draws nothing it is not given, so a partner's map never shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AGGREGATES_QUERY,
  type AggregateData,
  FRAME_QUERY,
  type FrameData,
  metricValues,
  pointsOf,
  pointsQuery,
  polygonsOf,
  type RawPoint,
} from '../../admin/src/map/data.ts'
import { type Caller, startTestHub, type TestHub } from '../setup/hub.ts'
import { divisionId, idByName } from './support.ts'

let t: TestHub
let city: string
const home = { nameZh: '地图测试儿童之家', latitude: 28.59, longitude: 103.97 }
const canteen = { nameZh: '地图测试老年食堂', latitude: 28.6, longitude: 103.96 }

beforeAll(async () => {
  t = await startTestHub()
  city = await divisionId(t, '530600')
  const suijiang = await divisionId(t, '530626')
  const fuxing = await idByName(t, 'communities', '福兴社区')
  for (const [facility, kind, targetGroup] of [
    [home, 'CHILDRENS_HOME', 'CHILDREN'],
    [canteen, 'ELDERLY_CANTEEN', 'ELDERLY'],
  ] as const) {
    await t.data(`mutation ($input: CareFacilityCreateInput!) { createCareFacility(input: $input) { id } }`, {
      input: { ...facility, kind, targetGroup, divisionId: suijiang, communityId: fuxing, datum: 'GCJ02' },
    })
  }
})
afterAll(() => t?.close())

async function keyWith(scopes: string[]): Promise<Caller> {
  const data = await t.data(`mutation ($input: ApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
    input: { name: `map ${scopes.join(' ')}`, scopes },
  })
  return { bearer: data.createApiKey.secret }
}

async function mapPointsAs(caller: Caller) {
  const result = await t.gqlAs<Record<string, { nodes: RawPoint[] }>>(caller, pointsQuery('careFacilities'), {
    id: city,
  })
  expect(result.errors).toBeUndefined()
  return pointsOf('careFacilities', result.data?.careFacilities?.nodes ?? [], 'WGS84').map((point) => point.nameZh)
}

describe("the map's requests", () => {
  it('give the 11 county outlines and the figures per county', async () => {
    const frame = await t.data<FrameData>(FRAME_QUERY, { id: city })
    expect(polygonsOf(frame)).toHaveLength(11)
    const figures = await t.data<AggregateData>(AGGREGATES_QUERY, { id: city })
    // 卯家湾 (39,000, in 鲁甸县) and 福兴社区 (7,357, in 绥江县).
    expect([...metricValues('relocatedPopulation', figures).values()].sort((a, b) => a - b)).toEqual([7357, 39000])
  })

  it('place a children’s home only for callers who may see restricted fields', async () => {
    expect(await mapPointsAs('admin')).toEqual(expect.arrayContaining([home.nameZh, canteen.nameZh]))
    expect(await mapPointsAs(await keyWith(['read', 'restricted']))).toEqual(
      expect.arrayContaining([home.nameZh, canteen.nameZh]),
    )
    const partner = await mapPointsAs(await keyWith(['read']))
    expect(partner).toContain(canteen.nameZh)
    expect(partner).not.toContain(home.nameZh)
  })
})
