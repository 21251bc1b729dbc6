// Works out the actor of a request from its session cookie or bearer key.
import { GraphQLError } from 'graphql'
import { currentRequest } from '../operations/request-context.ts'
import { readingFromPrimary } from '../read-your-writes.ts'
import { type Actor, ANONYMOUS } from './actor.ts'
import { actorForKey, ROTATED } from './api-keys.ts'
import { SESSION_COOKIE, type SessionPolicy, userForSession } from './sessions.ts'

function cookieValue(header: string | null, name: string) {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return undefined
}

// Who is asking is read from the primary: a session just started, or a key just revoked, must count
// at once, not when a replica catches up.
export function identify(request: Request, policy: SessionPolicy): Promise<Actor> {
  return readingFromPrimary(() => identifyCaller(request, policy))
}

async function identifyCaller(request: Request, policy: SessionPolicy): Promise<Actor> {
  const authorization = request.headers.get('authorization')
  if (authorization) {
    const [scheme, secret] = authorization.split(' ')
    if (scheme?.toLowerCase() !== 'bearer' || !secret) {
      throw new GraphQLError('The Authorization header must be "Bearer <key>".', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      })
    }
    const key = await actorForKey(secret)
    if (key === ROTATED) {
      throw new GraphQLError('This API key was rotated and its overlap has ended: use the new secret.', {
        extensions: { code: 'KEY_ROTATED', http: { status: 401 } },
      })
    }
    if (!key) {
      // A revoked, expired or unknown key is refused outright rather than treated as anonymous,
      // so a partner notices at once.
      throw new GraphQLError('This API key is not valid (unknown, revoked or expired).', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      })
    }
    // The key's use is counted once the response is sent (operations/key-usage.ts).
    const details = currentRequest()
    if (details) details.keyId = key.keyId
    return key
  }
  const token = cookieValue(request.headers.get('cookie'), SESSION_COOKIE)
  if (token) return (await userForSession(token, policy)) ?? ANONYMOUS
  return ANONYMOUS
}
