// The create and update input types of every family, from its field descriptions: one input field
// per writable field, typed as the object field reads (so a variable typed after a field fits the
// input), described with its limits, plus the family's nested lists.
/* biome-ignore-all lint/suspicious/noExplicitAny: field names come from the family description (see registry.ts) */
import { builder } from '../builder.ts'
import { enums } from '../schema/enums.ts'
import { withArticle } from './article.ts'
import type { FieldSpec } from './fields.ts'
import type { Family } from './registry.ts'

function inputFieldType(spec: FieldSpec) {
  switch (spec.kind) {
    case 'text':
      return 'String'
    case 'textList':
      return ['String']
    case 'int':
      return 'Int'
    case 'decimal':
      return 'Decimal'
    case 'date':
      return 'Date'
    case 'enum':
      return (enums as Record<string, { ref: unknown }>)[spec.enumName]?.ref
    case 'ref':
      return 'ID'
    case 'coordinate':
      return 'Float'
  }
}

function describeRule(spec: FieldSpec) {
  switch (spec.kind) {
    case 'text':
      return ` At most ${spec.max} characters.`
    case 'textList':
      return ` Up to ${spec.maxItems} items of at most ${spec.maxLength} characters.`
    case 'int':
      return ` From ${spec.min ?? '−∞'} to ${spec.max ?? '∞'}.`
    case 'decimal':
      return spec.min != null ? ` At least ${spec.min}.` : ''
    case 'coordinate':
      return spec.axis === 'latitude' ? ' From −90 to 90.' : ' From −180 to 180.'
    case 'ref':
      return ` Global ID of ${withArticle(spec.target)}.`
    default:
      return ''
  }
}

export function defineInput(f: Family, mode: 'create' | 'update') {
  return builder.inputType(`${f.typename}${mode === 'create' ? 'Create' : 'Update'}Input`, {
    description:
      mode === 'create'
        ? `A new ${f.typename}.`
        : `Changes to ${withArticle(f.typename)}: omitted fields stay as they are; null clears an optional field.`,
    fields: (t: any) => {
      const out: Record<string, any> = {}
      for (const [name, spec] of Object.entries(f.fields)) {
        out[name] = t.field({
          type: inputFieldType(spec),
          required: mode === 'create' && Boolean(spec.required) && spec.defaultValue === undefined,
          description: `${spec.description}${describeRule(spec)}`,
        })
      }
      return { ...out, ...(f.options.extraInputFields?.(t) ?? {}) }
    },
  })
}
