// What callers are told when something goes wrong: typed codes, the fields at fault in their language,
// nothing half-written, and no internals in any response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type GraphQLResponse, startTestHub, type TestHub } from '../setup/hub.ts'
import { invalidHospitalFields, LEAKS, languages, malformedRequests, refusedOperations } from './scenarios/errors.ts'
import { type Input, scenarioOf } from './scenarios/records.ts'
import { CHINESE, fieldErrorsOf, onlyError, type SeededRefs, seededRefs } from './support.ts'

let t: TestHub
let refs: SeededRefs
beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
})
afterAll(() => t?.close())

function expectNothingLeaked(text: string) {
  for (const leak of LEAKS) expect(text, `response shows ${leak}`).not.toMatch(leak)
}

/** t.gql, checking the response shows no internals. */
async function send(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const result = await t.gql(query, variables, headers)
  expectNothingLeaked(JSON.stringify(result))
  return result
}

/** A raw POST as the test admin, for bodies t.gql cannot send. */
async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...t.headersOf('admin'), ...headers },
    body,
  })
  const text = await response.text()
  expectNothingLeaked(text)
  return { status: response.status, body: JSON.parse(text) as GraphQLResponse }
}

const validHospital = (): Input => ({ ...scenarioOf('Hospital').create(refs), nameZh: '错误测试医院' })
const createHospital = `mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`
const hospitalCount = async () => (await t.data(`{ hospitals { totalCount } }`)).hospitals.totalCount as number
const globalId = (typename: string, id: number) => Buffer.from(`${typename}:${id}`).toString('base64')
const duplicateDivision = `mutation ($parent: ID!) {
  createDivision(input: { nameZh: "重复编码", level: TOWNSHIP, code: "530627", parentId: $parent }) { id }
}`
const duplicateSource = `mutation { createSource(input: { nameZh: "重复", file: "zhaotong-livelihoods-2024.txt" }) { id } }`

describe('validation of a create', () => {
  describe.each(invalidHospitalFields)('$name', (invalid) => {
    it.each(languages)('is named with a message in the caller’s language (Accept-Language: $header)', async (lang) => {
      const before = await hospitalCount()
      const headers: Record<string, string> = lang.header ? { 'accept-language': lang.header } : {}
      const result = await send(createHospital, { input: { ...validHospital(), ...invalid.patch(refs) } }, headers)
      expect(result.data).toBeNull()
      const errors = fieldErrorsOf(result)
      expect(Object.keys(errors)).toEqual([invalid.field])
      const { code, message } = errors[invalid.field] as { code: string; message: string }
      expect(code).toBe(invalid.code)
      if (invalid.messages) expect(message).toBe(lang.chinese ? invalid.messages.zh : invalid.messages.en)
      if (invalid.limit) expect(message).toContain(invalid.limit)
      expect(CHINESE.test(message)).toBe(lang.chinese)
      expect(onlyError(result).message).toBe(
        lang.chinese ? `输入有误：${invalid.field}` : `Invalid input: ${invalid.field}`,
      )
      expect(await hospitalCount()).toBe(before)
    })
  })

  it('names every failing field at once, and writes nothing', async () => {
    const before = await hospitalCount()
    const patch = Object.assign(
      {},
      ...invalidHospitalFields.filter((f) => f.code !== 'too_big' || f.field !== 'nameZh').map((f) => f.patch(refs)),
    )
    const result = await send(createHospital, { input: { ...validHospital(), ...patch } })
    const errors = fieldErrorsOf(result)
    expect(Object.keys(errors).sort()).toEqual(['divisionId', 'latitude', 'nameZh', 'plannedBeds'])
    expect(await hospitalCount()).toBe(before)
  })

  it('treats a name of blanks as empty', async () => {
    const result = await send(createHospital, { input: { ...validHospital(), nameZh: '  \t ' } })
    expect(fieldErrorsOf(result).nameZh).toMatchObject({ code: 'required' })
  })

  it('refuses a decimal below its minimum', async () => {
    const input = { ...scenarioOf('IndustrialPark').create(refs), areaMu: '-1' }
    const result = await send(
      `mutation ($input: IndustrialParkCreateInput!) { createIndustrialPark(input: $input) { id } }`,
      {
        input,
      },
    )
    expect(fieldErrorsOf(result).areaMu).toMatchObject({ code: 'too_small' })
  })

  it('refuses invalid prices of a care facility by their place in the list, and writes nothing', async () => {
    const count = async () => (await t.data(`{ careFacilities { totalCount } }`)).careFacilities.totalCount
    const before = await count()
    const input = {
      ...scenarioOf('CareFacility').create(refs),
      prices: [{ minAge: 200, priceYuan: '-1', unitZh: '' }],
    }
    const result = await send(
      `mutation ($input: CareFacilityCreateInput!) { createCareFacility(input: $input) { id } }`,
      { input },
      { 'accept-language': 'zh-CN' },
    )
    const errors = fieldErrorsOf(result)
    expect(Object.keys(errors).sort()).toEqual(['prices.0.minAge', 'prices.0.priceYuan', 'prices.0.unitZh'])
    expect(errors['prices.0.minAge']?.message).toMatch(CHINESE)
    expect(await count()).toBe(before)
  })
})

