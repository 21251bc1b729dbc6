// Works out the actor of a request from its session cookie or bearer key.
import { GraphQLError } from 'graphql'
import { currentRequest } from '../operations/request-context.ts'
import { localeOf } from '../plugins/locale.ts'
import { readingFromPrimary } from '../read-your-writes.ts'
import { type Actor, ANONYMOUS } from './actor.ts'
import { actorForKey, ROTATED } from './api-keys.ts'
import { SESSION_COOKIE, type SessionPolicy, userForSession } from './sessions.ts'

// Refused before the context (and its locale) exists: the language is read from the request.
const text = {
  notBearer: {
    en: 'The Authorization header must be "Bearer <key>".',
    zh: '请求头 Authorization 须为“Bearer <密钥>”。',
  },
  rotated: {
    en: 'This API key was rotated and its overlap has ended: use the new secret.',
    zh: '该 API 密钥已轮换，旧密钥的过渡期已结束：请使用新密钥。',
  },
  invalid: {
    en: 'This API key is not valid (unknown, revoked or expired).',
    zh: '该 API 密钥无效（不存在、已吊销或已过期）。',
  },
}

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
    const locale = localeOf(request.headers.get('accept-language'))
    const [scheme, secret] = authorization.split(' ')
    if (scheme?.toLowerCase() !== 'bearer' || !secret) {
      throw new GraphQLError(text.notBearer[locale], {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      })
    }
    const key = await actorForKey(secret)
    if (key === ROTATED) {
      throw new GraphQLError(text.rotated[locale], {
        extensions: { code: 'KEY_ROTATED', http: { status: 401 } },
      })
    }
    if (!key) {
      // A revoked, expired or unknown key is refused outright rather than treated as anonymous,
      // so a partner notices at once.
      throw new GraphQLError(text.invalid[locale], {
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
