// Create, read, update and delete every record family through GraphQL, then the nested lists some
// families write along with the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import {
  byMinAge,
  canteenPrices,
  keptPeriods,
  observationSeries,
  periodOf,
  readBackOf,
  recordScenarios,
  scenarioOf,
  selectionFor,
} from './scenarios/records.ts'
import { onlyError, type SeededRefs, seededRefs } from './support.ts'

let t: TestHub
let refs: SeededRefs
beforeAll(async () => {
  t = await startTestHub()
  refs = await seededRefs(t)
})
afterAll(() => t?.close())

describe.each(recordScenarios)('$typename', (scenario) => {
  const { typename, plural } = scenario
  let id: string
  const createInput = () => scenario.create(refs)
  const merged = () => ({ ...createInput(), ...scenario.update(refs) })

  it('is created from a valid input, references given by global ID', async () => {
    const input = createInput()
    const data = await t.data(
      `mutation ($input: ${typename}CreateInput!) { create${typename}(input: $input) { id version ${selectionFor(input)} } }`,
      { input },
    )
    const created = data[`create${typename}`]
    expect(created).toMatchObject({ version: 1, ...readBackOf(input) })
    id = created.id
  })

  it('reads back the same through node(id) and the root list', async () => {
    const input = createInput()
    const selection = selectionFor(input)
    const data = await t.data(
      `query ($id: ID!) {
        node(id: $id) { id ... on ${typename} { version ${selection} } }
        list: ${plural}(where: { id: { equals: $id } }) { totalCount nodes { id version ${selection} } }
      }`,
      { id },
    )
    const expected = { id, version: 1, ...readBackOf(input) }
    expect(data.node).toEqual(expected)
    expect(data.list).toEqual({ totalCount: 1, nodes: [expected] })
  })

  it('updates with the version last seen, which then increases', async () => {
    const data = await t.data(
      `mutation ($id: ID!, $input: ${typename}UpdateInput!) {
        update${typename}(id: $id, version: 1, input: $input) { id version ${selectionFor(merged())} }
      }`,
      { id, input: scenario.update(refs) },
    )
    // Fields the change leaves out keep their values.
    expect(data[`update${typename}`]).toEqual({ id, version: 2, ...readBackOf(merged()) })
  })

  it('refuses an update without a version, changing nothing', async () => {
    const result = await t.gql(
      `mutation ($id: ID!, $input: ${typename}UpdateInput!) { update${typename}(id: $id, input: $input) { version } }`,
      { id, input: { nameZh: `${createInput().nameZh}（无版本）` } },
    )
    expect(onlyError(result).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    const after = await t.data(`query ($id: ID!) { node(id: $id) { ... on ${typename} { version nameZh } } }`, { id })
    expect(after.node).toEqual({ version: 2, nameZh: merged().nameZh })
  })

  it('updates again with the new version, still counting the change', async () => {
    const data = await t.data(
      `mutation ($id: ID!, $input: ${typename}UpdateInput!) { update${typename}(id: $id, version: 2, input: $input) { version nameZh } }`,
      { id, input: { nameZh: `${createInput().nameZh}（改）` } },
    )
    expect(data[`update${typename}`]).toEqual({ version: 3, nameZh: `${createInput().nameZh}（改）` })
  })

  it('deletes with its current version into the trash: gone from the list and from node(id)', async () => {
    const data = await t.data(
      `mutation ($id: ID!) { delete${typename}(id: $id, version: 3) { id version nameZh deletedAt } }`,
      { id },
    )
    const deleted = data[`delete${typename}`]
    expect(deleted).toMatchObject({ id, version: 4, nameZh: `${createInput().nameZh}（改）` })
    expect(Date.parse(deleted.deletedAt)).not.toBeNaN()
    const after = await t.data(
      `query ($id: ID!) { ${plural}(where: { id: { equals: $id } }) { totalCount } node(id: $id) { id } }`,
      { id },
    )
    expect(after).toEqual({ [plural]: { totalCount: 0 }, node: null })
  })

  it('is brought back from the trash by restore, as it was, with a new version', async () => {
    const data = await t.data(
      `mutation ($id: ID!) { restore${typename}(id: $id, version: 4) { id version nameZh deletedAt } }`,
      { id },
    )
    expect(data[`restore${typename}`]).toEqual({
      id,
      version: 5,
      nameZh: `${createInput().nameZh}（改）`,
      deletedAt: null,
    })
    const after = await t.data(
      `query ($id: ID!) { ${plural}(where: { id: { equals: $id } }) { totalCount } node(id: $id) { id } }`,
      { id },
    )
    expect(after).toEqual({ [plural]: { totalCount: 1 }, node: { id } })
  })
})

describe('node(id) and nodes(ids) of records that do not exist', () => {
  it('answer null for a deleted record, without an error', async () => {
    const input = scenarioOf('School').create(refs)
    const created = await t.data(`mutation ($input: SchoolCreateInput!) { createSchool(input: $input) { id } }`, {
      input,
    })
    const id = created.createSchool.id
    await t.data(`mutation ($id: ID!) { deleteSchool(id: $id, version: 1) { id } }`, { id })
    const result = await t.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id })
    expect(result).toEqual({ status: 200, data: { node: null } })
  })

  it('nodes(ids) gives null in the place of an unknown ID and the record for a known one', async () => {
    const unknown = Buffer.from('Hospital:999999').toString('base64')
    const result = await t.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [unknown, refs.zhenxiong] })
    expect(result).toEqual({ status: 200, data: { nodes: [null, { id: refs.zhenxiong }] } })
  })
})

