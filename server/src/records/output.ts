// The object type of every record family: its described fields, timestamps and version, its
// citations and history, and whether the caller may change it.
/* biome-ignore-all lint/suspicious/noExplicitAny: field names come from the family description (see registry.ts) */
import { builder, type Context } from '../builder.ts'
import { db } from '../db.ts'
import { OPEN_STATUSES } from '../governance/change-sets.ts'
import { findQualityIssues } from '../quality/index.ts'
import { enums } from '../schema/enums.ts'
import { QualityIssueRef } from '../schema/quality.ts'
import { convertPoint, type Datum } from './bounds.ts'
import type { FieldSpec } from './fields.ts'
import type { Family } from './registry.ts'
import { divisionSelection, mayEditRecord } from './scope.ts'

const toNumber = (value: unknown) => (value == null ? null : Number(value))

/** Restricted fields read as null for callers without the restricted scope. */
const restrictedOptions = { authScopes: { restricted: true }, unauthorizedResolver: () => null }

export function enumRef(name: string) {
  const found = (enums as Record<string, { ref: unknown }>)[name]
  if (!found) throw new Error(`No GraphQL enum ${name}`)
  return found.ref
}

function outputField(t: any, f: Family, name: string, spec: FieldSpec) {
  const description = spec.restricted ? `${spec.description} Restricted.` : spec.description
  const common = { nullable: !spec.required, description, ...(spec.restricted ? restrictedOptions : {}) }
  switch (spec.kind) {
    case 'text':
      return t.exposeString(name, common)
    case 'textList':
      return t.exposeStringList(name, { description })
    case 'int':
      return t.expose(name, { type: (spec.min ?? -1) >= 0 ? 'NonNegativeInt' : 'Int', ...common })
    case 'decimal':
      return t.expose(name, { type: 'Decimal', ...common })
    case 'date':
      return t.expose(name, { type: 'Date', ...common })
    case 'enum':
      return t.expose(name, { type: enumRef(spec.enumName), ...common })
    case 'coordinate': {
      const rule = f.options.restrictCoordinates
      return t.field({
        type: spec.axis === 'latitude' ? 'Latitude' : 'Longitude',
        nullable: true,
        description: rule ? `${description} ${rule.description}` : description,
        select: { [name]: true, ...(rule?.select ?? {}) },
        ...(rule
          ? {
              authScopes: (parent: any) => (rule.when(parent) ? { restricted: true } : true),
              unauthorizedResolver: () => null,
            }
          : {}),
        resolve: (parent: any) => toNumber(parent[name]),
      })
    }
    case 'ref':
      return undefined
  }
}

interface Coordinates {
  latitude: number
  longitude: number
  datum: Datum
}

let coordinatesRef: ReturnType<typeof defineCoordinates> | undefined
function defineCoordinates() {
  return builder.objectRef<Coordinates>('Coordinates').implement({
    description: 'A location in a stated datum.',
    fields: (t) => ({
      latitude: t.field({ type: 'Latitude', description: 'Latitude in degrees.', resolve: (c) => c.latitude }),
      longitude: t.field({ type: 'Longitude', description: 'Longitude in degrees.', resolve: (c) => c.longitude }),
      datum: t.field({
        type: enumRef('CoordinateDatum') as never,
        description: 'The datum of these figures.',
        resolve: (c) => c.datum as never,
      }),
    }),
  })
}

/**
 * The record's location in the datum the caller asks for (gcoord converts GCJ-02 and WGS-84), so a
 * map in either datum places it right; restricted like the latitude and longitude themselves.
 */
function coordinatesField(t: any, f: Family) {
  coordinatesRef ??= defineCoordinates()
  const rule = f.options.restrictCoordinates
  return t.field({
    type: coordinatesRef,
    nullable: true,
    description: `Where the record is, converted to the datum asked for (records without a stated datum are read as WGS84); null without coordinates.${rule ? ` ${rule.description}` : ''}`,
    args: {
      datum: t.arg({
        type: enumRef('CoordinateDatum'),
        defaultValue: 'WGS84',
        description: 'The datum to give the location in; WGS84 by default.',
      }),
    },
    select: { latitude: true, longitude: true, datum: true, ...(rule?.select ?? {}) },
    ...(rule
      ? {
          authScopes: (parent: any) => (rule.when(parent) ? { restricted: true } : true),
          unauthorizedResolver: () => null,
        }
      : {}),
    resolve: (parent: any, args: { datum: Datum }) => {
      if (parent.latitude == null || parent.longitude == null) return null
      const stated: Datum = parent.datum === 'GCJ02' ? 'GCJ02' : 'WGS84'
      const [longitude, latitude] = convertPoint(
        [Number(parent.longitude), Number(parent.latitude)],
        stated,
        args.datum,
      )
      // Six decimals, as stored (about 0.1 m).
      const round = (value: number) => Math.round(value * 1e6) / 1e6
      return { latitude: round(latitude), longitude: round(longitude), datum: args.datum }
    },
  })
}

