// The console's sign-in over the hub's session cookie, against a stand-in for the hub's /graphql.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAuthProvider } from '../../admin/src/providers/authProvider.ts'

interface Call {
  query: string
  variables: Record<string, unknown>
  headers: Record<string, string>
  credentials?: string
}

const ADMIN = { id: 'VXNlcjox', username: 'li', displayName: '李', role: 'ADMIN', division: null }

let calls: Call[]
let signedIn: typeof ADMIN | null

beforeEach(() => {
  calls = []
  signedIn = null
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const { query, variables } = JSON.parse(String(init.body))
    calls.push({ query, variables, headers: init.headers as Record<string, string>, credentials: init.credentials })
    const answer = (body: unknown) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
    if (query.includes('login(')) {
      if (variables.password !== 'right password') {
        return answer({
          data: null,
          errors: [{ message: '用户名或密码不正确。', extensions: { code: 'UNAUTHENTICATED' } }],
        })
      }
      signedIn = ADMIN
      return answer({ data: { login: ADMIN } })
    }
    if (query.includes('logout')) {
      signedIn = null
      return answer({ data: { logout: true } })
    }
    return answer({ data: { me: signedIn } })
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the auth provider', () => {
  it("sends the cookie and the hub's CSRF header, and shows the hub's words for a wrong password", async () => {
    const auth = createAuthProvider(() => 'zh-CN')
    await expect(auth.login({ username: 'li', password: 'wrong' })).rejects.toThrow('用户名或密码不正确。')
    expect(calls[0]?.headers['x-minsheng-csrf']).toBe('1')
    expect(calls[0]?.headers['accept-language']).toBe('zh-CN')
    expect(calls[0]?.credentials).toBe('same-origin')
  })

  it('knows the operator after signing in, without asking again, and forgets them after signing out', async () => {
    const auth = createAuthProvider(() => 'en')
    await expect(auth.checkAuth({})).rejects.toEqual({ message: false })
    await auth.login({ username: 'li', password: 'right password' })
    await auth.checkAuth({})
    expect(await auth.getPermissions?.({})).toBe('ADMIN')
    expect(await auth.getIdentity?.()).toMatchObject({ fullName: '李', role: 'ADMIN' })
    expect(await auth.canAccess?.({ action: 'purge', resource: 'trash' } as never)).toBe(true)
    expect(calls.filter((call) => call.query.includes('me {'))).toHaveLength(1)
    await auth.logout({})
    await expect(auth.checkAuth({})).rejects.toEqual({ message: false })
  })

  it('signs out on UNAUTHENTICATED, not on FORBIDDEN', async () => {
    const auth = createAuthProvider(() => 'zh-CN')
    await expect(auth.checkError({ status: 401, body: { code: 'UNAUTHENTICATED' } })).rejects.toEqual({
      message: 'hub.auth.expired',
    })
    await expect(auth.checkError({ status: 403, body: { code: 'FORBIDDEN' } })).resolves.toBeUndefined()
    await expect(auth.checkError({ status: 409, body: { code: 'CONFLICT' } })).resolves.toBeUndefined()
  })
})