describe('a change refused half-way is not written at all', () => {
  it('an update with an invalid field leaves the record as it was', async () => {
    const created = await t.data(createHospital, { input: { ...validHospital(), nameZh: '回滚测试医院' } })
    const id = created.createHospital.id
    const result = await send(
      `mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { openBeds: 10, plannedBeds: -1 }) { id } }`,
      {
        id,
      },
    )
    expect(fieldErrorsOf(result).plannedBeds).toMatchObject({ code: 'too_small' })
    const after = await t.data(`query ($id: ID!) { node(id: $id) { ... on Hospital { version openBeds } } }`, { id })
    expect(after.node).toEqual({ version: 1, openBeds: validHospital().openBeds })
  })

  it('an indicator whose observations fail after the record was written keeps its version and series', async () => {
    const input: Input = { ...scenarioOf('Indicator').create(refs), code: 'rollback_test' }
    const created = await t.data(
      `mutation ($input: IndicatorCreateInput!) { createIndicator(input: $input) { id observations { id value } } }`,
      { input },
    )
    const { id, observations } = created.createIndicator
    const result = await send(
      `mutation ($id: ID!) {
        updateIndicator(id: $id, version: 1, input: { nameEn: "changed", observations: [{ periodKind: QUARTER, year: 2024, value: "1" }] }) { id }
      }`,
      { id },
    )
    expect(fieldErrorsOf(result)['observations.0.quarter']).toBeDefined()
    const after = await t.data(
      `query ($id: ID!) { node(id: $id) { ... on Indicator { version nameEn observations { id value } } } }`,
      {
        id,
      },
    )
    expect(after.node).toEqual({ version: 1, nameEn: input.nameEn, observations })
  })

  it('a division moved beneath its own descendant stays where it was', async () => {
    const town = await t.data(
      `mutation ($parent: ID!) { createDivision(input: { nameZh: "循环测试镇", level: TOWNSHIP, parentId: $parent }) { id } }`,
      { parent: refs.zhenxiong },
    )
    const result = await send(
      `mutation ($id: ID!, $parent: ID!) { updateDivision(id: $id, version: 1, input: { parentId: $parent }) { id } }`,
      {
        id: refs.zhenxiong,
        parent: town.createDivision.id,
      },
    )
    expect(fieldErrorsOf(result).parentId).toMatchObject({ code: 'invalid_parent' })
    const after = await t.data(`query ($id: ID!) { node(id: $id) { ... on Division { version parent { nameZh } } } }`, {
      id: refs.zhenxiong,
    })
    expect(after.node).toEqual({ version: 1, parent: { nameZh: '昭通市' } })
  })
})

