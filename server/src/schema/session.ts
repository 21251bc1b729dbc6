// Signing in and out, and who is asking: the console's sessions (auth/sessions.ts) seen from GraphQL.
import { GraphQLError } from 'graphql'
import { verifyPassword } from '../auth/secrets.ts'
import { createSession, endSession, SESSION_COOKIE } from '../auth/sessions.ts'
import { loginWait, recordLoginFailure, recordLoginSuccess } from '../auth/throttle.ts'
import { builder, type Context } from '../builder.ts'
import { db } from '../db.ts'

function isHttps(request: Request) {
  return new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https'
}

function clientAddress(ctx: Context) {
  return ctx.clientAddress ?? 'unknown'
}

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in operator, or null.',
    resolve: (query, _root, _args, ctx) => {
      // Spread before deciding: an anonymous caller's nested selection is then not mistaken for a
      // resolver that forgot to load it (Pothos's unused-query guard).
      const load = { ...query }
      return ctx.actor.kind === 'user' ? db().user.findUnique({ ...load, where: { id: ctx.actor.userId } }) : null
    },
  }),
)

builder.mutationField('login', (t) =>
  t.prismaField({
    type: 'User',
    description:
      'Signs in and sets the session cookie (HttpOnly, SameSite=Strict). The same error for an unknown user and a wrong password; too many failures lock the account for a while (TOO_MANY_ATTEMPTS).',
    args: {
      username: t.arg.string({ required: true, description: 'Sign-in name.' }),
      password: t.arg.string({ required: true, description: 'Password.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const address = clientAddress(ctx)
      const wait = await loginWait(args.username, address)
      if (wait > 0) {
        throw new GraphQLError(
          ctx.locale === 'zh'
            ? `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试。`
            : `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`,
          { extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: wait } },
        )
      }
      const user = await db().user.findUnique({ where: { username: args.username.trim() } })
      const ok = await verifyPassword(user && !user.disabledAt ? user.passwordHash : undefined, args.password)
      if (!user || !ok) {
        await recordLoginFailure(args.username, address)
        throw new GraphQLError(ctx.locale === 'zh' ? '用户名或密码不正确。' : 'Wrong username or password.', {
          extensions: { code: 'UNAUTHENTICATED' },
        })
      }
      await recordLoginSuccess(args.username, address)
      // A new session at every sign-in: a token planted before sign-in is worthless after it.
      const previous = ctx.request.cookieStore ? await ctx.request.cookieStore.get(SESSION_COOKIE) : null
      if (previous?.value) await endSession(previous.value)
      const session = await createSession(user.id, ctx.auth.session)
      await ctx.request.cookieStore?.set({
        name: SESSION_COOKIE,
        value: session.token,
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: isHttps(ctx.request),
        expires: session.expiresAt.getTime(),
        domain: null,
      })
      return db().user.update({ ...query, where: { id: user.id }, data: { lastLoginAt: new Date() } })
    },
  }),
)

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Signs out: the session ends on the server and the cookie is cleared.',
    resolve: async (_root, _args, ctx) => {
      const cookie = ctx.request.cookieStore ? await ctx.request.cookieStore.get(SESSION_COOKIE) : null
      if (cookie?.value) await endSession(cookie.value)
      await ctx.request.cookieStore?.delete(SESSION_COOKIE)
      return true
    },
  }),
)
