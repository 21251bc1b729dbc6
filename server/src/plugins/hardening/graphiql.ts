// GraphiQL without the internet: Yoga's page loads GraphiQL from a CDN, which production networks
// cannot reach and our Content-Security-Policy would refuse. This plugin answers the same page with
// the bundle of @graphql-yoga/render-graphiql, served by the hub itself as cacheable files at
// `/graphql?graphiql-asset=<name>` (the hub sends only /graphql and /health to Yoga), so the page
// needs no inline script and no other origin.
import { gzipSync } from 'node:zlib'
import type { Plugin } from 'graphql-yoga'
import { servingOnly } from '../sync-unless-serving.ts'

const ASSET_PARAMETER = 'graphiql-asset'

/** Runs before the bundle: tells Monaco where its workers are, then renders once the page is parsed. */
const START = `(function () {
  function asset(name) {
    var url = new URL(location.pathname, location.href)
    url.searchParams.set('${ASSET_PARAMETER}', name)
    url.searchParams.set('v', document.documentElement.dataset.version)
    return url.href
  }
  var workers = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' }
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) { return asset(workers[label] || workers.editorWorkerService) },
  }
  document.addEventListener('DOMContentLoaded', function () {
    var options = JSON.parse(document.getElementById('graphiql-options').textContent)
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options)
  })
})()
`

interface Asset {
  type: string
  body: Buffer
  gzipped?: Buffer
}

let assets: Promise<Map<string, Asset>> | undefined

/** The bundle (9 MB of JavaScript) is loaded on the first request for it, not at startup. */
function loadAssets() {
  assets ??= import('@graphql-yoga/render-graphiql/graphiql').then((bundle) => {
    const script = 'text/javascript; charset=utf-8'
    const text = (type: string, body: string): Asset => {
      const bytes = Buffer.from(body)
      return { type, body: bytes, gzipped: gzipSync(bytes) }
    }
    return new Map<string, Asset>([
      ['start.js', text(script, START)],
      ['graphiql.js', text(script, bundle.js)],
      ['graphiql.css', text('text/css; charset=utf-8', bundle.css)],
      ['editor.worker.js', text(script, bundle.editorWorkerService)],
      ['json.worker.js', text(script, bundle.jsonWorker)],
      ['graphql.worker.js', text(script, bundle.graphqlWorker)],
      ['favicon.ico', { type: 'image/x-icon', body: Buffer.from(bundle.favicon.split(',')[1] ?? '', 'base64') }],
    ])
  })
  return assets
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** GraphiQL's page for the options Yoga rendered into its own page. */
export function graphiqlPage(options: { title?: string } & Record<string, unknown>, version: string) {
  const asset = (name: string) => `?${ASSET_PARAMETER}=${name}&amp;v=${encodeURIComponent(version)}`
  // `<` escaped so that no value can close the element early.
  const json = JSON.stringify(options).replace(/</g, '\\u003c')
  const title = escapeHtml(options.title ?? 'GraphiQL')
  return `<!doctype html>
<html lang="en" data-version="${escapeHtml(version)}">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="${asset('favicon.ico')}">
<link rel="stylesheet" href="${asset('graphiql.css')}">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript.</noscript>
<div id="root">Loading ${title}…</div>
<script type="application/json" id="graphiql-options">${json}</script>
<script src="${asset('start.js')}"></script>
<script src="${asset('graphiql.js')}"></script>
</body>
</html>
`
}

/** The options Yoga's own page passes to `renderYogaGraphiQL(root, {…})`. */
function optionsOf(yogaPage: string): Record<string, unknown> | undefined {
  const match = /renderYogaGraphiQL\(root,(\{.*\})\)\}\)<\/script>/s.exec(yogaPage)
  if (!match?.[1]) return undefined
  try {
    return JSON.parse(match[1]) as Record<string, unknown>
  } catch {
    return undefined
  }
}

export function useLocalGraphiQL(graphqlEndpoint = '/graphql'): Plugin {
  let version = 'dev'
  return {
    onYogaInit({ yoga }) {
      version = yoga.version
    },
    onRequest: servingOnly(
      ({ request, url }) =>
        request.method === 'GET' && url.pathname === graphqlEndpoint && url.searchParams.has(ASSET_PARAMETER),
      async ({ request, url, fetchAPI, endResponse }) => {
        const asset = (await loadAssets()).get(url.searchParams.get(ASSET_PARAMETER) ?? '')
        if (!asset) {
          endResponse(new fetchAPI.Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }))
          return
        }
        const gzip = asset.gzipped && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')
        const body = gzip ? (asset.gzipped as Buffer) : asset.body
        endResponse(
          new fetchAPI.Response(new Uint8Array(body), {
            headers: {
              'content-type': asset.type,
              'content-length': String(body.length),
              // The URL names the version; a new one is a new URL.
              'cache-control': 'public, max-age=31536000, immutable',
              vary: 'accept-encoding',
              ...(gzip ? { 'content-encoding': 'gzip' } : {}),
            },
          }),
        )
      },
    ),
    // Synchronous unless the response is GraphiQL's page (see sync-unless-serving.ts).
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (request.method !== 'GET' || !response.headers.get('content-type')?.startsWith('text/html')) return
      if (new URL(request.url).pathname !== graphqlEndpoint) return
      return response
        .clone()
        .text()
        .then((page) => {
          const options = optionsOf(page)
          if (!options) return
          setResponse(
            new fetchAPI.Response(graphiqlPage(options, version), {
              status: response.status,
              headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
            }),
          )
        })
    },
  }
}