describe('care facility prices', () => {
  let id: string
  const priceFields = 'prices { minAge priceYuan unitZh unitEn }'

  it('are created with the facility and listed youngest first', async () => {
    const input = { ...scenarioOf('CareFacility').create(refs), nameZh: '价格测试食堂', prices: canteenPrices.created }
    const data = await t.data(
      `mutation ($input: CareFacilityCreateInput!) { createCareFacility(input: $input) { id ${priceFields} } }`,
      { input },
    )
    id = data.createCareFacility.id
    expect(data.createCareFacility.prices).toEqual(byMinAge(canteenPrices.created))
  })

  it('stay as they are when an update leaves them out', async () => {
    const data = await t.data(
      `mutation ($id: ID!) { updateCareFacility(id: $id, version: 1, input: { peopleServed: 10 }) { peopleServed ${priceFields} } }`,
      { id },
    )
    expect(data.updateCareFacility).toEqual({ peopleServed: 10, prices: byMinAge(canteenPrices.created) })
  })

  it('are replaced as a whole by an update that lists them', async () => {
    const data = await t.data(
      `mutation ($id: ID!, $prices: [CarePriceInput!]) {
        updateCareFacility(id: $id, version: 2, input: { prices: $prices }) { ${priceFields} }
      }`,
      { id, prices: canteenPrices.replaced },
    )
    expect(data.updateCareFacility.prices).toEqual(byMinAge(canteenPrices.replaced))
  })

  it('are emptied by an update with an empty list', async () => {
    const data = await t.data(
      `mutation ($id: ID!) { updateCareFacility(id: $id, version: 3, input: { prices: [] }) { prices { minAge } } }`,
      {
        id,
      },
    )
    expect(data.updateCareFacility.prices).toEqual([])
  })

  it('refuse two prices from the same age, naming the second', async () => {
    const result = await t.gql(
      `mutation ($id: ID!, $prices: [CarePriceInput!]) { updateCareFacility(id: $id, version: 4, input: { prices: $prices }) { id } }`,
      {
        id,
        prices: [canteenPrices.replaced[0], canteenPrices.replaced[0]],
      },
    )
    const error = onlyError(result)
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'prices.1.minAge', code: 'duplicate' }],
    })
  })
})

describe('industrial park supported settlements', () => {
  let id: string
  const selection = 'supportedSettlements { totalCount nodes { id } }'

  it('are linked on create, and the settlement sees the park among its supporting parks', async () => {
    const input = {
      ...scenarioOf('IndustrialPark').create(refs),
      nameZh: '链接测试产业园',
      supportedSettlementIds: [refs.maojiawan, refs.niluping],
    }
    const data = await t.data(
      `mutation ($input: IndustrialParkCreateInput!) { createIndustrialPark(input: $input) { id ${selection} } }`,
      { input },
    )
    id = data.createIndustrialPark.id
    const linked = data.createIndustrialPark.supportedSettlements
    expect(linked.totalCount).toBe(2)
    expect(linked.nodes.map((n: { id: string }) => n.id).sort()).toEqual([refs.maojiawan, refs.niluping].sort())
    const settlement = await t.data(
      `query ($id: ID!) { node(id: $id) { ... on Settlement { supportingParks { nodes { id } } } } }`,
      { id: refs.maojiawan },
    )
    expect(settlement.node.supportingParks.nodes).toEqual([{ id }])
  })

  it('stay linked when an update leaves them out', async () => {
    const data = await t.data(
      `mutation ($id: ID!) { updateIndustrialPark(id: $id, version: 1, input: { directJobs: 1 }) { ${selection} } }`,
      {
        id,
      },
    )
    expect(data.updateIndustrialPark.supportedSettlements.totalCount).toBe(2)
  })

  it('are replaced by an update that lists them', async () => {
    const data = await t.data(
      `mutation ($id: ID!, $ids: [ID!]) { updateIndustrialPark(id: $id, version: 2, input: { supportedSettlementIds: $ids }) { ${selection} } }`,
      { id, ids: [refs.niluping] },
    )
    expect(data.updateIndustrialPark.supportedSettlements).toEqual({ totalCount: 1, nodes: [{ id: refs.niluping }] })
    const settlement = await t.data(
      `query ($id: ID!) { node(id: $id) { ... on Settlement { supportingParks { nodes { id } } } } }`,
      { id: refs.maojiawan },
    )
    expect(settlement.node.supportingParks.nodes).toEqual([])
  })

  it('refuse an ID that is not a settlement, naming its place in the list', async () => {
    const result = await t.gql(
      `mutation ($id: ID!, $ids: [ID!]) { updateIndustrialPark(id: $id, version: 3, input: { supportedSettlementIds: $ids }) { id } }`,
      { id, ids: [refs.niluping, refs.zhenxiong] },
    )
    expect(onlyError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'supportedSettlementIds.1', code: 'invalid_id' }],
    })
  })
})

