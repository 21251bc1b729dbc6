// A form save under review runs past Prisma's interactive transaction (live/after-commit.ts's
// `sqlOnly`, records/sql-only-client.ts): its rows come from the driver, typed as Prisma types
// them, and whatever the save cannot do with its own SQL takes Prisma's transaction instead. What
// this suite pins, in a process whose clock is set to China's time (as a server in Zhaotong may
// well be, so that a `timestamp` or `date` read as local time would show): the saved record answers
// as a later read of it does; a refusal after the statement (data quality, the editor's division)
// or by the database (a foreign key) leaves nothing written and says what the long way says; a
// stale version is a CONFLICT that names who saved last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller, TestHub } from '../../setup/hub.ts'
import { fieldErrorsOf, type SeededRefs } from '../support.ts'
import { codeOf, startReviewSuite } from './support.ts'

let t: TestHub
let refs: SeededRefs
const zoneBefore = process.env.TZ

beforeAll(async () => {
  process.env.TZ = 'Asia/Shanghai'
  ;({ t, refs } = await startReviewSuite())
})
afterAll(async () => {
  await t?.close()
  if (zoneBefore === undefined) delete process.env.TZ
  else process.env.TZ = zoneBefore
})

const FIELDS = `id version nameZh nameEn role grade plannedBeds openBeds specialtyCentres managingInstitution
  managedSince openedOn latitude longitude datum advancedTechniques createdAt updatedAt deletedAt`

const rowIdOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1])
const globalIdOf = (typename: string, id: number) => Buffer.from(`${typename}:${id}`).toString('base64')

async function createHospital(caller: Caller, divisionId: string) {
  const result = await t.gqlAs(
    caller,
    `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id version } }`,
    {
      input: {
        nameZh: '测试县中医医院',
        divisionId,
        role: 'GENERAL_HOSPITAL',
        plannedBeds: 800,
        openBeds: 650,
        specialtyCentres: ['胸痛'],
        openedOn: '2015-09-01',
        latitude: 27.43,
        longitude: 104.87,
        datum: 'WGS84',
      },
    },
  )
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined()
  return result.data?.createHospital.id as string
}

const update = (caller: Caller, id: string, version: number, input: Record<string, unknown>) =>
  t.gqlAs(
    caller,
    `mutation ($id: ID!, $version: Int!, $input: HospitalUpdateInput!) {
      updateHospital(id: $id, version: $version, input: $input) { ${FIELDS} }
    }`,
    { id, version, input },
  )

async function read(id: string) {
  const data = await t.data(`query ($id: ID!) { node(id: $id) { ... on Hospital { ${FIELDS} } } }`, { id })
  return data.node
}

/** The record's audit events and the set changes that hold it: what a refused save must leave as it was. */
async function written(id: string) {
  const recordId = rowIdOf(id)
  const prisma = t.hub.database.prisma
  return {
    events: await prisma.auditEvent.count({ where: { recordType: 'Hospital', recordId } }),
    changes: await prisma.change.findMany({ where: { recordType: 'Hospital', recordId }, orderBy: { id: 'asc' } }),
    record: await read(id),
  }
}

describe('a form save past Prisma’s transaction', () => {
  it('answers the saved record as a later read of it does', async () => {
    const id = await createHospital('admin', refs.zhenxiong)
    const saved = await update('admin', id, 1, {
      openBeds: 700,
      latitude: 27.345678,
      managedSince: '2024-02-29',
      specialtyCentres: ['胸痛', '卒中'],
      role: 'MEDICAL_COMMUNITY_HEAD_HOSPITAL',
    })
    expect(saved.errors, JSON.stringify(saved.errors)).toBeUndefined()
    const answered = saved.data?.updateHospital
    expect(answered).toEqual(await read(id))
    expect(answered).toMatchObject({
      version: 2,
      openBeds: 700,
      latitude: 27.345678,
      managedSince: '2024-02-29',
      openedOn: '2015-09-01',
      specialtyCentres: ['胸痛', '卒中'],
    })
  })

  it('writes nothing when a data-quality rule refuses the save', async () => {
    const id = await createHospital('admin', refs.zhenxiong)
    const before = await written(id)
    const refused = await update('admin', id, 1, { openBeds: 900 })
    expect(fieldErrorsOf(refused).openBeds?.code).toBe('OPEN_BEDS_EXCEED_PLANNED')
    expect(await written(id)).toEqual(before)
  })

  it('checks the editor’s division before and after, and saves within it', async () => {
    const elsewhere = await createHospital('admin', refs.ludian)
    const untouched = await written(elsewhere)
    expect(codeOf(await update('zhenxiongEditor', elsewhere, 1, { nameEn: 'Not in Zhenxiong' }))).toBe('FORBIDDEN')
    expect(await written(elsewhere)).toEqual(untouched)

    const id = await createHospital('zhenxiongEditor', refs.zhenxiong)
    const before = await written(id)
    expect(codeOf(await update('zhenxiongEditor', id, 1, { divisionId: refs.ludian }))).toBe('FORBIDDEN')
    expect(await written(id)).toEqual(before)
    const saved = await update('zhenxiongEditor', id, 1, { nameEn: 'Within Zhenxiong' })
    expect(saved.errors, JSON.stringify(saved.errors)).toBeUndefined()
    expect(saved.data?.updateHospital).toMatchObject({ version: 2, nameEn: 'Within Zhenxiong' })
  })

  it('reports a division that does not exist as the long way does (it answered INTERNAL), and writes nothing', async () => {
    const id = await createHospital('admin', refs.zhenxiong)
    const before = await written(id)
    const refused = await update('admin', id, 1, { divisionId: globalIdOf('Division', 99_999_999) })
    expect(codeOf(refused)).toBe('REFERENCE_NOT_FOUND')
    // The constraint's name from PostgreSQL's adapter, the column from PGlite's.
    expect(refused.errors?.[0]?.message).toMatch(/refers to does not exist \((Hospital_)?divisionId(_fkey)?\)/)
    expect(await written(id)).toEqual(before)
  })

  it('refuses a stale version with CONFLICT, naming who saved last', async () => {
    const id = await createHospital('admin', refs.zhenxiong)
    expect((await update('admin', id, 1, { nameEn: 'First' })).errors).toBeUndefined()
    const stale = await update('admin', id, 1, { nameEn: 'Second' })
    expect(codeOf(stale)).toBe('CONFLICT')
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      expectedVersion: 1,
      currentVersion: 2,
      changedBy: 'test-admin',
    })
    expect((await read(id)).nameEn).toBe('First')
  })
})
