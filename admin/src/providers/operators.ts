// The hub's administration as react-admin resources: operator accounts (`users`), partner keys
// (`apiKeys`), the audit trail (`auditEvents`) and the trash (`trash`). The hub returns accounts,
// keys and the trash whole; they are searched, sorted and paged here. The audit trail is paged by
// the hub with cursors, remembered per page so numbered pages work.

type Json = Record<string, unknown>
type Send = <T = Json>(query: string, variables?: Json, signal?: AbortSignal) => Promise<T>

export const OPERATOR_RESOURCES = ['users', 'apiKeys', 'auditEvents', 'trash'] as const
export type OperatorResource = (typeof OPERATOR_RESOURCES)[number]

export function isOperatorResource(resource: string): resource is OperatorResource {
  return (OPERATOR_RESOURCES as readonly string[]).includes(resource)
}

interface ListParams {
  filter?: Json
  sort?: { field: string; order: string }
  pagination?: { page: number; perPage: number } | false
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Searches (`q` in the given text fields), filters (exact values), sorts and pages a list held in full. */
export function localPage(records: Json[], params: ListParams, searchIn: string[]) {
  const { q, ...filters } = params.filter ?? {}
  const needle = typeof q === 'string' ? q.trim().toLowerCase() : ''
  let rows = records.filter(
    (record) =>
      (!needle ||
        searchIn.some((field) =>
          String(record[field] ?? '')
            .toLowerCase()
            .includes(needle),
        )) &&
      Object.entries(filters).every(([field, value]) => isEmpty(value) || same(record[field], value)),
  )
  const sort = params.sort
  if (sort?.field) {
    const direction = sort.order === 'DESC' ? -1 : 1
    rows = [...rows].sort((a, b) => {
      const x = a[sort.field]
      const y = b[sort.field]
      if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1
      return String(x).localeCompare(String(y), 'zh-CN', { numeric: true }) * direction
    })
  }
  if (!params.pagination) return { data: rows, total: rows.length }
  const { page, perPage } = params.pagination
  return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length }
}

// ——— Operator accounts ————————————————————————————————————————————————————————————

const USER = 'id username displayName role division { id } disabledAt lastLoginAt createdAt version'

export function toUserRecord(node: Json): Json {
  const { division, ...rest } = node
  return { ...rest, divisionId: (division as { id?: string } | null)?.id ?? null, disabled: Boolean(node.disabledAt) }
}

/** A UserInput with what the form changed; a password only when one was typed. */
export function userInput(data: Json, previous?: Json): Json {
  const input: Json = {}
  for (const field of ['username', 'displayName', 'role', 'divisionId']) {
    if (!(field in data)) continue
    const raw = data[field]
    const value = typeof raw === 'string' ? raw.trim() || null : (raw ?? null)
    if (value === null && (field === 'username' || field === 'role')) continue
    if (previous && same(value, previous[field])) continue
    input[field] = value
  }
  if (typeof data.password === 'string' && data.password !== '') input.password = data.password
  if ('disabled' in data && (!previous || Boolean(data.disabled) !== Boolean(previous.disabled))) {
    input.disabled = Boolean(data.disabled)
  }
  return input
}

// ——— Partner keys ————————————————————————————————————————————————————————————————

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

// ——— Audit trail —————————————————————————————————————————————————————————————————

const AUDIT_LIST = 'id at actorKind actorName recordType recordId action changes reason version'

/** The next day at midnight, local time (`to` is exclusive; the filter names an inclusive day). */
function dayAfter(day: string) {
  const date = new Date(`${day.slice(0, 10)}T00:00:00`)
  date.setDate(date.getDate() + 1)
  return date
}

/** Arguments of `auditEvents` from the list's filter: type, record, actor, and days from/to (inclusive). */
export function auditArguments(filter: Json = {}): Json {
  const args: Json = {}
  if (!isEmpty(filter.recordType)) args.recordType = filter.recordType
  if (!isEmpty(filter.recordId)) args.recordId = filter.recordId
  if (typeof filter.actorName === 'string' && filter.actorName.trim()) args.actorName = filter.actorName.trim()
  if (!isEmpty(filter.from)) args.from = new Date(`${String(filter.from).slice(0, 10)}T00:00:00`).toISOString()
  if (!isEmpty(filter.to)) args.to = dayAfter(String(filter.to)).toISOString()
  return args
}

const AUDIT_QUERY = `query Audit($first: Int, $after: String, $recordType: RecordType, $recordId: ID, $actorName: String, $from: DateTime, $to: DateTime) {
  auditEvents(first: $first, after: $after, recordType: $recordType, recordId: $recordId, actorName: $actorName, from: $from, to: $to) {
    totalCount pageInfo { endCursor hasNextPage } nodes { ${AUDIT_LIST} }
  }
}`

// ——— Trash ———————————————————————————————————————————————————————————————————————

const TRASH = 'id recordId recordType nameZh nameEn deletedAt version deletedBy'
/** Most items the hub lists from the trash in one answer. */
const TRASH_LIMIT = 200

// ——— The provider ————————————————————————————————————————————————————————————————

/**
 * The hub names an account's or key's invalid fields `input.0.username`: put them beside the form's
 * own `username` input.
 */
export function unwrapInputErrors(error: unknown): never {
  const body = (error as { body?: { errors?: Json } } | null)?.body
  const nested = (body?.errors?.input as Json | undefined)?.[0] ?? body?.errors?.input
  if (body?.errors && nested && typeof nested === 'object') {
    const { input: _input, ...rest } = body.errors
    body.errors = { ...rest, ...(nested as Json) }
  }
  throw error
}

