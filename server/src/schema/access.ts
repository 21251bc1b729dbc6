// Operators and partner keys: signing in and out, who am I, and (admins) managing users and keys.
import { GraphQLError } from 'graphql'
import { z } from 'zod'
import { createApiKey } from '../auth/api-keys.ts'
import { isValidKeyScope } from '../auth/permissions.ts'
import { hashPassword, verifyPassword } from '../auth/secrets.ts'
import { createSession, endSession, SESSION_COOKIE } from '../auth/sessions.ts'
import { loginWait, recordLoginFailure, recordLoginSuccess } from '../auth/throttle.ts'
import { builder, type Context } from '../builder.ts'
import { db } from '../db.ts'
import { announceAccessChange } from '../live/bus.ts'
import { translateWriteError, userInputError } from '../records/errors.ts'
import { link } from '../records/family.ts'
import { idOf } from '../records/ids.ts'
import { parseList } from '../records/nested.ts'

export const Role = builder.enumType('Role', {
  description: 'What an operator may do.',
  values: {
    ADMIN: { value: 'ADMIN', description: 'Manages users, keys and the trash (purge), and edits records.' },
    EDITOR: { value: 'EDITOR', description: 'Edits records, within a division when scoped.' },
    VIEWER: { value: 'VIEWER', description: 'Reads everything, changes nothing.' },
  } as const,
})

builder.prismaNode('User', {
  id: { field: 'id' },
  nullable: true,
  // Reached only through fields that check the caller themselves: me, login (oneself), and the
  // admins' user management.
  description: 'An operator of the console.',
  fields: (t) => ({
    username: t.exposeString('username', { description: 'Sign-in name.' }),
    displayName: t.exposeString('displayName', { nullable: true, description: 'Name shown in the console.' }),
    role: t.expose('role', { type: Role, description: 'What the operator may do.' }),
    division: link(
      t,
      'division',
      'Division',
      'Editors with a scope change only records in this division and beneath it.',
      true,
    ),
    disabledAt: t.expose('disabledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the account was disabled.',
    }),
    lastLoginAt: t.expose('lastLoginAt', { type: 'DateTime', nullable: true, description: 'Last successful sign-in.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was created.' }),
    version: t.exposeInt('version', { description: 'Increases with every change.' }),
  }),
})

builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  nullable: true,
  description: "A partner system's key. The secret is shown once, when the key is created.",
  authScopes: { admin: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Who the key is for.' }),
    prefix: t.exposeString('prefix', { description: 'First characters of the key, to recognise it.' }),
    scopes: t.exposeStringList('scopes', {
      description: '"read" (every record type) or "read:<Type>", and "restricted" for restricted fields.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'When the key stops working.' }),
    rateLimitPerMinute: t.exposeInt('rateLimitPerMinute', { description: 'Requests allowed per minute.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When the key was revoked.' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Last use, to the minute.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the key was created.' }),
    createdBy: link(t, 'createdBy', 'User', 'The admin who created it.', true),
  }),
})

const CreatedApiKey = builder.objectRef<{ id: number; secret: string }>('CreatedApiKey').implement({
  description: 'A new key and its secret. Store the secret now: the hub keeps only its hash.',
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'The key to send as `Authorization: Bearer <secret>`.' }),
    apiKey: t.prismaField({
      type: 'ApiKey',
      description: 'The key as listed.',
      resolve: (query, parent) => db().apiKey.findUniqueOrThrow({ ...query, where: { id: parent.id } }),
    }),
  }),
})

function isHttps(request: Request) {
  return new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https'
}

function clientAddress(ctx: Context) {
  return ctx.clientAddress ?? 'unknown'
}

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in operator, or null.',
    resolve: (query, _root, _args, ctx) =>
      ctx.actor.kind === 'user' ? db().user.findUnique({ ...query, where: { id: ctx.actor.userId } }) : null,
  }),
)

