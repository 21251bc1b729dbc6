// importRecords: the console's CSV import, applied in one transaction or not at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'

let t: TestHub
let zhenxiong: string
beforeAll(async () => {
  t = await startTestHub()
  const data = await t.data(`{ divisions(where: { code: { equals: "530627" } }) { nodes { id } } }`)
  zhenxiong = data.divisions.nodes[0].id
})
afterAll(() => t?.close())

const IMPORT = `mutation ($type: RecordType!, $rows: [JSON!]!, $dryRun: Boolean) {
  importRecords(recordType: $type, rows: $rows, dryRun: $dryRun) {
    dryRun applied created updated errors { row field code message }
  }
}`

const schoolRows = (count: number, prefix: string): Record<string, unknown>[] =>
  Array.from({ length: count }, (_, i) => ({
    nameZh: `${prefix}${i + 1}`,
    stage: 'PRIMARY',
    divisionId: zhenxiong,
    seats: 100 + i,
    openedOn: '2021-09-01',
  }))

const schoolsNamed = async (prefix: string) =>
  (await t.data(`{ schools(search: "${prefix}") { totalCount } }`)).schools.totalCount as number

describe('importRecords', () => {
  it('checks every row in a dry run and writes nothing', async () => {
    const rows = schoolRows(300, '试导入学校')
    rows[41] = { ...rows[41], seats: -5 }
    rows[99] = { ...rows[99], nameZh: '' }
    const { data } = await t.gql(IMPORT, { type: 'School', rows, dryRun: true })
    expect(data?.importRecords).toMatchObject({ dryRun: true, applied: false, created: 298 })
    expect(data?.importRecords.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [42, 'seats'],
      [100, 'nameZh'],
    ])
    expect(await schoolsNamed('试导入学校')).toBe(0)
  })

  it('writes nothing at all when one row is bad, and every row in one go when none is', async () => {
    const rows = schoolRows(250, '全导入学校')
    rows[7] = { ...rows[7], divisionId: 'not-an-id' }
    const refused = await t.gql(IMPORT, { type: 'School', rows, dryRun: false })
    expect(refused.data?.importRecords).toMatchObject({ applied: false })
    expect(refused.data?.importRecords.errors[0]).toMatchObject({ row: 8, field: 'divisionId' })
    expect(await schoolsNamed('全导入学校')).toBe(0)

    rows[7] = { ...rows[7], divisionId: zhenxiong }
    const applied = await t.gql(IMPORT, { type: 'School', rows, dryRun: false })
    expect(applied.data?.importRecords).toMatchObject({ applied: true, created: 250, errors: [] })
    expect(await schoolsNamed('全导入学校')).toBe(250)
    const events = await t.hub.database.prisma.auditEvent.count({ where: { recordType: 'School', action: 'CREATE' } })
    expect(events).toBeGreaterThanOrEqual(250)
  })

  it('reports what only the database knows (a code already taken) against its row, and writes nothing', async () => {
    const rows = [
      { nameZh: '导入镇一', level: 'TOWNSHIP', code: '530627901', parentId: zhenxiong },
      { nameZh: '导入镇二', level: 'TOWNSHIP', code: '530627', parentId: zhenxiong },
    ]
    const { data } = await t.gql(IMPORT, { type: 'Division', rows, dryRun: false })
    expect(data?.importRecords.applied).toBe(false)
    expect(data?.importRecords.errors).toEqual([expect.objectContaining({ row: 2, code: 'unique' })])
    expect((await t.data(`{ divisions(search: "导入镇") { totalCount } }`)).divisions.totalCount).toBe(0)
  })

  it("explains what only the database knows in the caller's language, naming the field", async () => {
    const missingParent = Buffer.from('Division:99999999').toString('base64')
    const rows = [
      { nameZh: '导入镇三', level: 'TOWNSHIP', code: '530627', parentId: zhenxiong },
      { nameZh: '导入镇四', level: 'TOWNSHIP', code: '530627902', parentId: missingParent },
    ]
    const answers = {
      zh: await t.gql(IMPORT, { type: 'Division', rows, dryRun: true }, { 'accept-language': 'zh-CN,zh;q=0.9' }),
      en: await t.gql(IMPORT, { type: 'Division', rows, dryRun: true }, { 'accept-language': 'en-US,en;q=0.9' }),
    }
    expect(answers.zh.data?.importRecords.errors).toEqual([
      { row: 1, field: 'code', code: 'unique', message: '已有其他记录使用该值。' },
      { row: 2, field: '', code: 'REFERENCE_NOT_FOUND', message: '该行政区划引用的记录不存在（parentId）。' },
    ])
    expect(answers.en.data?.importRecords.errors).toEqual([
      { row: 1, field: 'code', code: 'unique', message: 'Another record already has this value.' },
      {
        row: 2,
        field: '',
        code: 'REFERENCE_NOT_FOUND',
        message: 'A record this Division refers to does not exist (parentId).',
      },
    ])
  })

  it('updates rows that carry id and version, and refuses a stale version', async () => {
    const { schools } = await t.data(
      `{ schools(first: 2, search: "全导入学校", orderBy: [{ field: NAME_ZH }]) { nodes { id version } } }`,
    )
    const [a, b] = schools.nodes
    const rows = [
      { id: a.id, version: a.version, seats: 999 },
      { id: b.id, version: b.version + 5, seats: 999 },
    ]
    const stale = await t.gql(IMPORT, { type: 'School', rows, dryRun: false })
    expect(stale.data?.importRecords.errors).toEqual([expect.objectContaining({ row: 2, code: 'CONFLICT' })])
    rows[1] = { id: b.id, version: b.version, seats: 998 }
    const fine = await t.gql(IMPORT, { type: 'School', rows, dryRun: false })
    expect(fine.data?.importRecords).toMatchObject({ applied: true, updated: 2 })
    const after = await t.data(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on School { seats version } } }`, {
      ids: [a.id, b.id],
    })
    expect(after.nodes).toEqual([
      { seats: 999, version: a.version + 1 },
      { seats: 998, version: b.version + 1 },
    ])
  })

  it('names unknown columns, and is for editors only', async () => {
    const unknown = await t.gql(IMPORT, { type: 'School', rows: [{ nameZh: '某校', colour: 'red' }], dryRun: true })
    expect(unknown.data?.importRecords.errors).toEqual([
      expect.objectContaining({ row: 1, field: 'colour', code: 'unknown_field' }),
    ])
    const viewer = await t.gqlAs('viewer', IMPORT, { type: 'School', rows: schoolRows(1, '某'), dryRun: true })
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})
