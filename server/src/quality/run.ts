// Applies every rule to the records in the database and returns what it finds. Reads in a few
// statements per record type, then checks in memory with the pure rules.
import type { Prisma, PrismaClient } from '@minsheng/db'
import { getDatamodel } from '@minsheng/db/pothos-types'
import type { MultiPolygon, Polygon } from 'geojson'
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
  const fields = getDatamodel().datamodel.models[model]?.fields ?? []
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
  level: string
  nameZh: string
  nameEn: string | null
  ancestorIds: number[]
}

export interface RunOptions {
  /** Only these rules (default: all). */
  rules?: readonly RuleCode[]
}

export async function findQualityIssues(db: Db, options: RunOptions = {}): Promise<QualityIssue[]> {
  const wanted = new Set<RuleCode>(options.rules ?? (Object.keys(RULES) as RuleCode[]))
  const issues: QualityIssue[] = []
  const add = (found: QualityIssue[]) => {
    for (const one of found) if (wanted.has(one.rule)) issues.push(one)
  }

  const divisions: DivisionRow[] = await db.division.findMany({
    where: { deletedAt: null },
    select: { id: true, level: true, nameZh: true, nameEn: true, ancestorIds: true },
  })
  const divisionById = new Map(divisions.map((division) => [division.id, division]))
  const ancestorAt = (divisionId: number, level: string) =>
    divisionById
      .get(divisionId)
      ?.ancestorIds.map((id) => divisionById.get(id))
      .find((ancestor) => ancestor?.level === level)
  const outlines = await db.divisionBoundary.findMany({ select: { divisionId: true, geometry: true } })
  const outlineOf = new Map(outlines.map((row) => [row.divisionId, row.geometry as unknown as Polygon | MultiPolygon]))

  for (const division of divisions) {
    add(hasEnglishName({ recordType: 'Division', recordId: division.id, divisionId: division.id, ...division }))
  }

  const divisionIdsOf = new Map<string, Map<number, number>>()
  for (const type of LOCATED) {
    const figures = figureFieldsOf(type)
    const delegate = delegateOf(db, type)
    const rows = await delegate.findMany({
      where: { deletedAt: null },
      include: { citations: { select: { field: true } } },
    })
    divisionIdsOf.set(type, new Map(rows.map((row) => [row.id as number, row.divisionId as number])))
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
    }
  }

  // A record filed under a county whose settlement or community lies in a township.
  const placeDivision = (type: Located, id: number | null | undefined) =>
    id == null ? undefined : divisionIdsOf.get(type)?.get(id)
  for (const type of LOCATED) {
    const delegate = delegateOf(db, type)
    const links = getDatamodel().datamodel.models[type]?.fields.map((field) => field.name) ?? []
    const select = Object.fromEntries(
      ['id', 'divisionId', 'settlementId', 'communityId']
        .filter((name) => links.includes(name))
        .map((name) => [name, true]),
    )
    if (!('settlementId' in select) && !('communityId' in select)) continue
    for (const row of await delegate.findMany({ where: { deletedAt: null }, select })) {
      const division = divisionById.get(row.divisionId)
      if (!division) continue
      const known = [placeDivision('Community', row.communityId), placeDivision('Settlement', row.settlementId)]
        .map((id) => (id === undefined ? undefined : ancestorAt(id, 'TOWNSHIP')))
        .filter((township): township is DivisionRow => township !== undefined)
      add(fileUnderKnownTownship({ recordType: type, recordId: row.id, divisionId: row.divisionId, division }, known))
    }
  }

  const settlements = await db.settlement.findMany({
    where: { deletedAt: null },
    select: {
      id: true,
      divisionId: true,
      nameZh: true,
      relocatedPopulation: true,
      communities: { where: { deletedAt: null }, select: { relocatedPopulation: true } },
    },
  })
  for (const { communities, ...settlement } of settlements) {
    add(
      communityResidentsWithinSettlement(
        { recordType: 'Settlement', recordId: settlement.id, ...settlement },
        communities,
      ),
    )
  }

  const indicators = await db.indicator.findMany({
    where: { deletedAt: null },
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
  for (const indicator of indicators) {
    const ref = { recordType: 'Indicator', recordId: indicator.id, divisionId: indicator.divisionId }
    add(hasEnglishName({ ...ref, nameZh: indicator.nameZh, nameEn: indicator.nameEn }))
    const observations = indicator.observations.map((o) => ({ ...o, value: Number(o.value) }))
    add(indicatorJumps({ ...ref, nameZh: indicator.nameZh }, observations))
    for (const observation of indicator.observations) {
      const cited = new Set(observation.citations.map((citation) => citation.field))
      add(
        figuresCited(
          {
            recordType: 'IndicatorObservation',
            recordId: observation.id,
            divisionId: indicator.divisionId,
            nameZh: `${indicator.nameZh} ${observation.year}`,
            values: observation,
          },
          ['value', 'provincialRank'],
          cited,
        ),
      )
    }
  }
  return issues
}
