// Build-time view of the checked-in GraphQL schema: the console never introspects the server
// (which may have introspection off); it reads a compact description of types compiled from
// server/schema.graphql, with the input rules the hub publishes as data (server/schema.rules.json:
// ranges, lengths, list sizes), into the bundle as the virtual module `virtual:hub-schema`.
import { readFileSync } from 'node:fs'
import {
  buildSchema,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql'
import type { Plugin } from 'vite'
import type { FieldMeta, HubSchema, RecordTypeMeta } from '../src/providers/schema-types.ts'

const VIRTUAL_ID = 'virtual:hub-schema'

/** A property of server/schema.rules.json (JSON Schema): the part the console checks. */
interface RuleSchema {
  type?: string
  minimum?: number
  maximum?: number
  maxLength?: number
  maxItems?: number
  items?: RuleSchema
  properties?: Record<string, RuleSchema>
  anyOf?: RuleSchema[]
}

export interface InputRules {
  inputs: Record<string, { properties?: Record<string, RuleSchema> }>
}

/** An optional field is `anyOf: [its schema, null]`: the schema that is not null. */
const nonNull = (rule: RuleSchema): RuleSchema => rule.anyOf?.find((branch) => branch.type !== 'null') ?? rule

/** The limits a property states, as the console's FieldMeta holds them (a list's items' length too). */
export function limitsOf(property: RuleSchema): Partial<FieldMeta> {
  const rule = nonNull(property)
  const limits: Partial<FieldMeta> = {}
  if (rule.minimum !== undefined) limits.min = rule.minimum
  if (rule.maximum !== undefined) limits.max = rule.maximum
  if (rule.maxLength !== undefined) limits.maxLength = rule.maxLength
  if (rule.type === 'array') {
    if (rule.maxItems !== undefined) limits.maxItems = rule.maxItems
    const items = rule.items ? nonNull(rule.items) : undefined
    if (items && items.type !== 'object') Object.assign(limits, limitsOf(items))
  }
  return limits
}

/**
 * The rules of each input field, by input type: the create and update inputs the rules file
 * describes, and the nested inputs of their lists of objects (CarePriceInput, from `prices`).
 */
export function rulesByInput(schema: GraphQLSchema, rules: InputRules): Record<string, Record<string, RuleSchema>> {
  const byInput: Record<string, Record<string, RuleSchema>> = {}
  for (const [inputName, input] of Object.entries(rules.inputs)) {
    const properties = input.properties ?? {}
    byInput[inputName] = properties
    const type = schema.getType(inputName)
    if (!isInputObjectType(type)) continue
    for (const [field, property] of Object.entries(properties)) {
      const items = nonNull(property).items
      const nested = getNamedType(type.getFields()[field]?.type ?? type)
      if (items && nonNull(items).properties && isInputObjectType(nested)) {
        byInput[nested.name] = { ...byInput[nested.name], ...nonNull(items).properties }
      }
    }
  }
  return byInput
}

function describe(type: GraphQLType, hasArgs: boolean): FieldMeta {
  const named: GraphQLNamedType = getNamedType(type)
  const required = isNonNullType(type)
  const inner = isNonNullType(type) ? type.ofType : type
  const kind = isScalarType(named) ? 'scalar' : isEnumType(named) ? 'enum' : 'object'
  const meta: FieldMeta = { type: named.name, kind }
  if (required) meta.required = true
  if (isListType(inner)) meta.list = true
  if (hasArgs) meta.args = true
  return meta
}

/** The record type a field's connection lists (`supportedSettlements` → Settlement), if it is one. */
function connectionNodeType(type: GraphQLType): string | undefined {
  const named = getNamedType(type)
  if (!isObjectType(named)) return undefined
  const nodes = named.getFields().nodes
  return nodes ? getNamedType(nodes.type).name : undefined
}

/**
 * Each value of the RecordType enum with its root list field (the one returning a connection of it
 * and filtered by `<Type>Where`) and its reference inputs: `divisionId` pairs with the object field
 * `division`, `supportedSettlementIds` with the connection `supportedSettlements`.
 */
export function recordTypesOf(schema: GraphQLSchema): RecordTypeMeta[] {
  const recordType = schema.getType('RecordType')
  if (!isEnumType(recordType)) throw new Error('The schema has no RecordType enum')
  const query = schema.getQueryType()?.getFields() ?? {}
  return recordType.getValues().map(({ name: type }) => {
    const list = Object.values(query).find(
      (field) =>
        connectionNodeType(field.type) === type &&
        field.args.some((arg) => getNamedType(arg.type).name === `${type}Where`),
    )
    if (!list) throw new Error(`No root list field returns ${type} records`)
    const object = schema.getType(type)
    const input = schema.getType(`${type}CreateInput`)
    const references: Record<string, string> = {}
    const idLists: RecordTypeMeta['idLists'] = {}
    if (isObjectType(object) && isInputObjectType(input)) {
      const fields = object.getFields()
      for (const field of Object.values(input.getFields())) {
        if (getNamedType(field.type).name !== 'ID') continue
        const many = /^(.+)Ids$/.exec(field.name)
        const one = /^(.+)Id$/.exec(field.name)
        if (many) {
          const connection = `${many[1]}s`
          const target = fields[connection] && connectionNodeType(fields[connection].type)
          if (target) idLists[field.name] = { connection, type: target }
        } else if (one) {
          const target = fields[one[1] as string]
          if (target && isObjectType(getNamedType(target.type))) references[field.name] = getNamedType(target.type).name
        }
      }
    }
    return { type, list: list.name, references, idLists }
  })
}

/** Compiles SDL and its input rules into the compact description the data provider uses. */
export function describeSchema(sdl: string, inputRules: InputRules): HubSchema {
  const schema = buildSchema(sdl)
  const rules = rulesByInput(schema, inputRules)
  const result: HubSchema = { objects: {}, inputs: {}, enums: {}, nodeTypes: [], records: recordTypesOf(schema) }
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue
    if (isObjectType(type)) {
      const fields: Record<string, FieldMeta> = {}
      for (const field of Object.values(type.getFields()))
        fields[field.name] = describe(field.type, field.args.length > 0)
      result.objects[type.name] = fields
      if (type.getInterfaces().some((i) => i.name === 'Node')) result.nodeTypes.push(type.name)
    } else if (isInputObjectType(type)) {
      const fields: Record<string, FieldMeta> = {}
      for (const field of Object.values(type.getFields())) {
        const rule = rules[type.name]?.[field.name]
        fields[field.name] = { ...describe(field.type, false), ...(rule ? limitsOf(rule) : {}) }
      }
      result.inputs[type.name] = fields
    } else if (isEnumType(type)) {
      result.enums[type.name] = type.getValues().map((v) => v.name)
    }
  }
  return result
}

/**
 * The virtual module from server/schema.graphql and, beside it, server/schema.rules.json (the input
 * rules as JSON Schema, both written by `pnpm schema:print`).
 */
export function hubSchema(schemaPath: string): Plugin {
  const rulesPath = schemaPath.replace(/\.graphql$/, '.rules.json')
  return {
    name: 'hub-schema',
    resolveId(id) {
      return id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined
    },
    load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return undefined
      this.addWatchFile(schemaPath)
      this.addWatchFile(rulesPath)
      const described = describeSchema(readFileSync(schemaPath, 'utf8'), JSON.parse(readFileSync(rulesPath, 'utf8')))
      return `export default ${JSON.stringify(described)}`
    },
  }
}
