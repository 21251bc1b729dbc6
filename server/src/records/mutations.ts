// create/update/delete/restore/purge for every record family: validated, authorised, conflict-checked
// against the caller's version, and audited in the same transaction.
/* biome-ignore-all lint/suspicious/noExplicitAny: field names come from the family description (see family.ts) */
import { GraphQLError } from 'graphql'
import { canEditIn } from '../auth/permissions.ts'
import { builder, type Context } from '../builder.ts'
import { publishingTransaction } from '../live/after-commit.ts'
import { enums } from '../schema/enums.ts'
import { withArticle } from './article.ts'
import { writeAudit } from './audit.ts'
import { withAllColumns } from './columns.ts'
import { dependentsOf } from './dependents.ts'
import { conflictError, type FieldError, notFoundError, translateWriteError, userInputError } from './errors.ts'
import { type Family, recordFieldNames } from './family.ts'
import type { FieldSpec } from './fields.ts'
import { idOf } from './ids.ts'
import { parseInput } from './validation.ts'

type Tx = any

function inputFieldType(spec: FieldSpec) {
  switch (spec.kind) {
    case 'text':
      return 'String'
    case 'textList':
      return ['String']
    case 'int':
      return 'Int'
    case 'decimal':
      return 'Decimal'
    case 'date':
      return 'Date'
    case 'enum':
      return (enums as Record<string, { ref: unknown }>)[spec.enumName]?.ref
    case 'ref':
      return 'ID'
    case 'coordinate':
      return 'Float'
  }
}

function describeRule(spec: FieldSpec) {
  switch (spec.kind) {
    case 'text':
      return ` At most ${spec.max} characters.`
    case 'textList':
      return ` Up to ${spec.maxItems} items of at most ${spec.maxLength} characters.`
    case 'int':
      return ` From ${spec.min ?? '−∞'} to ${spec.max ?? '∞'}.`
    case 'decimal':
      return spec.min != null ? ` At least ${spec.min}.` : ''
    case 'coordinate':
      return spec.axis === 'latitude' ? ' From −90 to 90.' : ' From −180 to 180.'
    case 'ref':
      return ` Global ID of ${withArticle(spec.target)}.`
    default:
      return ''
  }
}

function defineInput(f: Family, mode: 'create' | 'update') {
  return builder.inputType(`${f.typename}${mode === 'create' ? 'Create' : 'Update'}Input`, {
    description:
      mode === 'create'
        ? `A new ${f.typename}.`
        : `Changes to ${withArticle(f.typename)}: omitted fields stay as they are; null clears an optional field.`,
    fields: (t: any) => {
      const out: Record<string, any> = {}
      for (const [name, spec] of Object.entries(f.fields)) {
        out[name] = t.field({
          type: inputFieldType(spec),
          required: mode === 'create' && Boolean(spec.required) && spec.defaultValue === undefined,
          description: `${spec.description}${describeRule(spec)}`,
        })
      }
      return { ...out, ...(f.options.extraInputFields?.(t) ?? {}) }
    },
  })
}

/**
 * Runs the validations of a record's own fields and of its nested lists, and reports the failures
 * of all of them in one BAD_USER_INPUT error, so a form can mark every wrong field at once.
 */
export function validateAll<A, B>(first: () => A, second: () => B): [A, B] {
  const failures: GraphQLError[] = []
  const attempt = <T>(run: () => T): T | undefined => {
    try {
      return run()
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') failures.push(error)
      else throw error
      return undefined
    }
  }
  const a = attempt(first)
  const b = attempt(second)
  if (failures.length === 1) throw failures[0]
  if (failures.length > 1) {
    const fieldErrors = failures.flatMap((e) => (e.extensions.fieldErrors as FieldError[] | undefined) ?? [])
    throw userInputError(failures.map((e) => e.message).join('; '), fieldErrors)
  }
  return [a as A, b as B]
}

