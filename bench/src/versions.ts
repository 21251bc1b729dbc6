// Looks things up through a server's own API before a run: the current versions of the hospitals
// the update scenario changes (ours), and signing in.
import { randomBytes } from 'node:crypto'
import { globalId } from './fixtures.ts'
import { postGraphQL } from './statements.ts'

/** Hospital id → its current version, read from our hub (`nodes(ids:)`). */
export async function currentVersions(url: string, ids: number[], cookie?: string): Promise<Map<number, number>> {
  const query = `query Versions($ids: [ID!]!) { nodes(ids: $ids) { ... on Hospital { version } } }`
  const variables = { ids: ids.map((id) => globalId('Hospital', id)) }
  const { json } = await postGraphQL(url, JSON.stringify({ query, variables }), cookie ? { cookie } : {})
  const nodes = (json.data as { nodes: ({ version: number } | null)[] } | undefined)?.nodes
  // Without versions (e.g. the hub refuses anonymous reads) the updates go without the check.
  if (!nodes) return new Map<number, number>()
  return new Map(ids.flatMap((id, index) => (nodes[index] ? [[id, nodes[index].version] as const] : [])))
}

/** The operator the bench signs in as (created by the hub from ADMIN_USERNAME/ADMIN_PASSWORD). */
export const BENCH_ADMIN = { username: 'bench-admin', password: randomBytes(15).toString('base64url') }

/**
 * Signs in to our hub and returns the session cookie, or undefined when the hub has no `login`
 * (before the trust work) or refuses. Changes need a signed-in editor; reads are public here.
 */
export async function signIn(url: string, admin = BENCH_ADMIN): Promise<string | undefined> {
  const query =
    'mutation SignIn($username: String!, $password: String!) { login(username: $username, password: $password) { id } }'
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: admin }),
  })
  const json = (await response.json()) as { errors?: unknown[] }
  if (json.errors) return undefined
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
  return cookies.length > 0 ? cookies.join('; ') : undefined
}
