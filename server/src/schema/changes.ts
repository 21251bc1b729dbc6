// Incremental sync (增量同步): `changes`, the published changes in commit order, for partners who
// pull everything once and then only what changed. The entries come from the publication log
// (prisma/src/publication.ts); `record` is read from the published copy with the caller's rights.
import { resolveNodes } from '@pothos/plugin-relay'
import { GraphQLError } from 'graphql'
import type { Actor } from '../auth/actor.ts'
import { canRead, canReadRestricted } from '../auth/permissions.ts'
import { builder, type Context, refusal } from '../builder.ts'
import { db } from '../db.ts'
import { userInputError } from '../records/errors.ts'
import { encodeGlobalID, idOf } from '../records/ids.ts'
import { allFamilies } from '../records/registry.ts'
import {
  changesPageSize,
  DEFAULT_CHANGES_PAGE,
  decodeChangeCursor,
  encodeChangeCursor,
  type FeedAction,
  MAX_CHANGES_PAGE,
  nextSeq,
  visibleChangedFields,
} from '../rules/change-feed.ts'
import { RECORD_TYPES, RecordType } from './audit.ts'
import { AuditAction } from './enums.ts'

interface FeedEntry {
  seq: number
  at: Date
  recordType: string
  recordId: number
  action: FeedAction
  version: number | null
  changedFields: string[]
  movedOut: boolean
}

interface FeedPage {
  entries: FeedEntry[]
  hasMore: boolean
  next: number
  head: number
  after: number
}

/** Fields whose changes a caller without the restricted scope is not told of, per record type. */
const hiddenFields = (() => {
  let byType: Map<string, Set<string>> | undefined
  return (typename: string): ReadonlySet<string> => {
    byType ??= new Map(
      allFamilies().map((f) => [
        f.typename,
        new Set(
          Object.entries(f.fields)
            .filter(([, spec]) => spec.restricted || (spec.kind === 'coordinate' && f.options.restrictCoordinates))
            .map(([name]) => name),
        ),
      ]),
    )
    return byType.get(typename) ?? new Set()
  }
})()

const NONE: ReadonlySet<string> = new Set()

const PublishedChange = builder.objectRef<FeedEntry>('PublishedChange').implement({
  description:
    'One published change to one record. Apply them in order: where `record` is given, store it (it replaces your copy); where it is null, remove the record.',
  fields: (t) => ({
    action: t.field({
      type: AuditAction.ref,
      description:
        'What the change did: CREATE, UPDATE (see `changedFields`), DELETE (to the trash), RESTORE, or PURGE (a tombstone: type and ID only).',
      resolve: (e) => e.action,
    }),
    recordType: t.field({
      type: RecordType,
      description: 'Type of the record.',
      resolve: (e) => e.recordType as never,
    }),
    recordId: t.id({
      description: 'Global ID of the record (as `node(id:)` and the lists give it).',
      resolve: (e) => encodeGlobalID(e.recordType, e.recordId),
    }),
    version: t.int({
      nullable: true,
      description: 'The version published by this change; null for a purge.',
      resolve: (e) => (e.action === 'PURGE' ? null : e.version),
    }),
    at: t.field({ type: 'DateTime', description: 'When the change was published.', resolve: (e) => e.at }),
    changedFields: t.stringList({
      description:
        'The fields this change published anew (empty when the record was first published, and for a purge). Restricted fields are named only to callers who may read them.',
      resolve: (e, _args, ctx) =>
        visibleChangedFields(
          e.action,
          e.changedFields,
          canReadRestricted(ctx.actor) ? NONE : hiddenFields(e.recordType),
        ),
    }),
    movedOut: t.boolean({
      description:
        'The record moved out of the division you follow (`withinDivision`, or the division you are limited to) with this change: remove it from your copy. Its later changes are not listed unless it comes back.',
      resolve: (e) => e.movedOut,
    }),
    record: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description:
        'The record as it is published when you read this page (a later change to it follows in a later page), with your rights on its fields; null when it is trashed, purged, moved out of your division, or not yours to read — then remove it from your copy.',
      resolve: async (e, _args, ctx, info) => {
        if (e.action === 'DELETE' || e.action === 'PURGE' || e.movedOut) return null
        if (!canRead(ctx.actor, e.recordType, ctx.auth.publicRead)) return null
        const [record] = await resolveNodes(builder, ctx, info, [{ typename: e.recordType, id: String(e.recordId) }])
        return (record ?? null) as never
      },
    }),
  }),
})

