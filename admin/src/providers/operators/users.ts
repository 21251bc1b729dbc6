// Operator accounts (`users`): listed whole by the hub, searched and paged here; created and
// changed by admins.
import { isEmpty, type Json, localPage, operatorProvider, type Send, same, unwrapInputErrors } from './local.ts'

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

export function createUsersProvider(send: Send) {
  return operatorProvider({
    async getList(_resource, params) {
      const data = await send<{ users: Json[] }>(`query Users { users { ${USER} } }`, {}, params.signal)
      return localPage(data.users.map(toUserRecord), params, ['username', 'displayName']) as never
    },
    async getOne(_resource, { id, signal }) {
      const data = await send<{ node: Json | null }>(
        `query User($id: ID!) { node(id: $id) { __typename ... on User { ${USER} } } }`,
        { id },
        signal,
      )
      if (data.node?.__typename !== 'User') throw new Error('ra.notification.item_doesnt_exist')
      return { data: toUserRecord(data.node) as never }
    },
    async create(_resource, { data }) {
      const result = await send<{ user: Json }>(
        `mutation CreateUser($input: UserInput!) { user: createUser(input: $input) { ${USER} } }`,
        { input: userInput(data as Json) },
      ).catch(unwrapInputErrors)
      return { data: toUserRecord(result.user) as never }
    },
    async update(_resource, { id, data, previousData }) {
      const result = await send<{ user: Json }>(
        `mutation UpdateUser($id: ID!, $version: Int!, $input: UserInput!) { user: updateUser(id: $id, version: $version, input: $input) { ${USER} } }`,
        {
          id,
          version: (previousData as Json | undefined)?.version ?? (data as Json).version,
          input: userInput(data as Json, isEmpty(previousData) ? undefined : (previousData as Json)),
        },
      ).catch(unwrapInputErrors)
      return { data: toUserRecord(result.user) as never }
    },
  })
}
