// The import writes through the one write path the mutations use: the same callers may create and
// change the same records, a division-scoped editor is held to the same rule on every row (before
// and after the change), and a row on a version someone else has moved on from is a CONFLICT.
import { schema } from '@minsheng/server/schema'
import { isEnumType } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Caller, databaseKind, type GraphQLResponse, startTestHub, type TestHub } from '../setup/hub.ts'
import {
  CALLERS,
  type CallerName,
  createMatrixKeys,
  expectOutcome,
  matrixInput,
  storedRow,
  writeOutcome,
} from './scenarios/permissions.ts'
import { type Input, scenarioOf } from './scenarios/records.ts'
import { divisionId, type SeededRefs, seededRefs } from './support.ts'

let t: TestHub
let refs: SeededRefs
let callerOf: (name: CallerName) => Caller

beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
  callerOf = await createMatrixKeys(t)
})
afterAll(() => t?.close())

const IMPORT = `mutation ($type: RecordType!, $rows: [JSON!]!) {
  importRecords(recordType: $type, rows: $rows, dryRun: false) {
    applied created updated errors { row field code message }
  }
}`

const recordTypeEnum = schema.getType('RecordType')
const RECORD_TYPES = isEnumType(recordTypeEnum) ? recordTypeEnum.getValues().map((v) => v.name) : []

const plural = (typename: string) => scenarioOf(typename).plural

async function countNamed(typename: string, nameZh: string) {
  const field = plural(typename)
  const data = await t.data(
    `query ($name: String!) { ${field}(where: { nameZh: { equals: $name } }) { totalCount } }`,
    {
      name: nameZh,
    },
  )
  return data[field].totalCount as number
}

async function create(typename: string, tag: string) {
  const data = await t.data(`mutation ($input: ${typename}CreateInput!) { create${typename}(input: $input) { id } }`, {
    input: matrixInput(refs, typename, tag),
  })
  return data[`create${typename}`].id as string
}

describe.each(RECORD_TYPES)('importing %s', (typename) => {
  it.each(CALLERS)('creates as %s exactly when createX would be allowed', async (caller) => {
    const row = matrixInput(refs, typename, `import-${caller}`)
    const result = await t.gqlAs(callerOf(caller), IMPORT, { type: typename, rows: [row] })
    const outcome = writeOutcome(caller, 'create')
    expectOutcome(result, outcome, `${caller} import ${typename}`)
    if (outcome === 'ok') expect(result.data?.importRecords).toMatchObject({ applied: true, created: 1, errors: [] })
    expect(await countNamed(typename, row.nameZh as string)).toBe(outcome === 'ok' ? 1 : 0)
  })

  it.each(CALLERS)('updates as %s exactly when updateX would be allowed', async (caller) => {
    const id = await create(typename, `import-update-${caller}`)
    const rows = [{ id, version: 1, nameEn: `imported by ${caller}` }]
    const result = await t.gqlAs(callerOf(caller), IMPORT, { type: typename, rows })
    const outcome = writeOutcome(caller, 'update')
    expectOutcome(result, outcome, `${caller} import-update ${typename}`)
    expect(await storedRow(t, typename, id)).toMatchObject(
      outcome === 'ok' ? { version: 2, nameEn: `imported by ${caller}` } : { version: 1 },
    )
  })
})

