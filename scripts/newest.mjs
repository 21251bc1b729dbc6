// When was anything below these paths last changed? The build steps of `pnpm start` (console and
// server) compare it with their output's time and rebuild only when a source is newer.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** Latest modification time (ms) of `entry` or anything below it; 0 when it does not exist. */
export function newest(entry) {
  const info = statSync(entry, { throwIfNoEntry: false })
  if (!info) return 0
  if (!info.isDirectory()) return info.mtimeMs
  let latest = info.mtimeMs
  for (const name of readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, name)))
  return latest
}
