// Whether the committed client (src/gql/) is what codegen would write now from the hub's schema
// and src/operations.graphql. Run by the tests (test/unit/partner-client-codegen.test.ts) and by
// `pnpm codegen:check`: a schema change that breaks or changes the partner's client shows up here.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { generate } from '@graphql-codegen/cli'
import config from '../codegen.ts'

const GENERATED = path.join(import.meta.dirname, '../src/gql')

/** Files under src/gql/ that differ from a fresh run (or are missing, or should not be there). */
export async function staleGeneratedFiles(): Promise<string[]> {
  // Generated in memory only: nothing on disk changes.
  const outputs: { filename: string; content: string }[] = await generate({ ...config, silent: true }, false)
  const stale = outputs
    .filter(({ filename, content }) => !existsSync(filename) || readFileSync(filename, 'utf8') !== content)
    .map(({ filename }) => path.relative(GENERATED, filename))
  const expected = new Set(outputs.map(({ filename }) => path.resolve(filename)))
  const extra = readdirSync(GENERATED).filter((name) => !expected.has(path.join(GENERATED, name)))
  return [...stale, ...extra].sort()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const stale = await staleGeneratedFiles()
  if (stale.length > 0) {
    console.error(`src/gql/ is out of date (${stale.join(', ')}): run \`pnpm codegen\` and commit it.`)
    process.exit(1)
  }
  console.log('src/gql/ is what codegen writes.')
}
