// Saved queries: a console list as an operator saved it (filter, sort, page size, columns), kept on
// the hub for its owner and, when shared, offered to every operator.
import { GraphQLError } from 'graphql'
import { builder, type Context } from '../builder.ts'
import { db } from '../db.ts'
import { type FieldError, recordKind, translateWriteError, userInputError } from '../records/errors.ts'
import { idOf } from '../records/ids.ts'

/** Largest `params` a saved query holds, as JSON text. */
const MAX_PARAMS_BYTES = 20_000

/** A saved query as refusals name it. */
const SAVED_QUERY = recordKind('SavedQuery', '查询')

const ownerId = (ctx: Context) => (ctx.actor.kind === 'user' ? ctx.actor.userId : -1)

builder.prismaNode('SavedQuery', {
  id: { field: 'id' },
  nullable: true,
  description: "A console list as an operator saved it; its owner's alone unless shared.",
  authScopes: { operator: true },
  // node(id:) finds only the caller's own queries and shared ones.
  findUnique: (id, ctx) => ({ id: Number(id), OR: [{ ownerId: ownerId(ctx) }, { shared: true }] }),
  fields: (t) => ({
    resource: t.exposeString('resource', { description: 'The console list it belongs to (e.g. careFacilities).' }),
    name: t.exposeString('name', { description: 'The name its owner gave it.' }),
    params: t.expose('params', {
      type: 'JSON',
      description: 'What the list applies: `{ filter, sort, perPage, columns }`.',
    }),
    shared: t.exposeBoolean('shared', { description: 'Offered to every operator, not only its owner.' }),
    mine: t.boolean({
      description: 'Whether the caller owns it (and may change or delete it).',
      select: { ownerId: true },
      resolve: (query, _args, ctx) => query.ownerId === ownerId(ctx),
    }),
    ownerName: t.string({
      description: "The owner's display name, or username.",
      select: { owner: { select: { username: true, displayName: true } } },
      resolve: (query) => query.owner.displayName || query.owner.username,
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last saved.' }),
  }),
})

builder.queryField('savedQueries', (t) =>
  t.prismaField({
    type: ['SavedQuery'],
    authScopes: { operator: true },
    description: "The caller's saved queries of one console list, and those others shared, by name.",
    args: { resource: t.arg.string({ required: true, description: 'The console list (e.g. careFacilities).' }) },
    resolve: (query, _root, args, ctx) =>
      db().savedQuery.findMany({
        ...query,
        where: { resource: args.resource, OR: [{ ownerId: ownerId(ctx) }, { shared: true }] },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
)

const SavedQueryInput = builder.inputType('SavedQueryInput', {
  description: 'A list to save. Saving under a name the caller already used for the list replaces that query.',
  fields: (t) => ({
    resource: t.string({ required: true, description: 'The console list. At most 50 characters.' }),
    name: t.string({ required: true, description: 'A name for it. At most 100 characters.' }),
    params: t.field({
      type: 'JSON',
      required: true,
      description: `\`{ filter, sort, perPage, columns }\`; at most ${MAX_PARAMS_BYTES} bytes as JSON.`,
    }),
    shared: t.boolean({ description: 'Offer it to every operator (default false).' }),
  }),
})

function checkInput(input: { resource: string; name: string; params?: unknown }, locale: 'zh' | 'en') {
  const zh = locale === 'zh'
  const errors: FieldError[] = []
  const text = (field: 'resource' | 'name', max: number) => {
    const value = input[field].trim()
    if (!value) errors.push({ field, code: 'required', message: zh ? '必填' : 'Required' })
    else if (value.length > max)
      errors.push({ field, code: 'too_big', message: zh ? `最多 ${max} 个字符` : `At most ${max} characters` })
  }
  text('resource', 50)
  text('name', 100)
  const params = input.params
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    errors.push({ field: 'params', code: 'invalid', message: zh ? '应为对象' : 'Must be an object' })
  } else if (new TextEncoder().encode(JSON.stringify(params)).length > MAX_PARAMS_BYTES) {
    errors.push({ field: 'params', code: 'too_big', message: zh ? '内容过大' : 'Too large' })
  }
  if (errors.length) throw userInputError(zh ? '查询未保存：有字段不符合要求。' : 'The query was not saved.', errors)
}

builder.mutationField('saveQuery', (t) =>
  t.prismaField({
    type: 'SavedQuery',
    authScopes: { operator: true },
    description: "Saves a list under a name (replacing the caller's query of that name for that list).",
    args: { input: t.arg({ type: SavedQueryInput, required: true, description: 'The query.' }) },
    resolve: (query, _root, { input }, ctx) => {
      checkInput(input, ctx.locale)
      const owner = ownerId(ctx)
      const data = { params: input.params as object, shared: input.shared ?? false }
      const key = { ownerId: owner, resource: input.resource.trim(), name: input.name.trim() }
      return db()
        .savedQuery.upsert({
          ...query,
          where: { ownerId_resource_name: key },
          create: { ...key, ...data },
          update: data,
        })
        .catch((error) => translateWriteError(error, SAVED_QUERY, 'update', ctx.locale))
    },
  }),
)

builder.mutationField('deleteSavedQuery', (t) =>
  t.boolean({
    authScopes: { operator: true },
    description: "Deletes one of the caller's saved queries. NOT_FOUND for anyone else's.",
    args: { id: t.arg.id({ required: true, description: 'Global ID of the SavedQuery.' }) },
    resolve: async (_root, args, ctx) => {
      const id = idOf(String(args.id), 'SavedQuery')
      const { count } =
        id === undefined ? { count: 0 } : await db().savedQuery.deleteMany({ where: { id, ownerId: ownerId(ctx) } })
      if (count === 0) {
        throw new GraphQLError(ctx.locale === 'zh' ? '找不到该查询。' : 'No such saved query.', {
          extensions: { code: 'NOT_FOUND' },
        })
      }
      return true
    },
  }),
)
