// Filter input types shared by every record family's `where`.
import { builder } from '../builder.ts'
import { withArticle } from './article.ts'

const comparisons = <T>(type: T, description: string) => ({
  equals: { type, description: `Equal to the value.` },
  not: { type, description: `Not equal to the value.` },
  lt: { type, description: `Less than the value. ${description}` },
  lte: { type, description: `Less than or equal to the value.` },
  gt: { type, description: `Greater than the value.` },
  gte: { type, description: `Greater than or equal to the value.` },
})

function rangeFilter(name: string, scalar: 'Int' | 'Decimal' | 'Date' | 'DateTime', description: string) {
  return builder.inputType(name, {
    description,
    fields: (t) => {
      const fields = comparisons(scalar, '')
      return {
        ...Object.fromEntries(
          Object.entries(fields).map(([op, spec]) => [op, t.field({ type: spec.type, description: spec.description })]),
        ),
        in: t.field({ type: [scalar], description: 'Equal to one of the values.' }),
      } as Record<string, ReturnType<typeof t.field>>
    },
  })
}

export const IntFilter = rangeFilter(
  'IntFilter',
  'Int',
  'Conditions on a whole number; all given conditions must hold.',
)
export const DecimalFilter = rangeFilter('DecimalFilter', 'Decimal', 'Conditions on an exact decimal number.')
export const DateFilter = rangeFilter('DateFilter', 'Date', 'Conditions on a calendar date (YYYY-MM-DD).')
export const DateTimeFilter = rangeFilter('DateTimeFilter', 'DateTime', 'Conditions on a moment in time.')

export const StringFilter = builder.inputType('StringFilter', {
  description:
    'Conditions on a text; `contains` and `startsWith` ignore case, `equals` is exact. Each text is at most as long as the field holds (longer: BAD_USER_INPUT, too_long).',
  fields: (t) => ({
    equals: t.string({ description: 'Exactly this text.' }),
    not: t.string({ description: 'Anything but this text.' }),
    in: t.stringList({ description: 'One of these texts.' }),
    contains: t.string({ description: 'Contains this text, ignoring case.' }),
    startsWith: t.string({ description: 'Starts with this text, ignoring case.' }),
  }),
})

export const IDFilter = builder.inputType('IDFilter', {
  description: 'Conditions on a reference, by global ID.',
  fields: (t) => ({
    equals: t.id({ description: 'This record.' }),
    not: t.id({ description: 'Any record but this one.' }),
    in: t.idList({ description: 'One of these records.' }),
  }),
})

const enumFilters = new Map<string, ReturnType<typeof builder.inputType>>()

/** `HospitalRoleFilter` and the like: equality conditions on an enum. */
export function enumFilter(enumName: string) {
  let filter = enumFilters.get(enumName)
  if (!filter) {
    filter = builder.inputType(`${enumName}Filter`, {
      description: `Conditions on ${withArticle(enumName)} value.`,
      fields: (t) => ({
        equals: t.field({ type: enumName as never, description: 'This value.' }),
        not: t.field({ type: enumName as never, description: 'Any value but this one.' }),
        in: t.field({ type: [enumName as never], description: 'One of these values.' }),
      }),
    })
    enumFilters.set(enumName, filter)
  }
  return filter
}

/** A latitude/longitude box, e.g. the part of the map on screen. */
export const BoundsInput = builder.inputType('BoundsInput', {
  description: 'A box of latitudes and longitudes (a map window); edges included.',
  fields: (t) => ({
    south: t.field({ type: 'Latitude', required: true, description: 'Southern edge (lowest latitude).' }),
    west: t.field({ type: 'Longitude', required: true, description: 'Western edge (lowest longitude).' }),
    north: t.field({ type: 'Latitude', required: true, description: 'Northern edge (highest latitude).' }),
    east: t.field({ type: 'Longitude', required: true, description: 'Eastern edge (highest longitude).' }),
    datum: t.field({
      type: 'CoordinateDatum' as never,
      defaultValue: 'WGS84' as never,
      description: 'The datum the edges are given in; WGS84 by default.',
    }),
  }),
})
