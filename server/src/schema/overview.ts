import { builder, type Context } from '../builder.ts'
import { readDb } from '../db.ts'
import { readingArgs } from '../governance/args.ts'
import { family } from '../records/family.ts'
import type { Locale } from '../records/validation.ts'
import { withinDivisionFilter } from '../records/where.ts'
import { CareFacilityKind } from './enums.ts'

interface OverviewShape {
  within: string | null
}

const Overview = builder.objectRef<OverviewShape>('Overview')

/** `where` restricting a family to the requested division, if any. */
function scope(typename: string, within: string | null, locale: Locale) {
  return { deletedAt: null, ...(within ? withinDivisionFilter(family(typename), within, locale) : {}) }
}

async function sumOf(ctx: Context, typename: string, field: string, within: string | null) {
  const delegate = (
    readDb(ctx) as unknown as Record<
      string,
      { aggregate: (args: object) => Promise<{ _sum: Record<string, unknown> }> }
    >
  )[typename[0]?.toLowerCase() + typename.slice(1)]
  const result = await delegate?.aggregate({ where: scope(typename, within, ctx.locale), _sum: { [field]: true } })
  // No record states the figure: unknown, not zero.
  const sum = result?._sum[field]
  return sum === null || sum === undefined ? null : Number(sum)
}

const KindCount = builder.objectRef<{ kind: string; count: number }>('CareFacilityKindCount').implement({
  description: 'How many care facilities of one kind there are.',
  fields: (t) => ({
    kind: t.field({ type: CareFacilityKind.ref, resolve: (p) => p.kind as never, description: 'The kind.' }),
    count: t.exposeInt('count', { description: 'Facilities of this kind.' }),
  }),
})

const counted = {
  settlementCount: 'Settlement',
  communityCount: 'Community',
  industrialParkCount: 'IndustrialPark',
  enterpriseCount: 'Enterprise',
  hospitalCount: 'Hospital',
  schoolCount: 'School',
  careFacilityCount: 'CareFacility',
} as const

const summed = {
  relocatedPopulation: ['Settlement', 'relocatedPopulation', 'Relocated residents in recorded settlements.'],
  parkDirectJobs: ['IndustrialPark', 'directJobs', 'Jobs provided directly by industrial parks.'],
  enterpriseJobCapacity: ['Enterprise', 'jobCapacity', 'Jobs enterprises can provide.'],
  enterpriseEmployees: ['Enterprise', 'employees', 'People employed by enterprises now.'],
  hospitalPlannedBeds: ['Hospital', 'plannedBeds', 'Hospital beds planned.'],
  hospitalOpenBeds: ['Hospital', 'openBeds', 'Hospital beds open.'],
  schoolSeats: ['School', 'seats', 'School places.'],
  peopleServedByCare: ['CareFacility', 'peopleServed', 'People served by care facilities.'],
} as const

Overview.implement({
  description: 'The city (or a division) at a glance: totals of the recorded facilities and its indicators.',
  fields: (t) => ({
    ...Object.fromEntries(
      Object.entries(counted).map(([name, typename]) => [
        name,
        t.int({
          description: `Number of ${typename} records.`,
          resolve: ({ within }, _args, ctx) =>
            (readDb(ctx) as never as Record<string, { count: (a: object) => Promise<number> }>)[
              typename[0]?.toLowerCase() + typename.slice(1)
            ]?.count({ where: scope(typename, within, ctx.locale) }) ?? 0,
        }),
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(summed).map(([name, [typename, field, description]]) => [
        name,
        t.float({
          nullable: true,
          description: `${description} Null when no record states it.`,
          resolve: ({ within }, _args, ctx) => sumOf(ctx, typename, field, within),
        }),
      ]),
    ),
    careFacilitiesByKind: t.field({
      type: [KindCount],
      description: 'Care facilities per kind.',
      resolve: async ({ within }, _args, ctx) => {
        const rows = await readDb(ctx).careFacility.groupBy({
          by: ['kind'],
          where: scope('CareFacility', within, ctx.locale),
          _count: { _all: true },
          orderBy: { kind: 'asc' },
        })
        return rows.map((row) => ({ kind: row.kind, count: row._count._all }))
      },
    }),
    indicators: t.prismaField({
      type: ['Indicator'],
      description: 'Indicators of the division itself (the city when none is given), by code.',
      resolve: async (query, { within }, _args, ctx) => {
        const where = within
          ? scope('Indicator', within, ctx.locale)
          : { deletedAt: null, division: { level: 'CITY' as const } }
        return readDb(ctx).indicator.findMany({ ...query, where, orderBy: [{ code: 'asc' }, { id: 'asc' }] })
      },
    }),
  }),
})

builder.queryField('overview', (t) =>
  t.field({
    type: Overview,
    // Figures over every record type: callers who may read them all (operators, "read" keys).
    authScopes: { readType: 'Overview' },
    description: 'Dashboard figures in one request, for the whole city or within one division.',
    args: {
      withinDivision: t.arg.id({ description: 'Global ID of a Division; the whole hub when omitted.' }),
      ...readingArgs(t),
    },
    resolve: (_root, args) => ({ within: args.withinDivision ? String(args.withinDivision) : null }),
  }),
)
