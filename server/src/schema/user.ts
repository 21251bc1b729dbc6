// Operator accounts: the User type, and (admins) listing, creating and changing accounts.
import { z } from 'zod'
import { hashPassword } from '../auth/secrets.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { announceAccessChange } from '../live/bus.ts'
import { conflictError, notFoundError, recordKind, translateWriteError, userInputError } from '../records/errors.ts'
import { link } from '../records/family.ts'
import { idOf } from '../records/ids.ts'
import { parseList } from '../records/nested.ts'
import { type Locale, notAnIdZh } from '../records/validation.ts'
import { Role } from './enums.ts'

/** An account as refusals name it. */
const USER = recordKind('User', '用户')

const text = {
  invalidInput: { en: 'Invalid input', zh: '输入有误' },
  // Functions: the Chinese name of a division is known once its family is defined.
  notADivision: { en: () => 'divisionId: not the ID of a Division', zh: () => `divisionId：${notAnIdZh('Division')}` },
  notADivisionField: { en: () => 'Not the ID of a Division', zh: () => notAnIdZh('Division') },
  ownAccount: {
    en: 'You cannot disable yourself or give up your own admin role.',
    zh: '不能停用自己的账号，也不能取消自己的管理员角色。',
  },
}

builder.prismaNode('User', {
  id: { field: 'id' },
  nullable: true,
  // Reached only through fields that check the caller themselves: me, login (oneself), and the
  // admins' user management.
  description: 'An operator of the console.',
  fields: (t) => ({
    username: t.exposeString('username', { description: 'Sign-in name.' }),
    displayName: t.exposeString('displayName', { nullable: true, description: 'Name shown in the console.' }),
    role: t.expose('role', { type: Role.ref, description: 'What the operator may do.' }),
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

builder.queryField('users', (t) =>
  t.prismaField({
    type: ['User'],
    authScopes: { admin: true },
    description: 'All operators (admins).',
    resolve: (query) => db().user.findMany({ ...query, orderBy: { username: 'asc' } }),
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
  role: z.enum(['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER']),
  divisionId: z.string().nullish(),
})

const UserInput = builder.inputType('UserInput', {
  description: 'An operator account.',
  fields: (t) => ({
    username: t.string({ description: 'Sign-in name: 3–64 letters, digits, . @ _ -.' }),
    password: t.string({ description: 'At least 10 characters.' }),
    displayName: t.string({ description: 'Name shown in the console.' }),
    role: t.field({ type: Role.ref, description: 'What the operator may do.' }),
    divisionId: t.id({ description: 'Division the operator may edit in (global ID); empty for the whole hub.' }),
    disabled: t.boolean({ description: 'Disable (true) or re-enable (false) the account; ends its sessions.' }),
  }),
})

function divisionIdOf(globalId: string | null | undefined, locale: Locale) {
  if (globalId == null) return null
  const id = idOf(globalId, 'Division')
  if (id === undefined)
    throw userInputError(text.notADivision[locale](), [
      { field: 'divisionId', code: 'invalid_id', message: text.notADivisionField[locale]() },
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
      if (!valid) throw userInputError(text.invalidInput[ctx.locale])
      return db()
        .user.create({
          ...query,
          data: {
            username: valid.username,
            displayName: valid.displayName ?? null,
            role: valid.role,
            divisionId: divisionIdOf(valid.divisionId, ctx.locale),
            passwordHash: await hashPassword(valid.password),
          },
        })
        .catch((error) => translateWriteError(error, USER, 'create', ctx.locale))
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
      version: t.arg.int({
        required: true,
        description: 'The version you last saw; refused with CONFLICT if the account has changed since.',
      }),
      input: t.arg({ type: UserInput, required: true, description: 'The fields to change.' }),
    },
    resolve: async (query, _root, { id, version, input }, ctx) => {
      const userId = idOf(String(id), 'User')
      if (userId === undefined) throw notFoundError(USER, String(id), ctx.locale)
      const [partial] = parseList(userSchema.partial(), [input], 'input', ctx.locale)
      if (!partial) throw userInputError(text.invalidInput[ctx.locale])
      const data: Record<string, unknown> = { version: { increment: 1 } }
      if (partial.username) data.username = partial.username
      if (partial.displayName !== undefined) data.displayName = partial.displayName
      if (partial.role) data.role = partial.role
      if (input.divisionId !== undefined) data.divisionId = divisionIdOf(input.divisionId, ctx.locale)
      if (partial.password) data.passwordHash = await hashPassword(partial.password)
      if (input.disabled != null) data.disabledAt = input.disabled ? new Date() : null
      if (
        ctx.actor.kind === 'user' &&
        ctx.actor.userId === userId &&
        (input.disabled || (input.role && input.role !== 'ADMIN'))
      ) {
        throw userInputError(text.ownAccount[ctx.locale])
      }
      const user = await db().$transaction(async (tx) => {
        if (partial.password || input.disabled) await tx.session.deleteMany({ where: { userId } })
        // As for records: a change committed since the admin read the account makes this one lose.
        return tx.user.update({ ...query, where: { id: userId, version }, data }).catch(async (error) => {
          if ((error as { code?: string }).code !== 'P2025')
            return translateWriteError(error, USER, 'update', ctx.locale)
          const current = await tx.user.findUnique({
            where: { id: userId },
            select: { version: true, updatedAt: true },
          })
          if (!current) throw notFoundError(USER, String(id), ctx.locale)
          throw conflictError(USER, String(id), version, current.version, current.updatedAt, ctx.locale)
        })
      })
      // Open live streams of the account re-check who may read what.
      await announceAccessChange({ userId })
      return user
    },
  }),
)
