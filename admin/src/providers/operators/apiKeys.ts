// Partner keys (`apiKeys`): listed whole by the hub; created (the secret shown once) and revoked by admins.
import { isEmpty, type Json, localPage, operatorProvider, type Send, unwrapInputErrors } from './local.ts'

const API_KEY =
  'id name prefix scopes expiresAt rateLimitPerMinute revokedAt lastUsedAt createdAt createdBy { username displayName }'

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
