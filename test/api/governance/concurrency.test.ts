// Twenty editors saving and two reviewers approving at once, with review on: nothing is lost. Every
// saved value reaches the published copy once approved, each record's versions and publications
// run in order without gaps, and every approval is audited once. PostgreSQL only: the embedded
// database serves one connection, so nothing would run concurrently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseKind, type TestHub } from '../../setup/hub.ts'
import { matrixInput } from '../scenarios/permissions.ts'
import { seededRefs, sessionOfNewOperator } from '../support.ts'
import { partnerKey, startReviewHub } from './support.ts'

const EDITORS = 20
const REVIEWERS = 2
const SAVES_PER_EDITOR = 8

type Answer = { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] }

describe.skipIf(databaseKind !== 'postgres')(`${EDITORS} editors and ${REVIEWERS} reviewers at once`, () => {
  let t: TestHub
  const editors: { cookie: string; hospital: string }[] = []
  const reviewers: string[] = []

  const session = (username: string, role: 'EDITOR' | 'REVIEWER') => sessionOfNewOperator(t, username, role)

  async function request(cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    })
    return (await response.json()) as Answer
  }

  beforeAll(async () => {
    t = await startReviewHub()
    const refs = await seededRefs(t)
    for (let i = 0; i < REVIEWERS; i++) reviewers.push(await session(`concurrent-reviewer-${i}`, 'REVIEWER'))
    for (let i = 0; i < EDITORS; i++) {
      const cookie = await session(`concurrent-author-${i}`, 'EDITOR')
      const created = await request(
        cookie,
        `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`,
        { input: { ...matrixInput(refs, 'Hospital', `concurrent-${i}`), openBeds: 0 } },
      )
      expect(created.errors, JSON.stringify(created.errors)).toBeUndefined()
      editors.push({ cookie, hospital: created.data?.createHospital.id })
    }
  }, 120_000)
  afterAll(() => t?.close())

  /** One editor's saves, each on the version its previous save left. */
  async function edit({ cookie, hospital }: { cookie: string; hospital: string }) {
    let version = 1
    for (let save = 1; save <= SAVES_PER_EDITOR; save++) {
      const saved = await request(
        cookie,
        `mutation ($id: ID!, $version: Int!, $beds: Int!) { updateHospital(id: $id, version: $version, input: { openBeds: $beds }) { version } }`,
        { id: hospital, version, beds: save },
      )
      expect(saved.errors, JSON.stringify(saved.errors)).toBeUndefined()
      version = saved.data?.updateHospital.version
    }
  }

  /** A reviewer working through the queue until the editors are done and it is empty. */
  async function review(cookie: string, editing: { done: boolean }) {
    let approvals = 0
    for (;;) {
      const queue = await request(
        cookie,
        `{ changeSets(first: 50, where: { reviewable: true }) { nodes { id version } } }`,
      )
      expect(queue.errors, JSON.stringify(queue.errors)).toBeUndefined()
      const sets: { id: string; version: number }[] = queue.data?.changeSets.nodes
      if (sets.length === 0 && editing.done) return approvals
      for (const set of sets) {
        const answer = await request(
          cookie,
          `mutation ($id: ID!, $version: Int!) { approveChangeSet(id: $id, version: $version) { status } }`,
          set,
        )
        const code = answer.errors?.[0]?.extensions?.code
        // The other reviewer was first, or the author added to the set since it was listed.
        if (code === 'NOT_PENDING' || code === 'CONFLICT') continue
        expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined()
        approvals++
      }
    }
  }

  it('loses no change, publishes every record’s last value, and keeps versions, publications and audit in order', async () => {
    const editing = { done: false }
    const reviewing = reviewers.map((cookie) => review(cookie, editing))
    await Promise.all(editors.map(edit))
    editing.done = true
    const approvals = (await Promise.all(reviewing)).reduce((a, b) => a + b, 0)

    const key = await partnerKey(t)
    const ids = editors.map((e) => e.hospital)
    const READ = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Hospital { openBeds version pendingChanges { action } } } }`
    const working = await t.data(READ, { ids })
    const published = await t.gqlAs(
      key,
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Hospital { openBeds version } } }`,
      {
        ids,
      },
    )
    for (const [n, record] of working.nodes.entries()) {
      expect(record).toEqual({ openBeds: SAVES_PER_EDITOR, version: SAVES_PER_EDITOR + 1, pendingChanges: [] })
      expect(published.data?.nodes[n]).toEqual({ openBeds: SAVES_PER_EDITOR, version: SAVES_PER_EDITOR + 1 })
    }

    const prisma = t.hub.database.prisma
    const rowIds = ids.map((id) => Number(Buffer.from(id, 'base64').toString().split(':')[1]))
    for (const recordId of rowIds) {
      const versions = await prisma.auditEvent.findMany({
        where: { recordType: 'Hospital', recordId, action: { in: ['CREATE', 'UPDATE'] } },
        orderBy: { id: 'asc' },
        select: { version: true },
      })
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: SAVES_PER_EDITOR + 1 }, (_, i) => i + 1))
      const publications = await prisma.publication.findMany({
        where: { recordType: 'Hospital', recordId },
        orderBy: { seq: 'asc' },
        select: { version: true, action: true, changeSetId: true, seq: true, changedFields: true },
      })
      const publishedVersions = publications.map((p) => p.version ?? 0)
      expect(publishedVersions).toEqual([...publishedVersions].sort((a, b) => a - b))
      expect(new Set(publishedVersions).size, JSON.stringify(publications)).toBe(publishedVersions.length)
      expect(publishedVersions.at(-1)).toBe(SAVES_PER_EDITOR + 1)
    }
    const approved = await prisma.auditEvent.count({
      where: { recordType: 'ChangeSet', action: 'APPROVE', actorName: { startsWith: 'concurrent-reviewer-' } },
    })
    expect(approved).toBe(approvals)
    const open = await prisma.changeSet.count({ where: { status: { in: ['DRAFT', 'PENDING', 'REJECTED'] } } })
    expect(open).toBe(0)
  }, 300_000)
})
