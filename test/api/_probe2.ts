import { schema, printedSchema } from '@minsheng/server/schema'
import { readFileSync } from 'node:fs'
import { isObjectType, isInterfaceType, isInputObjectType, isEnumType } from 'graphql'
const missing: string[] = []
for (const type of Object.values(schema.getTypeMap())) {
  if (type.name.startsWith('__')) continue
  if (!type.description) missing.push(type.name)
  if (isObjectType(type) || isInterfaceType(type)) for (const f of Object.values(type.getFields())) { if (!f.description) missing.push(`${type.name}.${f.name}`); for (const a of f.args) if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`) }
  if (isInputObjectType(type)) for (const f of Object.values(type.getFields())) if (!f.description) missing.push(`${type.name}.${f.name}`)
  if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`)
}
console.log(missing.length)
const groups: Record<string, number> = {}
for (const m of missing) { const k = m.replace(/^\w+?(Connection|ConnectionEdge|Aggregate)?\b/, (s) => s) ; }
console.log(missing.filter(m => !/Connection/.test(m)).join('\n'))
console.log('connection-related', missing.filter(m => /Connection/.test(m)).length, missing.filter(m => /Connection/.test(m)).slice(0,10))
console.log('drift', printedSchema() === readFileSync('../server/schema.graphql','utf8'))
