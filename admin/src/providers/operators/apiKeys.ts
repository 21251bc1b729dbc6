// Partner keys (`apiKeys`): listed whole by the hub; created (the secret shown once) and revoked by admins.
import { isEmpty, type Json, localPage, operatorProvider, type Send, unwrapInputErrors } from './local.ts'

const API_KEY =
  'id name prefix scopes expiresAt rateLimitPerMinute revokedAt lastUsedAt rotatedAt createdAt createdBy { username displayName } rateLimitUse { requests limit share nearing }'

/** An operation a key may run by hash, as its page lists it. */
export interface TrustedOperation {
  name: string | null
  hash: string
  createdAt: string
}

const TRUSTED = 'name hash createdAt'

/** One day of a key's use, as `ApiKey.usage` gives it. */
export interface UsageDay {
  day: string
  requests: number
  errorCount: number
  errors: { code: string; count: number }[]
  rowsReturned: number
  p95LatencyMs: number | null
  bytesOut: number
}

const USAGE = 'day requests errorCount errors { code count } rowsReturned p95LatencyMs bytesOut'

/** The last `days` days (UTC) ending today, as `usage(from, to)` takes them. */
export function usageRange(days: number, now = new Date()): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10)
  const from = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10)
  return { from, to }
}

/** A period's totals for the key's page: sums, the worst day's p95, and errors by code. */
export function usageTotals(days: UsageDay[]) {
  const errors = new Map<string, number>()
  for (const day of days) for (const e of day.errors) errors.set(e.code, (errors.get(e.code) ?? 0) + e.count)
  const p95s = days.flatMap((day) => (day.p95LatencyMs == null ? [] : [day.p95LatencyMs]))
  return {
    requests: days.reduce((sum, day) => sum + day.requests, 0),
    errors: days.reduce((sum, day) => sum + day.errorCount, 0),
    rows: days.reduce((sum, day) => sum + day.rowsReturned, 0),
    bytes: days.reduce((sum, day) => sum + day.bytesOut, 0),
    worstP95: p95s.length > 0 ? Math.max(...p95s) : null,
    byCode: [...errors.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count),
  }
}

export type KeyStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED'

export function toApiKeyRecord(node: Json, now = Date.now()): Json {
  const { createdBy, ...rest } = node
  const by = createdBy as { username: string; displayName: string | null } | null
  const status: KeyStatus = node.revokedAt
    ? 'REVOKED'
    : node.expiresAt && Date.parse(String(node.expiresAt)) <= now
      ? 'EXPIRED'
      : 'ACTIVE'
  return { ...rest, createdByName: by ? by.displayName || by.username : null, status }
}

/** An ApiKeyInput from the form: a trimmed name, distinct scopes, an optional expiry and limit. */
export function apiKeyInput(data: Json): Json {
  const input: Json = {
    name: String(data.name ?? '').trim(),
    scopes: [...new Set((data.scopes as string[] | undefined) ?? [])],
  }
  if (!isEmpty(data.expiresAt)) {
    const at = data.expiresAt instanceof Date ? data.expiresAt : new Date(String(data.expiresAt))
    input.expiresAt = at.toISOString()
  }
  if (!isEmpty(data.rateLimitPerMinute)) input.rateLimitPerMinute = Number(data.rateLimitPerMinute)
  return input
}

export function createApiKeysProvider(send: Send) {
  return {
    ...operatorProvider({
      async getList(_resource, params) {
        const data = await send<{ apiKeys: Json[] }>(`query ApiKeys { apiKeys { ${API_KEY} } }`, {}, params.signal)
        return localPage(
          data.apiKeys.map((node) => toApiKeyRecord(node)),
          params,
          ['name', 'prefix'],
        ) as never
      },
      async getOne(_resource, { id, signal }) {
        const data = await send<{ node: Json | null }>(
          `query ApiKey($id: ID!) { node(id: $id) { __typename ... on ApiKey { ${API_KEY} } } }`,
          { id },
          signal,
        )
        if (data.node?.__typename !== 'ApiKey') throw new Error('ra.notification.item_doesnt_exist')
        return { data: toApiKeyRecord(data.node) as never }
      },
      async create(_resource, { data }) {
        const result = await send<{ created: { secret: string; apiKey: Json } }>(
          `mutation CreateApiKey($input: ApiKeyInput!) { created: createApiKey(input: $input) { secret apiKey { ${API_KEY} } } }`,
          { input: apiKeyInput(data as Json) },
        ).catch(unwrapInputErrors)
        // The secret is returned this once, for the dialog that shows it.
        return { data: { ...toApiKeyRecord(result.created.apiKey), secret: result.created.secret } as never }
      },
    }),

    /** The key's use per day over the last `days` days, and where it was last used from. */
    async usage(id: string | number, days: number, signal?: AbortSignal) {
      const data = await send<{ node: { usage: UsageDay[]; lastUsedFrom: string | null } | null }>(
        `query ApiKeyUsage($id: ID!, $from: Date!, $to: Date!) { node(id: $id) { ... on ApiKey { lastUsedFrom usage(from: $from, to: $to) { ${USAGE} } } } }`,
        { id, ...usageRange(days) },
        signal,
      )
      return data.node ?? { usage: [], lastUsedFrom: null }
    },

    /** The operations a key is bound to (none: it runs any query its scopes allow). */
    async trustedOperations(id: string | number, signal?: AbortSignal) {
      const data = await send<{ node: { trustedOperations: TrustedOperation[] } | null }>(
        `query TrustedOperations($id: ID!) { node(id: $id) { ... on ApiKey { trustedOperations { ${TRUSTED} } } } }`,
        { id },
        signal,
      )
      return data.node?.trustedOperations ?? []
    },

    /** Registers the operations of a .graphql document for a key; the hub checks it against the schema. */
    async registerTrustedOperations(id: string | number, document: string) {
      const data = await send<{ registered: TrustedOperation[] }>(
        `mutation RegisterTrustedOperations($id: ID!, $document: String!) { registered: registerTrustedOperations(apiKeyId: $id, document: $document) { ${TRUSTED} } }`,
        { id, document },
      )
      return data.registered
    },

    /** Removes one of a key's operations; after the last, the key is unbound. */
    async removeTrustedOperation(id: string | number, hash: string) {
      const data = await send<{ removed: boolean }>(
        'mutation RemoveTrustedOperation($id: ID!, $hash: String!) { removed: removeTrustedOperation(apiKeyId: $id, hash: $hash) }',
        { id, hash },
      )
      return data.removed
    },

    /** Revokes a key at once. */
    async revokeApiKey(id: string | number) {
      const result = await send<{ key: Json }>(
        `mutation Revoke($id: ID!) { key: revokeApiKey(id: $id) { ${API_KEY} } }`,
        { id },
      )
      return toApiKeyRecord(result.key)
    },
  }
}
