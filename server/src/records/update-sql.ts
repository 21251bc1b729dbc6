// The statement of a form save (records/write.ts's updateOwnColumns): a record's own columns
// changed at the caller's version, with what the write path checks and records around it read or
// written in the same statement. Its rows: the record as it was ("before", with the open sets
// holding it) and as written ("after", with the snapshots review compares), the latter absent when
// nothing was written.
//
// With `settle` (review on, a plain form save into the set that holds the record already), the
// statement also writes what recordChange would: the audit event and the set's change, or the
// change dropped when the record is back as published, and the set's new version. The values are
// those of audit.ts (auditValue: ISO dates, decimals as Prisma prints them) and of governance/diff.ts
// (diffSnapshots on the snapshots' JSON), computed in SQL; test/api/governance/form-save.test.ts
// compares them with the ones the long way writes. A change whose parts differ from the published
// ones is left to recordChange (their order in the stored diff is JavaScript's): `__settled` says
// whether the statement wrote it.
import { Prisma } from '@minsheng/db'
import type { Context } from '../builder.ts'
import { datamodel } from '../datamodel.ts'
import {
  changeUpsertOf,
  heldByOthers,
  openSetsHolding,
  setVersionCounted,
  type snapshotSqlOf,
} from '../governance/change-sets.ts'
import { auditInsertOf } from './audit.ts'
import { text as literal, quoted } from './compiled-objects.ts'
import type { Family } from './registry.ts'
import { table } from './where-sql.ts'

/** The SQL over a record row `r` that governance/change-sets.ts's snapshotSqlOf gives. */
export type SnapshotSql = Awaited<ReturnType<typeof snapshotSqlOf>>

export interface OwnColumnsUpdate {
  f: Family
  ctx: Context
  id: number
  version: number
  /** The validated input's columns (parseInput), as Prisma would write them. */
  data: Record<string, unknown>
  review: boolean
  snapshots?: SnapshotSql
  /** Write the audit event and the set's change too (see the header), with this reason. */
  settle?: { reason?: string | null }
}

const { raw, sql, join, empty } = Prisma
const column = (alias: string, name: string) => `${alias}.${quoted(name)}`

export function ownColumnsUpdate(u: OwnColumnsUpdate): Prisma.Sql {
  const target = table('public', u.f.typename)
  const now = new Date().toISOString()
  const columns = Object.keys(u.data).map((name) => raw(quoted(name)))
  const assigned = columns.length
    ? sql`(${join(columns)}) = (SELECT ${join(columns.map((c) => sql`j.${c}`))}
        FROM jsonb_populate_record(NULL::${target}, ${JSON.stringify(u.data)}::jsonb) j), `
    : empty
  const s = u.snapshots
  const settle = u.settle && s && u.review ? settleSql(u, now) : empty
  return sql`
    WITH ${u.review ? sql`"holding" AS (${openSetsHolding(u.f.typename, u.id)}), ` : empty}
    "before" AS (SELECT r.* FROM ${target} r WHERE r.id = ${u.id}),
    "updated" AS (
      UPDATE ${target} t SET ${assigned}"version" = t."version" + 1,
        "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
      WHERE t.id = ${u.id} AND t."version" = ${u.version} AND t."deletedAt" IS NULL
        ${u.review ? sql`AND NOT ${heldByOthers(u.ctx)}` : empty}
      RETURNING t.*),
    "saved" AS (SELECT r.id, ${
      s
        ? sql`${raw(s.working)} AS working, (SELECT ${raw(s.published)} FROM ${raw(s.publishedTable)} r
            WHERE r.id = ${u.id}) AS published, ${raw(s.path)} AS path`
        : sql`NULL::jsonb AS working, NULL::jsonb AS published, NULL::int[] AS path`
    } FROM "updated" r)${settle}
    SELECT 'before' AS "__copy", b.*, ${
      u.review ? sql`(SELECT COALESCE(json_agg(h ORDER BY h.id), '[]'::json) FROM "holding" h)` : sql`'[]'::json`
    } AS "__holding", NULL::jsonb AS "__working", NULL::jsonb AS "__published", NULL::int[] AS "__path",
      false AS "__settled"
    FROM "before" b
    UNION ALL
    SELECT 'after', r.*, NULL::json, s.working, s.published, s.path,
      ${settle === empty ? sql`false` : sql`EXISTS (SELECT 1 FROM "settled")`}
    FROM "updated" r, "saved" s`
}

/** The CTEs that write the audit event and the set's change (see the header). */
function settleSql(u: OwnColumnsUpdate, now: string): Prisma.Sql {
  const unchanged = `d.action = 'UPDATE' AND d.fields = '{}'::jsonb`
  const recordType = u.f.typename
  const audit = auditInsertOf(
    u.ctx,
    { recordType, action: 'UPDATE', reason: u.settle?.reason },
    {
      recordId: sql`d.id`,
      changes: sql`d.changes`,
      version: sql`d.version`,
      snapshot: sql`d.snapshot`,
      changeSetId: sql`d.own`,
    },
    sql`FROM "settled" d`,
  )
  const change = changeUpsertOf(
    recordType,
    now,
    {
      changeSetId: sql`d.own`,
      recordId: sql`d.id`,
      action: sql`d.action`,
      fields: sql`d.fields`,
      baseVersion: sql`d.base`,
      version: sql`d.version`,
      divisionPath: sql`d.path`,
    },
    sql`FROM "settled" d WHERE NOT (${raw(unchanged)})`,
  )
  return sql`,
    "diff" AS (${raw(diffOf(u.f))}),
    "settled" AS (SELECT * FROM "diff" WHERE parts_same),
    "audit" AS (${audit} RETURNING 1),
    "dropped" AS (DELETE FROM "Change" c USING "settled" d WHERE c."changeSetId" = d.own
      AND c."recordType" = ${recordType} AND c."recordId" = d.id AND ${raw(unchanged)} RETURNING 1),
    "change" AS (${change} RETURNING 1),
    "counted" AS (${setVersionCounted(sql`(SELECT own FROM "settled")`, now)} RETURNING 1)`
}

