// The e2e suite drives the console the hub serves: build it first if admin/dist is stale.
import { execFileSync } from 'node:child_process'
import path from 'node:path'

export default function setup() {
  const root = path.resolve(import.meta.dirname, '../..')
  execFileSync(process.execPath, [path.join(root, 'scripts/ensure-console.mjs')], { cwd: root, stdio: 'inherit' })
}