describe('indicator observations', () => {
  let id: string
  let idsByPeriod: Map<string, string>
  const observationFields = 'observations { id periodKind year quarter value provincialRank status }'
  const withoutIds = (observations: { id: string }[]) => observations.map(({ id: _id, ...rest }) => rest)

  it('are created with the indicator, oldest period first', async () => {
    const input = {
      ...scenarioOf('Indicator').create(refs),
      code: 'observation_test',
      observations: [...observationSeries.created].reverse(),
    }
    const data = await t.data(
      `mutation ($input: IndicatorCreateInput!) { createIndicator(input: $input) { id ${observationFields} } }`,
      { input },
    )
    id = data.createIndicator.id
    const observations = data.createIndicator.observations
    expect(withoutIds(observations)).toEqual(observationSeries.created)
    idsByPeriod = new Map(observations.map((o: { id: string } & Parameters<typeof periodOf>[0]) => [periodOf(o), o.id]))
  })

  it('keep the ids of periods an update lists again, drop the unlisted and add the new', async () => {
    const data = await t.data(
      `mutation ($id: ID!, $observations: [IndicatorObservationInput!]) {
        updateIndicator(id: $id, version: 1, input: { observations: $observations }) { version ${observationFields} }
      }`,
      { id, observations: observationSeries.edited },
    )
    const { version, observations } = data.updateIndicator
    expect(version).toBe(2)
    expect(withoutIds(observations)).toEqual(observationSeries.edited)
    const after = new Map<string, string>(
      observations.map((o: { id: string } & Parameters<typeof periodOf>[0]) => [periodOf(o), o.id]),
    )
    for (const period of keptPeriods) expect(after.get(period)).toBe(idsByPeriod.get(period))
    const added = observations.find((o: Parameters<typeof periodOf>[0]) => !keptPeriods.includes(periodOf(o)))
    expect([...idsByPeriod.values()]).not.toContain(added.id)
    const dropped = [...idsByPeriod.entries()].find(([period]) => !keptPeriods.includes(period))?.[1]
    expect(dropped).toBeDefined()
    expect([...after.values()]).not.toContain(dropped)
  })

  it('of the seed keep their ids and citations when the series is written again unchanged', async () => {
    const seeded = await t.data(`{
      indicators(where: { code: { equals: "rural_disposable_income_growth" } }) {
        nodes { id version observations { id periodKind year quarter value provincialRank status citations { id } } }
      }
    }`)
    const indicator = seeded.indicators.nodes[0]
    const observations = indicator.observations.map(
      ({ id: _id, citations: _c, ...rest }: { id: string; citations: unknown }) => rest,
    )
    const data = await t.data(
      `mutation ($id: ID!, $version: Int!, $observations: [IndicatorObservationInput!]) {
        updateIndicator(id: $id, version: $version, input: { observations: $observations }) {
          version observations { id value citations { id } }
        }
      }`,
      { id: indicator.id, version: indicator.version, observations },
    )
    expect(data.updateIndicator.version).toBe(indicator.version + 1)
    expect(data.updateIndicator.observations).toEqual(
      indicator.observations.map((o: { id: string; value: string; citations: unknown }) => ({
        id: o.id,
        value: o.value,
        citations: o.citations,
      })),
    )
    expect(data.updateIndicator.observations[0].citations).toHaveLength(2)
  })
})
