// Locked reporting periods in GraphQL (governance/periods.ts, period-locks.ts).
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { lockPeriod, PERIOD_LOCK, periodName, unlockPeriod } from '../governance/period-locks.ts'
import { readingFromPrimary } from '../read-your-writes.ts'
import { notFoundError, userInputError } from '../records/errors.ts'
import { idOf } from '../records/ids.ts'
import { link } from '../records/output.ts'
import { notAnIdZh } from '../records/validation.ts'

builder.prismaNode('PeriodLock', {
  id: { field: 'id' },
  nullable: true,
  authScopes: { operator: true },
  description: 'A reporting period locked for a division and everything beneath it (or the whole hub).',
  fields: (t) => ({
    division: link(t, 'division', 'Division', 'The division the lock holds; null for every division.', true),
    year: t.exposeInt('year', { description: 'The year of the period.' }),
    quarter: t.exposeInt('quarter', { nullable: true, description: 'The quarter (1–4); null for the whole year.' }),
    period: t.string({
      description: 'The period as written in reports: 2024, or 2024Q3.',
      select: { year: true, quarter: true },
      resolve: (lock) => periodName(lock),
    }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why it was locked.' }),
    lockedAt: t.expose('lockedAt', { type: 'DateTime', description: 'When it was locked.' }),
    lockedByName: t.exposeString('lockedByName', { description: 'Who locked it.' }),
    unlockedAt: t.expose('unlockedAt', { type: 'DateTime', nullable: true, description: 'When it was unlocked.' }),
    unlockedByName: t.exposeString('unlockedByName', { nullable: true, description: 'Who unlocked it.' }),
    unlockReason: t.exposeString('unlockReason', { nullable: true, description: 'Why it was unlocked.' }),
    version: t.exposeInt('version', { description: 'Pass it to unlockPeriod.' }),
  }),
})

builder.queryField('periodLocks', (t) =>
  t.prismaField({
    type: ['PeriodLock'],
    authScopes: { operator: true },
    description: 'Locks on reporting periods, newest first (operators): those in force unless `all` is true.',
    args: {
      all: t.arg.boolean({ description: 'Unlocked ones too.' }),
      year: t.arg.int({ description: 'Only locks on this year (or its quarters).' }),
    },
    resolve: (query, _root, args) =>
      db().periodLock.findMany({
        ...query,
        where: { ...(args.all ? {} : { unlockedAt: null }), ...(args.year != null ? { year: args.year } : {}) },
        orderBy: { id: 'desc' },
      }),
  }),
)

const PeriodInput = builder.inputType('LockPeriodInput', {
  description: 'A reporting period to lock.',
  fields: (t) => ({
    divisionId: t.id({
      description:
        'The division whose data (and its divisions’ data) to lock; every division when omitted (unscoped operators).',
    }),
    year: t.int({ required: true, description: 'The year (1949–2100).' }),
    quarter: t.int({ description: 'A quarter (1–4); the whole year when omitted.' }),
    reason: t.string({ description: 'Why, for the audit trail (≤ 1000 characters).' }),
  }),
})

builder.mutationField('lockPeriod', (t) =>
  t.prismaField({
    type: 'PeriodLock',
    authScopes: { reviewer: true },
    description:
      'Locks a published reporting period (reviewers and admins): changes touching its data are refused with PERIOD_LOCKED until an admin unlocks it. Refused (PENDING_REVIEW) while changes to it are in review.',
    args: { input: t.arg({ type: PeriodInput, required: true, description: 'The period.' }) },
    resolve: async (query, _root, { input }, ctx) => {
      const errors = []
      if (input.year < 1949 || input.year > 2100)
        errors.push({ field: 'year', code: 'out_of_range', message: '1949 – 2100' })
      if (input.quarter != null && (input.quarter < 1 || input.quarter > 4)) {
        errors.push({ field: 'quarter', code: 'out_of_range', message: '1 – 4' })
      }
      const divisionId = input.divisionId == null ? null : idOf(String(input.divisionId), 'Division')
      if (divisionId === undefined) {
        const message = ctx.locale === 'zh' ? notAnIdZh('Division') : 'Not the ID of a Division'
        errors.push({ field: 'divisionId', code: 'invalid_id', message })
      }
      if (errors.length) throw userInputError(ctx.locale === 'zh' ? '输入有误' : 'Invalid input', errors)
      const lock = await lockPeriod(ctx, {
        divisionId: divisionId ?? null,
        year: input.year,
        quarter: input.quarter ?? null,
        reason: input.reason,
      })
      return readingFromPrimary(() => db().periodLock.findUniqueOrThrow({ ...query, where: { id: lock.id } }))
    },
  }),
)

builder.mutationField('unlockPeriod', (t) =>
  t.prismaField({
    type: 'PeriodLock',
    authScopes: { admin: true },
    description: 'Unlocks a reporting period (admins), with the reason (required); audited.',
    args: {
      id: t.arg.id({ required: true, description: 'Global ID of the PeriodLock.' }),
      version: t.arg.int({ required: true, description: 'The version you last saw.' }),
      reason: t.arg.string({ required: true, description: 'Why the period is opened again (≤ 1000 characters).' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(String(args.id), 'PeriodLock')
      if (id === undefined) throw notFoundError(PERIOD_LOCK, String(args.id), ctx.locale)
      await unlockPeriod(ctx, id, String(args.id), args.version, args.reason)
      return readingFromPrimary(() => db().periodLock.findUniqueOrThrow({ ...query, where: { id } }))
    },
  }),
)
