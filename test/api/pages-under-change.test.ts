// A partner's pull pages through a list while operators change it. Whatever happens to the record a
// cursor was taken from (trashed, purged, moved by an edit of the sort key), the next page continues
// right after the cursor's position: every record that stayed as it was is returned exactly once, in
// order. Generated for every sort key of a family (scenarios/pages.ts), both directions of the sort,
// paging forwards and backwards, on the root list and on a division's nested list.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import {
  eventsFor,
  fixtureFields,
  moveInput,
  type RaceEvent,
  type SortKey,
  sortKeysOf,
  valueOf,
} from './scenarios/pages.ts'
import { divisionId } from './support.ts'

const TYPE = 'CareFacility'
const PLURAL = 'careFacilities'
const FIXTURES = 6
const PAGE = 2

let t: TestHub
let county: string
let places = 0

beforeAll(async () => {
  // A few thousand requests in a minute: more than an operator's default rate limit allows.
  t = await startTestHub({ config: { IDENTIFIED_RATE_LIMIT_PER_MINUTE: 0 } })
  county = await divisionId(t, '530627')
})
afterAll(() => t?.close())

type List = 'root' | 'nested'
type Paging = 'forwards' | 'backwards'
interface Node {
  id: string
  version: number
}
interface Page {
  nodes: Node[]
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
}

