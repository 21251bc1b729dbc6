// The hub in a process of its own, as `pnpm start` or a process manager runs it: for the tests in
// which the process itself (its start banner, its exit code, surviving a fault) is what is checked.
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

const SERVER_DIR = path.resolve(import.meta.dirname, '../../server')

/** `source` runs server/src/main.ts through tsx; `build` runs the compiled server/dist/main.mjs. */
export type HubEntry = 'source' | 'build'

export interface SpawnedHub {
  child: ChildProcess
  /** Origin the hub printed in its start banner, e.g. http://127.0.0.1:41234 */
  url: string
  /** Everything the process has written to stdout and stderr so far. */
  output(): string
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>
  alive(): boolean
  /** SIGKILL if still running (cleanup after a test that failed half-way). */
  kill(): Promise<void>
}

const ARGS: Record<HubEntry, string[]> = {
  source: ['--import', 'tsx', 'src/main.ts'],
  build: ['dist/main.mjs'],
}

/**
 * Starts a hub on port 0 of loopback with `env` on top of this process's environment and resolves
 * once it has printed its URL; rejects with its output if it exits first or prints nothing in 90 s.
 */
export function spawnHub(env: Record<string, string>, options: { entry?: HubEntry; name?: string } = {}) {
  const name = options.name ?? 'the hub'
  const child = spawn(process.execPath, ARGS[options.entry ?? 'source'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const append = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  let running = true
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => {
      running = false
      resolve(code ?? signal)
    }),
  )
  return new Promise<SpawnedHub>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} printed no URL:\n${output}`)), 90_000)
    const check = setInterval(() => {
      const url = /GraphQL API and GraphiQL: (http:\/\/\S+)\/graphql/.exec(output)?.[1]
      if (!url) return
      clearInterval(check)
      clearTimeout(timer)
      resolve({
        child,
        url,
        output: () => output,
        exited,
        alive: () => running,
        async kill() {
          if (!running) return
          child.kill('SIGKILL')
          await exited
        },
      })
    }, 50)
    void exited.then((code) => {
      clearInterval(check)
      clearTimeout(timer)
      reject(new Error(`${name} exited (${code}) before serving:\n${output}`))
    })
  })
}
