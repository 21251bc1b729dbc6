// The checked-in schema (server/schema.graphql) is the contract partners build against: it must be
// what the server serves, and every part of it must say what it is.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { printedRules } from '@minsheng/server/rules'
import { printedSchema, schema } from '@minsheng/server/schema'
import {
  type GraphQLArgument,
  type GraphQLEnumValue,
  type GraphQLField,
  type GraphQLInputField,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql'
import { describe, expect, it } from 'vitest'

const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../server/schema.graphql')

describe('server/schema.graphql', () => {
  it('is the schema the server serves', () => {
    const onDisk = readFileSync(SCHEMA_FILE, 'utf8')
    expect(
      onDisk === printedSchema(),
      'server/schema.graphql is out of date: run `pnpm schema:print` and commit it',
    ).toBe(true)
  })

  it('has beside it the input rules the server validates with (server/schema.rules.json)', () => {
    const onDisk = readFileSync(path.resolve(import.meta.dirname, '../../server/schema.rules.json'), 'utf8')
    expect(onDisk === printedRules(), 'server/schema.rules.json is out of date: run `pnpm schema:print`').toBe(true)
    const rules = JSON.parse(onDisk).inputs
    // One rule per field of every create and update input of the schema, and no other.
    for (const [name, rule] of Object.entries(rules) as [string, { properties: object }][]) {
      const type = schema.getType(name)
      expect(isInputObjectType(type), name).toBe(true)
      if (isInputObjectType(type))
        expect(Object.keys(rule.properties).sort(), name).toEqual(Object.keys(type.getFields()).sort())
    }
    expect(rules.HospitalCreateInput.properties.plannedBeds).toMatchObject({ type: 'integer', minimum: 0 })
    expect(rules.HospitalCreateInput.required).toEqual(expect.arrayContaining(['nameZh', 'divisionId', 'role']))
  })

  it('names every root connection and mutation the hub offers', () => {
    const queries = Object.keys(schema.getQueryType()?.getFields() ?? {})
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {})
    const families = ['Division', 'Settlement', 'Community', 'IndustrialPark', 'Enterprise', 'Hospital', 'School']
    for (const typename of [...families, 'CareFacility', 'Indicator', 'Source']) {
      for (const verb of ['create', 'update', 'delete', 'restore', 'purge']) {
        expect(mutations).toContain(`${verb}${typename}`)
      }
    }
    for (const plural of ['divisions', 'settlements', 'communities', 'industrialParks', 'enterprises', 'hospitals']) {
      expect(queries).toContain(plural)
      expect(queries).toContain(`${plural}Aggregate`)
    }
    expect(queries).toEqual(
      expect.arrayContaining(['node', 'nodes', 'overview', 'careFacilities', 'indicators', 'sources']),
    )
  })
})

/** Every named part of the schema that has no description, as `Type.field(argument)` paths. */
function undescribed(): string[] {
  const missing: string[] = []
  const args = (owner: string, list: readonly GraphQLArgument[]) => {
    for (const arg of list) if (!arg.description?.trim()) missing.push(`${owner}(${arg.name})`)
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue
    if (!type.description?.trim()) missing.push(type.name)
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`)
        args(`${type.name}.${field.name}`, field.args)
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()) as GraphQLInputField[]) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`)
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues() as GraphQLEnumValue[]) {
        if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`)
      }
    }
  }
  return missing
}

// Partners read the schema in GraphiQL: ids, pagination arguments, generated connection and edge
// types, PageInfo and mutation arguments are described like everything else.
describe('descriptions', () => {
  it('describe every type, field, argument and enum value', () => {
    expect(undescribed()).toEqual([])
  })
})
