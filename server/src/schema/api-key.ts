// Partner keys: the ApiKey type, and (admins) listing, creating and revoking keys.
import { GraphQLError } from 'graphql'
import { createApiKey, MAX_OVERLAP_HOURS, rotateKeySecret } from '../auth/api-keys.ts'
import { isValidKeyScope } from '../auth/permissions.ts'
import { prepareOperations } from '../auth/trusted-operations.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { announceAccessChange } from '../live/bus.ts'
import { actorColumns } from '../records/audit.ts'
import { recordKind, translateWriteError, userInputError } from '../records/errors.ts'
import { link } from '../records/family.ts'
import { idOf } from '../records/ids.ts'
import type { Locale } from '../records/validation.ts'
import {
  dayOf,
  daysBetween,
  LATENCY_BOUNDS_MS,
  NEAR_LIMIT_SHARE,
  p95Of,
  rateLimitUseOf,
  USAGE_RETENTION_DAYS,
} from '../rules/usage.ts'

/** A partner key as refusals name it (the console's name for them). */
const API_KEY = recordKind('ApiKey', 'API 密钥')

const text = {
  noSuchKey: { en: 'No such key.', zh: '找不到该 API 密钥。' },
  invalidInput: { en: 'Invalid input', zh: '输入有误' },
  invalidRange: { en: 'Invalid range', zh: '日期范围有误' },
  days: {
    en: `1 – ${USAGE_RETENTION_DAYS} days, from ≤ to`,
    zh: `须为 1 – ${USAGE_RETENTION_DAYS} 天，且 from 不晚于 to`,
  },
  unknownScope: { en: (scope: string) => `Unknown scope ${scope}`, zh: (scope: string) => `未知的权限范围 ${scope}` },
  nameLength: { en: '1–100 characters', zh: '须为 1–100 个字符' },
  noScope: { en: 'At least one scope', zh: '至少需要一个权限范围' },
}

const noSuchKey = (locale: Locale) => new GraphQLError(text.noSuchKey[locale], { extensions: { code: 'NOT_FOUND' } })

interface UsageDay {
  day: string
  requests: number
  errors: Record<string, number>
  rowsReturned: number
  bytesOut: number
  latencyBuckets: number[]
  lastUsedAt: Date | null
  lastAddress: string | null
}

const ErrorCount = builder.objectRef<{ code: string; count: number }>('ErrorCount').implement({
  description: 'How many errors of one code.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The error code (`extensions.code`).' }),
    count: t.exposeInt('count', { description: 'Errors with this code.' }),
  }),
})

