// Locked reporting periods (期间锁定): once locked for a division, no change touching that period's
// observations is saved — by form, by import, by anyone — until an admin unlocks it with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../../setup/hub.ts'
import { matrixInput } from '../scenarios/permissions.ts'
import { type SeededRefs, seededRefs } from '../support.ts'
import { codeOf } from './support.ts'

let t: TestHub
let refs: SeededRefs
let indicator: { id: string; version: number }

beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
  const created = await t.data(
    `mutation ($input: IndicatorCreateInput!) { createIndicator(input: $input) { id version } }`,
    {
      input: {
        ...matrixInput(refs, 'Indicator', 'locked'),
        divisionId: refs.zhenxiong,
        observations: [
          { periodKind: 'YEAR', year: 2023, value: '10' },
          { periodKind: 'QUARTER', year: 2024, quarter: 1, value: '2' },
        ],
      },
    },
  )
  indicator = created.createIndicator
})
afterAll(() => t?.close())

const LOCK = `mutation ($input: LockPeriodInput!) { lockPeriod(input: $input) { id version period lockedByName division { code } } }`
const UNLOCK = `mutation ($id: ID!, $version: Int!, $reason: String!) { unlockPeriod(id: $id, version: $version, reason: $reason) { unlockedByName unlockReason } }`

/** Sets the indicator's observations, as an editor would in the form. */
function setObservations(observations: Record<string, unknown>[], caller: 'editor' | 'admin' = 'editor') {
  return t.gqlAs(
    caller,
    `mutation ($id: ID!, $version: Int!, $observations: [IndicatorObservationInput!]) {
      updateIndicator(id: $id, version: $version, input: { observations: $observations }) { version }
    }`,
    { id: indicator.id, version: indicator.version, observations },
  )
}

const year2023 = (value: string) => ({ periodKind: 'YEAR', year: 2023, value })
const q1of2024 = (value: string) => ({ periodKind: 'QUARTER', year: 2024, quarter: 1, value })

describe('locking a period', () => {
  let lock: { id: string; version: number }

  it('is for reviewers and admins, within their division', async () => {
    expect(codeOf(await t.gqlAs('editor', LOCK, { input: { year: 2023, divisionId: refs.zhenxiong } }))).toBe(
      'FORBIDDEN',
    )
    expect(codeOf(await t.gqlAs('zhenxiongReviewer', LOCK, { input: { year: 2023, divisionId: refs.ludian } }))).toBe(
      'FORBIDDEN',
    )
    const locked = await t.gqlAs('zhenxiongReviewer', LOCK, {
      input: { year: 2023, divisionId: refs.zhenxiong, reason: '2023 年报已发布' },
    })
    expect(locked.errors, JSON.stringify(locked.errors)).toBeUndefined()
    expect(locked.data?.lockPeriod).toMatchObject({
      period: '2023',
      lockedByName: 'test-zhenxiong-reviewer',
      division: { code: '530627' },
    })
    lock = locked.data?.lockPeriod
    expect(codeOf(await t.gqlAs('admin', LOCK, { input: { year: 2023, divisionId: refs.zhenxiong } }))).toBe(
      'ALREADY_EXISTS',
    )
  })

  it('refuses every change to the period’s data, naming the period and who locked it, even for admins', async () => {
    for (const caller of ['editor', 'admin'] as const) {
      const refused = await setObservations([year2023('11'), q1of2024('2')], caller)
      expect(codeOf(refused)).toBe('PERIOD_LOCKED')
      expect(refused.errors?.[0]?.extensions).toMatchObject({ period: '2023', lockedBy: 'test-zhenxiong-reviewer' })
      expect(refused.errors?.[0]?.message).toContain('test-zhenxiong-reviewer')
    }
    // Removing the locked year's observation touches it too.
    expect(codeOf(await setObservations([q1of2024('2')]))).toBe('PERIOD_LOCKED')
    const trashed = await t.gqlAs(
      'editor',
      `mutation ($id: ID!) { deleteIndicator(id: $id, version: ${indicator.version}) { id } }`,
      {
        id: indicator.id,
      },
    )
    expect(codeOf(trashed)).toBe('PERIOD_LOCKED')
  })

  it('leaves other periods, and other fields, open', async () => {
    const changed = await setObservations([year2023('10'), q1of2024('3')])
    expect(changed.errors, JSON.stringify(changed.errors)).toBeUndefined()
    indicator.version = changed.data?.updateIndicator.version
    const noted = await t.gqlAs(
      'editor',
      `mutation ($id: ID!, $version: Int!) { updateIndicator(id: $id, version: $version, input: { note: "口径说明" }) { version } }`,
      indicator,
    )
    expect(noted.errors).toBeUndefined()
    indicator.version = noted.data?.updateIndicator.version
  })

  it('refuses the rows of an import that touch it (a new record’s observations too), and the import with them', async () => {
    const created = await t.data(
      `mutation ($rows: [JSON!]!) { importRecords(recordType: Indicator, rows: $rows, dryRun: true) { errors { row code } } }`,
      { rows: [{ ...matrixInput(refs, 'Indicator', 'import-into-lock'), divisionId: refs.zhenxiong }] },
    )
    expect(created.importRecords.errors).toEqual([{ row: 1, code: 'PERIOD_LOCKED' }])
    const rows = [
      { id: indicator.id, version: indicator.version, observations: [year2023('12'), q1of2024('3')] },
      {
        ...matrixInput(refs, 'Indicator', 'import-beside-lock'),
        divisionId: refs.zhenxiong,
        observations: [{ periodKind: 'YEAR', year: 2025, value: '1' }],
      },
    ]
    const imported = await t.data(
      `mutation ($rows: [JSON!]!) { importRecords(recordType: Indicator, rows: $rows, dryRun: false) { applied errors { row code message } } }`,
      { rows },
    )
    expect(imported.importRecords.applied).toBe(false)
    expect(imported.importRecords.errors).toEqual([expect.objectContaining({ row: 1, code: 'PERIOD_LOCKED' })])
  })

  it('is unlocked only by an admin, with a reason, and both steps are audited', async () => {
    expect(codeOf(await t.gqlAs('zhenxiongReviewer', UNLOCK, { ...lock, reason: '更正' }))).toBe('FORBIDDEN')
    expect(codeOf(await t.gqlAs('admin', UNLOCK, { ...lock, reason: ' ' }))).toBe('BAD_USER_INPUT')
    const unlocked = await t.gqlAs('admin', UNLOCK, { ...lock, reason: '统计局要求更正 2023 年数' })
    expect(unlocked.errors, JSON.stringify(unlocked.errors)).toBeUndefined()
    expect(unlocked.data?.unlockPeriod).toEqual({
      unlockedByName: 'test-admin',
      unlockReason: '统计局要求更正 2023 年数',
    })

    const changed = await setObservations([year2023('12'), q1of2024('3')])
    expect(changed.errors, JSON.stringify(changed.errors)).toBeUndefined()

    const trail = await t.data(
      `query ($id: ID!) { auditEvents(first: 50, recordId: $id) { nodes { action actorName reason } } }`,
      { id: lock.id },
    )
    expect(trail.auditEvents.nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'LOCK', actorName: 'test-zhenxiong-reviewer', reason: '2023 年报已发布' }),
        expect.objectContaining({ action: 'UNLOCK', actorName: 'test-admin', reason: '统计局要求更正 2023 年数' }),
      ]),
    )
  })
})
