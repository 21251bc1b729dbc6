// Review before publication in GraphQL: change sets and their changes, the review queue, and the
// steps of review (governance/review.ts). Operators only; partners never see what is in review.
import { resolveNodes } from '@pothos/plugin-relay'
import type { Actor } from '../auth/actor.ts'
import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.ts'
import { db } from '../db.ts'
import { changeSetIdOf, OPEN_STATUSES } from '../governance/change-sets.ts'
import {
  approveChangeSet,
  createChangeSet,
  rejectChangeSet,
  submitChangeSet,
  withdrawChangeSet,
} from '../governance/review.ts'
import { mayManageOwnSet, reviewRefusal } from '../governance/rules.ts'
import { readingFromPrimary } from '../read-your-writes.ts'
import { encodeGlobalID, idOf } from '../records/ids.ts'
import { ChangeSetOrigin, ChangeSetStatus } from './enums.ts'

builder.prismaObject('Change', {
  description: 'What a change set does to one record: its fields as published beside its fields as changed.',
  fields: (t) => ({
    recordType: t.exposeString('recordType', { description: 'Type of the record.' }),
    recordId: t.id({
      description: 'Global ID of the record.',
      resolve: (change) => encodeGlobalID(change.recordType, change.recordId),
    }),
    action: t.exposeString('action', {
      description: 'The net effect on the published record: CREATE, UPDATE, DELETE or RESTORE.',
    }),
    fields: t.expose('fields', {
      type: 'JSON',
      description:
        'Changed fields (and parts, e.g. prices): { field: { before, after } }, before as published (null for a new record).',
    }),
    baseVersion: t.exposeInt('baseVersion', {
      nullable: true,
      description: 'The published version the change was made against; null for a record never published.',
    }),
    version: t.exposeInt('version', { description: 'The working version the change leaves.' }),
    record: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description: 'The record as it stands in the working copy (null once removed).',
      resolve: async (change, _args, ctx, info) => {
        const [record] = await resolveNodes(builder, ctx, info, [
          { typename: change.recordType, id: String(change.recordId) },
        ])
        return (record ?? null) as never
      },
    }),
    changeSet: t.relation('changeSet', { description: 'The set the change belongs to.' }),
  }),
})

builder.prismaNode('ChangeSet', {
  id: { field: 'id' },
  nullable: true,
  authScopes: { operator: true },
  description:
    'Changes reviewed and published together: one form save, one import, or several edits submitted with a note.',
  fields: (t) => ({
    status: t.expose('status', { type: ChangeSetStatus.ref, description: 'Where the set stands in review.' }),
    origin: t.expose('origin', { type: ChangeSetOrigin.ref, description: 'How the set came about.' }),
    note: t.exposeString('note', { nullable: true, description: 'The author’s words on what the set does.' }),
    authorName: t.exposeString('authorName', { description: 'Who made the changes.' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true, description: 'When sent for review.' }),
    reviewedAt: t.expose('reviewedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When approved or rejected.',
    }),
    reviewerName: t.exposeString('reviewerName', { nullable: true, description: 'Who approved or rejected it.' }),
    reviewReason: t.exposeString('reviewReason', {
      nullable: true,
      description: 'Why the reviewer rejected it (or a note on the approval).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the set was begun.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the set last changed.' }),
    version: t.exposeInt('version', {
      description: 'Increases whenever the set changes; pass it to submit, approve, reject or withdraw.',
    }),
    changeCount: t.relationCount('changes', { description: 'How many records the set changes.' }),
    changes: t.relation('changes', {
      description: 'What the set does to each record, in the order the records joined it.',
      query: { orderBy: { id: 'asc' } },
    }),
    canReview: t.boolean({
      description: 'Whether you may approve or reject this set now (a reviewer, not its author, within your division).',
      select: { status: true, authorId: true, changes: { select: { divisionPath: true } } },
      resolve: (set, _args, ctx) => set.status === 'PENDING' && reviewRefusal(ctx.actor, set) === null,
    }),
    canManage: t.boolean({
      description: 'Whether you may submit, amend or withdraw this set now (its author or an admin, while it is open).',
      select: { status: true, authorId: true },
      resolve: (set, _args, ctx) =>
        (OPEN_STATUSES as readonly string[]).includes(set.status) && mayManageOwnSet(ctx.actor, set),
    }),
    history: t.prismaField({
      type: ['AuditEvent'],
      description: 'Submissions, approvals, rejections and withdrawals of the set, oldest first.',
      select: { id: true },
      resolve: (query, set) =>
        db().auditEvent.findMany({
          ...query,
          where: { recordType: 'ChangeSet', recordId: set.id },
          orderBy: { id: 'asc' },
        }),
    }),
  }),
})

