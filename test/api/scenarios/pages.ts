// Pulls of a list that race changes to the records being paged through. The sort keys come from the
// checked-in schema (the family's `<Type>OrderField` enum), so a new sortable field is covered
// without a new test; the fixtures and the values that move a record are derived from each key's type.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { buildSchema, type GraphQLInputObjectType, getNamedType, isEnumType, isNonNullType } from 'graphql'

const schema = buildSchema(readFileSync(path.resolve(import.meta.dirname, '../../../server/schema.graphql'), 'utf8'))

export type KeyKind = 'text' | 'int' | 'decimal' | 'date' | 'timestamp'

export interface SortKey {
  /** The enum value, e.g. FLOOR_AREA_M2. */
  value: string
  /** The field, e.g. floorAreaM2. */
  field: string
  kind: KeyKind
  /** The create input requires it (so it is never empty). */
  required: boolean
}

const camelCase = (constant: string) =>
  constant.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

function kindOf(typeName: string): KeyKind {
  switch (typeName) {
    case 'String':
      return 'text'
    case 'Int':
    case 'NonNegativeInt':
      return 'int'
    case 'Decimal':
      return 'decimal'
    case 'Date':
      return 'date'
    default:
      throw new Error(`No fixture values for sort keys of type ${typeName}`)
  }
}

/** Every sort key a family's lists offer, with its type as the create input states it. */
export function sortKeysOf(typename: string): SortKey[] {
  const fieldEnum = schema.getType(`${typename}OrderField`)
  const input = schema.getType(`${typename}CreateInput`) as GraphQLInputObjectType
  if (!isEnumType(fieldEnum)) throw new Error(`${typename} has no sort keys`)
  return fieldEnum.getValues().map(({ name }) => {
    const field = camelCase(name)
    if (field === 'createdAt' || field === 'updatedAt') return { value: name, field, kind: 'timestamp', required: true }
    const inputField = input.getFields()[field]
    if (!inputField) throw new Error(`${typename}CreateInput has no ${field}`)
    return {
      value: name,
      field,
      kind: kindOf(getNamedType(inputField.type).name),
      required: isNonNullType(inputField.type),
    }
  })
}

/**
 * Ranks of the fixture records on every key, in creation (id) order: not the sort order, with ties
 * (broken by the id) and, for optional keys, two empty values (three of six: which sort last both ways).
 */
export const FIXTURE_RANKS = [2, 0, 1, 2, 0, 1] as const
const EMPTY_AT = new Set([1, 3, 4])

/** A value of the key's type with this rank; ranks 0-2 for fixtures, 'low' and 'high' beyond them. */
export function keyValue(key: SortKey, rank: number | 'low' | 'high'): string | number {
  const r = rank === 'low' ? -1 : rank === 'high' ? 9 : rank
  switch (key.kind) {
    case 'text':
      // Letters before digits and CJK keep the order the same under any collation.
      return rank === 'low' ? 'A 排序' : rank === 'high' ? 'Z 排序' : `M${r} 排序`
    case 'int':
      return rank === 'low' ? 0 : rank === 'high' ? 100_000 : 10 + r * 5
    case 'decimal':
      return rank === 'low' ? '0.5' : rank === 'high' ? '99999.5' : `${100 + r * 10}.5`
    case 'date':
      return rank === 'low' ? '2000-01-01' : rank === 'high' ? '2099-12-31' : `2020-0${r + 1}-15`
    case 'timestamp':
      throw new Error('Timestamps are set by the hub')
  }
}

/** The fields of fixture record `index` on every settable key. */
export function fixtureFields(keys: SortKey[], index: number): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const key of keys) {
    if (key.kind === 'timestamp') continue
    fields[key.field] = !key.required && EMPTY_AT.has(index) ? null : keyValue(key, FIXTURE_RANKS[index] as number)
  }
  return fields
}

/** What happens to the record at the cursor between two pages. */
export type RaceEvent = 'trash' | 'purge' | 'move to the front' | 'move to the back' | 'edit'

export function eventsFor(key: SortKey): RaceEvent[] {
  if (key.field === 'createdAt') return ['trash', 'purge']
  // Any change moves a record under an updatedAt sort.
  if (key.field === 'updatedAt') return ['trash', 'purge', 'edit']
  return ['trash', 'purge', 'move to the front', 'move to the back']
}

/**
 * The update that moves a record to the front or the back of a list sorted by `key`: the smallest or
 * largest value, or for an optional key an empty value (last in both directions).
 */
export function moveInput(key: SortKey, event: RaceEvent, direction: 'ASC' | 'DESC'): Record<string, unknown> {
  if (event === 'edit') return { note: `changed while a pull was under way ${Math.random()}` }
  const front = event === 'move to the front'
  if (!front && !key.required) return { [key.field]: null }
  const low = front === (direction === 'ASC')
  return { [key.field]: keyValue(key, low ? 'low' : 'high') }
}