export function requireId(globalId: string, typename: string) {
  const id = idOf(globalId, typename)
  if (id === undefined) throw notFoundError(typename, globalId)
  return id
}

const delegateOf = (tx: Tx, f: Family) => tx[f.delegate]

/** The record as the caller may act on it: live (or, for restore and purge, in the trash) and at their version. */
export async function currentRecord(
  tx: Tx,
  f: Family,
  id: number,
  globalId: string,
  version: number,
  state: 'live' | 'trashed' | 'any',
) {
  const record = await delegateOf(tx, f).findUnique({ where: { id } })
  const visible =
    record && (state === 'any' || (state === 'live' ? record.deletedAt == null : record.deletedAt != null))
  if (!visible) throw notFoundError(f.typename, globalId)
  if (record.version !== version) {
    const last = await tx.auditEvent.findFirst({
      where: { recordType: f.typename, recordId: id },
      orderBy: { id: 'desc' },
      select: { actorName: true, at: true },
    })
    throw conflictError(f.typename, globalId, version, record.version, record.updatedAt, last?.actorName ?? null)
  }
  return record
}

/** Ancestor ids (self included) of the division a record with this data belongs to. */
async function divisionPathOf(tx: Tx, f: Family, data: Record<string, any>, id?: number) {
  if (f.within === 'none') return null
  if (f.within === 'self') {
    const parent = data.parentId ? await tx.division.findUnique({ where: { id: data.parentId } }) : null
    return [...(parent?.ancestorIds ?? []), ...(id ? [id] : [])]
  }
  if (data.divisionId == null) return null
  const division = await tx.division.findUnique({ where: { id: data.divisionId }, select: { ancestorIds: true } })
  return division?.ancestorIds ?? null
}

export async function requireScope(tx: Tx, f: Family, ctx: Context, data: Record<string, any>, id?: number) {
  if (ctx.actor.kind === 'user' && ctx.actor.scopeDivisionId == null) return
  if (!canEditIn(ctx.actor, await divisionPathOf(tx, f, data, id))) {
    throw new GraphQLError(
      ctx.locale === 'zh' ? '该记录不在您负责的行政区划内。' : 'This record is outside the division you may edit.',
      { extensions: { code: 'FORBIDDEN' } },
    )
  }
}

async function refuseIfDependents(tx: Tx, f: Family, id: number, locale: 'zh' | 'en') {
  for (const dependent of dependentsOf(f.typename)) {
    const where = { [dependent.column]: id, ...(dependent.softDeletes ? { deletedAt: null } : {}) }
    const count = await tx[dependent.delegate].count({ where })
    if (count > 0) {
      throw new GraphQLError(
        locale === 'zh'
          ? `仍有 ${count} 条${dependent.model}记录属于该${f.typename}，请先移动或删除它们。`
          : `${count} ${dependent.model} record(s) still belong to this ${f.typename}; move or delete them first.`,
        { extensions: { code: 'HAS_DEPENDENTS', dependents: { type: dependent.model, count } } },
      )
    }
  }
}

const reasonArg = (t: any) =>
  t.arg.string({ description: 'Why the change is made, in your words; kept in the audit trail (≤ 1000 characters).' })

const versionArg = (t: any) =>
  t.arg.int({
    required: true,
    description: 'The version you last saw; the change is refused with CONFLICT if the record has changed since.',
  })

