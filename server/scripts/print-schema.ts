// Writes server/schema.graphql, the checked-in contract partners and the console build against,
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { printedRules } from '../src/records/rules.ts'
import { printedSchema } from '../src/schema/index.ts'

// Next to it, server/schema.rules.json: the input rules as data (JSON Schema) the console validates with.
for (const [name, text] of [
  ['../schema.graphql', printedSchema()],
  ['../schema.rules.json', printedRules()],
] as const) {
  const file = path.resolve(import.meta.dirname, name)
  writeFileSync(file, text)
  console.log(`Wrote ${path.relative(process.cwd(), file)}`)
}
