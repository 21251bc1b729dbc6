// The records the scenarios ask for, found in each filled database (src/fill.ts, or focus.ts on a
// database filled earlier), and the pools of variables the scenarios draw from.
//
// Real traffic does not ask for the same ids again and again: a cache keyed on values (Prisma's
// read-plan cache, plan-cache.ts) would hide a cost if every request sent the same ones. So each
// read scenario has a pool of variables larger than such a cache (500 plans), and the load sends
// them in turn; the "fixed" runs send the pool's first entry every time, as the bench used to.

import { encodeCursor } from '@minsheng/server/cursors'

/** The update scenario sets open beds to a random number below this. */
export const UPDATE_OPEN_BEDS_BELOW = 200

export interface Fixtures {
  /** The county the fixed list filters on (the one with the most elderly canteens). */
  county: { id: number; nameZh: string }
  /** The hospital the fixed by-id reads (the one with the most citations). */
  hospital: { id: number; nameZh: string; citations: number }
  /** Synthetic hospitals the update scenario changes, one per connection. */
  updateHospitalIds: number[]
  pools: VariablePools
}

export interface VariablePools {
  /**
   * Care facilities of a kind within a county, a full page of 50 each: from the start, or after
   * any record of the list (a cursor), so pages overlap but their values differ.
   */
  /** afterName: the name of the record the page starts after (the list is ordered by name, then id). */
  list: { division: number; kind: string; afterId: number | null; afterName: string | null }[]
  /** Townships (with their settlement trees), 11 a page: after this township id (null: the first). */
  nested: (number | null)[]
  /** Hospitals read by id. */
  byId: number[]
}

/** Every pool holds at most this many entries (beyond a 500-plan cache, so no value repeats within it). */
export const POOL_SIZE = 1200
/** Page sizes of the documents (scenarios.ts). */
export const LIST_PAGE = 50
export const NESTED_PAGE = 11

/** Our global IDs (Pothos relay): base64 of `Typename:id`. The baseline uses the same. */
export function globalId(typename: string, id: number) {
  return Buffer.from(`${typename}:${id}`).toString('base64')
}

/**
 * Our keyset cursors, made by the hub's own encoder (a cursor holds the record's values of the
 * list's sort keys, the id last): the list's care facilities ordered by name, the townships by id.
 * The baseline reads the id from them.
 */
export const ourCursor = {
  careFacilityByName: (id: number, nameZh: string) =>
    encodeCursor({ typename: 'CareFacility', keys: [ASC('nameZh'), ASC('id')], kinds: ['text', 'id'] }, { nameZh, id }),
  division: (id: number) => encodeCursor({ typename: 'Division', keys: [ASC('id')], kinds: ['id'] }, { id }),
}
const ASC = (field: string) => ({ field, direction: 'asc' as const })

type Query = <T>(sql: string) => Promise<T[]>

/** A deterministic order that mixes counties, kinds and positions (the same on every database). */
const MIXED = (expression: string) => `md5(${expression})`

export async function findFixtures(query: Query): Promise<Fixtures> {
  const one = async <T>(sql: string) => (await query<T>(sql))[0] as T
  // The county with the most elderly canteens (镇雄县 with the default seed), the hospital with the
  // most citations, and synthetic hospitals for the update scenario (one per connection).
  const county = await one<{ id: number; nameZh: string }>(`
    SELECT d.id, d."nameZh" FROM "Division" d
    WHERE d.level = 'COUNTY'
    ORDER BY (SELECT count(*) FROM "CareFacility" c JOIN "Division" x ON x.id = c."divisionId"
              WHERE x."ancestorIds" @> ARRAY[d.id] AND c.kind = 'ELDERLY_CANTEEN') DESC, d.id
    LIMIT 1`)
  const hospital = await one<{ id: number; nameZh: string; citations: bigint }>(`
    SELECT h.id, h."nameZh", count(c.id) AS citations FROM "Hospital" h
    LEFT JOIN "Citation" c ON c."hospitalId" = h.id
    GROUP BY h.id ORDER BY count(c.id) DESC, h.id LIMIT 1`)
  // Hospitals with room for the update's open beds (below UPDATE_OPEN_BEDS_BELOW): more open beds
  // than planned is an ERROR rule of data quality, and such an update is refused.
  const updatable = await query<{ id: number }>(`
    SELECT id FROM "Hospital" WHERE id <> ${hospital.id} AND note LIKE '合成数据%'
      AND "plannedBeds" >= ${UPDATE_OPEN_BEDS_BELOW} ORDER BY id LIMIT 64`)

  // Each (county, kind) list ordered as the scenario orders it (name, then id); a page may start
  // after any record that leaves a full page behind it.
  const listRows = await query<{ division: number; kind: string; afterId: number; afterName: string }>(`
    WITH ranked AS (
      SELECT d.id AS division, c.kind::text AS kind, c.id AS "afterId", c."nameZh" AS "afterName",
             row_number() OVER w AS position, count(*) OVER (PARTITION BY d.id, c.kind) AS total
      FROM "Division" d
      JOIN "Division" x ON x."ancestorIds" @> ARRAY[d.id]
      JOIN "CareFacility" c ON c."divisionId" = x.id
      WHERE d.level = 'COUNTY'
      WINDOW w AS (PARTITION BY d.id, c.kind ORDER BY c."nameZh", c.id))
    SELECT division, kind, "afterId", "afterName" FROM ranked WHERE position <= total - ${LIST_PAGE}
    ORDER BY ${MIXED(`division::text || kind || "afterId"::text`)} LIMIT ${POOL_SIZE - 1}`)
  const townships = await query<{ id: number }>(`
    SELECT id FROM "Division" WHERE level = 'TOWNSHIP' ORDER BY id`)
  const nestedStarts = townships.slice(0, Math.max(0, townships.length - NESTED_PAGE)).map((row) => row.id)
  const hospitals = await query<{ id: number }>(`
    SELECT id FROM "Hospital" WHERE id <> ${hospital.id} ORDER BY ${MIXED('id::text')} LIMIT ${POOL_SIZE - 1}`)

  return {
    county: { id: county.id, nameZh: county.nameZh },
    hospital: { id: hospital.id, nameZh: hospital.nameZh, citations: Number(hospital.citations) },
    updateHospitalIds: updatable.map((row) => row.id),
    pools: {
      // The first entry of each pool is the fixed request (what the bench sent before pools).
      list: [{ division: county.id, kind: 'ELDERLY_CANTEEN', afterId: null, afterName: null }, ...listRows],
      nested: [null, ...mix(nestedStarts)],
      byId: [hospital.id, ...hospitals.map((row) => row.id)],
    },
  }
}

/** A fixed shuffle (every seventh, in seven passes), so neighbouring requests ask for distant pages. */
function mix<T>(items: T[]): T[] {
  const out: T[] = []
  for (let offset = 0; offset < 7; offset++) for (let i = offset; i < items.length; i += 7) out.push(items[i] as T)
  return out.slice(0, POOL_SIZE - 1)
}
