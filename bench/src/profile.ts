// Summarises a V8 CPU profile (node --cpu-prof): self time per function and per area (package or
// our own code), leaving out idle time.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  startTime: number
  endTime: number
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** Steps worth knowing the whole cost of (self time plus everything they call). */
const PHASES: { label: string; functionName: string; url: RegExp }[] = [
  {
    label: 'Prisma: compile the query plan (WebAssembly, every query)',
    functionName: 'compile',
    url: /query_compiler/,
  },
  { label: 'GraphQL: parse the document', functionName: 'parse', url: /graphql\/language\/parser/ },
  { label: 'GraphQL: validate the document', functionName: 'validate', url: /graphql\/validation\/validate/ },
  {
    label: 'Yoga: JSON.stringify the result',
    functionName: 'jsonStringifyResultWithoutInternals',
    url: /graphql-yoga/,
  },
]

export interface ProfileSummary {
  /** Sampled time that was not idle, in ms. */
  busyMs: number
  /** Inclusive time of a few named steps. */
  phases: { label: string; ms: number; share: number }[]
  areas: { area: string; ms: number; share: number }[]
  functions: { name: string; where: string; area: string; ms: number; share: number }[]
}

/** `…/node_modules/.pnpm/x@1/node_modules/@scope/pkg/dist/a.js` → `@scope/pkg/dist/a.js`; ours → `server/src/…` (or the build, `server/dist/main.mjs`, which holds the generated client too). */
export function shortUrl(url: string) {
  const path = url.replace(/^file:\/\//, '')
  const nm = path.lastIndexOf('/node_modules/')
  if (nm >= 0) return path.slice(nm + '/node_modules/'.length)
  const repo = /\/(server|prisma|bench)\/(src|seed|generated|dist)\//.exec(path)
  if (repo) return path.slice(repo.index + 1)
  return path
}

/**
 * Socket writes: on this shared 2-core machine the thread is often preempted inside writev (the
 * write wakes the PostgreSQL backend), so these samples are mostly waiting, not CPU.
 */
const SOCKET_WRITES = new Set(['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String'])

export function areaOf(functionName: string, url: string) {
  if (!url) {
    if (['(garbage collector)', '(program)', '(idle)'].includes(functionName)) return functionName
    if (SOCKET_WRITES.has(functionName)) return 'socket writes (incl. time preempted)'
    return 'V8/native'
  }
  if (url.startsWith('wasm://')) return 'WebAssembly (Prisma query compiler; PGlite when embedded)'
  if (url.startsWith('node:')) return 'node core'
  const short = shortUrl(url)
  if (short.startsWith('prisma/generated/')) return '@prisma/client (generated)'
  if (short.startsWith('server/') || short.startsWith('prisma/') || short.startsWith('bench/')) return 'our code'
  if (short === url.replace(/^file:\/\//, '')) return 'other'
  const parts = short.split('/')
  const pkg = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? 'other')
  return pkg
}

/** `lastSeconds` keeps only the end of the profile: the load, not the start-up before it. */
export function summarizeProfile(file: string, { top = 25, lastSeconds = Infinity } = {}): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfUs = new Map<number, number>()
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const from = profile.endTime - lastSeconds * 1e6
  let at = profile.startTime
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0
    at += delta
    if (at >= from) selfUs.set(id, (selfUs.get(id) ?? 0) + delta)
  })
  const functions = new Map<string, { name: string; where: string; area: string; us: number }>()
  const areas = new Map<string, number>()
  let busyUs = 0
  for (const [id, us] of selfUs) {
    const frame = (byId.get(id) as ProfileNode).callFrame
    const area = areaOf(frame.functionName, frame.url)
    if (area === '(idle)') continue
    busyUs += us
    areas.set(area, (areas.get(area) ?? 0) + us)
    const name = frame.functionName || '(anonymous)'
    const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : ''
    const key = `${name}@${where}`
    const entry = functions.get(key) ?? { name, where, area, us: 0 }
    entry.us += us
    functions.set(key, entry)
  }
  const share = (us: number) => (busyUs > 0 ? us / busyUs : 0)
  // A sample counts for a phase when the phase's function is anywhere on its stack.
  const phaseUs = PHASES.map(() => 0)
  for (const [id, us] of selfUs) {
    if ((byId.get(id) as ProfileNode).callFrame.functionName === '(idle)') continue
    const hit = new Set<number>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = (byId.get(at) as ProfileNode).callFrame
      PHASES.forEach((phase, index) => {
        if (frame.functionName === phase.functionName && phase.url.test(frame.url)) hit.add(index)
      })
    }
    for (const index of hit) phaseUs[index] = (phaseUs[index] ?? 0) + us
  }
  return {
    busyMs: busyUs / 1000,
    phases: PHASES.map((phase, index) => ({
      label: phase.label,
      ms: (phaseUs[index] ?? 0) / 1000,
      share: share(phaseUs[index] ?? 0),
    })),
    areas: [...areas].sort((a, b) => b[1] - a[1]).map(([area, us]) => ({ area, ms: us / 1000, share: share(us) })),
    functions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map(({ us, ...rest }) => ({ ...rest, ms: us / 1000, share: share(us) })),
  }
}

/**
 * A directory `node --cpu-prof` wrote into: the main thread's profile (thread id 0 in
 * `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`) and the other threads', largest first.
 */
export function threadProfiles(dir: string) {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(dir, name))
    .sort((a, b) => statSync(b).size - statSync(a).size)
  const isMain = (file: string) => path.basename(file).split('.')[4] === '0'
  const main = files.find(isMain) ?? files[0]
  if (!main) throw new Error(`No CPU profile in ${dir}`)
  return { main, others: files.filter((file) => file !== main) }
}
