// react-admin validators from the server's input rules, e.g. `validate={rule('Hospital', 'plannedBeds')}`.

import hubSchema from 'virtual:hub-schema'
import type { Validator } from 'react-admin'
import { checkValue } from './checks.ts'
import type { FieldMeta, HubSchema } from './schema-types.ts'

/** Meta of an input field of `<Type>CreateInput` (or of a nested input type such as CarePriceInput). */
export function inputMeta(inputType: string, field: string, schema: HubSchema = hubSchema): FieldMeta | undefined {
  return schema.inputs[inputType]?.[field]
}

/**
 * A react-admin validator for one input field, e.g. `validate={rule('Hospital', 'plannedBeds')}`.
 * Marked `isRequired` so the label shows the asterisk.
 */
export function rule(type: string, field: string, inputType = `${type}CreateInput`): Validator {
  const meta = inputMeta(inputType, field)
  if (!meta) throw new Error(`${inputType} has no field ${field}`)
  const validator: Validator & { isRequired?: boolean } = (value: unknown) => {
    const problem = checkValue(hubSchema, meta, value)
    return problem && { message: problem.message, args: problem.args ?? {} }
  }
  if (meta.required) validator.isRequired = true
  return validator
}
