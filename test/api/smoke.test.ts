import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'

let t: TestHub
beforeAll(async () => {
  t = await startTestHub()
})
afterAll(() => t?.close())

describe('the seeded hub', () => {
  it('answers /health when the database is reachable', async () => {
    const response = await fetch(`${t.hub.url}/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ok' })
  })

  it('returns 滇东北中心医院 with its 5,000 planned beds and the citation behind that figure', async () => {
    const data = await t.data(`{
      hospitals(search: "滇东北") { nodes { nameZh plannedBeds citations { field statedAs qualifier quote source { file } } } }
    }`)
    const hospital = data.hospitals.nodes[0]
    expect(hospital.nameZh).toContain('滇东北中心医院')
    expect(hospital.plannedBeds).toBe(5000)
    const citation = hospital.citations.find((c: { field: string }) => c.field === 'plannedBeds')
    expect(citation).toMatchObject({ qualifier: 'PLANNED', source: { file: 'zhaotong-livelihoods-2024.txt' } })
    expect(citation.quote).toContain('医院规划床位5000张')
  })
})