/**
 * What the save changed, computed once per family: the audit event's changes and snapshot (from
 * the row before, `b`, and after, `r`), the set's change to the published record (from the
 * snapshots, `s`), and whether the statement can settle it (the caller's set holds the record, `o`).
 */
const diffs = new WeakMap<Family, string>()
function diffOf(f: Family) {
  let text = diffs.get(f)
  if (!text) {
    const fields = Object.keys(f.fields)
    text = `SELECT r.id, o.own, r.version, ${auditChanges(f, fields)} AS changes,
        ${auditSnapshot(f, [...fields, 'deletedAt'])} AS snapshot,
        ${netAction} AS action, ${snapshotChanges(fields)} AS fields,
        (s.published->'row'->>'version')::int AS base,
        ${f.within === 'none' ? `'{}'::int[]` : `COALESCE(s.path, '{}')`} AS path,
        ${partsAsPublished} AS parts_same
      FROM "updated" r, "before" b, "saved" s, (SELECT min(h.id) AS own FROM "holding" h) o
      WHERE o.own IS NOT NULL`
    diffs.set(f, text)
  }
  return text
}

/** A column's value as audit.ts's auditValue stores it: dates as ISO strings, decimals as Prisma prints them. */
function auditValue(type: string | undefined, value: string) {
  switch (type) {
    case 'DateTime':
      return `COALESCE(to_jsonb(to_char(${value}::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), 'null'::jsonb)`
    case 'Decimal':
      return `COALESCE(to_jsonb(trim_scale(${value})::text), 'null'::jsonb)`
    default:
      return `COALESCE(to_jsonb(${value}), 'null'::jsonb)`
  }
}

/** The Prisma type of a column (a coordinate may be a Decimal, a date a DateTime). */
const typeOf = (f: Family, name: string) =>
  datamodel().datamodel.models[f.typename]?.fields.find((field) => field.name === name)?.type

/** audit.ts's diffRecords of the row before (`b`) and after (`r`). */
function auditChanges(f: Family, fields: string[]) {
  const values = fields.map(
    (name) =>
      `(${literal(name)}, ${auditValue(typeOf(f, name), column('b', name))}, ${auditValue(typeOf(f, name), column('r', name))})`,
  )
  return `(SELECT COALESCE(jsonb_object_agg(x.k, jsonb_build_object('before', x.was, 'after', x.now)), '{}'::jsonb)
    FROM (VALUES ${values.join(', ')}) x(k, was, now) WHERE x.was IS DISTINCT FROM x.now)`
}

/** audit.ts's snapshotOf the row after (`r`); in pieces, as a function takes at most 100 arguments. */
function auditSnapshot(f: Family, fields: string[]) {
  const pieces: string[] = []
  for (let i = 0; i < fields.length; i += 40) {
    const pairs = fields
      .slice(i, i + 40)
      .map((name) => `${literal(name)}, ${auditValue(typeOf(f, name), column('r', name))}`)
    pieces.push(`jsonb_build_object(${pairs.join(', ')})`)
  }
  return pieces.join(' || ')
}

/** governance/diff.ts's action of the working snapshot on the published one (`s`). */
const netAction = `CASE WHEN s.published IS NULL THEN 'CREATE'
  WHEN s.published->'row'->>'deletedAt' IS NULL AND s.working->'row'->>'deletedAt' IS NOT NULL THEN 'DELETE'
  WHEN s.published->'row'->>'deletedAt' IS NOT NULL AND s.working->'row'->>'deletedAt' IS NULL THEN 'RESTORE'
  ELSE 'UPDATE' END`

/** governance/diff.ts's field changes between the snapshots (`s`). */
function snapshotChanges(fields: string[]) {
  const value = (copy: string) => `COALESCE(s.${copy}->'row'->k, 'null'::jsonb)`
  return `(SELECT COALESCE(jsonb_object_agg(k, jsonb_build_object('before', ${value('published')}, 'after', ${value('working')})), '{}'::jsonb)
    FROM unnest(ARRAY[${fields.map(literal).join(', ')}]::text[]) k WHERE ${value('published')} IS DISTINCT FROM ${value('working')})`
}

/** governance/diff.ts's normalizedPart, for equality: the rows without their bookkeeping, in one order. */
const normalized = (part: string) =>
  `(SELECT COALESCE(jsonb_agg(x ORDER BY x::text), '[]'::jsonb) FROM jsonb_array_elements(COALESCE(${part}, '[]'::jsonb)) p,
    LATERAL (SELECT p.value - 'id' - 'createdAt' - 'updatedAt' - 'version') y(x))`

/** Whether every part of the working snapshot is as published. */
const partsAsPublished = `NOT EXISTS (SELECT 1 FROM jsonb_each(s.working->'parts') wp
  WHERE ${normalized('wp.value')} IS DISTINCT FROM ${normalized(`s.published->'parts'->wp.key`)})`
