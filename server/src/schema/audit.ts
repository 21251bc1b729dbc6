// The audit trail and the trash.
import { RECORD_MODELS } from '@minsheng/db'
import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.ts'
import { db } from '../db.ts'
import { family } from '../records/family.ts'
import { encodeGlobalID, idOf } from '../records/ids.ts'
import { AuditAction } from './enums.ts'

// The record types with an audit trail: the record families of the data model.
export const RECORD_TYPES = RECORD_MODELS

export const RecordType = builder.enumType('RecordType', {
  description: 'The kinds of record the hub keeps.',
  values: Object.fromEntries(RECORD_TYPES.map((name) => [name, { value: name, description: `${name} records.` }])),
})

builder.prismaObject('AuditEvent', {
  description: 'One change to one record: who, when, what changed (before and after), and why.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Sequence number of the event.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When the change was committed.' }),
    actorKind: t.exposeString('actorKind', { description: 'USER, API_KEY or SYSTEM.' }),
    actorName: t.exposeString('actorName', { description: 'Username or key name at the time.' }),
    requestId: t.exposeString('requestId', { nullable: true, description: 'The request that made the change.' }),
    recordType: t.exposeString('recordType', { description: 'Type of the changed record.' }),
    recordId: t.id({
      description: 'Global ID of the changed record.',
      resolve: (event) => encodeGlobalID(event.recordType, event.recordId),
    }),
    action: t.field({ type: AuditAction.ref, description: 'What the change did.', resolve: (event) => event.action }),
    changes: t.expose('changes', { type: 'JSON', description: 'Changed fields: { field: { before, after } }.' }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why, in the operator’s words.' }),
    version: t.exposeInt('version', { nullable: true, description: 'Version of the record after the change.' }),
    snapshot: t.expose('snapshot', {
      type: 'JSON',
      nullable: true,
      description: 'All fields of the record after the change (what "restore this version" returns to).',
    }),
  }),
})

builder.queryField('auditEvents', (t) =>
  t.prismaConnection(
    {
      type: 'AuditEvent',
      cursor: 'id',
      authScopes: { admin: true },
      description: `The audit trail, newest first (admins). ${`Pages of ${DEFAULT_PAGE_SIZE}, up to ${MAX_PAGE_SIZE}.`}`,
      maxSize: MAX_PAGE_SIZE,
      defaultSize: DEFAULT_PAGE_SIZE,
      args: {
        recordType: t.arg({ type: RecordType, description: 'Only changes to this type of record.' }),
        recordId: t.arg.id({ description: 'Only changes to this record (global ID).' }),
        actorName: t.arg.string({ description: 'Only changes by this username or key name.' }),
        from: t.arg({ type: 'DateTime', description: 'Only changes at or after this moment.' }),
        to: t.arg({ type: 'DateTime', description: 'Only changes before this moment.' }),
      },
      totalCount: (_parent, args) => db().auditEvent.count({ where: auditWhere(args) }),
      resolve: (query, _parent, args) =>
        db().auditEvent.findMany({ ...query, where: auditWhere(args), orderBy: { id: 'desc' } }),
    },
    { description: 'A page of audit events.' },
    { description: 'An audit event in a page.' },
  ),
)

/** Types whose steps are audited: the records, and review's own objects (their IDs work in `recordId`). */
const AUDITED_TYPES = [...RECORD_TYPES, 'ChangeSet', 'PeriodLock']

function auditWhere(args: {
  recordType?: string | null
  recordId?: string | number | null
  actorName?: string | null
  from?: Date | null
  to?: Date | null
}) {
  const where: Record<string, unknown> = {}
  if (args.recordType) where.recordType = args.recordType
  if (args.recordId != null) {
    const type = args.recordType ?? AUDITED_TYPES.find((name) => idOf(String(args.recordId), name) !== undefined)
    where.recordType = type ?? '—'
    where.recordId = type ? idOf(String(args.recordId), type) : -1
  }
  if (args.actorName) where.actorName = args.actorName
  if (args.from || args.to) where.at = { ...(args.from ? { gte: args.from } : {}), ...(args.to ? { lt: args.to } : {}) }
  return where
}

