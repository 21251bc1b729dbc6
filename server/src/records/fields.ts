import { CoordinateDatum } from '@minsheng/db'

// One description of each writable field drives everything derived from it: the object type's
// field, the create/update inputs, validation, the filter, the sort key and the aggregates.

interface Base {
  description: string
  required?: boolean
  /** The database's default: used when a create omits the field; an update cannot clear it. */
  defaultValue?: string | number
  /** Disclosed only to operators and keys with the restricted scope; null for everyone else. */
  restricted?: boolean
}

export type FieldSpec =
  | (Base & { kind: 'text'; max: number; filter?: boolean; sort?: boolean })
  | (Base & { kind: 'textList'; maxItems: number; maxLength: number })
  | (Base & { kind: 'int'; min?: number; max?: number; sort?: boolean; aggregate?: boolean })
  | (Base & { kind: 'decimal'; min?: number; sort?: boolean; aggregate?: boolean })
  | (Base & { kind: 'date'; sort?: boolean })
  | (Base & { kind: 'enum'; enumName: string; values: readonly string[]; group?: boolean })
  | (Base & { kind: 'ref'; target: string; relation: string })
  | (Base & { kind: 'coordinate'; axis: 'latitude' | 'longitude' })

export type FieldMap = Record<string, FieldSpec>

export const text = (
  max: number,
  description: string,
  extra: Partial<Base & { filter: boolean; sort: boolean }> = {},
) => ({ kind: 'text', max, description, filter: true, sort: true, ...extra }) as const satisfies FieldSpec

export const textList = (description: string, maxItems = 50, maxLength = 200) =>
  ({ kind: 'textList', maxItems, maxLength, description }) as const satisfies FieldSpec

/** A count of people, beds, jobs…: a whole number from 0. */
export const count = (description: string, extra: Partial<Base & { max: number }> = {}) =>
  ({
    kind: 'int',
    min: 0,
    max: 100_000_000,
    description,
    sort: true,
    aggregate: true,
    ...extra,
  }) as const satisfies FieldSpec

export const int = (
  description: string,
  min: number,
  max: number,
  extra: Partial<Base & { aggregate: boolean }> = {},
) => ({ kind: 'int', min, max, description, sort: true, aggregate: false, ...extra }) as const satisfies FieldSpec

export const decimal = (description: string, extra: Partial<Base & { min: number }> = {}) =>
  ({ kind: 'decimal', min: 0, description, sort: true, aggregate: true, ...extra }) as const satisfies FieldSpec

export const date = (description: string, extra: Partial<Base> = {}) =>
  ({ kind: 'date', description, sort: true, ...extra }) as const satisfies FieldSpec

export const enumOf = (
  enumName: string,
  values: Record<string, string>,
  description: string,
  extra: Partial<Base> = {},
) =>
  ({
    kind: 'enum',
    enumName,
    values: Object.keys(values),
    description,
    group: true,
    ...extra,
  }) as const satisfies FieldSpec

/** A reference to another record, given by its global ID; `relation` is the Prisma relation name. */
export const ref = (target: string, relation: string, description: string, extra: Partial<Base> = {}) =>
  ({ kind: 'ref', target, relation, description, ...extra }) as const satisfies FieldSpec

/** Fields every record family has. */
export const commonFields = {
  nameZh: text(200, 'Chinese name (required). Where a source gives no name, the name says so.', { required: true }),
  nameEn: text(200, 'English name.'),
  latitude: { kind: 'coordinate', axis: 'latitude', description: 'Latitude in degrees, in the stated datum.' },
  longitude: { kind: 'coordinate', axis: 'longitude', description: 'Longitude in degrees, in the stated datum.' },
  datum: enumOf('CoordinateDatum', CoordinateDatum, 'Datum of the coordinates: WGS84 or GCJ02.', {
    group: false,
  } as Partial<Base>),
  note: text(2000, 'Remarks, e.g. what the source leaves unsaid.', { filter: false, sort: false }),
} satisfies FieldMap

/** Field names that are numbers we can sum, average, and find the extremes of. */
export function aggregateFieldNames(fields: FieldMap): string[] {
  return Object.entries(fields)
    .filter(([, spec]) => (spec.kind === 'int' || spec.kind === 'decimal') && spec.aggregate)
    .map(([name]) => name)
}

export function groupableEnumFields(fields: FieldMap): string[] {
  return Object.entries(fields)
    .filter(([, spec]) => spec.kind === 'enum' && spec.group)
    .map(([name]) => name)
}

export function sortableFieldNames(fields: FieldMap): string[] {
  return Object.entries(fields)
    .filter(([, spec]) => 'sort' in spec && spec.sort)
    .map(([name]) => name)
}

/** PLANNED_BEDS from plannedBeds: the GraphQL spelling of enum values naming fields. */
export function constantCase(name: string) {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()
}
