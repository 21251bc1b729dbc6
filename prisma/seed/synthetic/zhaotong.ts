import type { PrismaClient } from '../../generated/client/client.ts'

/** A rectangle of latitude and longitude (WGS84) that roughly covers a county. */
export interface Box {
  south: number
  north: number
  west: number
  east: number
}

export interface CountyInfo {
  code: string
  nameZh: string
  nameEn: string
  /** Name without 区/县/市, as enterprise and hospital names use it. */
  shortZh: string
  shortEn: string
  /** Seat of the county government (WGS84, approximate). */
  seat: readonly [number, number]
  box: Box
  /** Resident population in 10,000s (2020 census, rounded): weights how records spread over counties. */
  population: number
}

export const ZHAOTONG_BOX: Box = { south: 26.5, north: 28.7, west: 102.9, east: 105.3 }

export const PROVINCE = {
  code: '530000',
  nameZh: '云南省',
  nameEn: 'Yunnan Province',
  seat: [25.0453, 102.7097],
} as const
export const CITY = { code: '530600', nameZh: '昭通市', nameEn: 'Zhaotong City', seat: [27.338, 103.7172] } as const

// biome-ignore format: one county a line reads as a table
export const COUNTIES: readonly CountyInfo[] = [
  { code: '530602', nameZh: '昭阳区', nameEn: 'Zhaoyang District', shortZh: '昭阳', shortEn: 'Zhaoyang', seat: [27.3203, 103.7065], box: { south: 27.1, north: 27.6, west: 103.4, east: 103.95 }, population: 96 },
  { code: '530621', nameZh: '鲁甸县', nameEn: 'Ludian County', shortZh: '鲁甸', shortEn: 'Ludian', seat: [27.1916, 103.5582], box: { south: 26.95, north: 27.35, west: 103.2, east: 103.7 }, population: 39 },
  { code: '530622', nameZh: '巧家县', nameEn: 'Qiaojia County', shortZh: '巧家', shortEn: 'Qiaojia', seat: [26.9085, 102.9298], box: { south: 26.55, north: 27.4, west: 102.9, east: 103.35 }, population: 50 },
  { code: '530623', nameZh: '盐津县', nameEn: 'Yanjin County', shortZh: '盐津', shortEn: 'Yanjin', seat: [28.1083, 104.235], box: { south: 27.9, north: 28.4, west: 104.0, east: 104.6 }, population: 36 },
  { code: '530624', nameZh: '大关县', nameEn: 'Daguan County', shortZh: '大关', shortEn: 'Daguan', seat: [27.7475, 103.8916], box: { south: 27.6, north: 28.05, west: 103.6, east: 104.1 }, population: 26 },
  { code: '530625', nameZh: '永善县', nameEn: 'Yongshan County', shortZh: '永善', shortEn: 'Yongshan', seat: [28.2291, 103.6384], box: { south: 27.85, north: 28.5, west: 103.25, east: 103.9 }, population: 39 },
  { code: '530626', nameZh: '绥江县', nameEn: 'Suijiang County', shortZh: '绥江', shortEn: 'Suijiang', seat: [28.5921, 103.9685], box: { south: 28.45, north: 28.7, west: 103.8, east: 104.2 }, population: 15 },
  { code: '530627', nameZh: '镇雄县', nameEn: 'Zhenxiong County', shortZh: '镇雄', shortEn: 'Zhenxiong', seat: [27.4417, 104.8734], box: { south: 27.2, north: 27.8, west: 104.5, east: 105.3 }, population: 137 },
  { code: '530628', nameZh: '彝良县', nameEn: 'Yiliang County', shortZh: '彝良', shortEn: 'Yiliang', seat: [27.6252, 104.0484], box: { south: 27.3, north: 27.9, west: 103.9, east: 104.5 }, population: 53 },
  { code: '530629', nameZh: '威信县', nameEn: 'Weixin County', shortZh: '威信', shortEn: 'Weixin', seat: [27.8467, 105.0488], box: { south: 27.7, north: 28.05, west: 104.9, east: 105.3 }, population: 37 },
  { code: '530681', nameZh: '水富市', nameEn: 'Shuifu City', shortZh: '水富', shortEn: 'Shuifu', seat: [28.6298, 104.4158], box: { south: 28.45, north: 28.7, west: 104.2, east: 104.45 }, population: 11 },
]

export interface DivisionRef {
  id: number
  ancestorIds: number[]
}

const RESTORED_NOTE =
  '由合成数据生成器补建的真实区划，坐标为政府驻地近似值 (real division added by the synthetic generator)'

/**
 * Finds Zhaotong and its eleven counties by GB/T 2260 code, creating whichever are missing (with
 * Yunnan above the city). These are real divisions, so they are not marked synthetic and stay when
 * synthetic data is removed.
 */
export async function ensureZhaotong(prisma: PrismaClient): Promise<{ city: DivisionRef; counties: DivisionRef[] }> {
  const codes = [PROVINCE.code, CITY.code, ...COUNTIES.map((county) => county.code)]
  const rows = await prisma.division.findMany({
    where: { code: { in: codes } },
    select: { id: true, code: true, ancestorIds: true },
  })
  const byCode = new Map(rows.map((row) => [row.code, row]))

  const create = async (
    parent: DivisionRef | null,
    data: { code: string; nameZh: string; nameEn: string; seat: readonly [number, number] },
    level: 'PROVINCE' | 'CITY' | 'COUNTY',
  ): Promise<DivisionRef> => {
    const parentPath = parent ? withSelf(parent) : []
    const row = await prisma.division.create({
      data: {
        code: data.code,
        level,
        parentId: parent?.id ?? null,
        ancestorIds: parentPath,
        nameZh: data.nameZh,
        nameEn: data.nameEn,
        latitude: data.seat[0],
        longitude: data.seat[1],
        datum: 'WGS84',
        note: RESTORED_NOTE,
      },
      select: { id: true },
    })
    const ancestorIds = [...parentPath, row.id]
    await prisma.division.update({ where: { id: row.id }, data: { ancestorIds } })
    return { id: row.id, ancestorIds }
  }

  let city: DivisionRef | undefined = byCode.get(CITY.code)
  if (!city) {
    const province = byCode.get(PROVINCE.code) ?? (await create(null, PROVINCE, 'PROVINCE'))
    city = await create(province, CITY, 'CITY')
  }
  const counties: DivisionRef[] = []
  for (const info of COUNTIES) counties.push(byCode.get(info.code) ?? (await create(city, info, 'COUNTY')))
  return { city, counties }
}

/** A division's ancestor path including itself, whatever the stored array holds. */
export function withSelf(division: DivisionRef): number[] {
  return division.ancestorIds.includes(division.id) ? division.ancestorIds : [...division.ancestorIds, division.id]
}
