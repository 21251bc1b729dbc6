// The input rules of every record family as data: one JSON Schema per create and update input,
// from the same field descriptions the server validates with (validation.ts) and the nested lists'
// zod schemas. `pnpm schema:print` writes them to server/schema.rules.json next to the GraphQL
// schema, and the console builds its form validators from that file instead of guessing.
import { z } from 'zod'
import type { FieldSpec } from './fields.ts'
import { allFamilies, type Family } from './registry.ts'

type JsonSchema = Record<string, unknown>

function fieldRule(spec: FieldSpec): JsonSchema {
  const base = { description: spec.description, ...(spec.restricted ? { 'x-restricted': true } : {}) }
  switch (spec.kind) {
    case 'text':
      return { ...base, type: 'string', maxLength: spec.max, ...(spec.required ? { minLength: 1 } : {}) }
    case 'textList':
      return {
        ...base,
        type: 'array',
        maxItems: spec.maxItems,
        items: { type: 'string', minLength: 1, maxLength: spec.maxLength },
      }
    case 'int':
      return { ...base, type: 'integer', minimum: spec.min, maximum: spec.max }
    case 'decimal':
      // Decimals travel as strings (or numbers); the lower bound is on the value.
      return {
        ...base,
        type: ['string', 'number'],
        format: 'decimal',
        ...(spec.min != null ? { minimum: spec.min } : {}),
      }
    case 'date':
      return { ...base, type: 'string', format: 'date' }
    case 'enum':
      return { ...base, enum: [...spec.values], 'x-enum-type': spec.enumName }
    case 'ref':
      return { ...base, type: 'string', 'x-reference': spec.target }
    case 'coordinate':
      return spec.axis === 'latitude'
        ? { ...base, type: 'number', minimum: -90, maximum: 90 }
        : { ...base, type: 'number', minimum: -180, maximum: 180 }
  }
}

function inputRules(f: Family, mode: 'create' | 'update'): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  const required: string[] = []
  for (const [name, spec] of Object.entries(f.fields)) {
    const rule = fieldRule(spec)
    // An update may clear an optional field with null; a create simply leaves it out.
    properties[name] = mode === 'update' && !spec.required ? { anyOf: [rule, { type: 'null' }] } : rule
    if (mode === 'create' && spec.required && spec.defaultValue === undefined) required.push(name)
    if (spec.defaultValue !== undefined) (properties[name] as JsonSchema).default = spec.defaultValue
  }
  for (const [name, schema] of Object.entries(f.options.nestedSchemas ?? {})) {
    const { $schema: _ignored, ...rule } = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema
    properties[name] = rule
  }
  return { type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) }
}

/** Every family's create and update input rules, keyed by the GraphQL input type's name. */
export function familyInputRules(): Record<string, JsonSchema> {
  const rules: Record<string, JsonSchema> = {}
  for (const f of allFamilies()) {
    rules[`${f.typename}CreateInput`] = inputRules(f, 'create')
    rules[`${f.typename}UpdateInput`] = inputRules(f, 'update')
  }
  return rules
}

/** The checked-in file's text: stable key order, so the drift test compares exactly. */
export function printedRules() {
  const rules = familyInputRules()
  const sorted = Object.fromEntries(
    Object.keys(rules)
      .sort()
      .map((name) => [name, rules[name]]),
  )
  return `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', inputs: sorted }, null, 2)}\n`
}