describe('typed refusals', () => {
  it('REFERENCE_NOT_FOUND for a reference to a record that does not exist', async () => {
    const before = await hospitalCount()
    const result = await send(createHospital, {
      input: { ...validHospital(), divisionId: globalId('Division', 999999) },
    })
    expect(onlyError(result).extensions?.code).toBe('REFERENCE_NOT_FOUND')
    expect(await hospitalCount()).toBe(before)
  })

  it.each([
    ['an unknown id', globalId('Hospital', 999999)],
    ['the ID of another type', globalId('Settlement', 1)],
  ])('NOT_FOUND for an update or delete of %s', async (_what, id) => {
    const update = await send(
      `mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { openBeds: 1 }) { id } }`,
      { id },
    )
    expect(onlyError(update).extensions).toMatchObject({ code: 'NOT_FOUND', id })
    const remove = await send(`mutation ($id: ID!) { deleteHospital(id: $id, version: 1) { id } }`, { id })
    expect(onlyError(remove).extensions).toMatchObject({ code: 'NOT_FOUND', id })
  })

  it('BAD_USER_INPUT for an update or delete of a malformed ID (it names no record at all)', async () => {
    const id = 'not-an-id'
    const update = await send(
      `mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { openBeds: 1 }) { id } }`,
      { id },
    )
    expect(onlyError(update).extensions).toMatchObject({ code: 'BAD_USER_INPUT' })
    const remove = await send(`mutation ($id: ID!) { deleteHospital(id: $id, version: 1) { id } }`, { id })
    expect(onlyError(remove).extensions).toMatchObject({ code: 'BAD_USER_INPUT' })
  })

  it('ALREADY_EXISTS for a second division with a code in use, and nothing written', async () => {
    const result = await send(duplicateDivision, { parent: refs.zhenxiong })
    expect(onlyError(result).extensions?.code).toBe('ALREADY_EXISTS')
    const same = await t.data(`{ divisions(where: { code: { equals: "530627" } }) { totalCount } }`)
    expect(same.divisions.totalCount).toBe(1)
  })

  it('ALREADY_EXISTS when an update takes a code in use', async () => {
    const result = await send(
      `mutation ($id: ID!) { updateDivision(id: $id, version: 1, input: { code: "530621" }) { id } }`,
      {
        id: refs.zhenxiong,
      },
    )
    expect(onlyError(result).extensions?.code).toBe('ALREADY_EXISTS')
  })

  it('ALREADY_EXISTS for a second source with the same file', async () => {
    const result = await send(duplicateSource)
    expect(onlyError(result).extensions?.code).toBe('ALREADY_EXISTS')
  })

  it('CONFLICT for an update or delete with a stale version, giving the current one', async () => {
    const created = await t.data(createHospital, { input: { ...validHospital(), nameZh: '版本测试医院' } })
    const id = created.createHospital.id
    await t.data(`mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { openBeds: 700 }) { id } }`, { id })
    const update = await send(
      `mutation ($id: ID!) { updateHospital(id: $id, version: 1, input: { openBeds: 1 }) { id } }`,
      {
        id,
      },
    )
    expect(onlyError(update).extensions).toMatchObject({ code: 'CONFLICT', id, expectedVersion: 1, currentVersion: 2 })
    const remove = await send(`mutation ($id: ID!) { deleteHospital(id: $id, version: 1) { id } }`, { id })
    expect(onlyError(remove).extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 })
    const after = await t.data(`query ($id: ID!) { node(id: $id) { ... on Hospital { version openBeds } } }`, { id })
    expect(after.node).toEqual({ version: 2, openBeds: 700 })
  })

  it('BAD_USER_INPUT for a withinDivision that is not a division', async () => {
    const result = await send(`query ($id: ID!) { hospitals(where: { withinDivision: $id }) { totalCount } }`, {
      id: refs.maojiawan,
    })
    expect(fieldErrorsOf(result).withinDivision).toMatchObject({ code: 'invalid_id' })
  })
})

