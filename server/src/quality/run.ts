// Applies every rule to the records in the database and returns what it finds. Reads in a few
// statements per record type, then checks in memory with the pure rules.
import type { Prisma, PrismaClient } from '@minsheng/db'
import type { MultiPolygon, Polygon } from 'geojson'
import { datamodel } from '../datamodel.ts'
import { figuresCited, hasEnglishName } from './completeness.ts'
import { communityResidentsWithinSettlement, employeesWithinJobCapacity, openBedsWithinPlanned } from './figures.ts'
import { fileUnderKnownTownship, pointInsideCounty } from './geography.ts'
import { indicatorJumps } from './indicators.ts'
import { type QualityIssue, RULES, type RuleCode } from './rules.ts'

type Db = PrismaClient | Prisma.TransactionClient

/** The record types the rules look at, with their Prisma delegates. */
const LOCATED = [
  'Settlement',
  'Community',
  'IndustrialPark',
  'Enterprise',
  'Hospital',
  'School',
  'CareFacility',
] as const
type Located = (typeof LOCATED)[number]

const NOT_FIGURES = new Set(['id', 'version', 'latitude', 'longitude'])

/** Fields of a model that hold figures: its numbers, other than ids, references and coordinates. */
export function figureFieldsOf(model: string): string[] {
  const fields = datamodel().datamodel.models[model]?.fields ?? []
  return fields
    .filter((field) => field.kind === 'scalar' && (field.type === 'Int' || field.type === 'Decimal') && !field.isList)
    .map((field) => field.name)
    .filter((name) => !NOT_FIGURES.has(name) && !name.endsWith('Id'))
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1)

// biome-ignore lint/suspicious/noExplicitAny: the same findMany on each record delegate, whose rows differ
type AnyRow = Record<string, any>
type Delegate = { findMany(args: unknown): Promise<AnyRow[]> }
const delegateOf = (db: Db, type: Located) => (db as unknown as Record<string, Delegate>)[lowerFirst(type)] as Delegate

interface DivisionRow {
  id: number
  code: string | null
  level: string
  nameZh: string
  nameEn: string | null
  ancestorIds: number[]
}

export interface RunOptions {
  /** Only these rules (default: all). */
  rules?: readonly RuleCode[]
  /**
   * Only these records, by type and database id (default: every record). A save checks the record
   * it wrote; a page of records asks about its own. Cross-record rules still read what they need:
   * a community's settlement, a place's township, a county's outline.
   */
  records?: ReadonlyMap<string, readonly number[]>
}

