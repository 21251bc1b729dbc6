import hubSchema from 'virtual:hub-schema'

/** Choices of a GraphQL enum, labelled by the i18n keys `enums.<Enum>.<VALUE>`. */
export function enumChoices(name: string) {
  const values = hubSchema.enums[name]
  if (!values) throw new Error(`The schema has no enum ${name}`)
  return values.map((value) => ({ id: value, name: `enums.${name}.${value}` }))
}