const PublishedChangeEdge = builder.objectRef<FeedEntry>('PublishedChangeEdge').implement({
  description: 'A published change and its cursor.',
  fields: (t) => ({
    cursor: t.string({
      description: 'Opaque position of this change in the feed; pass it as `after`.',
      resolve: (e) => encodeChangeCursor(e.seq),
    }),
    node: t.field({ type: PublishedChange, description: 'The change.', resolve: (e) => e }),
  }),
})

const PublishedChangeConnection = builder.objectRef<FeedPage>('PublishedChangeConnection').implement({
  description: 'A page of published changes, oldest first.',
  fields: (t) => ({
    edges: t.field({
      type: [PublishedChangeEdge],
      description: 'The changes of this page with their cursors.',
      resolve: (page) => page.entries,
    }),
    nodes: t.field({
      type: [PublishedChange],
      description: 'The changes of this page, without edges.',
      resolve: (page) => page.entries,
    }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      description: 'Whether more changes follow this page.',
      resolve: (page) => ({
        hasNextPage: page.hasMore,
        hasPreviousPage: page.after > 0,
        startCursor: page.entries[0] ? encodeChangeCursor(page.entries[0].seq) : null,
        endCursor: page.entries.at(-1) ? encodeChangeCursor((page.entries.at(-1) as FeedEntry).seq) : null,
      }),
    }),
    nextCursor: t.string({
      description:
        'Store this and pass it as `after` next time: after the last change of this page while more follow, otherwise the end of the feed as this page saw it (so changes your filters leave out are not looked through again). Never skips a change that commits later.',
      resolve: (page) => encodeChangeCursor(page.next),
    }),
    headCursor: t.string({
      description:
        'The end of the whole feed when this page was read. A first full pull stores it before paging through the lists, then continues from it with `changes`.',
      resolve: (page) => encodeChangeCursor(Math.max(page.head, page.after)),
    }),
  }),
})

/** The record types the caller asked for, each one they may read; all they may read when none. */
function feedTypes(ctx: Context, types: readonly string[] | null | undefined): string[] {
  const { actor, auth, locale } = ctx
  if (actor.kind === 'anonymous' && !auth.publicRead) throw refusal(ctx)
  if (!types) return RECORD_TYPES.filter((type) => canRead(actor, type, auth.publicRead))
  const unreadable = types.filter((type) => !canRead(actor, type, auth.publicRead))
  if (unreadable.length > 0) {
    throw new GraphQLError(
      locale === 'zh'
        ? `您无权读取这些类型的记录：${unreadable.join('、')}。`
        : `You may not read records of these types: ${unreadable.join(', ')}.`,
      { extensions: { code: 'FORBIDDEN' } },
    )
  }
  return [...new Set(types)]
}

/** Divisions every listed record must lie in (or have lain in, just before it moved out). */
function feedDivisions(ctx: Context, actor: Actor, withinDivision: string | null | undefined): number[] {
  const divisions: number[] = []
  if (actor.kind === 'user' && actor.scopeDivisionId != null) divisions.push(actor.scopeDivisionId)
  if (withinDivision != null) {
    const id = idOf(withinDivision, 'Division')
    if (id === undefined) {
      const message = ctx.locale === 'zh' ? '不是行政区划的全局 ID。' : 'Not a global ID of a Division.'
      throw userInputError(message, [{ field: 'withinDivision', code: 'invalid_id', message }])
    }
    divisions.push(id)
  }
  return divisions
}

