// The rules of review (审核): who may review what, reasons, stale and repeated decisions, withdrawing
// and amending, sets gathered by hand and by import, and references that must be published first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller, TestHub } from '../../setup/hub.ts'
import { matrixInput } from '../scenarios/permissions.ts'
import type { Input } from '../scenarios/records.ts'
import type { SeededRefs } from '../support.ts'
import { approve, approveRecord, codeOf, reject, setHolding, startReviewSuite } from './support.ts'

let t: TestHub
let refs: SeededRefs
let key: Caller

beforeAll(async () => {
  ;({ t, refs, key } = await startReviewSuite())
})
afterAll(() => t?.close())

/** A hospital created by `author` in a division, left awaiting review; its id and the set. */
async function pendingHospital(author: Caller, divisionId: string, tag: string) {
  const input: Input = { ...matrixInput(refs, 'Hospital', tag), divisionId }
  const created = await t.gqlAs(
    author,
    `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id nameZh } }`,
    { input },
  )
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined()
  const id: string = created.data?.createHospital.id
  return { id, nameZh: input.nameZh as string, set: await setHolding(t, id) }
}

/** A published hospital (created and approved), to change in a test. */
async function publishedHospital(tag: string, divisionId = refs.zhenxiong) {
  const hospital = await pendingHospital('editor', divisionId, tag)
  await approveRecord(t, 'reviewer', hospital.id)
  return hospital
}

const keyReads = async (id: string) =>
  (await t.gqlAs(key, `query ($id: ID!) { node(id: $id) { ... on Hospital { nameEn version } } }`, { id })).data?.node

const setById = async (caller: Caller, id: string) =>
  (
    await t.gqlAs(
      caller,
      `query ($id: ID!) { node(id: $id) { ... on ChangeSet {
        status version changeCount origin note reviewReason canReview canManage
        history { action actorName reason }
        changes { action recordId fields }
      } } }`,
      { id },
    )
  ).data?.node

describe('a reviewer scoped to a division', () => {
  it('reviews inside it and is refused outside it (FORBIDDEN), and the queue shows only what they may review', async () => {
    const inside = await pendingHospital('editor', refs.zhenxiong, 'scoped-inside')
    const outside = await pendingHospital('editor', refs.ludian, 'scoped-outside')

    const queue = await t.gqlAs(
      'zhenxiongReviewer',
      `{ changeSets(first: 200, where: { reviewable: true }) { nodes { id } } }`,
    )
    const queued = queue.data?.changeSets.nodes.map((s: { id: string }) => s.id)
    expect(queued).toContain(inside.set.id)
    expect(queued).not.toContain(outside.set.id)
    expect((await setById('zhenxiongReviewer', outside.set.id))?.canReview ?? false).toBe(false)

    expect(codeOf(await approve(t, 'zhenxiongReviewer', outside.set))).toBe('FORBIDDEN')
    expect(await keyReads(outside.id)).toBeNull()
    const approved = await approve(t, 'zhenxiongReviewer', inside.set)
    expect(approved.errors).toBeUndefined()
    expect(approved.data?.approveChangeSet).toMatchObject({
      status: 'APPROVED',
      reviewerName: 'test-zhenxiong-reviewer',
    })
  })

  it('is refused for editors and viewers, who cannot review at all', async () => {
    const { set } = await pendingHospital('admin', refs.zhenxiong, 'not-a-reviewer')
    expect(codeOf(await approve(t, 'editor', set))).toBe('FORBIDDEN')
    expect(codeOf(await approve(t, 'viewer', set))).toBe('FORBIDDEN')
    expect(codeOf(await approve(t, key, set))).toBe('FORBIDDEN')
  })
})