export async function findQualityIssues(db: Db, options: RunOptions = {}): Promise<QualityIssue[]> {
  const wanted = new Set<RuleCode>(options.rules ?? (Object.keys(RULES) as RuleCode[]))
  const only = options.records
  const issues: QualityIssue[] = []
  const add = (found: QualityIssue[]) => {
    for (const one of found) if (wanted.has(one.rule)) issues.push(one)
  }
  const inScope = (type: string) => !only || (only.get(type)?.length ?? 0) > 0
  const scoped = (type: string) => ({ deletedAt: null, ...(only ? { id: { in: [...(only.get(type) ?? [])] } } : {}) })

  // The records themselves, then the divisions they need (all of them for a full run).
  const rowsOf = new Map<Located, AnyRow[]>()
  for (const type of LOCATED) {
    if (!inScope(type)) continue
    rowsOf.set(
      type,
      await delegateOf(db, type).findMany({ where: scoped(type), include: { citations: { select: { field: true } } } }),
    )
  }
  // The divisions of the settlements and communities places belong to (FACILITY_DIVISION_IS_COUNTY).
  const placeIds = { Settlement: new Set<number>(), Community: new Set<number>() }
  for (const rows of rowsOf.values()) {
    for (const row of rows) {
      if (row.settlementId != null) placeIds.Settlement.add(row.settlementId)
      if (row.communityId != null) placeIds.Community.add(row.communityId)
    }
  }
  const placeDivisions = { Settlement: new Map<number, number>(), Community: new Map<number, number>() }
  for (const type of ['Settlement', 'Community'] as const) {
    if (placeIds[type].size === 0) continue
    const places = await delegateOf(db, type).findMany({
      where: { id: { in: [...placeIds[type]] }, deletedAt: null },
      select: { id: true, divisionId: true },
    })
    for (const place of places) placeDivisions[type].set(place.id, place.divisionId)
  }
  const settlementIds = only
    ? [
        ...new Set([
          ...(only.get('Settlement') ?? []),
          ...(rowsOf.get('Community') ?? []).map((row) => row.settlementId).filter((id) => id != null),
        ]),
      ]
    : undefined
  const settlements =
    settlementIds?.length === 0
      ? []
      : await db.settlement.findMany({
          where: { deletedAt: null, ...(settlementIds ? { id: { in: settlementIds } } : {}) },
          select: {
            id: true,
            divisionId: true,
            nameZh: true,
            relocatedPopulation: true,
            communities: { where: { deletedAt: null }, select: { relocatedPopulation: true } },
          },
        })
  const indicators = !inScope('Indicator')
    ? []
    : await db.indicator.findMany({
        where: scoped('Indicator'),
        select: {
          id: true,
          divisionId: true,
          nameZh: true,
          nameEn: true,
          observations: {
            select: {
              id: true,
              periodKind: true,
              year: true,
              quarter: true,
              value: true,
              provincialRank: true,
              citations: { select: { field: true } },
            },
          },
        },
      })

  const divisionSelect = { id: true, code: true, level: true, nameZh: true, nameEn: true, ancestorIds: true }
  let divisions: DivisionRow[]
  if (only) {
    const needed = new Set<number>(only.get('Division') ?? [])
    for (const rows of rowsOf.values()) for (const row of rows) needed.add(row.divisionId)
    for (const map of Object.values(placeDivisions)) for (const id of map.values()) needed.add(id)
    for (const row of [...settlements, ...indicators]) needed.add(row.divisionId)
    const own = await db.division.findMany({ where: { id: { in: [...needed] } }, select: divisionSelect })
    const ancestors = new Set(own.flatMap((division) => division.ancestorIds).filter((id) => !needed.has(id)))
    const above =
      ancestors.size === 0
        ? []
        : await db.division.findMany({ where: { id: { in: [...ancestors] } }, select: divisionSelect })
    divisions = [...own, ...above]
  } else {
    divisions = await db.division.findMany({ where: { deletedAt: null }, select: divisionSelect })
  }
  const divisionById = new Map(divisions.map((division) => [division.id, division]))
  const ancestorAt = (divisionId: number, level: string) =>
    divisionById
      .get(divisionId)
      ?.ancestorIds.map((id) => divisionById.get(id))
      .find((ancestor) => ancestor?.level === level)
  const countyIds = [...new Set(divisions.filter((division) => division.level === 'COUNTY').map((d) => d.id))]
  const outlines = wanted.has('POINT_OUTSIDE_COUNTY')
    ? await db.divisionBoundary.findMany({
        where: { divisionId: { in: countyIds } },
        select: { divisionId: true, geometry: true },
      })
    : []
  const outlineOf = new Map(outlines.map((row) => [row.divisionId, row.geometry as unknown as Polygon | MultiPolygon]))

  for (const division of divisions) {
    if (only && !only.get('Division')?.includes(division.id)) continue
    add(hasEnglishName({ recordType: 'Division', recordId: division.id, divisionId: division.id, ...division }))
  }

  for (const [type, rows] of rowsOf) {
    const figures = figureFieldsOf(type)
    for (const row of rows) {
      const ref = { recordType: type, recordId: row.id as number, divisionId: row.divisionId as number }
      add(hasEnglishName({ ...ref, nameZh: row.nameZh, nameEn: row.nameEn }))
      const cited = new Set((row.citations as { field: string }[]).map((citation) => citation.field))
      add(figuresCited({ ...ref, nameZh: row.nameZh, values: row }, figures, cited))
      if (row.latitude != null && row.longitude != null) {
        const county = ancestorAt(row.divisionId, 'COUNTY')
        if (county) {
          add(
            pointInsideCounty(
              { ...ref, latitude: Number(row.latitude), longitude: Number(row.longitude), datum: row.datum ?? null },
              { nameZh: county.nameZh, boundary: outlineOf.get(county.id) ?? null },
            ),
          )
        }
      }
      if (type === 'Enterprise')
        add(employeesWithinJobCapacity({ ...ref, employees: row.employees, jobCapacity: row.jobCapacity }))
      if (type === 'Hospital')
        add(openBedsWithinPlanned({ ...ref, openBeds: row.openBeds, plannedBeds: row.plannedBeds }))
      // A record filed under a county whose settlement or community lies in a township.
      const division = divisionById.get(row.divisionId)
      if (division) {
        const known = [
          row.communityId == null ? undefined : placeDivisions.Community.get(row.communityId),
          row.settlementId == null ? undefined : placeDivisions.Settlement.get(row.settlementId),
        ]
          .map((id) => (id === undefined ? undefined : ancestorAt(id, 'TOWNSHIP')))
          .filter((township): township is DivisionRow => township !== undefined)
        add(fileUnderKnownTownship({ ...ref, division }, known))
      }
    }
  }

  for (const { communities, ...settlement } of settlements) {
    add(
      communityResidentsWithinSettlement(
        { recordType: 'Settlement', recordId: settlement.id, ...settlement },
        communities,
      ),
    )
  }

  for (const indicator of indicators) {
    const ref = { recordType: 'Indicator', recordId: indicator.id, divisionId: indicator.divisionId }
    add(hasEnglishName({ ...ref, nameZh: indicator.nameZh, nameEn: indicator.nameEn }))
    const observations = indicator.observations.map((o) => ({ ...o, value: Number(o.value) }))
    add(indicatorJumps({ ...ref, nameZh: indicator.nameZh }, observations))
    // An observation's figures are the indicator's: the issue names the indicator (the record a
    // reader opens) and the observation in its field.
    for (const observation of indicator.observations) {
      const cited = new Set(observation.citations.map((citation) => citation.field))
      add(
        figuresCited(
          { ...ref, nameZh: `${indicator.nameZh} ${observation.year}`, values: observation },
          ['value', 'provincialRank'],
          cited,
        ).map((found) => ({ ...found, field: `observations.${observation.id}.${found.field}` })),
      )
    }
  }
  // Each issue names its record and county, for lists and counts per county.
  const names = new Map<string, string>()
  for (const [type, rows] of rowsOf) for (const row of rows) names.set(`${type}:${row.id}`, row.nameZh)
  for (const row of settlements) names.set(`Settlement:${row.id}`, row.nameZh)
  for (const row of indicators) names.set(`Indicator:${row.id}`, row.nameZh)
  for (const row of divisions) names.set(`Division:${row.id}`, row.nameZh)
  return issues.map((found) => {
    const division = found.divisionId == null ? undefined : divisionById.get(found.divisionId)
    const county = division?.level === 'COUNTY' ? division : division && ancestorAt(division.id, 'COUNTY')
    const recordName = names.get(`${found.recordType}:${found.recordId}`)
    return {
      ...found,
      ...(recordName ? { recordName } : {}),
      ...(county ? { county: { id: county.id, code: county.code, nameZh: county.nameZh, nameEn: county.nameEn } } : {}),
    }
  })
}