describe('an editor scoped to 镇雄县, importing', () => {
  const editor: Caller = 'zhenxiongEditor'
  let suijiang: string
  beforeAll(async () => {
    suijiang = await divisionId(t, '530626')
  })

  const hospitalIn = (division: string, tag: string): Input => ({
    ...matrixInput(refs, 'Hospital', tag),
    divisionId: division,
  })

  it('writes rows inside 镇雄县', async () => {
    const row = hospitalIn(refs.zhenxiong, 'scoped-inside')
    const result = await t.gqlAs(editor, IMPORT, { type: 'Hospital', rows: [row] })
    expect(result.data?.importRecords).toMatchObject({ applied: true, created: 1, errors: [] })
  })

  it('is refused, per row, a new record outside 镇雄县, and writes no row at all', async () => {
    const inside = hospitalIn(refs.zhenxiong, 'scoped-with-outside')
    const outside = hospitalIn(suijiang, 'scoped-outside')
    const result = await t.gqlAs(editor, IMPORT, { type: 'Hospital', rows: [inside, outside] })
    expect(result.data?.importRecords).toMatchObject({ applied: false })
    expect(result.data?.importRecords.errors).toEqual([expect.objectContaining({ row: 2, code: 'FORBIDDEN' })])
    expect(await countNamed('Hospital', inside.nameZh as string)).toBe(0)
    expect(await countNamed('Hospital', outside.nameZh as string)).toBe(0)
  })

  it('is refused changing a record of another county, even one it would move into 镇雄县', async () => {
    const elsewhere = (
      await t.data(`mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`, {
        input: hospitalIn(suijiang, 'across'),
      })
    ).createHospital.id as string
    const rows = [
      { id: elsewhere, version: 1, divisionId: refs.zhenxiong, nameEn: 'moved in by import' },
      { id: elsewhere, version: 1, nameEn: 'changed in place by import' },
    ]
    for (const row of rows) {
      const result = await t.gqlAs(editor, IMPORT, { type: 'Hospital', rows: [row] })
      expect(result.data?.importRecords).toMatchObject({ applied: false })
      expect(result.data?.importRecords.errors).toEqual([expect.objectContaining({ row: 1, code: 'FORBIDDEN' })])
    }
    const row = await storedRow(t, 'Hospital', elsewhere)
    expect(row).toMatchObject({ version: 1, nameEn: expect.not.stringContaining('import') })
  })

  it('is refused moving a record of 镇雄县 out of it', async () => {
    const own = (
      await t.data(`mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`, {
        input: hospitalIn(refs.zhenxiong, 'move-out'),
      })
    ).createHospital.id as string
    const result = await t.gqlAs(editor, IMPORT, {
      type: 'Hospital',
      rows: [{ id: own, version: 1, divisionId: suijiang }],
    })
    expect(result.data?.importRecords.errors).toEqual([expect.objectContaining({ row: 1, code: 'FORBIDDEN' })])
    expect(await storedRow(t, 'Hospital', own)).toMatchObject({ version: 1 })
  })
})

// The embedded database serves one connection, so nothing can commit between the import's read of
// a row and its write; on PostgreSQL another transaction can.
describe.skipIf(databaseKind !== 'postgres')('an import racing an edit of the same record', () => {
  it('reports CONFLICT for that row and keeps the edit that committed first', async () => {
    const id = await create('School', 'race')
    const rowId = Number(Buffer.from(id, 'base64').toString().split(':')[1])
    const prisma = t.hub.database.prisma
    let imported: Promise<GraphQLResponse> | undefined
    await prisma.$transaction(
      async (tx) => {
        // The competing edit holds the row until the import is waiting for it, then commits first.
        await tx.$executeRaw`UPDATE "School" SET "nameEn" = 'edited meanwhile', version = version + 1 WHERE id = ${rowId}`
        imported = t.gql(IMPORT, { type: 'School', rows: [{ id, version: 1, nameEn: 'from the import' }] })
        const deadline = Date.now() + 10_000
        for (;;) {
          const waiting = await prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%UPDATE%School%'`
          if ((waiting[0]?.n ?? 0) > 0) break
          if (Date.now() > deadline) throw new Error('The import never reached its write')
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      },
      { timeout: 15_000 },
    )
    const result = await imported
    expect(result?.data?.importRecords).toMatchObject({ applied: false })
    expect(result?.data?.importRecords.errors).toEqual([expect.objectContaining({ row: 1, code: 'CONFLICT' })])
    expect(await storedRow(t, 'School', id)).toMatchObject({ version: 2, nameEn: 'edited meanwhile' })
  })
})
