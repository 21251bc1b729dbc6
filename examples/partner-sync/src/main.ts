// A partner's nightly job: `HUB_URL=… HUB_KEY=mh_key_… pnpm sync --state replica.json`
// (add `--trusted`, or HUB_TRUSTED=1, for a key bound to trusted operations: hashes, no text).
// Without the state file it makes a full pull and writes it; with it, it applies the changes since
// the cursor stored there, saving after each page so an interrupted run resumes where it stopped.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { HubError, hubClient } from './client.ts'
import { fullPull, pullChanges, type Replica } from './sync.ts'

function save(file: string, replica: Replica) {
  // Written aside, then renamed: a crash mid-write leaves the previous copy whole.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(replica, null, 2)}\n`)
  renameSync(`${file}.tmp`, file)
}

const count = (replica: Replica) =>
  `${Object.keys(replica.hospitals).length} hospitals, ${Object.keys(replica.careFacilities).length} care facilities`

async function main() {
  const { values } = parseArgs({
    options: { state: { type: 'string', default: 'replica.json' }, trusted: { type: 'boolean', default: false } },
  })
  // Relative to where the partner ran `pnpm …` (pnpm runs the script in this package's folder).
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.state as string)
  const url = process.env.HUB_URL
  const key = process.env.HUB_KEY
  if (!url || !key) {
    console.error('Set HUB_URL (e.g. http://localhost:4000/graphql) and HUB_KEY (a key with the read scope).')
    process.exit(2)
  }
  const client = hubClient({ url, key, trusted: values.trusted || process.env.HUB_TRUSTED === '1' })
  if (!existsSync(file)) {
    const replica = await fullPull(client)
    save(file, replica)
    console.log(`Full pull: ${count(replica)} in ${file}.`)
  }
  const replica = JSON.parse(readFileSync(file, 'utf8')) as Replica
  const applied = await pullChanges(client, replica, { onPage: (r) => save(file, r) })
  console.log(`Applied ${applied} changes: ${count(replica)} in ${file}.`)
}

main().catch((error: unknown) => {
  console.error(error instanceof HubError ? error.message : error)
  process.exit(1)
})