describe('a rejection', () => {
  it('needs a reason, returns the set to its author with it, is audited, and never reaches partners', async () => {
    const hospital = await publishedHospital('rejected')
    const changed = await t.gqlAs(
      'editor',
      `mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { nameEn: "Never published" }) { version } }`,
      { id: hospital.id },
    )
    expect(changed.errors).toBeUndefined()
    const set = await setHolding(t, hospital.id)

    const noReason = await reject(t, 'reviewer', set, '  ')
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT')
    const rejected = await reject(t, 'reviewer', set, '名称与卫健委名录不符')
    expect(rejected.errors).toBeUndefined()
    expect(rejected.data?.rejectChangeSet).toMatchObject({ status: 'REJECTED', reviewReason: '名称与卫健委名录不符' })

    const mine = await t.gqlAs(
      'editor',
      `{ changeSets(first: 200, where: { mine: true, status: [REJECTED] }) { nodes { id reviewReason canManage } } }`,
    )
    expect(mine.data?.changeSets.nodes).toContainEqual({
      id: set.id,
      reviewReason: '名称与卫健委名录不符',
      canManage: true,
    })
    const seen = await setById('editor', set.id)
    expect(seen.history.map((e: { action: string }) => e.action)).toEqual(['SUBMIT', 'REJECT'])
    expect(seen.history[1]).toMatchObject({ actorName: 'test-reviewer', reason: '名称与卫健委名录不符' })

    // The working copy keeps the change for its author to amend; the key still reads what was published.
    expect(await keyReads(hospital.id)).toMatchObject({ version: 1 })
    expect((await keyReads(hospital.id)).nameEn).not.toBe('Never published')
    const reason = await t.gqlAs(key, `query ($id: ID!) { node(id: $id) { ... on ChangeSet { reviewReason } } }`, {
      id: set.id,
    })
    expect(reason.data?.node ?? null).toBeNull()
  })

  it('can be amended and sent again by its author, then approved', async () => {
    const hospital = await publishedHospital('amended')
    await t.gqlAs(
      'editor',
      `mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { nameEn: "First try" }) { version } }`,
      {
        id: hospital.id,
      },
    )
    const set = await setHolding(t, hospital.id)
    expect((await reject(t, 'reviewer', set, '英文名有误')).errors).toBeUndefined()

    const amended = await t.gqlAs(
      'editor',
      `mutation ($id: ID!, $set: ID!) { updateHospital(id: $id, version: 2, changeSet: $set, input: { nameEn: "Second try" }) { version } }`,
      { id: hospital.id, set: set.id },
    )
    expect(amended.errors, JSON.stringify(amended.errors)).toBeUndefined()
    const again = await setHolding(t, hospital.id)
    expect(again).toMatchObject({ id: set.id, status: 'REJECTED' })
    const submitted = await t.gqlAs(
      'editor',
      `mutation ($id: ID!, $version: Int!) { submitChangeSet(id: $id, version: $version, note: "已改正") { status } }`,
      again,
    )
    expect(submitted.data?.submitChangeSet.status).toBe('PENDING')
    await approveRecord(t, 'reviewer', hospital.id)
    expect(await keyReads(hospital.id)).toEqual({ nameEn: 'Second try', version: 3 })
  })
})

describe('a decision', () => {
  it('on a set that changed since the reviewer saw it is refused (CONFLICT), and a second decision is NOT_PENDING', async () => {
    const { set } = await pendingHospital('editor', refs.zhenxiong, 'stale')
    expect(codeOf(await approve(t, 'reviewer', { id: set.id, version: set.version - 1 }))).toBe('CONFLICT')
    expect((await approve(t, 'reviewer', set)).errors).toBeUndefined()
    const now = await setHolding(t, (await setById('reviewer', set.id)).changes[0].recordId).catch(() => null)
    expect(now).toBeNull() // approved: no longer open
    const fresh = await setById('reviewer', set.id)
    expect(codeOf(await approve(t, 'admin', { id: set.id, version: fresh.version }))).toBe('NOT_PENDING')
    expect(codeOf(await reject(t, 'admin', { id: set.id, version: fresh.version }, 'too late'))).toBe('NOT_PENDING')
  })
})

