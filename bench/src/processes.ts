// Servers under test run as their own processes; this starts one, waits until it says it is
// ready, and reads its CPU time and memory from /proc while the load runs.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

export interface ServerProcess {
  name: string
  pid: number
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4123/graphql. */
  url: string
  /** From spawn to the ready line. */
  readyMs: number
  /** User + system CPU time so far, in milliseconds. */
  cpuMs(): number
  memory(): { rssMB: number; peakRssMB: number }
  /** The last lines the process printed (for error reports). */
  output(): string
  stop(): Promise<void>
}

export interface StartOptions {
  name: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  /** Matches the ready line; its first group is the GraphQL URL. */
  ready: RegExp
  timeoutMs?: number
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

export function cpuMsOf(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces) start at the state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12]) // utime, stime (fields 14 and 15)
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND
}

export function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kB = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0)
  return { rssMB: kB('VmRSS') / 1024, peakRssMB: kB('VmHWM') / 1024 }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const started = performance.now()
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const remember = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n'))
    if (lines.length > 200) lines.splice(0, lines.length - 200)
  }
  child.stderr?.on('data', remember)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.stdout?.on('data', remember)
  const url = await new Promise<string>((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${options.name} was not ready after ${options.timeoutMs ?? 60_000} ms:\n${lines.join('\n')}`))
    }, options.timeoutMs ?? 60_000)
    // Only until the ready line: the hub then writes an access-log line per request, and matching
    // the whole output so far on every chunk took most of a core away from the servers under test.
    const lookForReady = (chunk: Buffer) => {
      seen += chunk.toString('utf8')
      const match = options.ready.exec(seen)
      if (match?.[1]) {
        child.stdout?.off('data', lookForReady)
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', lookForReady)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`${options.name} exited (${code ?? signal}) before it was ready:\n${lines.join('\n')}`))
    })
  })
  const readyMs = performance.now() - started
  const pid = child.pid as number
  return {
    name: options.name,
    pid,
    url,
    readyMs,
    cpuMs: () => cpuMsOf(pid),
    memory: () => memoryOf(pid),
    output: () => lines.join('\n'),
    stop: () => stopProcess(child, exited),
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<void>) {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}