// Decided by the live records that refer to the record: those in the trash do not hold it back.
describe('HAS_DEPENDENTS', () => {
  it('refuses to delete 镇雄县 while records belong to it, and deletes nothing', async () => {
    const count = async () =>
      (await t.data(`{ divisions { totalCount } settlements { totalCount } }`)) as Record<
        string,
        { totalCount: number }
      >
    const before = await count()
    const result = await send(`mutation ($id: ID!) { deleteDivision(id: $id, version: 1) { id } }`, {
      id: refs.zhenxiong,
    })
    expect(onlyError(result).extensions?.code).toBe('HAS_DEPENDENTS')
    expect(await count()).toEqual(before)
  })

  it('refuses to delete a settlement its communities belong to, naming them', async () => {
    const result = await send(`mutation ($id: ID!) { deleteSettlement(id: $id, version: 1) { id } }`, {
      id: refs.maojiawan,
    })
    expect(onlyError(result).extensions).toMatchObject({
      code: 'HAS_DEPENDENTS',
      dependents: { type: 'Community', count: 1 },
    })
    const after = await t.data(`query ($id: ID!) { node(id: $id) { ... on Settlement { version deletedAt } } }`, {
      id: refs.maojiawan,
    })
    expect(after.node).toEqual({ version: 1, deletedAt: null })
  })

  it('lets a settlement go to the trash once its only community is in the trash, and not before', async () => {
    const settlement = await t.data(
      `mutation ($input: SettlementCreateInput!) { createSettlement(input: $input) { id version } }`,
      { input: { ...scenarioOf('Settlement').create(refs), nameZh: '依赖测试安置区' } },
    )
    const settlementId = settlement.createSettlement.id
    const community = await t.data(
      `mutation ($input: CommunityCreateInput!) { createCommunity(input: $input) { id version } }`,
      { input: { ...scenarioOf('Community').create(refs), nameZh: '依赖测试社区', settlementId } },
    )
    const deleteSettlement = `mutation ($id: ID!) { deleteSettlement(id: $id, version: 1) { id deletedAt } }`
    expect(onlyError(await send(deleteSettlement, { id: settlementId })).extensions?.code).toBe('HAS_DEPENDENTS')
    await t.data(`mutation ($id: ID!) { deleteCommunity(id: $id, version: 1) { id } }`, {
      id: community.createCommunity.id,
    })
    const deleted = await t.data(deleteSettlement, { id: settlementId })
    expect(deleted.deleteSettlement.deletedAt).not.toBeNull()
  })

  // A division's outline (DivisionBoundary) is part of it, not a record that refers to it: it stays
  // with the division in the trash and the database deletes it with the division (onDelete: Cascade).
  describe('a division with an outline', () => {
    const rowIdOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1])
    const boundaries = () => t.hub.database.prisma.divisionBoundary

    /** A county under the city whose only row besides its own is its outline. */
    async function outlinedCounty(nameZh: string) {
      const created = await t.data(
        `mutation ($parent: ID!, $name: String!) {
          createDivision(input: { nameZh: $name, level: COUNTY, parentId: $parent }) { id version }
        }`,
        { parent: refs.city, name: nameZh },
      )
      const { id, version } = created.createDivision as { id: string; version: number }
      await boundaries().create({
        data: {
          divisionId: rowIdOf(id),
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [104.8, 27.4],
                [104.9, 27.4],
                [104.9, 27.5],
                [104.8, 27.4],
              ],
            ],
          },
          sourceDatum: 'GCJ02',
          source: 'errors.test.ts',
          tolerance: 0.002,
        },
      })
      return { id, version }
    }

    it('lets it go to the trash with its outline, and purges the outline with it', async () => {
      const county = await outlinedCounty('边界测试县')
      const trashed = await send(
        `mutation ($id: ID!, $v: Int!) { deleteDivision(id: $id, version: $v) { id version deletedAt } }`,
        {
          id: county.id,
          v: county.version,
        },
      )
      expect(trashed.errors).toBeUndefined()
      expect(trashed.data?.deleteDivision.deletedAt).not.toBeNull()
      // In the trash the division keeps its outline, for when it is restored.
      expect(await boundaries().count({ where: { divisionId: rowIdOf(county.id) } })).toBe(1)

      const purged = await send(`mutation ($id: ID!, $v: Int!) { purgeDivision(id: $id, version: $v) }`, {
        id: county.id,
        v: trashed.data?.deleteDivision.version,
      })
      expect(purged.errors).toBeUndefined()
      expect(await boundaries().count({ where: { divisionId: rowIdOf(county.id) } })).toBe(0)
    })

    it('still refuses while a record belongs to it, naming the record and not the outline', async () => {
      const county = await outlinedCounty('边界依赖测试县')
      await t.data(`mutation ($input: HospitalCreateInput!) { createHospital(input: $input) { id } }`, {
        input: { ...validHospital(), nameZh: '边界测试县医院', divisionId: county.id },
      })
      const result = await send(`mutation ($id: ID!, $v: Int!) { deleteDivision(id: $id, version: $v) { id } }`, {
        id: county.id,
        v: county.version,
      })
      expect(onlyError(result).extensions).toMatchObject({
        code: 'HAS_DEPENDENTS',
        dependents: { type: 'Hospital', count: 1 },
      })
      expect(onlyError(result).message).toBe(
        '1 Hospital record(s) still belong to this Division; move or delete them first.',
      )
    })
  })

  // A citation is part of the record it vouches for, but it names its source: a source that figures
  // still cite cannot go (the database refuses to delete it, onDelete: Restrict), so the trash says
  // so at once, naming the citations, rather than the purge failing later without saying why.
  describe('a source that a figure cites', () => {
    const rowIdOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1])
    const deleteSource = `mutation ($id: ID!, $v: Int!) { deleteSource(id: $id, version: $v) { id version deletedAt } }`

    async function citedSource(nameZh: string) {
      const created = await t.data(
        `mutation ($input: SourceCreateInput!) { createSource(input: $input) { id version } }`,
        { input: { ...scenarioOf('Source').create(refs), nameZh, file: `${nameZh}.txt` } },
      )
      const source = created.createSource as { id: string; version: number }
      const citation = await t.hub.database.prisma.citation.create({
        data: {
          sourceId: rowIdOf(source.id),
          settlementId: rowIdOf(refs.maojiawan),
          field: 'relocatedPopulation',
          quote: '引用测试：安置人口以来源所载为准。',
        },
      })
      return { ...source, citationId: citation.id }
    }

    it('refuses the trash while a figure cites it, naming the citations in the caller’s language', async () => {
      const source = await citedSource('引用依赖测试来源')
      const english = await send(deleteSource, { id: source.id, v: source.version })
      expect(onlyError(english).extensions).toMatchObject({
        code: 'HAS_DEPENDENTS',
        dependents: { type: 'Citation', count: 1 },
      })
      expect(onlyError(english).message).toBe(
        '1 Citation record(s) still belong to this Source; move or delete them first.',
      )
      const chinese = await send(deleteSource, { id: source.id, v: source.version }, { 'accept-language': 'zh-CN' })
      expect(onlyError(chinese).message).toBe('仍有 1 条引用记录属于该数据来源，请先移动或删除它们。')
    })

    it('goes to the trash, and is purged, once the citation is removed', async () => {
      const source = await citedSource('引用移除测试来源')
      await t.hub.database.prisma.citation.delete({ where: { id: source.citationId } })
      const trashed = await send(deleteSource, { id: source.id, v: source.version })
      expect(trashed.errors).toBeUndefined()
      const purged = await send(`mutation ($id: ID!, $v: Int!) { purgeSource(id: $id, version: $v) }`, {
        id: source.id,
        v: trashed.data?.deleteSource.version,
      })
      expect(purged.errors).toBeUndefined()
    })
  })
})