interface AuditPage {
  totalCount: number
  pageInfo: { endCursor: string | null; hasNextPage: boolean }
  nodes: Json[]
}

export function createOperatorProvider(send: Send) {
  /** End cursors of audit pages already read: `<filter>|<perPage>|<page>` → cursor after it. */
  const cursors = new Map<string, string | null>()

  async function auditList(params: ListParams, signal?: AbortSignal) {
    const args = auditArguments(params.filter)
    const { page = 1, perPage = 25 } = params.pagination || {}
    const prefix = `${JSON.stringify(args)}|${perPage}|`
    const key = (n: number) => `${prefix}${n}`
    // The first page starts afresh: newer events may have moved every later page.
    if (page === 1) for (const known of [...cursors.keys()]) if (known.startsWith(prefix)) cursors.delete(known)
    // Pages before this one whose end is not known yet are walked once, from the nearest known.
    let known = page - 1
    while (known > 0 && !cursors.has(key(known))) known--
    let after = known > 0 ? (cursors.get(key(known)) ?? null) : null
    for (let n = known + 1; n < page; n++) {
      const data = await send<{ auditEvents: AuditPage }>(AUDIT_QUERY, { ...args, first: perPage, after }, signal)
      after = data.auditEvents.pageInfo.endCursor
      cursors.set(key(n), after)
      if (!data.auditEvents.pageInfo.hasNextPage) break
    }
    const data = await send<{ auditEvents: AuditPage }>(AUDIT_QUERY, { ...args, first: perPage, after }, signal)
    cursors.set(key(page), data.auditEvents.pageInfo.endCursor)
    return { data: data.auditEvents.nodes, total: data.auditEvents.totalCount }
  }

  return {
    async getList(resource: OperatorResource, params: ListParams, signal?: AbortSignal) {
      switch (resource) {
        case 'users': {
          const data = await send<{ users: Json[] }>(`query Users { users { ${USER} } }`, {}, signal)
          return localPage(data.users.map(toUserRecord), params, ['username', 'displayName'])
        }
        case 'apiKeys': {
          const data = await send<{ apiKeys: Json[] }>(`query ApiKeys { apiKeys { ${API_KEY} } }`, {}, signal)
          const records = data.apiKeys.map((node) => toApiKeyRecord(node))
          return localPage(records, params, ['name', 'prefix'])
        }
        case 'auditEvents':
          return auditList(params, signal)
        case 'trash': {
          const { recordType, ...rest } = params.filter ?? {}
          const data = await send<{ trash: Json[] }>(
            `query Trash($recordType: RecordType, $first: Int) { trash(recordType: $recordType, first: $first) { ${TRASH} } }`,
            { recordType: isEmpty(recordType) ? undefined : recordType, first: TRASH_LIMIT },
            signal,
          )
          return localPage(data.trash, { ...params, filter: rest }, ['nameZh', 'nameEn', 'deletedBy'])
        }
      }
    },

    async getMany(resource: OperatorResource, ids: (string | number)[], signal?: AbortSignal) {
      const { data } = await this.getList(resource, {}, signal)
      return data.filter((record) => ids.includes(record.id as string))
    },

    async getOne(resource: OperatorResource, id: string | number, signal?: AbortSignal) {
      const type = resource === 'users' ? 'User' : resource === 'apiKeys' ? 'ApiKey' : undefined
      if (!type) {
        const found = (await this.getMany(resource, [id], signal))[0]
        if (!found) throw new Error('ra.notification.item_doesnt_exist')
        return found
      }
      const fields = type === 'User' ? USER : API_KEY
      const data = await send<{ node: Json | null }>(
        `query One($id: ID!) { node(id: $id) { __typename ... on ${type} { ${fields} } } }`,
        { id },
        signal,
      )
      if (!data.node || data.node.__typename !== type) throw new Error('ra.notification.item_doesnt_exist')
      return type === 'User' ? toUserRecord(data.node) : toApiKeyRecord(data.node)
    },

    async create(resource: OperatorResource, data: Json) {
      if (resource === 'users') {
        const result = await send<{ user: Json }>(
          `mutation CreateUser($input: UserInput!) { user: createUser(input: $input) { ${USER} } }`,
          { input: userInput(data) },
        ).catch(unwrapInputErrors)
        return toUserRecord(result.user)
      }
      if (resource === 'apiKeys') {
        const result = await send<{ created: { secret: string; apiKey: Json } }>(
          `mutation CreateApiKey($input: ApiKeyInput!) { created: createApiKey(input: $input) { secret apiKey { ${API_KEY} } } }`,
          { input: apiKeyInput(data) },
        ).catch(unwrapInputErrors)
        // The secret is returned this once, for the dialog that shows it.
        return { ...toApiKeyRecord(result.created.apiKey), secret: result.created.secret }
      }
      throw new Error(`${resource} cannot be created`)
    },

    async update(resource: OperatorResource, id: string | number, data: Json, previous?: Json) {
      if (resource !== 'users') throw new Error(`${resource} cannot be edited`)
      const result = await send<{ user: Json }>(
        `mutation UpdateUser($id: ID!, $version: Int!, $input: UserInput!) { user: updateUser(id: $id, version: $version, input: $input) { ${USER} } }`,
        { id, version: previous?.version ?? data.version, input: userInput(data, previous) },
      ).catch(unwrapInputErrors)
      return toUserRecord(result.user)
    },

    async revokeApiKey(id: string | number) {
      const result = await send<{ key: Json }>(
        `mutation Revoke($id: ID!) { key: revokeApiKey(id: $id) { ${API_KEY} } }`,
        { id },
      )
      return toApiKeyRecord(result.key)
    },
  }
}
