// Compiles the server (and the workspace's @minsheng/db it imports) into one ES module,
// server/dist/main.mjs, so `pnpm start` does not pay tsx's on-the-fly compilation of a few hundred
// TypeScript files at every start (~2.5 s of the 4 s start-up measured by the bench).
//
//   node scripts/build.mjs              build
//   node scripts/build.mjs --if-stale   build only when a source is newer than the bundle
//
// Packages from node_modules stay outside the bundle (native modules, WebAssembly and their
// assets load as they do from source); their imports are rewritten to the files they resolve to,
// relative to the bundle, since the server package does not depend on all of them directly.
// `import.meta.dirname` in a source file becomes that file's directory, relative to the bundle.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { build } from 'esbuild'
import { newest } from '../../scripts/newest.mjs'

const serverDir = path.resolve(import.meta.dirname, '..')
const root = path.resolve(serverDir, '..')
const outfile = path.join(serverDir, 'dist', 'main.mjs')
const outdir = path.dirname(outfile)
/** Everything the bundle is made of; the lock file stands for the dependencies' versions. */
const inputs = [
  path.join(serverDir, 'src'),
  path.join(serverDir, 'scripts', 'build.mjs'),
  path.join(root, 'prisma', 'src'),
  path.join(root, 'prisma', 'seed'),
  path.join(root, 'prisma', 'ops'),
  path.join(root, 'prisma', 'generated'),
  path.join(root, 'pnpm-lock.yaml'),
]

if (process.argv.includes('--if-stale')) {
  const builtAt = statSync(outfile, { throwIfNoEntry: false })?.mtimeMs
  if (builtAt !== undefined && builtAt >= Math.max(...inputs.map(newest))) process.exit(0)
}

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)])
const relativeToBundle = (file) => {
  const relative = path.relative(outdir, file).split(path.sep).join('/')
  return relative.startsWith('.') ? relative : `./${relative}`
}

const packagesInPlace = {
  name: 'packages-in-place',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind === 'entry-point' || args.pluginData?.inPlace || builtins.has(args.path)) return undefined
      if (args.path.startsWith('@minsheng/')) return undefined // workspace sources: bundled
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { inPlace: true },
      })
      if (resolved.errors.length > 0) return { errors: resolved.errors }
      return { path: relativeToBundle(resolved.path), external: true }
    })
  },
}

const sourceDirectories = {
  name: 'source-directories',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes('import.meta.dirname')) return { contents: source, loader: 'ts' }
      const fromBundle = JSON.stringify(path.relative(outdir, path.dirname(args.path)).split(path.sep).join('/'))
      return {
        contents: source.replaceAll('import.meta.dirname', `__hubPath.join(import.meta.dirname, ${fromBundle})`),
        loader: 'ts',
      }
    })
  },
}

const started = performance.now()
const { outputFiles } = await build({
  entryPoints: [path.join(serverDir, 'src', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Resolve packages as Node does at run time: esbuild would otherwise prefer the bundler-only
  // `module` condition and field (e.g. @opentelemetry/api's extensionless ESM build, which Node
  // cannot load once the import points at it directly).
  conditions: ['node'],
  mainFields: ['main'],
  sourcemap: true,
  // The rewritten import.meta.dirname needs path.join under a name no source uses.
  banner: { js: "import __hubPath from 'node:path'" },
  plugins: [packagesInPlace, sourceDirectories],
  logLevel: 'warning',
  write: false,
})
// Written beside and renamed into place: a start running at the same moment (two test projects)
// never reads half a file.
mkdirSync(outdir, { recursive: true })
for (const file of [...outputFiles].sort((a) => (a.path.endsWith('.map') ? -1 : 1))) {
  const temporary = `${file.path}.${process.pid}.tmp`
  writeFileSync(temporary, file.contents)
  renameSync(temporary, file.path)
}
console.log(`Built ${path.relative(root, outfile)} in ${Math.round(performance.now() - started)} ms`)