// On PostgreSQL, Prisma reports the unique fields under meta.driverAdapterError.cause.constraint.fields
// (PGlite's adapter error carries them elsewhere): ALREADY_EXISTS must name them on both.
describe('ALREADY_EXISTS names the field on every database', () => {
  it.each([
    ['a division code', () => t.gql(duplicateDivision, { parent: refs.zhenxiong }), 'code'],
    ['a source file', () => t.gql(duplicateSource), 'file'],
  ])('for %s', async (_what, run, field) => {
    const result = await run()
    expect(onlyError(result).extensions).toMatchObject({
      code: 'ALREADY_EXISTS',
      fieldErrors: [{ field, code: 'unique' }],
    })
    expect(onlyError(result).message).toContain(`(${field})`)
  })
})

// Input the schema allows, and errors the contract promises, that the hub once got wrong.
describe('contract gaps in validation', () => {
  it('createIndicator without a scale uses the default scale ONE', async () => {
    const { scale: _scale, ...input }: Input = { ...scenarioOf('Indicator').create(refs), code: 'no_scale_given' }
    const result = await send(`mutation ($input: IndicatorCreateInput!) { createIndicator(input: $input) { scale } }`, {
      input,
    })
    expect(result).toEqual({ status: 200, data: { createIndicator: { scale: 'ONE' } } })
  })

  it('reports invalid prices together with the invalid fields of the facility', async () => {
    const input = {
      ...scenarioOf('CareFacility').create(refs),
      nameZh: '',
      prices: [{ minAge: 200, priceYuan: '1', unitZh: '一餐' }],
    }
    const result = await send(
      `mutation ($input: CareFacilityCreateInput!) { createCareFacility(input: $input) { id } }`,
      {
        input,
      },
    )
    expect(Object.keys(fieldErrorsOf(result)).sort()).toEqual(['nameZh', 'prices.0.minAge'])
  })

  it.each([
    {
      what: 'a supported settlement ID of another type',
      query: `mutation ($input: IndustrialParkCreateInput!) { createIndustrialPark(input: $input) { id } }`,
      input: () => ({ ...scenarioOf('IndustrialPark').create(refs), supportedSettlementIds: [refs.zhenxiong] }),
      field: 'supportedSettlementIds.0',
    },
    {
      what: 'an observation with a quarter it should not have',
      query: `mutation ($input: IndicatorCreateInput!) { createIndicator(input: $input) { id } }`,
      input: () => ({
        ...scenarioOf('Indicator').create(refs),
        code: 'zh_message_test',
        observations: [{ periodKind: 'YEAR', year: 2023, quarter: 2, value: '1' }],
      }),
      field: 'observations.0.quarter',
    },
    {
      what: 'a division placed beneath itself',
      query: `mutation ($id: ID!, $input: DivisionUpdateInput!) { updateDivision(id: $id, version: 1, input: $input) { id } }`,
      input: () => ({ parentId: refs.ludian }),
      id: () => refs.ludian,
      field: 'parentId',
    },
  ])('explains $what in Chinese to a Chinese caller', async ({ query, input, field, id }) => {
    const result = await send(query, { input: input(), id: id?.() }, { 'accept-language': 'zh-CN' })
    const error = fieldErrorsOf(result)[field]
    expect(error?.message).toMatch(CHINESE)
    expect(onlyError(result).message).toMatch(CHINESE)
  })
})