describe('withdrawing', () => {
  it('undoes the set’s changes in the working copy, back to what is published', async () => {
    const hospital = await publishedHospital('withdrawn')
    await t.gqlAs(
      'editor',
      `mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { nameEn: "Withdrawn soon" }) { version } }`,
      {
        id: hospital.id,
      },
    )
    const set = await setHolding(t, hospital.id)
    expect(codeOf(await t.gqlAs('zhenxiongEditor', WITHDRAW, set))).toBe('FORBIDDEN')
    const withdrawn = await t.gqlAs('editor', WITHDRAW, { ...set, reason: '录错了' })
    expect(withdrawn.errors, JSON.stringify(withdrawn.errors)).toBeUndefined()
    expect(withdrawn.data?.withdrawChangeSet.status).toBe('WITHDRAWN')
    const working = await t.data(
      `query ($id: ID!) { node(id: $id) { ... on Hospital { nameEn pendingChanges { action } } } }`,
      {
        id: hospital.id,
      },
    )
    expect(working.node).toEqual({ nameEn: (await keyReads(hospital.id)).nameEn, pendingChanges: [] })
    expect(codeOf(await approve(t, 'reviewer', { id: set.id, version: set.version + 1 }))).toBe('NOT_PENDING')
  })
})

const WITHDRAW = `mutation ($id: ID!, $version: Int!, $reason: String) { withdrawChangeSet(id: $id, version: $version, reason: $reason) { status } }`

describe('a change set gathered by hand', () => {
  it('holds several changes, is hidden from reviewers until submitted, and is approved whole', async () => {
    const [a, b] = [await publishedHospital('batch-a'), await publishedHospital('batch-b')]
    const begun = await t.gqlAs(
      'editor',
      `mutation { createChangeSet(note: "两家医院改名") { id version status origin } }`,
    )
    const set = begun.data?.createChangeSet
    expect(set).toMatchObject({ status: 'DRAFT', origin: 'BATCH' })
    for (const [hospital, name] of [
      [a, 'Batch A'],
      [b, 'Batch B'],
    ] as const) {
      const changed = await t.gqlAs(
        'editor',
        `mutation ($id: ID!, $set: ID!, $name: String!) { updateHospital(id: $id, version: 1, changeSet: $set, input: { nameEn: $name }) { version } }`,
        { id: hospital.id, set: set.id, name },
      )
      expect(changed.errors, JSON.stringify(changed.errors)).toBeUndefined()
    }
    const queue = await t.gqlAs('reviewer', `{ changeSets(first: 200, where: { reviewable: true }) { nodes { id } } }`)
    expect(queue.data?.changeSets.nodes.map((s: { id: string }) => s.id)).not.toContain(set.id)
    expect(codeOf(await approve(t, 'reviewer', await setHolding(t, a.id)))).toBe('NOT_PENDING')

    const draft = await setHolding(t, a.id)
    const submitted = await t.gqlAs(
      'editor',
      `mutation ($id: ID!, $version: Int!) { submitChangeSet(id: $id, version: $version) { status changeCount } }`,
      draft,
    )
    expect(submitted.data?.submitChangeSet).toEqual({ status: 'PENDING', changeCount: 2 })
    expect((await approve(t, 'reviewer', await setHolding(t, a.id))).errors).toBeUndefined()
    expect((await keyReads(a.id)).nameEn).toBe('Batch A')
    expect((await keyReads(b.id)).nameEn).toBe('Batch B')
  })

  it('keeps its records to itself while open: another operator’s change is refused (PENDING_REVIEW)', async () => {
    const hospital = await publishedHospital('held')
    await t.gqlAs(
      'editor',
      `mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { nameEn: "Held" }) { version } }`,
      {
        id: hospital.id,
      },
    )
    const change = (language?: string) =>
      t.gqlAs(
        'zhenxiongEditor',
        `mutation ($id: ID!) { updateHospital(id: $id, version: 2, input: { nameEn: "Someone else" }) { version } }`,
        { id: hospital.id },
        language ? { 'accept-language': language } : {},
      )
    const other = await change()
    expect(codeOf(other)).toBe('PENDING_REVIEW')
    // In the caller's language, the record by its type's name as the console says it.
    const { changeSetId, author } = other.errors?.[0]?.extensions ?? {}
    expect(other.errors?.[0]?.message).toBe(
      `This Hospital is in change set #${changeSetId} by ${author}, awaiting review: it cannot be changed until the set is approved or withdrawn.`,
    )
    expect((await change('zh-CN'))?.errors?.[0]?.message).toBe(
      `该医院记录正在 ${author} 的变更集 #${changeSetId} 中等待审核，审核完成或撤回之前不能修改。`,
    )
  })
})

