// What a family's file (server/src/schema/<record>.ts) uses: `defineFamily` registers the family's
// description and derives its filter and sort types; the object fields, nested lists and the root
// API (addRecordApi) are derived from the same description.
import { defineOrderBy, defineWhere } from './list-args.ts'
import { type Family, type FamilyOptions, registerFamily } from './registry.ts'

export { relatedRecords } from './connections.ts'
export { link, nodeOptions, recordFields } from './output.ts'
export { family } from './registry.ts'

export function defineFamily(options: FamilyOptions): Family {
  const f = registerFamily(options)
  defineWhere(f)
  defineOrderBy(f)
  return f
}