/**
 * One page of the log after `after`, and the end of the log, in one statement: PostgreSQL reads
 * both in the same snapshot, so the end seen is never past a change the page could have missed.
 * A record that moved out of the divisions is listed once more (as moved out); a purge's
 * tombstone keeps the record's last place.
 */
async function readFeed(after: number, types: string[], divisions: number[], limit: number): Promise<FeedPage> {
  const rows = await db().$queryRawUnsafe<
    (Omit<FeedEntry, 'action' | 'seq'> & { seq: number | null; action: string; head: number; moved_out: boolean })[]
  >(
    `SELECT (SELECT COALESCE(max(seq), 0) FROM "Publication") AS head,
            c.seq, c.at, c."recordType", c."recordId", c.action, c.version, c."changedFields", c.moved_out
     FROM (SELECT 1) AS one
     LEFT JOIN LATERAL (
       SELECT p.seq, p.at, p."recordType", p."recordId", p.action::text AS action, p.version, p."changedFields",
              (cardinality($3::int[]) > 0 AND NOT p."divisionPath" @> $3::int[]) AS moved_out
       FROM "Publication" p
       WHERE p.seq > $1 AND p."recordType" = ANY($2::text[])
         AND (cardinality($3::int[]) = 0 OR p."divisionPath" @> $3::int[]
              OR (SELECT prev."divisionPath" FROM "Publication" prev
                  WHERE prev."recordType" = p."recordType" AND prev."recordId" = p."recordId" AND prev.seq < p.seq
                  ORDER BY prev.seq DESC LIMIT 1) @> $3::int[])
       ORDER BY p.seq
       LIMIT $4
     ) c ON true
     ORDER BY c.seq`,
    after,
    types,
    divisions,
    limit + 1,
  )
  const head = Number(rows[0]?.head ?? 0)
  const found = rows.filter((row) => row.seq != null)
  const hasMore = found.length > limit
  const entries: FeedEntry[] = found.slice(0, limit).map((row) => ({
    seq: Number(row.seq),
    at: row.at,
    recordType: row.recordType,
    recordId: row.recordId,
    action: row.action as FeedAction,
    version: row.version,
    changedFields: row.changedFields ?? [],
    movedOut: row.moved_out === true,
  }))
  return { entries, hasMore, head, after, next: nextSeq(after, entries.at(-1)?.seq, hasMore, head) }
}

builder.queryField('changes', (t) =>
  t.field({
    type: PublishedChangeConnection,
    description: `The published changes, oldest first, for incremental sync (增量同步): every record created, changed, trashed, restored or purged, in the order the changes were published (committed, where review is off). Resume from the \`nextCursor\` you stored: the feed never skips or repeats a change, across restarts and instances. Authorised like the lists: a key sees the types its scopes allow, a division-limited operator only their division. Pages of ${DEFAULT_CHANGES_PAGE}, up to ${MAX_CHANGES_PAGE}.`,
    // Always about the published copy: `record` is read from it, whoever asks (reading.ts).
    extensions: { readsPublished: true },
    args: {
      after: t.arg.string({
        description: 'A cursor from an earlier page (`nextCursor`); from the very start when empty.',
      }),
      types: t.arg({
        type: [RecordType],
        required: false,
        description:
          'Only changes to these types of record (each must be one you may read); all you may read when omitted.',
      }),
      withinDivision: t.arg.id({
        description: 'Only records in this division or beneath it (global ID of a Division).',
      }),
      first: t.arg.int({
        description: `Changes in the page (${DEFAULT_CHANGES_PAGE} unless given, at most ${MAX_CHANGES_PAGE}; 0 only tells where the feed stands).`,
      }),
    },
    resolve: (_root, args, ctx) => {
      const types = feedTypes(ctx, args.types)
      const divisions = feedDivisions(ctx, ctx.actor, args.withinDivision == null ? null : String(args.withinDivision))
      const limit = changesPageSize(args.first, ctx.locale)
      const after = decodeChangeCursor(args.after, ctx.locale)
      return readFeed(after, types, divisions, limit)
    },
  }),
)
