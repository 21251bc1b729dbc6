import { generatedEnglishName, pinyinInitials } from '@minsheng/db/division-names'
import { builder } from '../builder.ts'
import { addRecordApi } from '../records/api.ts'
import { userInputError } from '../records/errors.ts'
import { defineFamily, link, nodeOptions, recordFields, relatedRecords } from '../records/family.ts'
import { enumOf, ref, text } from '../records/fields.ts'
import { checkDivisionParent } from '../rules/divisions.ts'
import { DivisionLevel } from './enums.ts'

export const divisions = defineFamily({
  typename: 'Division',
  plural: 'divisions',
  labelZh: '行政区划',
  description:
    'Administrative divisions (行政区划): province, city, counties, townships and communities. `search` also matches codes and pinyin initials (ycjd finds 砚池街道).',
  within: 'self',
  // The division picker finds 1,500+ divisions by code (5306…) and pinyin initials (ycjd) too.
  searchColumns: ['nameZh', 'nameEn', 'code', 'pinyinInitials'],
  fields: {
    code: text(12, 'GB/T 2260 code (e.g. 530627 for 镇雄县); statistical codes below counties. Unique.'),
    level: enumOf('DivisionLevel', DivisionLevel.values, 'Level in the division tree.', { required: true }),
    parentId: ref('Division', 'parent', 'The division this one belongs to; empty only for the top.'),
    pinyinInitials: text(
      100,
      'Initials of the pinyin of the Chinese name (e.g. ycjd for 砚池街道), which `search` matches. Made from the name when not given; correct it where a character is read wrongly.',
      { sort: false },
    ),
  },
  // The ancestor list makes "within X" one indexed test; it follows every change of parent.
  async afterWrite({ tx, id, mode, input, ctx }) {
    await keepNamesInStep(tx, id, mode, input)
    const self = await tx.division.findUniqueOrThrow({ where: { id }, include: { parent: true } })
    const problem = checkDivisionParent(self, self.parent, ctx.locale)
    if (problem) throw userInputError(problem, [{ field: 'parentId', code: 'invalid_parent', message: problem }])
    const ancestorIds = [...(self.parent?.ancestorIds ?? []), id]
    if (ancestorIds.join() === self.ancestorIds.join()) return
    await tx.division.update({ where: { id }, data: { ancestorIds } })
    // Its descendants keep their path below it, under its new one: one statement however many
    // there are (a county has thousands, which were one UPDATE each, each firing the ancestry's triggers).
    const now = new Date().toISOString()
    await tx.$executeRaw`UPDATE "Division"
      SET "ancestorIds" = ${ancestorIds}::int[] || "ancestorIds"[array_position("ancestorIds", ${id}::int) + 1:],
        "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
      WHERE "ancestorIds" @> ARRAY[${id}::int] AND id <> ${id}::int`
  },
})

/**
 * Search and the English name follow the Chinese name unless the caller says otherwise: the pinyin
 * initials are remade, and an English name the hub generated (or none) becomes pinyin, marked as
 * generated. An English name the caller gives is theirs.
 */
async function keepNamesInStep(
  // biome-ignore lint/suspicious/noExplicitAny: the family's transaction client, as afterWrite gets it
  tx: any,
  id: number,
  mode: 'create' | 'update',
  input: Record<string, unknown>,
) {
  const row = await tx.division.findUniqueOrThrow({
    where: { id },
    select: { nameZh: true, nameEn: true, nameEnGenerated: true, pinyinInitials: true },
  })
  const given = input.nameEn != null
  const renamed = mode === 'create' || input.nameZh !== undefined
  const data: Record<string, unknown> = {}
  if (given && row.nameEnGenerated) data.nameEnGenerated = false
  if (renamed && input.pinyinInitials == null) data.pinyinInitials = pinyinInitials(row.nameZh)
  if (!given && (row.nameEn == null || (renamed && row.nameEnGenerated))) {
    data.nameEn = generatedEnglishName(row.nameZh)
    data.nameEnGenerated = true
  }
  const changed = Object.entries(data).filter(([field, value]) => (row as Record<string, unknown>)[field] !== value)
  if (changed.length > 0) await tx.division.update({ where: { id }, data: Object.fromEntries(changed) })
}

builder.prismaNode('Division', {
  ...nodeOptions(divisions),
  description: 'An administrative division (行政区划) in the GB/T 2260 tree.',
  fields: (t) => ({
    ...recordFields(t, divisions),
    nameEnGenerated: t.exposeBoolean('nameEnGenerated', {
      description:
        'True when nameEn is pinyin the hub generated from nameZh (e.g. Yanchi Subdistrict), not an English name a source or an operator gave.',
    }),
    boundary: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'The outline of the division as a GeoJSON Polygon or MultiPolygon in WGS-84 (RFC 7946), simplified for drawing on a screen (to about 200 m). County level and above, where the hub holds one.',
      select: { boundary: { select: { geometry: true } } },
      resolve: (division) => division.boundary?.geometry ?? null,
    }),
    boundarySource: t.string({
      nullable: true,
      description: 'Where the outline comes from (package, version, file and feature), and so its original datum.',
      select: { boundary: { select: { source: true, sourceDatum: true } } },
      resolve: (division) =>
        division.boundary
          ? `${division.boundary.source} (${division.boundary.sourceDatum}, converted to WGS-84)`
          : null,
    }),
    parent: link(t, 'parent', 'Division', 'The division above this one.', true),
    children: relatedRecords(t, 'children', 'Division', 'Divisions directly beneath this one.'),
    settlements: relatedRecords(t, 'settlements', 'Settlement', 'Relocation settlements attached to this division.'),
    communities: relatedRecords(t, 'communities', 'Community', 'Settlement communities attached to this division.'),
    industrialParks: relatedRecords(t, 'industrialParks', 'IndustrialPark', 'Industrial parks in this division.'),
    enterprises: relatedRecords(t, 'enterprises', 'Enterprise', 'Enterprises in this division.'),
    hospitals: relatedRecords(t, 'hospitals', 'Hospital', 'Hospitals in this division.'),
    schools: relatedRecords(t, 'schools', 'School', 'Schools in this division.'),
    careFacilities: relatedRecords(t, 'careFacilities', 'CareFacility', 'Care facilities in this division.'),
    indicators: relatedRecords(t, 'indicators', 'Indicator', 'Statistical indicators of this division.'),
  }),
})

addRecordApi(divisions)