builder.mutationField('login', (t) =>
  t.prismaField({
    type: 'User',
    description:
      'Signs in and sets the session cookie (HttpOnly, SameSite=Strict). The same error for an unknown user and a wrong password; too many failures lock the account for a while (TOO_MANY_ATTEMPTS).',
    args: {
      username: t.arg.string({ required: true, description: 'Sign-in name.' }),
      password: t.arg.string({ required: true, description: 'Password.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const address = clientAddress(ctx)
      const wait = await loginWait(args.username, address)
      if (wait > 0) {
        throw new GraphQLError(
          ctx.locale === 'zh'
            ? `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试。`
            : `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`,
          { extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: wait } },
        )
      }
      const user = await db().user.findUnique({ where: { username: args.username.trim() } })
      const ok = await verifyPassword(user && !user.disabledAt ? user.passwordHash : undefined, args.password)
      if (!user || !ok) {
        await recordLoginFailure(args.username, address)
        throw new GraphQLError(ctx.locale === 'zh' ? '用户名或密码不正确。' : 'Wrong username or password.', {
          extensions: { code: 'UNAUTHENTICATED' },
        })
      }
      await recordLoginSuccess(args.username, address)
      // A new session at every sign-in: a token planted before sign-in is worthless after it.
      const previous = ctx.request.cookieStore ? await ctx.request.cookieStore.get(SESSION_COOKIE) : null
      if (previous?.value) await endSession(previous.value)
      const session = await createSession(user.id, ctx.auth.session)
      await ctx.request.cookieStore?.set({
        name: SESSION_COOKIE,
        value: session.token,
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: isHttps(ctx.request),
        expires: session.expiresAt.getTime(),
        domain: null,
      })
      return db().user.update({ ...query, where: { id: user.id }, data: { lastLoginAt: new Date() } })
    },
  }),
)

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Signs out: the session ends on the server and the cookie is cleared.',
    resolve: async (_root, _args, ctx) => {
      const cookie = ctx.request.cookieStore ? await ctx.request.cookieStore.get(SESSION_COOKIE) : null
      if (cookie?.value) await endSession(cookie.value)
      await ctx.request.cookieStore?.delete(SESSION_COOKIE)
      return true
    },
  }),
)

// ——— Administration ————————————————————————————————————————————————————————————

builder.queryField('users', (t) =>
  t.prismaField({
    type: ['User'],
    authScopes: { admin: true },
    description: 'All operators (admins).',
    resolve: (query) => db().user.findMany({ ...query, orderBy: { username: 'asc' } }),
  }),
)

builder.queryField('apiKeys', (t) =>
  t.prismaField({
    type: ['ApiKey'],
    authScopes: { admin: true },
    description: 'All partner keys, newest first (admins).',
    resolve: (query) => db().apiKey.findMany({ ...query, orderBy: { id: 'desc' } }),
  }),
)

const userSchema = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[\w.@-]+$/),
  password: z.string().min(10).max(200),
  displayName: z.string().trim().max(100).nullish(),
  role: z.enum(['ADMIN', 'EDITOR', 'VIEWER']),
  divisionId: z.string().nullish(),
})

const UserInput = builder.inputType('UserInput', {
  description: 'An operator account.',
  fields: (t) => ({
    username: t.string({ description: 'Sign-in name: 3–64 letters, digits, . @ _ -.' }),
    password: t.string({ description: 'At least 10 characters.' }),
    displayName: t.string({ description: 'Name shown in the console.' }),
    role: t.field({ type: Role, description: 'What the operator may do.' }),
    divisionId: t.id({ description: 'Division the operator may edit in (global ID); empty for the whole hub.' }),
    disabled: t.boolean({ description: 'Disable (true) or re-enable (false) the account; ends its sessions.' }),
  }),
})

function divisionIdOf(globalId: string | null | undefined) {
  if (globalId == null) return null
  const id = idOf(globalId, 'Division')
  if (id === undefined)
    throw userInputError('divisionId: not the ID of a Division', [
      { field: 'divisionId', code: 'invalid_id', message: 'Not the ID of a Division' },
    ])
  return id
}

builder.mutationField('createUser', (t) =>
  t.prismaField({
    type: 'User',
    authScopes: { admin: true },
    description: 'Creates an operator account (admins).',
    args: { input: t.arg({ type: UserInput, required: true, description: 'The account.' }) },
    resolve: async (query, _root, { input }, ctx) => {
      const [valid] = parseList(userSchema, [input], 'input', ctx.locale)
      if (!valid) throw userInputError('Invalid input')
      return db()
        .user.create({
          ...query,
          data: {
            username: valid.username,
            displayName: valid.displayName ?? null,
            role: valid.role,
            divisionId: divisionIdOf(valid.divisionId),
            passwordHash: await hashPassword(valid.password),
          },
        })
        .catch((error) => translateWriteError(error, 'User', 'create'))
    },
  }),
)