const ChangeSetFilter = builder.inputType('ChangeSetFilter', {
  description: 'Which change sets to list; all given conditions hold.',
  fields: (t) => ({
    status: t.field({ type: [ChangeSetStatus.ref], description: 'Only sets in one of these states.' }),
    mine: t.boolean({ description: 'Only your own sets.' }),
    reviewable: t.boolean({
      description: 'Only sets awaiting review that you may review (the review queue, 待审核).',
    }),
    authorName: t.string({ description: 'Only sets by this operator.' }),
    withinDivision: t.id({ description: 'Only sets changing a record in this division or beneath it.' }),
    submittedBefore: t.field({ type: 'DateTime', description: 'Only sets submitted before this moment (their age).' }),
    submittedAfter: t.field({ type: 'DateTime', description: 'Only sets submitted after this moment.' }),
  }),
})

builder.queryField('changeSets', (t) =>
  t.prismaConnection(
    {
      type: 'ChangeSet',
      cursor: 'id',
      authScopes: { operator: true },
      description: `Change sets, the longest waiting first (operators). Pages of ${DEFAULT_PAGE_SIZE}, up to ${MAX_PAGE_SIZE}.`,
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: MAX_PAGE_SIZE,
      args: { where: t.arg({ type: ChangeSetFilter, description: 'Which sets.' }) },
      totalCount: (_parent, args, ctx) => db().changeSet.count({ where: changeSetWhere(args.where ?? {}, ctx) }),
      resolve: (query, _parent, args, ctx) =>
        db().changeSet.findMany({
          ...query,
          where: changeSetWhere(args.where ?? {}, ctx),
          orderBy: [{ submittedAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
        }),
    },
    { description: 'A page of change sets.' },
    { description: 'A change set in a page.' },
  ),
)

function changeSetWhere(
  filter: {
    status?: string[] | null
    mine?: boolean | null
    reviewable?: boolean | null
    authorName?: string | null
    withinDivision?: string | number | null
    submittedBefore?: Date | null
    submittedAfter?: Date | null
  },
  ctx: { actor: Actor },
) {
  const me = ctx.actor.kind === 'user' ? ctx.actor.userId : -1
  const scope = ctx.actor.kind === 'user' ? ctx.actor.scopeDivisionId : null
  const and: Record<string, unknown>[] = []
  if (filter.status?.length) and.push({ status: { in: filter.status } })
  if (filter.mine) and.push({ authorId: me })
  if (filter.reviewable) {
    and.push({ status: 'PENDING', NOT: { authorId: me }, changes: { some: {} } })
    if (scope != null) and.push({ changes: { every: { divisionPath: { has: scope } } } })
  }
  if (filter.authorName) and.push({ authorName: filter.authorName })
  if (filter.withinDivision != null) {
    and.push({ changes: { some: { divisionPath: { has: idOf(String(filter.withinDivision), 'Division') ?? -1 } } } })
  }
  if (filter.submittedBefore) and.push({ submittedAt: { lt: filter.submittedBefore } })
  if (filter.submittedAfter) and.push({ submittedAt: { gt: filter.submittedAfter } })
  return and.length > 0 ? { AND: and } : {}
}

/** The set after a step, read from the primary with the caller's selection. */
const reread = (query: object, id: number) =>
  readingFromPrimary(() => db().changeSet.findUniqueOrThrow({ ...query, where: { id } }))

builder.mutationField('createChangeSet', (t) =>
  t.prismaField({
    type: 'ChangeSet',
    authScopes: { editor: true },
    description:
      'Begins a change set (DRAFT) to gather several changes in: pass its ID as `changeSet` to each change, then submit it.',
    args: { note: t.arg.string({ description: 'What the changes are for (≤ 2000 characters).' }) },
    resolve: async (query, _root, args, ctx) => reread(query, (await createChangeSet(ctx, args.note)).id),
  }),
)

builder.mutationField('submitChangeSet', (t) =>
  t.prismaField({
    type: 'ChangeSet',
    authScopes: { editor: true },
    description: 'Sends a draft (or a rejected, amended) set for review. Its author or an admin.',
    args: {
      id: t.arg.id({ required: true, description: 'Global ID of the ChangeSet.' }),
      version: t.arg.int({
        required: true,
        description: 'The version of the set you last saw; CONFLICT if it has changed since.',
      }),
      note: t.arg.string({ description: 'What the changes are for (≤ 2000 characters).' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = changeSetIdOf(args.id, ctx.locale)
      await submitChangeSet(ctx, id, args.version, args.note)
      return reread(query, id)
    },
  }),
)

builder.mutationField('approveChangeSet', (t) =>
  t.prismaField({
    type: 'ChangeSet',
    authScopes: { reviewer: true },
    description:
      'Approves a set awaiting review: every record it changes is published. Reviewers and admins, never for their own set (SELF_REVIEW); NOT_PENDING unless awaiting review; CONFLICT when the set, or a published record, changed since; PERIOD_LOCKED; REFERENCE_NOT_PUBLISHED.',
    args: {
      id: t.arg.id({ required: true, description: 'Global ID of the ChangeSet.' }),
      version: t.arg.int({
        required: true,
        description: 'The version of the set you last saw; CONFLICT if it has changed since.',
      }),
      reason: t.arg.string({ description: 'A note on the approval (≤ 1000 characters).' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = changeSetIdOf(args.id, ctx.locale)
      await approveChangeSet(ctx, id, args.version, args.reason)
      return reread(query, id)
    },
  }),
)

builder.mutationField('rejectChangeSet', (t) =>
  t.prismaField({
    type: 'ChangeSet',
    authScopes: { reviewer: true },
    description: 'Returns a set awaiting review to its author, with the reason (required). Never one’s own set.',
    args: {
      id: t.arg.id({ required: true, description: 'Global ID of the ChangeSet.' }),
      version: t.arg.int({
        required: true,
        description: 'The version of the set you last saw; CONFLICT if it has changed since.',
      }),
      reason: t.arg.string({ required: true, description: 'Why: the author reads it (≤ 1000 characters).' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = changeSetIdOf(args.id, ctx.locale)
      await rejectChangeSet(ctx, id, args.version, args.reason)
      return reread(query, id)
    },
  }),
)

builder.mutationField('withdrawChangeSet', (t) =>
  t.prismaField({
    type: 'ChangeSet',
    authScopes: { editor: true },
    description:
      'Takes back an open set: its changes are undone (records put back as published; records never published removed). Its author or an admin.',
    args: {
      id: t.arg.id({ required: true, description: 'Global ID of the ChangeSet.' }),
      version: t.arg.int({
        required: true,
        description: 'The version of the set you last saw; CONFLICT if it has changed since.',
      }),
      reason: t.arg.string({ description: 'Why, for the audit trail (≤ 1000 characters).' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = changeSetIdOf(args.id, ctx.locale)
      await withdrawChangeSet(ctx, id, args.version, args.reason)
      return reread(query, id)
    },
  }),
)
