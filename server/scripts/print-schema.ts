// Writes server/schema.graphql, the checked-in contract partners and the console build against.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { printedSchema } from '../src/schema/index.ts'

const file = path.resolve(import.meta.dirname, '../schema.graphql')
writeFileSync(file, printedSchema())
console.log(`Wrote ${path.relative(process.cwd(), file)}`)