builder.mutationField('updateUser', (t) =>
  t.prismaField({
    type: 'User',
    authScopes: { admin: true },
    description: 'Changes an operator account (admins). A new password or disabling ends its sessions.',
    args: {
      id: t.arg.id({ required: true, description: 'Global ID of the User.' }),
      input: t.arg({ type: UserInput, required: true, description: 'The fields to change.' }),
    },
    resolve: async (query, _root, { id, input }, ctx) => {
      const userId = idOf(String(id), 'User')
      if (userId === undefined) throw new GraphQLError('No such user.', { extensions: { code: 'NOT_FOUND' } })
      const [partial] = parseList(userSchema.partial(), [input], 'input', ctx.locale)
      if (!partial) throw userInputError('Invalid input')
      const data: Record<string, unknown> = { version: { increment: 1 } }
      if (partial.username) data.username = partial.username
      if (partial.displayName !== undefined) data.displayName = partial.displayName
      if (partial.role) data.role = partial.role
      if (input.divisionId !== undefined) data.divisionId = divisionIdOf(input.divisionId)
      if (partial.password) data.passwordHash = await hashPassword(partial.password)
      if (input.disabled != null) data.disabledAt = input.disabled ? new Date() : null
      if (
        ctx.actor.kind === 'user' &&
        ctx.actor.userId === userId &&
        (input.disabled || (input.role && input.role !== 'ADMIN'))
      ) {
        throw userInputError('You cannot disable yourself or give up your own admin role.')
      }
      const user = await db().$transaction(async (tx) => {
        if (partial.password || input.disabled) await tx.session.deleteMany({ where: { userId } })
        return tx.user.update({ ...query, where: { id: userId }, data })
      })
      await announceAccessChange({ userId })
      return user
    },
  }),
)

const ApiKeyInput = builder.inputType('ApiKeyInput', {
  description: 'A new partner key.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Who the key is for (1–100 characters).' }),
    scopes: t.stringList({ required: true, description: '"read", "read:<Type>" (e.g. read:Hospital), "restricted".' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the key stops working; never when empty.' }),
    rateLimitPerMinute: t.int({ description: 'Requests per minute (default 600).' }),
  }),
})

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreatedApiKey,
    authScopes: { admin: true },
    description: 'Creates a partner key (admins). The secret is in the answer and nowhere else.',
    args: { input: t.arg({ type: ApiKeyInput, required: true, description: 'The key.' }) },
    resolve: async (_root, { input }, ctx) => {
      const bad = input.scopes.filter((scope) => !isValidKeyScope(scope))
      const errors = bad.map((scope) => ({ field: 'scopes', code: 'invalid', message: `Unknown scope ${scope}` }))
      if (!input.name.trim() || input.name.length > 100)
        errors.push({ field: 'name', code: 'invalid', message: '1–100 characters' })
      if (input.scopes.length === 0) errors.push({ field: 'scopes', code: 'required', message: 'At least one scope' })
      if (input.rateLimitPerMinute != null && (input.rateLimitPerMinute < 1 || input.rateLimitPerMinute > 100_000)) {
        errors.push({ field: 'rateLimitPerMinute', code: 'out_of_range', message: '1 – 100000' })
      }
      if (errors.length) throw userInputError('Invalid input', errors)
      const { record, secret } = await createApiKey({
        name: input.name.trim(),
        scopes: [...new Set(input.scopes)],
        expiresAt: input.expiresAt ?? null,
        rateLimitPerMinute: input.rateLimitPerMinute ?? 600,
        createdById: ctx.actor.kind === 'user' ? ctx.actor.userId : undefined,
      })
      return { id: record.id, secret }
    },
  }),
)

builder.mutationField('revokeApiKey', (t) =>
  t.prismaField({
    type: 'ApiKey',
    authScopes: { admin: true },
    description: 'Revokes a partner key at once (admins).',
    args: { id: t.arg.id({ required: true, description: 'Global ID of the ApiKey.' }) },
    resolve: async (query, _root, { id }) => {
      const keyId = idOf(String(id), 'ApiKey')
      if (keyId === undefined) throw new GraphQLError('No such key.', { extensions: { code: 'NOT_FOUND' } })
      const key = await db()
        .apiKey.update({ ...query, where: { id: keyId }, data: { revokedAt: new Date() } })
        .catch((error) => translateWriteError(error, 'ApiKey', 'update'))
      await announceAccessChange({ keyId })
      return key
    },
  }),
)