const ApiKeyUsage = builder.objectRef<UsageDay>('ApiKeyUsage').implement({
  description: "A key's use on one day (UTC), summed over every instance of the hub.",
  fields: (t) => ({
    day: t.field({ type: 'Date', description: 'The day (UTC).', resolve: (u) => u.day }),
    requests: t.exposeInt('requests', { description: 'GraphQL requests answered.' }),
    errorCount: t.int({
      description: 'Errors in the responses, of every code.',
      resolve: (u) => Object.values(u.errors).reduce((sum, n) => sum + n, 0),
    }),
    errors: t.field({
      type: [ErrorCount],
      description: 'Errors by code, most frequent first.',
      resolve: (u) =>
        Object.entries(u.errors)
          .map(([code, count]) => ({ code, count }))
          .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    }),
    rowsReturned: t.exposeInt('rowsReturned', {
      description: 'Records returned (items of the lists in the responses).',
    }),
    p95LatencyMs: t.int({
      nullable: true,
      description: `95th percentile of the time to answer, in ms: the upper bound of its bucket (${LATENCY_BOUNDS_MS.join(', ')} ms); null without requests.`,
      resolve: (u) => p95Of(u.latencyBuckets),
    }),
    bytesOut: t.float({ description: 'Bytes of the response bodies.', resolve: (u) => u.bytesOut }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Last request of the day.' }),
    lastAddress: t.exposeString('lastAddress', {
      nullable: true,
      description: 'Where the last request of the day came from.',
    }),
  }),
})

async function usageOf(apiKeyId: number, from: string, to: string, locale: Locale): Promise<UsageDay[]> {
  const days = daysBetween(from, to)
  if (days.length === 0 || days.length > USAGE_RETENTION_DAYS) {
    throw userInputError(text.invalidRange[locale], [{ field: 'to', code: 'out_of_range', message: text.days[locale] }])
  }
  const rows = await db().apiKeyUsageDay.findMany({
    where: { apiKeyId, day: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
  })
  const byDay = new Map(rows.map((row) => [dayOf(row.day), row]))
  return days.map((day) => {
    const row = byDay.get(day)
    return {
      day,
      requests: row?.requests ?? 0,
      errors: (row?.errors as Record<string, number> | undefined) ?? {},
      rowsReturned: row?.rowsReturned ?? 0,
      bytesOut: Number(row?.bytesOut ?? 0),
      latencyBuckets: row?.latencyBuckets ?? [],
      lastUsedAt: row?.lastUsedAt ?? null,
      lastAddress: row?.lastAddress ?? null,
    }
  })
}

interface RateLimitUse {
  requests: number
  limit: number
  share: number
  nearing: boolean
  resetsInMs: number
}

const RateLimitUseRef = builder.objectRef<RateLimitUse>('RateLimitUse').implement({
  description:
    "How much of its per-minute limit a key has used in the current window (the rate limit's own counter: shared by every instance when the hub counts in Redis, this instance's otherwise).",
  fields: (t) => ({
    requests: t.exposeInt('requests', { description: 'Requests counted in the current window of a minute.' }),
    limit: t.exposeInt('limit', { description: 'Requests allowed per minute (rateLimitPerMinute).' }),
    share: t.exposeFloat('share', { description: 'requests / limit: 1 at the limit, more once requests are refused.' }),
    nearing: t.exposeBoolean('nearing', {
      description: `At least ${NEAR_LIMIT_SHARE * 100} % of the limit used: the key is near its limit.`,
    }),
    resetsInSeconds: t.int({
      description: 'Seconds until the window ends and the count starts again (0 when nothing is counted).',
      resolve: (use) => Math.ceil(use.resetsInMs / 1000),
    }),
  }),
})

interface TrustedOperationRow {
  id: number
  hash: string
  name: string | null
  document: string
  createdAt: Date
}

const TrustedOperation = builder.objectRef<TrustedOperationRow>('TrustedOperation').implement({
  description:
    'An operation a key may run by its hash (受信操作). A key with any may run only these; send `extensions: { persistedQuery: { version: 1, sha256Hash } }` instead of the query.',
  fields: (t) => ({
    hash: t.exposeString('hash', { description: 'SHA-256 (hex) of `document`: what the key sends.' }),
    name: t.exposeString('name', { nullable: true, description: 'The operation’s name.' }),
    document: t.exposeString('document', { description: 'The operation and the fragments it uses, as stored.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered.' }),
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
    rateLimitUse: t.field({
      type: RateLimitUseRef,
      nullable: true,
      description:
        'How much of its per-minute limit the key has used in the current minute, and whether it is near it; null when the hub counts no rate limits.',
      resolve: async (key, _args, ctx) => {
        if (!ctx.rateLimits) return null
        const window = await ctx.rateLimits(`key:${key.id}`)
        return { ...rateLimitUseOf(window.requests, key.rateLimitPerMinute), resetsInMs: window.resetsInMs }
      },
    }),
    trustedOperations: t.field({
      type: [TrustedOperation],
      description: 'The operations the key may run, when it is bound to some (then only those).',
      resolve: (key) => db().trustedOperation.findMany({ where: { apiKeyId: key.id }, orderBy: { id: 'asc' } }),
    }),
    usage: t.field({
      type: [ApiKeyUsage],
      description: `The key's use per day (UTC), every day from \`from\` to \`to\` (at most ${USAGE_RETENTION_DAYS} days; days without use count zero). Counted as responses are sent and stored every few seconds.`,
      args: {
        from: t.arg({ type: 'Date', required: true, description: 'First day (UTC).' }),
        to: t.arg({ type: 'Date', required: true, description: 'Last day (UTC), included.' }),
      },
      resolve: (key, args, ctx) => usageOf(key.id, dayOf(args.from), dayOf(args.to), ctx.locale),
    }),
    lastUsedFrom: t.string({
      nullable: true,
      description: 'The address the key was last used from (as the access log sees it, behind trusted proxies).',
      resolve: async (key) =>
        (
          await db().apiKeyUsageDay.findFirst({
            where: { apiKeyId: key.id, lastAddress: { not: null } },
            orderBy: { day: 'desc' },
            select: { lastAddress: true },
          })
        )?.lastAddress ?? null,
    }),
    rotatedAt: t.expose('rotatedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the key last got a new secret (rotateApiKey).',
    }),
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

builder.queryField('apiKeys', (t) =>
  t.prismaField({
    type: ['ApiKey'],
    authScopes: { admin: true },
    description: 'All partner keys, newest first (admins).',
    resolve: (query) => db().apiKey.findMany({ ...query, orderBy: { id: 'desc' } }),
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
      const errors = bad.map((scope) => ({
        field: 'scopes',
        code: 'invalid',
        message: text.unknownScope[ctx.locale](scope),
      }))
      if (!input.name.trim() || input.name.length > 100)
        errors.push({ field: 'name', code: 'invalid', message: text.nameLength[ctx.locale] })
      if (input.scopes.length === 0)
        errors.push({ field: 'scopes', code: 'required', message: text.noScope[ctx.locale] })
      if (input.rateLimitPerMinute != null && (input.rateLimitPerMinute < 1 || input.rateLimitPerMinute > 100_000)) {
        errors.push({ field: 'rateLimitPerMinute', code: 'out_of_range', message: '1 – 100000' })
      }
      if (errors.length) throw userInputError(text.invalidInput[ctx.locale], errors)
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
    resolve: async (query, _root, { id }, ctx) => {
      const keyId = idOf(String(id), 'ApiKey')
      if (keyId === undefined) throw noSuchKey(ctx.locale)
      const key = await db()
        .apiKey.update({ ...query, where: { id: keyId }, data: { revokedAt: new Date() } })
        .catch((error) => translateWriteError(error, API_KEY, 'update', ctx.locale))
      // Streams open with the key end at once, on every instance.
      await announceAccessChange({ keyId })
      return key
    },
  }),
)

const RotatedApiKey = builder
  .objectRef<{ id: number; secret: string; previousSecretValidUntil: Date }>('RotatedApiKey')
  .implement({
    description: 'A key with its new secret. Store it now: the hub keeps only its hash.',
    fields: (t) => ({
      secret: t.exposeString('secret', { description: 'The new key to send as `Authorization: Bearer <secret>`.' }),
      previousSecretValidUntil: t.expose('previousSecretValidUntil', {
        type: 'DateTime',
        description: 'Until when the previous secret still works; afterwards it is refused with KEY_ROTATED.',
      }),
      apiKey: t.prismaField({
        type: 'ApiKey',
        description: 'The key as listed.',
        resolve: (query, parent) => db().apiKey.findUniqueOrThrow({ ...query, where: { id: parent.id } }),
      }),
    }),
  })

builder.mutationField('rotateApiKey', (t) =>
  t.field({
    type: RotatedApiKey,
    authScopes: { admin: true },
    description: `Gives a key a new secret (admins), returned here and nowhere else. The previous secret keeps working for \`overlapHours\` (0–${MAX_OVERLAP_HOURS}) so the partner can switch without a gap; then it is refused with KEY_ROTATED. Audited.`,
    args: {
      id: t.arg.id({ required: true, description: 'Global ID of the ApiKey.' }),
      overlapHours: t.arg.int({
        required: true,
        description: `Hours the previous secret still works (0: not at all; at most ${MAX_OVERLAP_HOURS}).`,
      }),
      reason: t.arg.string({ description: 'Why, in your words; kept in the audit trail (≤ 1000 characters).' }),
    },
    resolve: async (_root, { id, overlapHours, reason }, ctx) => {
      if (overlapHours < 0 || overlapHours > MAX_OVERLAP_HOURS) {
        throw userInputError(text.invalidInput[ctx.locale], [
          { field: 'overlapHours', code: 'out_of_range', message: `0 – ${MAX_OVERLAP_HOURS}` },
        ])
      }
      const keyId = idOf(String(id), 'ApiKey')
      const rotated =
        keyId === undefined
          ? undefined
          : await db().$transaction(async (tx) => {
              const done = await rotateKeySecret(tx, keyId, overlapHours)
              if (!done) return undefined
              await tx.auditEvent.create({
                data: {
                  ...actorColumns(ctx.actor),
                  requestId: ctx.requestId,
                  recordType: 'ApiKey',
                  recordId: keyId,
                  action: 'UPDATE',
                  // The prefixes only: a secret, or its hash, never goes into the trail.
                  changes: {
                    prefix: { before: done.before.prefix, after: done.after.prefix },
                    previousSecretValidUntil: { before: null, after: done.validUntil.toISOString() },
                  },
                  reason: reason?.trim() || null,
                },
              })
              return done
            })
      if (!rotated) throw noSuchKey(ctx.locale)
      // Streams opened with the old secret check it again: they end with KEY_ROTATED when its
      // overlap ends (at once without one), on every instance.
      await announceAccessChange({ keyId: rotated.after.id })
      return { id: rotated.after.id, secret: rotated.secret, previousSecretValidUntil: rotated.validUntil }
    },
  }),
)

builder.mutationField('registerTrustedOperations', (t) =>
  t.field({
    type: [TrustedOperation],
    authScopes: { admin: true },
    description:
      'Binds a key to the operations of a .graphql document (admins): each operation, with the fragments it uses, is parsed and validated now and stored by its SHA-256; from then on the key may run only its registered operations, by hash (TRUSTED_OPERATIONS_ONLY otherwise). Registering one again changes nothing. Audited.',
    args: {
      apiKeyId: t.arg.id({ required: true, description: 'Global ID of the ApiKey.' }),
      document: t.arg.string({
        required: true,
        description: 'The .graphql document: one or more named queries and their fragments.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const keyId = idOf(String(args.apiKeyId), 'ApiKey')
      const key = keyId === undefined ? null : await db().apiKey.findUnique({ where: { id: keyId } })
      if (!key) throw noSuchKey(ctx.locale)
      // The built schema imports this file: fetched when first needed.
      const { schema } = await import('./index.ts')
      const prepared = prepareOperations(schema, args.document, ctx.locale)
      const registered = await db().$transaction(async (tx) => {
        const rows: TrustedOperationRow[] = []
        for (const operation of prepared) {
          rows.push(
            await tx.trustedOperation.upsert({
              where: { apiKeyId_hash: { apiKeyId: key.id, hash: operation.hash } },
              create: {
                apiKeyId: key.id,
                ...operation,
                createdById: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
              },
              update: {},
            }),
          )
        }
        await tx.auditEvent.create({
          data: {
            ...actorColumns(ctx.actor),
            requestId: ctx.requestId,
            recordType: 'ApiKey',
            recordId: key.id,
            action: 'UPDATE',
            changes: {
              trustedOperations: { before: null, after: rows.map((row) => ({ name: row.name, hash: row.hash })) },
            },
          },
        })
        return rows
      })
      // Streams the key has open end, as with any change of what it may do.
      await announceAccessChange({ keyId: key.id })
      return registered
    },
  }),
)

builder.mutationField('removeTrustedOperation', (t) =>
  t.field({
    type: 'Boolean',
    authScopes: { admin: true },
    description:
      'Removes one of a key’s trusted operations, by hash (admins); true when there was one to remove. Once the last is removed the key is unbound again: it may run any query its scopes allow, as before it had any. Audited.',
    args: {
      apiKeyId: t.arg.id({ required: true, description: 'Global ID of the ApiKey.' }),
      hash: t.arg.string({ required: true, description: 'The operation’s hash (TrustedOperation.hash).' }),
    },
    resolve: async (_root, args, ctx) => {
      const keyId = idOf(String(args.apiKeyId), 'ApiKey')
      const key = keyId === undefined ? null : await db().apiKey.findUnique({ where: { id: keyId } })
      if (!key) throw noSuchKey(ctx.locale)
      const removed = await db().$transaction(async (tx) => {
        const row = await tx.trustedOperation.findUnique({
          where: { apiKeyId_hash: { apiKeyId: key.id, hash: args.hash } },
        })
        if (!row) return false
        await tx.trustedOperation.delete({ where: { id: row.id } })
        await tx.auditEvent.create({
          data: {
            ...actorColumns(ctx.actor),
            requestId: ctx.requestId,
            recordType: 'ApiKey',
            recordId: key.id,
            action: 'UPDATE',
            changes: { trustedOperations: { before: [{ name: row.name, hash: row.hash }], after: null } },
          },
        })
        return true
      })
      // What the key may run changed: its open streams check its access again, as after registering.
      if (removed) await announceAccessChange({ keyId: key.id })
      return removed
    },
  }),
)
