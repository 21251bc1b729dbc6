// Yunnan → Zhaotong → its 11 county-level divisions (codes and English names per GB/T 2260), plus the
// township and communities the text names. Their codes are not in the text and are not guessed.
import type { DivisionLevel } from '../src/index.ts'
import { type Cited, cite, syncCitations } from './cite.ts'
import type { SeedContext } from './context.ts'
import * as q from './quotes.ts'
import { save } from './save.ts'

interface DivisionSeed {
  code: string | null
  level: DivisionLevel
  nameZh: string
  nameEn: string
  parent: string | null
  note?: string
  cites?: Cited[]
}

const NO_CODE = 'No code: the source gives none and the hub does not guess one.'

function county(code: string, nameZh: string, nameEn: string): DivisionSeed {
  return { code, level: 'COUNTY', nameZh, nameEn, parent: '昭通市' }
}

/** Parents before children. */
export const DIVISIONS: DivisionSeed[] = [
  { code: '530000', level: 'PROVINCE', nameZh: '云南省', nameEn: 'Yunnan Province', parent: null },
  {
    code: '530600',
    level: 'CITY',
    nameZh: '昭通市',
    nameEn: 'Zhaotong City',
    parent: '云南省',
    note: 'The source calls it the prefecture-level city with the most people lifted out of poverty in China (全国脱贫人口最多的地级市); it gives no figure for that.',
    cites: [cite('note', '全国脱贫人口最多的地级市', 'EXACT', q.MOST_LIFTED_CITY)],
  },
  county('530602', '昭阳区', 'Zhaoyang District'),
  county('530621', '鲁甸县', 'Ludian County'),
  county('530622', '巧家县', 'Qiaojia County'),
  county('530623', '盐津县', 'Yanjin County'),
  county('530624', '大关县', 'Daguan County'),
  county('530625', '永善县', 'Yongshan County'),
  county('530626', '绥江县', 'Suijiang County'),
  county('530627', '镇雄县', 'Zhenxiong County'),
  county('530628', '彝良县', 'Yiliang County'),
  county('530629', '威信县', 'Weixin County'),
  county('530681', '水富市', 'Shuifu City'),
  {
    code: null,
    level: 'TOWNSHIP',
    nameZh: '中城镇',
    nameEn: 'Zhongcheng Town',
    parent: '绥江县',
    note: NO_CODE,
    cites: [cite('parentId', '绥江县中城镇', 'EXACT', q.FUXING_CANTEEN)],
  },
  {
    code: null,
    level: 'COMMUNITY',
    nameZh: '福兴社区',
    nameEn: 'Fuxing Community',
    parent: '中城镇',
    note: NO_CODE,
    cites: [cite('parentId', '中城镇福兴社区', 'EXACT', q.FUXING_CANTEEN)],
  },
  {
    code: null,
    level: 'COMMUNITY',
    nameZh: '雨露社区',
    nameEn: 'Yulu Community',
    parent: '鲁甸县',
    note: `${NO_CODE} The source places it in 鲁甸县 (鲁甸县卯家湾易地扶贫搬迁安置区雨露社区) without naming a township, so it hangs directly under the county.`,
    cites: [cite('parentId', '鲁甸县卯家湾易地扶贫搬迁安置区雨露社区', 'EXACT', q.YULU_MORNING)],
  },
]

export async function seedDivisions(ctx: SeedContext) {
  const { tx, tally } = ctx
  const ancestors = new Map<string, number[]>()
  for (const division of DIVISIONS) {
    const parentId = division.parent === null ? null : tally.idOf('division', division.parent)
    const parentAncestors = division.parent === null ? [] : (ancestors.get(division.parent) ?? [])
    const found = division.code
      ? await tx.division.findUnique({ where: { code: division.code } })
      : await tx.division.findFirst({ where: { parentId, nameZh: division.nameZh, code: null } })
    const data = {
      code: division.code,
      level: division.level,
      parentId,
      nameZh: division.nameZh,
      nameEn: division.nameEn,
      note: division.note ?? null,
      // Root first, the division itself last; a new row learns its own id only once created.
      ancestorIds: found ? [...parentAncestors, found.id] : undefined,
    }
    const row = await save(ctx, 'division', division.nameZh, found, data, {
      async create() {
        const created = await tx.division.create({ data: { ...data, ancestorIds: parentAncestors } })
        return tx.division.update({
          where: { id: created.id },
          data: { ancestorIds: [...parentAncestors, created.id] },
        })
      },
      update: (id) => tx.division.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
    })
    ancestors.set(division.nameZh, row.ancestorIds)
    await syncCitations(ctx, { divisionId: row.id }, division.cites ?? [])
  }
}