describe('an import', () => {
  it('is one change set of its own (IMPORT) with a diff per row, published whole when approved', async () => {
    const rows = [1, 2, 3].map(
      (n): Input => ({ ...matrixInput(refs, 'Hospital', `import-${n}`), divisionId: refs.zhenxiong }),
    )
    const imported = await t.gqlAs(
      'editor',
      `mutation ($rows: [JSON!]!) { importRecords(recordType: Hospital, rows: $rows, dryRun: false) { applied created errors { row code } } }`,
      { rows },
    )
    expect(imported.data?.importRecords).toEqual({ applied: true, created: 3, errors: [] })
    const ids = await Promise.all(
      rows.map(async (row) => {
        const found = await t.data(
          `query ($name: String!) { hospitals(where: { nameZh: { equals: $name } }) { nodes { id } } }`,
          {
            name: row.nameZh,
          },
        )
        return found.hospitals.nodes[0].id as string
      }),
    )
    const set = await setHolding(t, ids[0] as string)
    const seen = await setById('reviewer', set.id)
    expect(seen).toMatchObject({ origin: 'IMPORT', status: 'PENDING', changeCount: 3 })
    expect(seen.changes.map((c: { recordId: string }) => c.recordId).sort()).toEqual([...ids].sort())
    for (const change of seen.changes) {
      expect(change.action).toBe('CREATE')
      expect(change.fields.nameZh).toMatchObject({ before: null })
    }
    for (const id of ids) expect(await keyReads(id)).toBeNull()
    expect((await approve(t, 'reviewer', set)).errors).toBeUndefined()
    for (const id of ids) expect(await keyReads(id)).toMatchObject({ version: 1 })
  })
})

describe('approving a record that refers to another', () => {
  it('is refused until the record it refers to is published (REFERENCE_NOT_PUBLISHED)', async () => {
    const settlement = await t.gqlAs(
      'editor',
      `mutation ($input: SettlementCreateInput!) { createSettlement(input: $input) { id } }`,
      { input: matrixInput(refs, 'Settlement', 'referenced') },
    )
    expect(settlement.errors, JSON.stringify(settlement.errors)).toBeUndefined()
    const settlementId = settlement.data?.createSettlement.id
    const community = await t.gqlAs(
      'zhenxiongEditor',
      `mutation ($input: CommunityCreateInput!) { createCommunity(input: $input) { id } }`,
      { input: { ...matrixInput(refs, 'Community', 'referring'), divisionId: refs.zhenxiong, settlementId } },
    )
    expect(community.errors, JSON.stringify(community.errors)).toBeUndefined()
    const communityId = community.data?.createCommunity.id
    const set = await setHolding(t, communityId)
    const refused = await approve(t, 'reviewer', set)
    expect(codeOf(refused)).toBe('REFERENCE_NOT_PUBLISHED')
    // In the caller's language, the record referred to by its type's name as the console says it.
    expect(refused.errors?.[0]?.message).toBe(
      `${communityId} refers to Settlement ${settlementId}, which is not published yet: approve the set that holds it first.`,
    )
    const inChinese = await t.gqlAs(
      'reviewer',
      `mutation ($id: ID!, $version: Int!) { approveChangeSet(id: $id, version: $version) { id } }`,
      set,
      { 'accept-language': 'zh-CN' },
    )
    expect(inChinese.errors?.[0]?.message).toBe(
      `记录 ${communityId} 引用的安置区记录 ${settlementId} 尚未发布，请先审核它所在的变更集。`,
    )
    await approveRecord(t, 'reviewer', settlementId)
    await approveRecord(t, 'reviewer', communityId)
    const read = await t.gqlAs(key, `query ($id: ID!) { node(id: $id) { ... on Community { settlement { id } } } }`, {
      id: communityId,
    })
    expect(read.data?.node).toEqual({ settlement: { id: settlementId } })
  })
})
