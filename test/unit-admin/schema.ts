// The console's build-time description of the checked-in schema, as the Vite plugin makes it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describeSchema } from '../../admin/vite/hub-schema.ts'

export const hubSchema = describeSchema(
  readFileSync(path.resolve(import.meta.dirname, '../../server/schema.graphql'), 'utf8'),
)
