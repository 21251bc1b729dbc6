// Build-time view of the checked-in GraphQL schema: the console never introspects the server
// (which may have introspection off); it reads a compact description of types compiled from
// server/schema.graphql into the bundle as the virtual module `virtual:hub-schema`.
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

const number = (text: string) => Number(text.replace('−', '-'))

/** Reads the limits the server documents on each input field, so the console checks the same. */
export function rulesOf(description: string | null | undefined): Partial<FieldMeta> {
  const rules: Partial<FieldMeta> = {}
  if (!description) return rules
  const range =
    /From ([−-]?\d+(?:\.\d+)?) to ([−-]?\d+(?:\.\d+)?)/.exec(description) ??
    /\(([−-]?\d+)–([−-]?\d+)\)/.exec(description)
  if (range) {
    rules.min = number(range[1] as string)
    rules.max = number(range[2] as string)
  }
  const atLeast = /At least ([−-]?\d+)/.exec(description)
  if (atLeast) rules.min = number(atLeast[1] as string)
  const length = /at most (\d+) characters/i.exec(description)
  if (length) rules.maxLength = Number(length[1])
  const items = /Up to (\d+) items/.exec(description)
  if (items) rules.maxItems = Number(items[1])
  return rules
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

/** Compiles SDL into the compact description the data provider uses. */
export function describeSchema(sdl: string): HubSchema {
  const schema = buildSchema(sdl)
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
        fields[field.name] = { ...describe(field.type, false), ...rulesOf(field.description) }
      }
      result.inputs[type.name] = fields
    } else if (isEnumType(type)) {
      result.enums[type.name] = type.getValues().map((v) => v.name)
    }
  }
  return result
}

export function hubSchema(schemaPath: string): Plugin {
  return {
    name: 'hub-schema',
    resolveId(id) {
      return id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined
    },
    load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return undefined
      this.addWatchFile(schemaPath)
      return `export default ${JSON.stringify(describeSchema(readFileSync(schemaPath, 'utf8')))}`
    },
  }
}
