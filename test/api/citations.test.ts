// A cited figure edited away from its source says so until the citation is updated or removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'

let t: TestHub
let hospital: { id: string; version: number; plannedBeds: number }
beforeAll(async () => {
  t = await startTestHub()
  hospital = (await t.data('{ hospitals(search: "滇东北中心医院") { nodes { id version plannedBeds } } }')).hospitals
    .nodes[0]
})
afterAll(() => t?.close())

const CITATIONS = `query ($id: ID!) { node(id: $id) { ... on Hospital { version citations { id field statedAs matchesRecord } } } }`

async function citations() {
  const { node } = await t.data(CITATIONS, { id: hospital.id })
  return node as {
    version: number
    citations: { id: string; field: string; statedAs: string; matchesRecord: boolean | null }[]
  }
}
const cited = async (field: string) => (await citations()).citations.find((citation) => citation.field === field)

describe('a citation', () => {
  it('matches the seeded figure it was made for', async () => {
    expect(await cited('plannedBeds')).toMatchObject({ statedAs: '5000张', matchesRecord: true })
    expect((await cited('nameZh'))?.matchesRecord).toBe(true)
  })

  it('no longer matches once the figure is edited, and again once updated to vouch for the new value', async () => {
    await t.data(
      'mutation ($id: ID!, $v: Int!) { updateHospital(id: $id, version: $v, input: { plannedBeds: 5200 }) { id } }',
      {
        id: hospital.id,
        v: (await citations()).version,
      },
    )
    const stale = await cited('plannedBeds')
    expect(stale?.matchesRecord).toBe(false)
    // Other figures of the record still match.
    expect((await cited('nameZh'))?.matchesRecord).toBe(true)
    const updated = await t.gqlAs(
      'editor',
      'mutation ($id: ID!) { updateCitation(id: $id, input: { statedAs: "5200张" }, reason: "院方更新规划") { statedAs matchesRecord } }',
      { id: stale?.id },
    )
    expect(updated.errors).toBeUndefined()
    expect(updated.data?.updateCitation).toEqual({ statedAs: '5200张', matchesRecord: true })
    const { auditEvents } = await t.data(
      '{ auditEvents(recordType: null, first: 1) { nodes { recordType action reason changes } } }',
    )
    expect(auditEvents.nodes[0]).toMatchObject({
      recordType: 'Citation',
      action: 'UPDATE',
      reason: '院方更新规划',
      changes: { statedAs: { before: '5000张', after: '5200张' }, citedValue: { before: null, after: 5200 } },
    })
  })

  it('is changed only by editors within the record’s division', async () => {
    const id = (await cited('plannedBeds'))?.id
    const viewer = await t.gqlAs('viewer', 'mutation ($id: ID!) { deleteCitation(id: $id) }', { id })
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    // The hospital is in 昭阳区; this editor may change only 镇雄县.
    const scoped = await t.gqlAs('zhenxiongEditor', 'mutation ($id: ID!) { deleteCitation(id: $id) }', { id })
    expect(scoped.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect(await cited('plannedBeds')).toBeDefined()
  })

  it('can be removed', async () => {
    const id = (await cited('advancedTechniques'))?.id
    expect(id).toBeDefined()
    expect(
      (await t.gqlAs('editor', 'mutation ($id: ID!) { deleteCitation(id: $id) }', { id })).data?.deleteCitation,
    ).toBe(true)
    expect(await cited('advancedTechniques')).toBeUndefined()
    const again = await t.gqlAs('editor', 'mutation ($id: ID!) { deleteCitation(id: $id) }', { id })
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
  })
})
