// node(id:) and nodes(ids:): any record by its global ID, with the same reading arguments (which copy
// of the records, as of when) as the lists, and the same rules of who may read what.
import { resolveNodes } from '@pothos/plugin-relay'
import { canRead, isAdmin } from '../auth/permissions.ts'
import { builder, type Context, nodeTypes, refusal } from '../builder.ts'
import { readingArgs } from '../governance/args.ts'

/**
 * Whether `node(id:)`/`nodes(ids:)` may load this record for the caller, by the same rules as the
 * lists (`users` and `apiKeys` are for admins; an operator may see their own account, as `me`). A
 * record the caller may not read answers null, exactly like one that does not exist, rather than an
 * error that would confirm it exists; an anonymous caller of a private hub is told to sign in.
 */
function mayLoadNode(ctx: Context, { typename, id }: { typename: string; id: string }) {
  if (ctx.actor.kind === 'anonymous' && !ctx.auth.publicRead) throw refusal(ctx)
  if (!nodeTypes.has(typename)) return false
  if (typename === 'User') return isAdmin(ctx.actor) || (ctx.actor.kind === 'user' && String(ctx.actor.userId) === id)
  if (typename === 'ApiKey') return isAdmin(ctx.actor)
  // What is in review, and the locks on periods, are the operators' business.
  if (typename === 'ChangeSet' || typename === 'PeriodLock') return ctx.actor.kind === 'user'
  return canRead(ctx.actor, typename, ctx.auth.publicRead)
}

builder.queryField('node', (t) =>
  t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Fetches any record by its global ID; null when there is none.',
    args: {
      id: t.arg.globalID({
        required: true,
        description: 'Global ID of the record.',
        extensions: { relayGlobalIDAlwaysParse: true },
      }),
      ...readingArgs(t),
    },
    resolve: async (_root, args, ctx, info) => {
      if (!mayLoadNode(ctx, args.id)) return null
      const [record] = await resolveNodes(builder, ctx, info, [args.id])
      return (record ?? null) as never
    },
  }),
)

builder.queryField('nodes', (t) =>
  t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: 'Fetches records by global IDs, in the same order; null for each ID that finds none.',
    args: {
      ids: t.arg.globalIDList({
        required: true,
        description: 'Global IDs of the records.',
        extensions: { relayGlobalIDAlwaysParse: true },
      }),
      ...readingArgs(t),
    },
    resolve: async (_root, args, ctx, info) => {
      const loadable = args.ids.map((id) => mayLoadNode(ctx, id))
      // Only the IDs the caller may load are loaded.
      const found = await resolveNodes(
        builder,
        ctx,
        info,
        args.ids.filter((_id, i) => loadable[i]),
      )
      let next = 0
      return args.ids.map((_id, i) => (loadable[i] ? found[next++] : null)) as never
    },
  }),
)