describe('requests the GraphQL layer refuses', () => {
  it.each(malformedRequests)('$name: $status with $code', async ({ body, status, code }) => {
    const response = await post(body)
    expect(response.status).toBe(status)
    expect(response.body.errors?.[0]?.extensions?.code).toBe(code)
    expect(response.body.data).toBeUndefined()
  })

  it.each(refusedOperations)('$name: $code', async ({ query, variables, status, code }) => {
    const result = await send(query, variables)
    expect(result.status).toBe(status)
    expect(onlyError(result).extensions?.code).toBe(code)
    expect(result.data).toBeUndefined()
  })

  it('answers 400 to every refused operation for application/graphql-response+json callers', async () => {
    for (const { query, variables, code } of refusedOperations) {
      const response = await post(JSON.stringify({ query, variables }), { accept: 'application/graphql-response+json' })
      expect(response.status, query).toBe(400)
      expect(response.body.errors?.[0]?.extensions?.code).toBe(code)
    }
  })

  it('refuses a mutation sent with GET with 405', async () => {
    const url = `${t.url}?query=${encodeURIComponent('mutation { deleteHospital(id: "x", version: 1) { id } }')}`
    // The CSRF header lets the GET past the CSRF check (see sessions.test.ts) to the method check.
    const response = await fetch(url, {
      headers: { accept: 'application/json', 'x-minsheng-csrf': '1', ...t.headersOf('admin') },
    })
    const text = await response.text()
    expectNothingLeaked(text)
    expect(response.status).toBe(405)
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST')
  })

  it('refuses an operationName that names no operation of the document with OPERATION_RESOLUTION_FAILURE', async () => {
    const query = 'query A { divisions { totalCount } } query B { hospitals { totalCount } }'
    for (const operationName of ['C', undefined]) {
      const response = await post(JSON.stringify({ query, operationName }))
      expect(response.status).toBe(400)
      expect(response.body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE')
    }
  })

  it('never answers a malformed or empty request with a 5xx, always with BAD_REQUEST', async () => {
    // Yoga answers a request without a query 200 for application/json callers, like other GraphQL errors.
    const bodies = ['', '{', '{}', '{"query": null}', '"just a string"']
    for (const body of bodies) {
      const response = await post(body)
      expect(response.status, body).toBeLessThan(500)
      expect(response.body.errors?.[0]?.extensions?.code, body).toBe('BAD_REQUEST')
      expect(response.body.data, body).toBeUndefined()
    }
  })
})