/** The family's scalar fields, timestamps, version, history, `canEdit` and (where the model has them) citations. */
export function recordFields(t: any, f: Family, { citations = true } = {}) {
  const out: Record<string, any> = {}
  for (const [name, spec] of Object.entries(f.fields)) {
    const field = outputField(t, f, name, spec)
    if (field) out[name] = field
  }
  if (f.fields.latitude?.kind === 'coordinate') out.coordinates = coordinatesField(t, f)
  out.createdAt = t.expose('createdAt', { type: 'DateTime', description: 'When the record was created.' })
  out.updatedAt = t.expose('updatedAt', { type: 'DateTime', description: 'When the record last changed.' })
  out.version = t.exposeInt('version', {
    description: 'Increases with every change; pass it to update and delete to detect concurrent edits.',
  })
  out.deletedAt = t.expose('deletedAt', {
    type: 'DateTime',
    nullable: true,
    description: 'When the record was moved to the trash; null while it is live.',
  })
  if (citations) {
    out.citations = t.relation('citations', {
      description: 'Where the figures of this record come from: one citation per cited field.',
      query: { orderBy: { id: 'asc' } },
    })
  }
  out.history = t.loadableList({
    type: 'AuditEvent',
    authScopes: { operator: true },
    unauthorizedResolver: () => [],
    description: 'Every change to this record, newest first, with who made it and the fields changed (operators only).',
    select: { id: true },
    // One query for the histories of every record of a page, not one per record.
    load: (ids: number[]) => historiesOf(f.typename, ids),
    resolve: (parent: any) => parent.id,
  })
  out.pendingChanges = t.loadableList({
    type: 'Change',
    authScopes: { operator: true },
    unauthorizedResolver: () => [],
    description:
      'Changes to this record not yet published: in a change set being drafted, awaiting review or returned to its author (operators only).',
    select: { id: true },
    // One open set at most holds a record, with one change for it: the cost plugin counts one.
    extensions: { maxItems: 1 },
    load: (ids: number[]) => pendingChangesOf(f.typename, ids),
    resolve: (parent: any) => parent.id,
  })
  out.qualityIssues = t.loadableList({
    type: QualityIssueRef,
    authScopes: { operator: true },
    unauthorizedResolver: () => [],
    description:
      'What the data-quality rules find on this record in the working copy: errors (which block a save) and warnings (operators only). Select it on a mutation’s result to see the warnings a save left.',
    select: { id: true },
    // One run of the rules for every record of a page, not one per record.
    load: (ids: number[]) => qualityIssuesOf(f.typename, ids),
    resolve: (parent: any) => parent.id,
  })
  out.canEdit = t.boolean({
    description:
      'Whether the caller may change this record: editors and admins, within their division when they have one.',
    select: divisionSelection(f),
    resolve: (parent: any, _args: unknown, ctx: Context) => mayEditRecord(ctx.actor, f, parent),
  })
  return out
}

async function historiesOf(recordType: string, ids: readonly number[]) {
  const events = await db().auditEvent.findMany({
    where: { recordType, recordId: { in: [...ids] } },
    orderBy: { id: 'desc' },
  })
  const byRecord = new Map<number, typeof events>(ids.map((id) => [id, []]))
  for (const event of events) byRecord.get(event.recordId)?.push(event)
  return ids.map((id) => byRecord.get(id) ?? [])
}

async function qualityIssuesOf(recordType: string, ids: readonly number[]) {
  const issues = await findQualityIssues(db(), { records: new Map([[recordType, ids]]) })
  return ids.map((id) => issues.filter((issue) => issue.recordType === recordType && issue.recordId === id))
}

async function pendingChangesOf(recordType: string, ids: readonly number[]) {
  const changes = await db().change.findMany({
    where: { recordType, recordId: { in: [...ids] }, changeSet: { status: { in: [...OPEN_STATUSES] } } },
    orderBy: { id: 'asc' },
  })
  return ids.map((id) => changes.filter((change) => change.recordId === id))
}

/** Options every record type's prismaNode shares: global ID, authorisation, and trash exclusion. */
export function nodeOptions(f: Family) {
  return {
    id: { field: 'id' },
    // Select mode: a request reads only the columns its fields need, not every column of every
    // row (mapping unused columns was most of the nested scenario's CPU time).
    select: { id: true },
    // node(id:) answers null for an ID that finds nothing, a record in the trash included.
    nullable: true,
    findUnique: (id: string) => ({ id: Number(id), deletedAt: null }),
    // Every path to a record of this type checks it, whatever the field that returned it.
    authScopes: { readType: f.typename },
  } as const
}

/** A to-one relation; a record the caller may not read looks like no record. */
export function link(t: any, relation: string, targetTypename: string, description: string, nullable = false) {
  return t.relation(relation, {
    description,
    nullable,
    ...(nullable ? { authScopes: { readType: targetTypename }, unauthorizedResolver: () => null } : {}),
  })
}
