// create/update/delete/restore/purge for every record family: the GraphQL face of the write path
// (write.ts), each change in a transaction of its own whose changes are announced once it commits.
/* biome-ignore-all lint/suspicious/noExplicitAny: field names come from the family description (see registry.ts) */
import { builder, type Context } from '../builder.ts'
import { changeSetIdOf } from '../governance/change-sets.ts'
import { publishingTransaction } from '../live/after-commit.ts'
import { withArticle } from './article.ts'
import { translateWriteError } from './errors.ts'
import { defineInput } from './inputs.ts'
import type { Family, Tx } from './registry.ts'
import {
  createRecord,
  parseRecordInput,
  purgeRecord,
  type RecordRef,
  requireId,
  restoreRecord,
  trashRecord,
  updateRecord,
  updatesInSqlOnly,
  type Writer,
} from './write.ts'

const reasonArg = (t: any) =>
  t.arg.string({ description: 'Why the change is made, in your words; kept in the audit trail (≤ 1000 characters).' })

const changeSetArg = (t: any) =>
  t.arg.id({
    description:
      'Add this change to one of your open change sets (global ID of a ChangeSet), to submit it with others; a change set of its own, sent for review at once, when omitted.',
  })

const versionArg = (t: any) =>
  t.arg.int({
    required: true,
    description: 'The version you last saw; the change is refused with CONFLICT if the record has changed since.',
  })

export function addMutations(f: Family) {
  const createInput = defineInput(f, 'create')
  const updateInput = defineInput(f, 'update')
  const T = f.typename
  const idArg = (t: any) => t.arg.id({ required: true, description: `Global ID of the ${T}.` })
  const refOf = (args: { id: unknown; version: number }, ctx: Context): RecordRef => ({
    id: requireId(String(args.id), f, ctx.locale),
    globalId: String(args.id),
    version: args.version,
  })
  /** One change in a transaction of its own, database refusals translated into typed errors. */
  const run = <R>(
    action: 'create' | 'update' | 'delete',
    ctx: Context,
    args: { reason?: string | null; changeSet?: unknown },
    work: (w: Writer) => Promise<R>,
    sqlOnly?: (w: Omit<Writer, 'tx'>) => boolean,
  ) => {
    const changeSet =
      args.changeSet == null ? undefined : { origin: 'BATCH' as const, id: changeSetIdOf(args.changeSet, ctx.locale) }
    const writer = { ctx, reason: args.reason, changeSet }
    return publishingTransaction((tx: Tx) => work({ tx, ...writer }), {
      timeout: 20_000,
      sqlOnly: sqlOnly?.(writer),
    }).catch((error: unknown) => translateWriteError(error, f, action, ctx.locale))
  }

  builder.mutationField(`create${T}`, (t: any) =>
    t.prismaField({
      type: T,
      authScopes: { editor: true },
      description: `Creates ${withArticle(T)}. Invalid fields are reported together (BAD_USER_INPUT with fieldErrors).`,
      args: {
        input: t.arg({ type: createInput, required: true, description: `The new ${T}.` }),
        reason: reasonArg(t),
        changeSet: changeSetArg(t),
      },
      resolve: (query: any, _root: unknown, args: any, ctx: Context) => {
        const input = parseRecordInput(f, args.input, 'create', ctx)
        return run('create', ctx, args, (w) => createRecord(w, f, input, query))
      },
    }),
  )

  builder.mutationField(`update${T}`, (t: any) =>
    t.prismaField({
      type: T,
      authScopes: { editor: true },
      description: `Changes ${withArticle(T)}. NOT_FOUND for an unknown id; CONFLICT when \`version\` is stale.`,
      args: {
        id: idArg(t),
        version: versionArg(t),
        input: t.arg({ type: updateInput, required: true, description: 'The fields to change.' }),
        reason: reasonArg(t),
        changeSet: changeSetArg(t),
      },
      resolve: (query: any, _root: unknown, args: any, ctx: Context) => {
        const ref = refOf(args, ctx)
        const input = parseRecordInput(f, args.input, 'update', ctx)
        return run(
          'update',
          ctx,
          args,
          (w) => updateRecord(w, f, ref, input, query),
          (w) => updatesInSqlOnly(w, f, input),
        )
      },
    }),
  )

  builder.mutationField(`delete${T}`, (t: any) =>
    t.prismaField({
      type: T,
      authScopes: { editor: true },
      description: `Moves ${withArticle(T)} to the trash (restorable). HAS_DEPENDENTS while live records still refer to it.`,
      args: { id: idArg(t), version: versionArg(t), reason: reasonArg(t), changeSet: changeSetArg(t) },
      resolve: (query: any, _root: unknown, args: any, ctx: Context) => {
        const ref = refOf(args, ctx)
        return run('delete', ctx, args, (w) => trashRecord(w, f, ref, query))
      },
    }),
  )

  builder.mutationField(`restore${T}`, (t: any) =>
    t.prismaField({
      type: T,
      authScopes: { editor: true },
      description: `Brings ${withArticle(T)} back from the trash, or (with \`toVersion\`) back to the fields it had at an earlier version. Its history stays.`,
      args: {
        id: idArg(t),
        version: versionArg(t),
        toVersion: t.arg.int({ description: 'An earlier version to return to, from the record’s history.' }),
        reason: reasonArg(t),
        changeSet: changeSetArg(t),
      },
      resolve: (query: any, _root: unknown, args: any, ctx: Context) => {
        const ref = refOf(args, ctx)
        return run('update', ctx, args, (w) => restoreRecord(w, f, ref, args.toVersion, query))
      },
    }),
  )

  builder.mutationField(`purge${T}`, (t: any) =>
    t.boolean({
      authScopes: { admin: true },
      description: `Removes ${withArticle(T)} from the trash for good (admins). Its audit history is kept.`,
      args: { id: idArg(t), version: versionArg(t), reason: reasonArg(t) },
      resolve: async (_root: unknown, args: any, ctx: Context) => {
        const ref = refOf(args, ctx)
        await run('delete', ctx, args, (w) => purgeRecord(w, f, ref))
        return true
      },
    }),
  )
}
