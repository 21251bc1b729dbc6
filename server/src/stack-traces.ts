// Stack traces that name the hub's TypeScript sources (server/src/…ts:line) when it runs as the
// bundle `pnpm start` builds, read from the bundle's source map only when a stack is first read.
//
// Node's --enable-source-maps does the same for every module, eagerly: at load it parses the map
// of each of the ~570 dependency files that ship one, and keeps every module's line lengths, for the
// life of the process. Measured with the bench's 100k fill: RSS after start 203 MB with the flag,
// 187 MB without; peak RSS over the list, nested, by-id and update loads 248 / 258 MB with it,
// 234 / 237 without (bench/ANALYSIS.md). Frames of dependencies keep their published JavaScript's
// locations, which is what their issue trackers ask for.
import { existsSync, readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * From now on, stack traces map frames of the bundle at `bundleUrl` to the sources its `.map` names.
 * Does nothing when Node maps stacks itself (--enable-source-maps, tsx) or there is no map beside
 * the bundle (running from source).
 */
export function mapBundleFrames(bundleUrl: string): void {
  if (!bundleUrl.startsWith('file:') || process.sourceMapsEnabled) return
  const bundle = fileURLToPath(bundleUrl)
  const mapFile = `${bundle}.map`
  if (!existsSync(mapFile)) return
  let map: SourceMap | null | undefined
  const bundleMap = () => {
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')))
      } catch {
        map = null // no readable map: frames keep the bundle's locations
      }
    }
    return map
  }
  const inBundle = new Set([bundle, bundleUrl])

  /** ` (file:///…/main.mjs:12:34)` → ` (/…/server/src/x.ts:5:6)`, V8's frame text otherwise as it wrote it. */
  const frameText = (frame: NodeJS.CallSite) => {
    const text = String(frame)
    const file = frame.getFileName()
    const line = frame.getLineNumber()
    const column = frame.getColumnNumber()
    if (!file || !inBundle.has(file) || !line || !column) return text
    const entry = bundleMap()?.findEntry(line - 1, column - 1)
    if (!entry || !('originalSource' in entry)) return text
    const source = entry.originalSource.startsWith('file:')
      ? fileURLToPath(entry.originalSource)
      : path.resolve(path.dirname(bundle), entry.originalSource)
    return text.replace(`${file}:${line}:${column}`, `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`)
  }

  Error.prepareStackTrace = (error, frames) => {
    let heading: string
    try {
      heading = Error.prototype.toString.call(error)
    } catch {
      heading = '<error>'
    }
    return heading + frames.map((frame) => `\n    at ${frameText(frame)}`).join('')
  }
}
