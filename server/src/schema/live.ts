// Live updates: `recordChanged` tells subscribers (over Server-Sent Events) of every committed
// change to a record they could query. The events come from server/src/live/.
import { resolveNodes } from '@pothos/plugin-relay'
import { GraphQLError } from 'graphql'
import { canRead } from '../auth/permissions.ts'
import { builder, type Context, refusal } from '../builder.ts'
import { liveBus } from '../live/bus.ts'
import { type ChangeFilter, matchesFilter, mayKnowWho, mayReceive, type RecordChangeEvent } from '../live/change.ts'
import { guardedStream } from '../live/guarded-stream.ts'
import { notFoundError } from '../records/errors.ts'
import { encodeGlobalID, idOf } from '../records/ids.ts'
import { family } from '../records/registry.ts'
import { RecordType } from './audit.ts'
import { AuditAction } from './enums.ts'

builder.subscriptionType({
  description:
    'Live updates, over Server-Sent Events: POST the operation to /graphql with `Accept: text/event-stream` (GraphQL over SSE, distinct connections). The stream sends a comment line every 12 s to keep proxies from closing it.',
})

const RecordChange = builder.objectRef<RecordChangeEvent>('RecordChange').implement({
  description: 'One committed change to one record (announced only after its transaction committed).',
  fields: (t) => ({
    recordType: t.field({
      type: RecordType,
      description: 'Type of the changed record.',
      resolve: (e) => e.recordType as never,
    }),
    recordId: t.id({
      description: 'Global ID of the changed record.',
      resolve: (e) => encodeGlobalID(e.recordType, e.recordId),
    }),
    action: t.field({
      type: AuditAction.ref,
      description:
        'What the change did: CREATE, UPDATE, DELETE (to the trash), RESTORE or PURGE, as in the audit trail. An import announces each row it applied.',
      resolve: (e) => e.action,
    }),
    version: t.int({
      nullable: true,
      description: 'Version of the record after the change (its last version when purged).',
      resolve: (e) => e.version,
    }),
    divisionId: t.id({
      nullable: true,
      description: 'Global ID of the division the record belongs to (a division: itself); null for sources.',
      resolve: (e) => (e.divisionId == null ? null : encodeGlobalID('Division', e.divisionId)),
    }),
    at: t.field({ type: 'DateTime', description: 'When the change was made.', resolve: (e) => e.at }),
    who: t.string({
      nullable: true,
      description: 'Username or key name of who made the change; null unless you are a signed-in operator.',
      resolve: (e, _args, ctx) => (mayKnowWho(ctx.actor) ? e.actorName : null),
    }),
    requestId: t.string({
      nullable: true,
      description:
        'The request that made the change (its X-Request-Id), so a client can recognise its own changes; null unless you are a signed-in operator.',
      resolve: (e, _args, ctx) => (mayKnowWho(ctx.actor) ? e.requestId : null),
    }),
    record: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description:
        'The record as it is now, read with your own permissions when the event reaches you; null when it is in the trash, purged, or not yours to read.',
      resolve: async (e, _args, ctx, info) => {
        if (e.action === 'DELETE' || e.action === 'PURGE') return null
        if (!canRead(ctx.actor, e.recordType, ctx.auth.publicRead)) return null
        const [record] = await resolveNodes(builder, ctx, info, [{ typename: e.recordType, id: String(e.recordId) }])
        return (record ?? null) as never
      },
    }),
  }),
})

/** The subscriber's filter, refused like the matching query would be. */
function changeFilter(ctx: Context, args: { types?: readonly string[] | null; divisionId?: string | null }) {
  const { actor, auth, locale } = ctx
  if (actor.kind === 'anonymous' && !auth.publicRead) throw refusal(ctx)
  const unreadable = (args.types ?? []).filter((type) => !canRead(actor, type, auth.publicRead))
  if (unreadable.length > 0) {
    throw new GraphQLError(
      locale === 'zh'
        ? `您无权读取这些类型的记录：${unreadable.join('、')}。`
        : `You may not read records of these types: ${unreadable.join(', ')}.`,
      { extensions: { code: 'FORBIDDEN' } },
    )
  }
  const result: ChangeFilter = { types: args.types }
  if (args.divisionId != null) {
    result.divisionId = idOf(args.divisionId, 'Division')
    if (result.divisionId === undefined) throw notFoundError(family('Division'), args.divisionId, locale)
  }
  return result
}

builder.subscriptionField('recordChanged', (t) =>
  t.field({
    type: RecordChange,
    description:
      'Every change to a record you could query, from the moment you subscribe: created, changed, trashed, restored, purged. Operators hear of changes to the working copy as they are saved; partner keys and anonymous callers hear of changes as they are published (approved in review). Anonymous callers may subscribe only when the hub is public (PUBLIC_READ); keys hear of the types their scopes allow. The stream ends with UNAUTHENTICATED when its key is revoked or expires, its session ends or its account is disabled, and with ACCESS_CHANGED when its role, division or scopes change.',
    args: {
      types: t.arg({
        type: [RecordType],
        required: false,
        description: 'Only changes to these types of record (each must be one you may read); all when omitted.',
      }),
      divisionId: t.arg.id({
        required: false,
        description: 'Only records in this division or anywhere beneath it (global ID of a Division).',
      }),
    },
    subscribe: async (_root, args, ctx) => {
      const wanted = changeFilter(ctx, {
        types: args.types,
        divisionId: args.divisionId ? String(args.divisionId) : null,
      })
      const bus = await liveBus()
      // Ends, with the reason, once the caller's key, session or account no longer allows it.
      // Subscribers to the published copy hear of publications; operators, of their working copy.
      return guardedStream(
        bus,
        ctx.actor,
        ctx.auth.session,
        ctx.locale,
        (event) =>
          event.published === (ctx.reading.view === 'PUBLISHED') &&
          mayReceive(ctx.actor, ctx.auth.publicRead, event) &&
          matchesFilter(event, wanted),
      )
    },
    resolve: (event) => event,
  }),
)
