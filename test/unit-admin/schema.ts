// The console's build-time description of the checked-in schema and its input rules, as the Vite
// plugin makes it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describeSchema } from '../../admin/vite/hub-schema.ts'

const server = path.resolve(import.meta.dirname, '../../server')

export const hubSchema = describeSchema(
  readFileSync(path.join(server, 'schema.graphql'), 'utf8'),
  JSON.parse(readFileSync(path.join(server, 'schema.rules.json'), 'utf8')),
)
