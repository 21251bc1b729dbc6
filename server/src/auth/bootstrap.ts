// The first operator: from ADMIN_USERNAME/ADMIN_PASSWORD, or in development a one-time demo login.
import { randomBytes } from 'node:crypto'
import { db } from '../db.ts'
import { hashPassword } from './secrets.ts'

export interface BootstrapSettings {
  NODE_ENV: string
  ADMIN_USERNAME?: string
  ADMIN_PASSWORD?: string
}

/** Creates the first admin when there is no operator yet; returns what to tell the person starting the hub. */
export async function ensureFirstAdmin(settings: BootstrapSettings): Promise<string | undefined> {
  if ((await db().user.count()) > 0) return undefined
  if (settings.ADMIN_USERNAME && settings.ADMIN_PASSWORD) {
    await db().user.create({
      data: {
        username: settings.ADMIN_USERNAME,
        role: 'ADMIN',
        passwordHash: await hashPassword(settings.ADMIN_PASSWORD),
      },
    })
    return `Created the first admin "${settings.ADMIN_USERNAME}" from ADMIN_USERNAME/ADMIN_PASSWORD.`
  }
  if (settings.NODE_ENV === 'development') {
    // Never a built-in password: a random one, printed once, only in development.
    const password = randomBytes(9).toString('base64url')
    await db().user.create({
      data: {
        username: 'demo',
        displayName: '演示管理员 Demo admin',
        role: 'ADMIN',
        passwordHash: await hashPassword(password),
      },
    })
    return `Development demo login (shown only now): username "demo", password "${password}"`
  }
  return 'No operator account yet: create the first admin with `pnpm user:create --role admin --username <name>` or set ADMIN_USERNAME and ADMIN_PASSWORD.'
}
