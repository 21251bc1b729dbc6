// `pnpm hashes`: each operation of src/operations.graphql with the hash the hub will store for it,
// what the partner hands the admin who registers that same file for the key, to check the hub's
// answer against (docs/partners.md, section 3).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'graphql'
import { canonicalOperations } from '../src/operation-hash.ts'

const file = path.join(import.meta.dirname, '../src/operations.graphql')
for (const { name, sha256Hash } of canonicalOperations(parse(readFileSync(file, 'utf8')))) {
  console.log(`${name ?? '(anonymous)'}\t${sha256Hash}`)
}