export function addMutations(f: Family) {
  const createInput = defineInput(f, 'create')
  const updateInput = defineInput(f, 'update')
  const T = f.typename
  const fields = recordFieldNames(f)
  const idArg = (t: any) => t.arg.id({ required: true, description: `Global ID of the ${T}.` })
  const audit = (tx: Tx, ctx: Context, action: any, before: any, after: any, reason?: string | null) =>
    writeAudit(tx, ctx, { recordType: T, recordId: (after ?? before).id, action, before, after, fields, reason })
  const run = (action: 'create' | 'update' | 'delete', work: (tx: Tx) => Promise<any>) =>
    publishingTransaction(work, { timeout: 20_000 }).catch((error: unknown) => translateWriteError(error, T, action))

  builder.mutationField(`create${T}`, (t: any) =>
    t.prismaField({
      type: T,
      authScopes: { editor: true },
      description: `Creates ${withArticle(T)}. Invalid fields are reported together (BAD_USER_INPUT with fieldErrors).`,
      args: { input: t.arg({ type: createInput, required: true, description: `The new ${T}.` }), reason: reasonArg(t) },
      resolve: (query: any, _root: unknown, args: any, ctx: Context) => {
        const [data, nested] = validateAll(
          () => parseInput(f.fields, args.input, 'create', ctx.locale),
          () => f.options.nestedData?.(args.input, 'create', ctx) ?? {},
        )
        return run('create', async (tx) => {
          await requireScope(tx, f, ctx, data)
          await f.options.beforeWrite?.({ tx, data, mode: 'create' })
          const created = await delegateOf(tx, f).create({ data: { ...data, ...nested } })
          await f.options.afterWrite?.({ tx, id: created.id, mode: 'create', input: args.input, ctx })
          await audit(
            tx,
            ctx,
            'CREATE',
            null,
            await delegateOf(tx, f).findUnique({ where: { id: created.id } }),
            args.reason,
          )
          return delegateOf(tx, f).findUniqueOrThrow({ ...query, where: { id: created.id } })
        })
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
      },
      resolve: (query: any, _root: unknown, args: any, ctx: Context) => {
        const id = requireId(String(args.id), T)
        const [data, nested] = validateAll(
          () => parseInput(f.fields, args.input, 'update', ctx.locale),
          () => f.options.nestedData?.(args.input, 'update', ctx) ?? {},
        )
        return run('update', async (tx) => {
          const before = await currentRecord(tx, f, id, String(args.id), args.version, 'live')
          await requireScope(tx, f, ctx, before, id)
          if ('divisionId' in data || 'parentId' in data) await requireScope(tx, f, ctx, { ...before, ...data }, id)
          await f.options.beforeWrite?.({ tx, data, mode: 'update', id })
          // Nested lists and afterWrite change the record after the update; otherwise the updated row,
          // with the caller's selection, comes back from the update itself (two statements fewer).
          const rewrites = Object.keys(nested).length > 0 || Boolean(f.options.afterWrite)
          // The version in the condition makes a concurrent change lose cleanly instead of overwriting.
          const updated = await delegateOf(tx, f)
            .update({
              ...(rewrites ? {} : withAllColumns(T, query)),
              where: { id, version: args.version },
              data: { ...data, version: { increment: 1 } },
            })
            .catch(async (error: { code?: string }) => {
              // No row at that version: NOT_FOUND or CONFLICT, as the record now stands.
              if (error?.code === 'P2025') await currentRecord(tx, f, id, String(args.id), args.version, 'live')
              throw error
            })
          if (Object.keys(nested).length > 0) await delegateOf(tx, f).update({ where: { id }, data: nested })
          await f.options.afterWrite?.({ tx, id, mode: 'update', before, input: args.input, ctx })
          const after = rewrites ? await delegateOf(tx, f).findUnique({ where: { id } }) : updated
          await audit(tx, ctx, 'UPDATE', before, after, args.reason)
          return rewrites ? delegateOf(tx, f).findUniqueOrThrow({ ...query, where: { id } }) : updated
        })
      },
    }),
  )

  builder.mutationField(`delete${T}`, (t: any) =>
    t.prismaField({
      type: T,
      authScopes: { editor: true },
      description: `Moves ${withArticle(T)} to the trash (restorable). HAS_DEPENDENTS while live records still refer to it.`,
      args: { id: idArg(t), version: versionArg(t), reason: reasonArg(t) },
      resolve: (query: any, _root: unknown, args: any, ctx: Context) => {
        const id = requireId(String(args.id), T)
        return run('delete', async (tx) => {
          const before = await currentRecord(tx, f, id, String(args.id), args.version, 'live')
          await requireScope(tx, f, ctx, before, id)
          await refuseIfDependents(tx, f, id, ctx.locale)
          const changed = await delegateOf(tx, f).updateMany({
            where: { id, version: args.version },
            data: { deletedAt: new Date(), version: { increment: 1 } },
          })
          if (changed.count === 0) await currentRecord(tx, f, id, String(args.id), args.version, 'live')
          const after = await delegateOf(tx, f).findUniqueOrThrow({ ...query, where: { id } })
          await audit(tx, ctx, 'DELETE', before, await delegateOf(tx, f).findUnique({ where: { id } }), args.reason)
          return after
        })
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
      },
      resolve: (query: any, _root: unknown, args: any, ctx: Context) => {
        const id = requireId(String(args.id), T)
        return run('update', async (tx) => {
          const before = await currentRecord(
            tx,
            f,
            id,
            String(args.id),
            args.version,
            args.toVersion == null ? 'trashed' : 'live',
          )
          await requireScope(tx, f, ctx, before, id)
          let data: Record<string, unknown> = { deletedAt: null }
          if (args.toVersion != null) {
            const event = await tx.auditEvent.findFirst({
              where: { recordType: T, recordId: id, version: args.toVersion },
              orderBy: { id: 'desc' },
            })
            if (!event?.snapshot) {
              throw userInputError(`Version ${args.toVersion} is not in the history of this ${T}.`, [
                { field: 'toVersion', code: 'invalid', message: 'No such version' },
              ])
            }
            data = restorableData(f, event.snapshot as Record<string, unknown>)
            await requireScope(tx, f, ctx, { ...before, ...data }, id)
          }
          // As in update: a change committed since the check above makes this one lose cleanly.
          const changed = await delegateOf(tx, f).updateMany({
            where: { id, version: args.version },
            data: { ...data, version: { increment: 1 } },
          })
          if (changed.count === 0) await currentRecord(tx, f, id, String(args.id), args.version, 'any')
          if (f.within === 'self') await f.options.afterWrite?.({ tx, id, mode: 'update', before, input: {}, ctx })
          await audit(tx, ctx, 'RESTORE', before, await delegateOf(tx, f).findUnique({ where: { id } }), args.reason)
          return delegateOf(tx, f).findUniqueOrThrow({ ...query, where: { id } })
        })
      },
    }),
  )

  builder.mutationField(`purge${T}`, (t: any) =>
    t.boolean({
      authScopes: { admin: true },
      description: `Removes ${withArticle(T)} from the trash for good (admins). Its audit history is kept.`,
      args: { id: idArg(t), version: versionArg(t), reason: reasonArg(t) },
      resolve: (_root: unknown, args: any, ctx: Context) => {
        const id = requireId(String(args.id), T)
        return run('delete', async (tx) => {
          const before = await currentRecord(tx, f, id, String(args.id), args.version, 'trashed')
          // Only the trashed version the caller saw: not a record restored or changed meanwhile.
          const removed = await delegateOf(tx, f).deleteMany({
            where: { id, version: args.version, deletedAt: { not: null } },
          })
          if (removed.count === 0) await currentRecord(tx, f, id, String(args.id), args.version, 'trashed')
          await audit(tx, ctx, 'PURGE', before, null, args.reason)
          return true
        })
      },
    }),
  )
}

/** Prisma data from a snapshot: only the family's writable scalar fields, dates revived. */
function restorableData(f: Family, snapshot: Record<string, unknown>) {
  const data: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(f.fields)) {
    if (!(name in snapshot)) continue
    const value = snapshot[name]
    data[name] = spec.kind === 'date' && typeof value === 'string' ? new Date(value) : value
  }
  return data
}
