// A partner's pull pages through a list while the records change. Whatever happens to the record a
// cursor was taken from (trashed, purged, moved by an edit of the sort key), the next page continues
// right after the cursor's position: every record that stayed as it was is returned exactly once, in
// order. Generated for every sort key of a family (scenarios/pages.ts), both directions of the sort,
// paging forwards and backwards; then a property over random changes between pages. Each page is read
// from the root list and from the division's nested list at once, and the two must agree exactly.
//
// The pages are read over HTTP; the changes between them are written straight to the database, as a
// commit of another instance would land, in a few milliseconds each rather than a mutation's audited
// transaction, so the whole matrix runs in seconds. The write path has suites of its own.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '../../server/src/records/ids.ts'
import { startTestHub, type TestHub } from '../setup/hub.ts'
import {
  eventsFor,
  fixtureFields,
  keyValue,
  moveInput,
  type RaceEvent,
  type SortKey,
  sortKeysOf,
} from './scenarios/pages.ts'
import { divisionId } from './support.ts'

const TYPE = 'CareFacility'
const PLURAL = 'careFacilities'
const FIXTURES = 6
const PAGE = 2
const keys = sortKeysOf(TYPE)

let t: TestHub
let county: number
let places = 0

beforeAll(async () => {
  t = await startTestHub({ config: { IDENTIFIED_RATE_LIMIT_PER_MINUTE: 0 } })
  county = Number(
    Buffer.from(await divisionId(t, '530627'), 'base64')
      .toString()
      .split(':')[1],
  )
})
afterAll(() => t?.close())

type Paging = 'forwards' | 'backwards'
interface Page {
  nodes: { id: string }[]
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
}