const pageFields = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id version }`
const pageArgs = `orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before`
const pageParams = `$place: ID!, $orderBy: [${TYPE}OrderBy!], $first: Int, $after: String, $last: Int, $before: String`
const queries: Record<List, string> = {
  root: `query (${pageParams}) {
    list: ${PLURAL}(where: { divisionId: { equals: $place } }, ${pageArgs}) { ${pageFields} }
  }`,
  nested: `query (${pageParams}) {
    node(id: $place) { ... on Division { list: ${PLURAL}(${pageArgs}) { ${pageFields} } } }
  }`,
}

async function page(list: List, place: string, variables: Record<string, unknown>): Promise<Page> {
  const data = await t.data(queries[list], { place, ...variables })
  return list === 'root' ? data.list : data.node.list
}

/** A township of its own, so each pull sees only its own records. */
async function newPlace(): Promise<string> {
  places += 1
  const data = await t.data(`mutation ($input: DivisionCreateInput!) { createDivision(input: $input) { id } }`, {
    input: { nameZh: `翻页镇${places}`, level: 'TOWNSHIP', parentId: county },
  })
  return data.createDivision.id
}

async function createAll(place: string, inputs: Record<string, unknown>[]): Promise<string[]> {
  const fields = inputs.map((_, i) => `r${i}: create${TYPE}(input: $i${i}) { id }`).join('\n')
  const params = inputs.map((_, i) => `$i${i}: ${TYPE}CreateInput!`).join(', ')
  const variables = Object.fromEntries(
    inputs.map((input, i) => [
      `i${i}`,
      { kind: 'ELDERLY_CANTEEN', targetGroup: 'ELDERLY', divisionId: place, ...input },
    ]),
  )
  const data = await t.data(`mutation (${params}) { ${fields} }`, variables)
  return inputs.map((_, i) => data[`r${i}`].id)
}

async function trash(node: Node): Promise<number> {
  const data = await t.data(
    `mutation ($id: ID!, $version: Int!) { delete${TYPE}(id: $id, version: $version) { version } }`,
    {
      ...node,
    },
  )
  return data[`delete${TYPE}`].version
}

async function purge(node: Node) {
  const version = await trash(node)
  await t.data(`mutation ($id: ID!, $version: Int!) { purge${TYPE}(id: $id, version: $version) }`, {
    id: node.id,
    version,
  })
}

async function update(node: Node, input: Record<string, unknown>) {
  await t.data(
    `mutation ($id: ID!, $version: Int!, $input: ${TYPE}UpdateInput!) { update${TYPE}(id: $id, version: $version, input: $input) { id } }`,
    { ...node, input },
  )
}

/** Every record of the list, in one page, as it is now. */
async function everything(list: List, place: string, orderBy: unknown): Promise<string[]> {
  const all = await page(list, place, { orderBy, first: 200 })
  return all.nodes.map((node) => node.id)
}

/**
 * Pulls the whole list page by page, calling `between` with the record at the cursor before each
 * further page; returns the IDs in list order as the pages gave them.
 */
async function pull(
  list: List,
  place: string,
  orderBy: unknown,
  paging: Paging,
  between: (atCursor: Node) => Promise<void>,
  size = PAGE,
): Promise<string[]> {
  const seen: string[] = []
  let cursor: string | null = null
  for (let pages = 1; ; pages++) {
    const forwards = paging === 'forwards'
    const { nodes, pageInfo } = await page(
      list,
      place,
      forwards ? { orderBy, first: size, after: cursor } : { orderBy, last: size, before: cursor },
    )
    const ids = nodes.map((node) => node.id)
    if (forwards) seen.push(...ids)
    else seen.unshift(...ids)
    if (!(forwards ? pageInfo.hasNextPage : pageInfo.hasPreviousPage)) return seen
    // A pull that never ends is as wrong as one that ends early.
    if (pages > 50) throw new Error(`The pull did not end: ${seen.join(' ')}`)
    cursor = forwards ? pageInfo.endCursor : pageInfo.startCursor
    const atCursor = forwards ? nodes.at(-1) : nodes[0]
    if (!atCursor || !cursor) throw new Error('A page said more follow but gave no cursor')
    await between(atCursor)
  }
}

interface Race {
  key: SortKey
  direction: 'ASC' | 'DESC'
  event: RaceEvent
  paging: Paging
  list: List
}

const races: Race[] = sortKeysOf(TYPE).flatMap((key) =>
  (['ASC', 'DESC'] as const).flatMap((direction) =>
    eventsFor(key).flatMap((event) =>
      (['forwards', 'backwards'] as const).flatMap((paging) =>
        (['root', 'nested'] as const).map((list) => ({ key, direction, event, paging, list })),
      ),
    ),
  ),
)

describe(`pulls of ${PLURAL} racing changes to the record at the cursor`, () => {
  it('covers every sort key of the family', () => {
    expect(new Set(races.map((race) => race.key.field)).size).toBeGreaterThanOrEqual(5)
  })

  it.each(races)(
    '$key.value $direction, $event, paging $paging ($list)',
    async ({ key, direction, event, paging, list }) => {
      const place = await newPlace()
      const keys = sortKeysOf(TYPE)
      const created = await createAll(
        place,
        Array.from({ length: FIXTURES }, (_, i) => fixtureFields(keys, i)),
      )
      const orderBy = [{ field: key.value, direction }]
      const touched = new Set<string>()
      const seen = await pull(list, place, orderBy, paging, async (atCursor) => {
        touched.add(atCursor.id)
        if (event === 'trash') await trash(atCursor)
        else if (event === 'purge') await purge(atCursor)
        else await update(atCursor, moveInput(key, event, direction))
      })
      expect(touched.size, 'the race happened').toBeGreaterThan(0)
      const untouched = (ids: string[]) => ids.filter((id) => created.includes(id) && !touched.has(id))
      // Each untouched record once, in the order the list has now (their keys did not change).
      expect(untouched(seen)).toEqual(untouched(await everything(list, place, orderBy)))
      expect(untouched(seen)).toHaveLength(created.length - touched.size)
      if (event === 'trash' || event === 'purge') {
        // Returned on the page before it went, never again.
        for (const id of touched) expect(seen.filter((s) => s === id)).toHaveLength(1)
      }
    },
  )
})

describe('a pull with random changes between its pages (property)', () => {
  const keys = sortKeysOf(TYPE)
  const change = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), like: fc.nat(5) }),
    fc.record({ kind: fc.constantFrom('trash' as const, 'purge' as const), target: fc.nat() }),
    fc.record({
      kind: fc.constant('edit' as const),
      target: fc.nat(),
      key: fc.constantFrom(...keys.filter((key) => key.kind !== 'timestamp')),
      value: fc.constantFrom<number | 'low' | 'high' | null>(0, 1, 2, 'low', 'high', null),
    }),
  )
  const pullArbitrary = fc.record({
    key: fc.constantFrom(...keys),
    direction: fc.constantFrom('ASC' as const, 'DESC' as const),
    paging: fc.constantFrom('forwards' as const, 'backwards' as const),
    list: fc.constantFrom('root' as const, 'nested' as const),
    size: fc.integer({ min: 1, max: 3 }),
    changes: fc.array(fc.array(change, { maxLength: 3 }), { minLength: 1, maxLength: 6 }),
  })

  it('returns every record live and unchanged for the whole pull exactly once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(pullArbitrary, async ({ key, direction, paging, list, size, changes }) => {
        const place = await newPlace()
        const created = await createAll(
          place,
          Array.from({ length: FIXTURES }, (_, i) => fixtureFields(keys, i)),
        )
        const orderBy = [{ field: key.value, direction }]
        // Records whose place in the list changed, or that were not there all along.
        const disturbed = new Set<string>()
        let live = await versions(list, place, orderBy)
        let step = 0
        const seen = await pull(
          list,
          place,
          orderBy,
          paging,
          async () => {
            for (const c of changes[step++ % changes.length] ?? []) {
              const ids = [...live.keys()]
              const target = 'target' in c ? ids[c.target % Math.max(ids.length, 1)] : undefined
              if (c.kind === 'create') {
                const [id] = await createAll(place, [fixtureFields(keys, c.like)])
                disturbed.add(id as string)
              } else if (target) {
                const node = { id: target, version: live.get(target) as number }
                if (c.kind === 'trash') await trash(node)
                else if (c.kind === 'purge') await purge(node)
                if (c.kind === 'edit') {
                  const value = c.value === null && c.key.required ? 'low' : c.value
                  await update(node, { [c.key.field]: value === null ? null : valueOf(c.key, value) })
                }
                // An edit moves a record when it changes the sort key, and any edit under an updatedAt sort.
                if (c.kind !== 'edit' || c.key.field === key.field || key.field === 'updatedAt') disturbed.add(target)
              }
              live = await versions(list, place, orderBy)
            }
          },
          size,
        )
        const steady = (ids: string[]) => ids.filter((id) => created.includes(id) && !disturbed.has(id))
        expect(steady(seen)).toEqual(steady(await everything(list, place, orderBy)))
        expect(new Set(steady(seen)).size).toBe(steady(seen).length)
      }),
      // Bounded: a few dozen pulls of a handful of pages each.
      { numRuns: 30, seed: Number(process.env.FC_SEED ?? 20261128), endOnFailure: true },
    )
  })
})

async function versions(list: List, place: string, orderBy: unknown): Promise<Map<string, number>> {
  const all = await page(list, place, { orderBy, first: 200 })
  return new Map(all.nodes.map((node) => [node.id, node.version]))
}