interface TrashItem {
  recordType: string
  id: number
  nameZh: string
  nameEn: string | null
  deletedAt: Date
  version: number
  deletedBy: string | null
}

const TrashItemRef = builder.objectRef<TrashItem>('TrashItem').implement({
  description: 'A record in the trash.',
  fields: (t) => ({
    // Its own ID, not the record's: a client that caches by ID (Relay, Apollo) must not take the
    // trash entry and the record for one object of two types.
    id: t.id({
      description: 'Global ID of this entry of the trash.',
      resolve: (item) => encodeGlobalID('TrashItem', `${item.recordType}:${item.id}`),
    }),
    recordId: t.id({
      description: 'Global ID of the record: pass it to restore or purge.',
      resolve: (item) => encodeGlobalID(item.recordType, item.id),
    }),
    recordType: t.field({
      type: RecordType,
      description: 'Type of the record.',
      resolve: (item) => item.recordType as never,
    }),
    nameZh: t.exposeString('nameZh', { description: 'Chinese name.' }),
    nameEn: t.exposeString('nameEn', { nullable: true, description: 'English name.' }),
    deletedAt: t.expose('deletedAt', { type: 'DateTime', description: 'When it was moved to the trash.' }),
    version: t.exposeInt('version', { description: 'Pass it to restore or purge.' }),
    deletedBy: t.exposeString('deletedBy', { nullable: true, description: 'Who moved it to the trash.' }),
  }),
})

builder.queryField('trash', (t) =>
  t.field({
    type: [TrashItemRef],
    authScopes: { editor: true },
    description: 'Records in the trash, most recently deleted first (editors). Restore or (admins) purge them.',
    args: {
      recordType: t.arg({ type: RecordType, description: 'Only records of this type.' }),
      first: t.arg.int({ description: `How many (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` }),
    },
    resolve: async (_root, args) => {
      const take = Math.min(Math.max(args.first ?? DEFAULT_PAGE_SIZE, 0), MAX_PAGE_SIZE)
      const types = args.recordType ? [args.recordType as string] : [...RECORD_TYPES]
      const lists = await Promise.all(
        types.map(async (recordType) => {
          // biome-ignore lint/suspicious/noExplicitAny: the delegate is chosen by record type
          const delegate = (db() as any)[family(recordType).delegate]
          const rows = await delegate.findMany({
            where: { deletedAt: { not: null } },
            orderBy: { deletedAt: 'desc' },
            take,
            select: { id: true, nameZh: true, nameEn: true, deletedAt: true, version: true },
          })
          return rows.map((row: Omit<TrashItem, 'recordType' | 'deletedBy'>) => ({ ...row, recordType }))
        }),
      )
      const items = lists
        .flat()
        .sort((a, b) => b.deletedAt.getTime() - a.deletedAt.getTime())
        .slice(0, take)
      return withDeleters(items)
    },
  }),
)

/** Who moved each item to the trash: the latest DELETE event of each, in one query for the page. */
async function withDeleters(items: Omit<TrashItem, 'deletedBy'>[]): Promise<TrashItem[]> {
  if (items.length === 0) return []
  const events = await db().auditEvent.findMany({
    where: { action: 'DELETE', OR: items.map((item) => ({ recordType: item.recordType, recordId: item.id })) },
    orderBy: { id: 'desc' },
    select: { recordType: true, recordId: true, actorName: true },
  })
  const deleter = new Map<string, string>()
  for (const event of events) {
    const key = `${event.recordType}:${event.recordId}`
    if (!deleter.has(key)) deleter.set(key, event.actorName)
  }
  return items.map((item) => ({ ...item, deletedBy: deleter.get(`${item.recordType}:${item.id}`) ?? null }))
}
