// Serves the built operator console (admin/dist) next to the API: files as they are, any other
// path as index.html so the console's own routes work on reload. Without a build, a short page
// says how to make one.
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export const CONSOLE_DIR = path.resolve(import.meta.dirname, '../../admin/dist')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.map', '.svg', '.txt', '.csv'])

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>民生数据枢纽 · Minsheng Hub</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.6">
<h1>控制台尚未构建 · The console is not built</h1>
<p>在仓库根目录运行 <code>pnpm --filter @minsheng/admin build</code>，然后刷新本页；或用 <code>pnpm start</code> 启动，它会先构建控制台。</p>
<p>Run <code>pnpm --filter @minsheng/admin build</code> in the repository, then reload this page; or start the hub with
<code>pnpm start</code>, which builds the console first.</p>
<p>The GraphQL API is at <a href="/graphql">/graphql</a>.</p>
</body></html>`

interface CachedFile {
  mtimeMs: number
  body: Buffer
  gzipped?: Buffer
}

export function createConsoleHandler(root = CONSOLE_DIR) {
  // Built files change only with a new build; keep them (and their gzip) in memory per mtime.
  const cache = new Map<string, CachedFile>()

  async function load(file: string): Promise<CachedFile | undefined> {
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile()) return undefined
    const cached = cache.get(file)
    if (cached && cached.mtimeMs === info.mtimeMs) return cached
    const entry: CachedFile = { mtimeMs: info.mtimeMs, body: await readFile(file) }
    if (COMPRESSIBLE.has(path.extname(file)) && entry.body.length > 1024) entry.gzipped = gzipSync(entry.body)
    cache.set(file, entry)
    return entry
  }

  return async function serveConsole(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://hub').pathname)
    } catch {
      response.writeHead(400).end()
      return
    }
    const requested = path.resolve(root, `.${pathname}`)
    const inside = requested === root || requested.startsWith(root + path.sep)
    let file = inside ? requested : undefined
    let entry = file && (await load(file))
    if (!entry) {
      // A missing file with an extension is a real 404; anything else is a console route.
      if (path.extname(pathname) && pathname !== '/index.html') {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
        return
      }
      file = path.join(root, 'index.html')
      entry = await load(file)
    }
    if (!entry || !file) {
      response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      response.end(request.method === 'HEAD' ? undefined : NOT_BUILT)
      return
    }
    const immutable = pathname.startsWith('/assets/')
    const gzip = entry.gzipped && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
    const body = gzip ? (entry.gzipped as Buffer) : entry.body
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    })
    response.end(request.method === 'HEAD' ? undefined : body)
  }
}