const pageFields = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id }`
const pageArgs = `orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before`
const pageQuery = `query ($place: ID!, $orderBy: [${TYPE}OrderBy!], $first: Int, $after: String, $last: Int, $before: String) {
  root: ${PLURAL}(where: { divisionId: { equals: $place } }, ${pageArgs}) { ${pageFields} }
  node(id: $place) { ... on Division { nested: ${PLURAL}(${pageArgs}) { ${pageFields} } } }
}`

/** A page of the township's records, the same from the root list and from the township's own. */
async function page(place: number, variables: Record<string, unknown>): Promise<Page> {
  const data = await t.data(pageQuery, { place: encodeGlobalID('Division', place), ...variables })
  expect(data.node.nested, 'the nested list agrees with the root list').toEqual(data.root)
  return data.root
}

const db = () => t.hub.database.prisma as any
const idOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1])
const globalId = (id: number) => encodeGlobalID(TYPE, id)

/** API values as the database takes them (dates). */
function columns(fields: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(fields).map(([field, value]) => {
      const key = keys.find((k) => k.field === field)
      return [field, key?.kind === 'date' && typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value]
    }),
  )
}

/** A township of its own holding the records, so each pull sees only its own. */
async function placeWith(records: Record<string, unknown>[]): Promise<{ place: number; created: string[] }> {
  places += 1
  const division = await db().division.create({
    data: { nameZh: `翻页镇${places}`, level: 'TOWNSHIP', parentId: county, ancestorIds: [county] },
  })
  const rows = await create(division.id, records)
  return { place: division.id, created: rows }
}

async function create(place: number, records: Record<string, unknown>[]): Promise<string[]> {
  const rows = await db().careFacility.createManyAndReturn({
    data: records.map((fields) => ({
      kind: 'ELDERLY_CANTEEN',
      targetGroup: 'ELDERLY',
      divisionId: place,
      ...columns(fields),
    })),
    select: { id: true },
  })
  return rows.map((row: { id: number }) => globalId(row.id))
}

const trash = (id: string) =>
  db().careFacility.update({ where: { id: idOf(id) }, data: { deletedAt: new Date(), version: { increment: 1 } } })
const purge = (id: string) => db().careFacility.delete({ where: { id: idOf(id) } })
const update = (id: string, fields: Record<string, unknown>) =>
  db().careFacility.update({ where: { id: idOf(id) }, data: { ...columns(fields), version: { increment: 1 } } })

/** Every record of the list, in one page, as it is now. */
async function everything(place: number, orderBy: unknown): Promise<string[]> {
  const all = await page(place, { orderBy, first: 200 })
  return all.nodes.map((node) => node.id)
}

/**
 * Pulls the whole list page by page, calling `between` with the record at the cursor before each
 * further page; returns the IDs in list order as the pages gave them.
 */
async function pull(
  place: number,
  orderBy: unknown,
  paging: Paging,
  between: (atCursor: string) => Promise<unknown>,
  size = PAGE,
): Promise<string[]> {
  const seen: string[] = []
  const forwards = paging === 'forwards'
  let cursor: string | null = null
  for (let pages = 1; ; pages++) {
    const { nodes, pageInfo } = await page(
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
    const atCursor = forwards ? ids.at(-1) : ids[0]
    if (!atCursor || !cursor) throw new Error('A page said more follow but gave no cursor')
    await between(atCursor)
  }
}

interface Race {
  key: SortKey
  direction: 'ASC' | 'DESC'
  event: RaceEvent
  paging: Paging
}

const races: Race[] = keys.flatMap((key) =>
  (['ASC', 'DESC'] as const).flatMap((direction) =>
    eventsFor(key).flatMap((event) =>
      (['forwards', 'backwards'] as const).map((paging) => ({ key, direction, event, paging })),
    ),
  ),
)

describe(`pulls of ${PLURAL} racing changes to the record at the cursor`, () => {
  it('covers every sort key of the family', () => {
    expect(new Set(races.map((race) => race.key.field)).size).toBe(keys.length)
  })

  it.each(races)('$key.value $direction, $event, paging $paging', async ({ key, direction, event, paging }) => {
    const { place, created } = await placeWith(Array.from({ length: FIXTURES }, (_, i) => fixtureFields(keys, i)))
    const orderBy = [{ field: key.value, direction }]
    const touched = new Set<string>()
    const seen = await pull(place, orderBy, paging, async (atCursor) => {
      touched.add(atCursor)
      if (event === 'trash') await trash(atCursor)
      else if (event === 'purge') await purge(atCursor)
      else await update(atCursor, moveInput(key, event, direction))
    })
    expect(touched.size, 'the race happened').toBeGreaterThan(0)
    const untouched = (ids: string[]) => ids.filter((id) => created.includes(id) && !touched.has(id))
    // Each untouched record once, in the order the list has now (their keys did not change).
    expect(untouched(seen)).toEqual(untouched(await everything(place, orderBy)))
    expect(untouched(seen)).toHaveLength(created.length - touched.size)
    if (event === 'trash' || event === 'purge') {
      // Returned on the page before it went, never again.
      for (const id of touched) expect(seen.filter((s) => s === id)).toHaveLength(1)
    }
  })
})

describe('a pull with random changes between its pages (property)', () => {
  const settable = keys.filter((key) => key.kind !== 'timestamp')
  const change = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), like: fc.nat(FIXTURES - 1) }),
    fc.record({ kind: fc.constantFrom('trash' as const, 'purge' as const), target: fc.nat() }),
    fc.record({
      kind: fc.constant('edit' as const),
      target: fc.nat(),
      key: fc.constantFrom(...settable),
      value: fc.constantFrom<number | 'low' | 'high' | null>(0, 1, 2, 'low', 'high', null),
    }),
  )
  const pulls = fc.record({
    key: fc.constantFrom(...keys),
    direction: fc.constantFrom('ASC' as const, 'DESC' as const),
    paging: fc.constantFrom('forwards' as const, 'backwards' as const),
    size: fc.integer({ min: 1, max: 3 }),
    changes: fc.array(fc.array(change, { maxLength: 3 }), { minLength: 1, maxLength: 6 }),
  })

  it('returns every record live and unchanged for the whole pull exactly once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(pulls, async ({ key, direction, paging, size, changes }) => {
        const { place, created } = await placeWith(Array.from({ length: FIXTURES }, (_, i) => fixtureFields(keys, i)))
        const orderBy = [{ field: key.value, direction }]
        // Records whose place in the list changed, or that were not there all along.
        const disturbed = new Set<string>()
        const live = new Set(created)
        let step = 0
        const seen = await pull(
          place,
          orderBy,
          paging,
          async () => {
            for (const c of changes[step++ % changes.length] ?? []) {
              if (c.kind === 'create') {
                for (const id of await create(place, [fixtureFields(keys, c.like)])) live.add(id)
                continue
              }
              const target = [...live][c.target % Math.max(live.size, 1)]
              if (!target) continue
              if (c.kind === 'edit') {
                const value = c.value === null && c.key.required ? 'low' : c.value
                await update(target, { [c.key.field]: value === null ? null : keyValue(c.key, value) })
                // An edit moves a record when it changes the sort key, and any edit under an updatedAt sort.
                if (c.key.field === key.field || key.field === 'updatedAt') disturbed.add(target)
              } else {
                await (c.kind === 'trash' ? trash(target) : purge(target))
                live.delete(target)
                disturbed.add(target)
              }
            }
          },
          size,
        )
        const steady = (ids: string[]) => ids.filter((id) => created.includes(id) && !disturbed.has(id))
        expect(steady(seen)).toEqual(steady(await everything(place, orderBy)))
        expect(steady(seen)).toHaveLength(created.filter((id) => !disturbed.has(id)).length)
      }),
      // Bounded: a few dozen pulls of a handful of pages each. FC_SEED replays another sequence.
      { numRuns: 25, seed: Number(process.env.FC_SEED ?? 20261128), endOnFailure: true },
    )
  })
})
