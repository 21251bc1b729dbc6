// Sign-in with the hub's session cookie: `login` sets it (HttpOnly, so the console never sees the
// token), `me` says who is signed in, `logout` ends it. The signed-in operator is kept in memory
// and asked for again after a sign-in, a sign-out, or a request the hub refused as anonymous.
import type { AuthProvider, UserIdentity } from 'react-admin'
import { errorCode, request } from './graphql.ts'
import { type EditScope, mayChange, type Role } from './permissions.ts'

export interface Operator {
  id: string
  username: string
  displayName: string | null
  role: Role
  division: { id: string; nameZh: string; nameEn: string | null } | null
}

const OPERATOR = 'id username displayName role division { id nameZh nameEn }'

/** Divisions read in one request when listing an editor's scope. */
const SCOPE_PAGE = 200

export function createAuthProvider(getLocale: () => string): AuthProvider & { editScope(): Promise<EditScope> } {
  let current: Promise<Operator | null> | undefined
  let scope: { operator: Operator; ids: Promise<EditScope> } | undefined

  const send = <T>(query: string, variables: Record<string, unknown> = {}) => request<T>(query, variables, getLocale())

  /** The signed-in operator (asked once, then remembered), or null. */
  function operator(): Promise<Operator | null> {
    current ??= send<{ me: Operator | null }>(`query Me { me { ${OPERATOR} } }`).then(
      (data) => data.me,
      (error) => {
        current = undefined
        throw error
      },
    )
    return current
  }

  /** The IDs of the signed-in editor's division and everything beneath it (null: no limit). */
  async function editScope(): Promise<EditScope> {
    const me = await operator()
    if (!me?.division) return null
    if (scope?.operator !== me) {
      const divisionId = me.division.id
      const ids = (async () => {
        const found = new Set<string>()
        for (let offset = 0; ; offset += SCOPE_PAGE) {
          const data = await send<{ divisions: { totalCount: number; nodes: { id: string }[] } }>(
            `query EditScope($within: ID!, $first: Int, $offset: Int) {
              divisions(where: { withinDivision: $within }, first: $first, offset: $offset) { totalCount nodes { id } }
            }`,
            { within: divisionId, first: SCOPE_PAGE, offset },
          )
          for (const node of data.divisions.nodes) found.add(node.id)
          if (offset + SCOPE_PAGE >= data.divisions.totalCount) return found
        }
      })()
      scope = { operator: me, ids }
    }
    return scope.ids
  }

  return {
    editScope,

    async login({ username, password }: { username: string; password: string }) {
      current = undefined
      try {
        const data = await send<{ login: Operator }>(
          `mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { ${OPERATOR} } }`,
          { username, password },
        )
        current = Promise.resolve(data.login)
      } catch (error) {
        // The hub's own words: wrong name or password, or locked after too many attempts.
        const body = (error as { body?: { serverMessage?: string } }).body
        throw new Error(body?.serverMessage ?? (error as Error).message)
      }
    },

    async logout() {
      current = undefined
      try {
        await send('mutation Logout { logout }')
      } catch {
        // Signed out already (or the hub is unreachable): the login page is shown either way.
      }
    },

    async checkAuth() {
      if (!(await operator())) {
        current = undefined
        // No notification on the way to the login page: signing in is the expected first step.
        throw { message: false }
      }
    },

    async checkError(error) {
      // The session ended (expired, signed out elsewhere, account disabled). react-admin then signs
      // out here too, which forgets the operator; until then checkAuth still passes, so the notice shows.
      if (errorCode(error) === 'UNAUTHENTICATED' || error?.status === 401) throw { message: 'hub.auth.expired' }
      // FORBIDDEN and the rest are shown where they happen; they do not sign anyone out.
    },

    async getIdentity(): Promise<UserIdentity> {
      const me = await operator()
      if (!me) throw new Error('hub.auth.expired')
      return { ...me, fullName: me.displayName || me.username }
    },

    async getPermissions() {
      return (await operator())?.role
    },

    async canAccess({ action, resource, record }) {
      const role = (await operator())?.role
      return mayChange(role, action, resource, record, record ? await editScope() : null)
    },
  }
}
