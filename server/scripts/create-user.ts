// pnpm user:create --role admin --username <name> [--password <pw>] [--display-name <name>]
// Creates an operator. Without --password a random one is generated and printed once.
// On the embedded database, stop the server first (one process at a time).
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { openDatabase } from '@minsheng/db'
import { hashPassword } from '../src/auth/secrets.ts'
import { loadConfig } from '../src/config.ts'

const ROLES = ['admin', 'editor', 'viewer']
const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'viewer' },
    username: { type: 'string' },
    password: { type: 'string' },
    'display-name': { type: 'string' },
  },
})
if (!values.username || !ROLES.includes(values.role ?? '')) {
  console.error('Usage: pnpm user:create --role admin|editor|viewer --username <name> [--password <pw>]')
  process.exit(2)
}
if (values.password !== undefined && values.password.length < 10) {
  console.error('The password must have at least 10 characters.')
  process.exit(2)
}
const config = loadConfig()
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR })
try {
  const password = values.password ?? randomBytes(12).toString('base64url')
  const user = await database.prisma.user.create({
    data: {
      username: values.username,
      displayName: values['display-name'] ?? null,
      role: (values.role ?? 'viewer').toUpperCase() as 'ADMIN' | 'EDITOR' | 'VIEWER',
      passwordHash: await hashPassword(password),
    },
  })
  console.log(`Created ${user.role.toLowerCase()} "${user.username}".`)
  if (!values.password) console.log(`Password (shown only now): ${password}`)
} catch (error) {
  console.error(`Could not create the user: ${(error as Error).message.split('\n').at(-1)}`)
  process.exitCode = 1
} finally {
  await database.close()
}
