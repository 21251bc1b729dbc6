// Builds the operator console when admin/dist is missing or older than its sources, so that
// `pnpm start` always serves a current console. Costs a directory walk when it is up to date.
import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import path from 'node:path'
import { newest } from './newest.mjs'

const root = path.resolve(import.meta.dirname, '..')
const admin = path.join(root, 'admin')
const builtAt = mtime(path.join(admin, 'dist', 'index.html'))
const inputs = [
  path.join(admin, 'src'),
  path.join(admin, 'vite'),
  path.join(admin, 'index.html'),
  path.join(admin, 'vite.config.ts'),
  path.join(admin, 'package.json'),
  // The console's queries and form rules are compiled from the printed schema.
  path.join(root, 'server', 'schema.graphql'),
]

function mtime(file) {
  try {
    return statSync(file).mtimeMs
  } catch {
    return undefined
  }
}

const sourcesAt = Math.max(...inputs.map(newest))
if (builtAt !== undefined && builtAt >= sourcesAt) process.exit(0)

console.log(
  builtAt === undefined
    ? 'Building the console (admin/dist is missing)…'
    : 'Rebuilding the console (its sources changed)…',
)
// A production build even when called from a test runner (vitest sets NODE_ENV=test, which
// would make Vite bundle React's development build).
const result = spawnSync('pnpm', ['--filter', '@minsheng/admin', 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
})
if (result.status !== 0) {
  // The API still works without a console; say so rather than refuse to start.
  console.error('The console build failed; the hub will serve the API and a page explaining how to build the console.')
}
