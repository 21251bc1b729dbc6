// The embedded database (PGlite) after SIGKILL in the middle of a multi-row import: the hub reopens
// the same data directory, and the import is there entirely or not at all.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubProcess, prepareDatabase, startHubProcess } from './hub-process.ts'
import { IMPORT, schoolRows, schoolsNamed } from './imports.ts'

const ROWS = 600
const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-faults-pglite-'))
let hub: HubProcess | undefined

beforeAll(() => prepareDatabase({ dataDir }))
afterAll(async () => {
  await hub?.kill()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('the embedded database killed during a multi-row import', () => {
  it('reopens with all of the import or none of it', async () => {
    hub = await startHubProcess({ DATA_DIR: dataDir })
    const divisions = await hub.gql('{ divisions(first: 1) { nodes { id } } }')
    // A dry run does the same work and rolls back: it tells how long the real import takes. The
    // first one also prepares every statement's plan, so the second one is timed.
    const trial = () => hub!.gql(IMPORT, { type: 'School', rows: schoolRows(divisions, ROWS, '试跑'), dryRun: true })
    expect((await trial()).body.data?.importRecords).toMatchObject({ applied: false, created: ROWS, errors: [] })
    const trialStart = Date.now()
    await trial()
    const trialMs = Date.now() - trialStart
    const killAfterMs = Math.round(trialMs * 0.4)

    const prefix = '强杀导入学校'
    let answered = false
    void hub
      .gql(IMPORT, { type: 'School', rows: schoolRows(divisions, ROWS, prefix), dryRun: false })
      .then(() => {
        answered = true
      })
      .catch(() => {})
    await new Promise((resolve) => setTimeout(resolve, killAfterMs))
    expect(answered).toBe(false)
    hub.child.kill('SIGKILL')
    expect(await hub.exited).toBe('SIGKILL')

    hub = await startHubProcess({ DATA_DIR: dataDir })
    const found = await schoolsNamed(hub, prefix)
    // Killed half-way through the work, before the commit: none of it.
    expect(found).toBe(0)
    // The reopened database takes writes again.
    const again = await hub.gql(IMPORT, { type: 'School', rows: schoolRows(divisions, 20, prefix), dryRun: false })
    expect(again.body.data?.importRecords).toMatchObject({ applied: true, created: 20 })
    expect(await schoolsNamed(hub, prefix)).toBe(20)
    console.log(`embedded: dry run of ${ROWS} rows took ${trialMs} ms; killed at ${killAfterMs} ms`)
  })
})
