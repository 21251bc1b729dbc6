// The orchestrator's side of the load worker: one forked process for the whole bench, one run at
// a time. A run is a warm-up, a pause until the server is idle again, then the measured part with
// the server's CPU time, memory and the machine's other load sampled around it.
import { type ChildProcess, fork } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { CpuSampler, OtherLoad } from './cpu-sampler.ts'
import type { RunRequest, RunResult, WorkerMessage } from './load-worker.ts'
import type { ServerProcess } from './processes.ts'
import type { LoadSpec } from './scenarios.ts'

export interface Measurement extends RunResult, OtherLoad {
  /** Server CPU time (user + system) per completed request, in milliseconds. */
  cpuMsPerRequest: number
  /** Server CPU use during the run, in cores (1.0 = one core busy all the time). */
  cpuCores: number
  rssAfterMB: number
  peakRssMB: number
}

export interface RunOptions {
  connections: number
  warmupSeconds: number
  durationSeconds: number
  /** Built just before each phase: the update scenario needs the versions as they are then. */
  spec: () => Promise<LoadSpec>
}

/**
 * Requests cut off at the end of a phase still run on the server; wait until its CPU use drops
 * below a tenth of a core so they do not land in the next measurement (at most 60 s).
 */
export async function waitUntilIdle(server: ServerProcess, maxMs = 60_000) {
  const until = performance.now() + maxMs
  let last = server.cpuMs()
  while (performance.now() < until) {
    await sleep(250)
    const now = server.cpuMs()
    if (now - last < 25) return
    last = now
  }
}

export class LoadGenerator {
  private worker: ChildProcess

  constructor(private sampler: (server: ServerProcess) => CpuSampler) {
    this.worker = fork(fileURLToPath(new URL('./load-worker.ts', import.meta.url)), {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
  }

  get pid() {
    return this.worker.pid as number
  }

  async run(server: ServerProcess, options: RunOptions): Promise<Measurement> {
    if (options.warmupSeconds > 0) {
      await this.once(server, options.connections, options.warmupSeconds, await options.spec())
      await waitUntilIdle(server)
    }
    const sampler = this.sampler(server)
    let cpuAtStart = 0
    let timeAtStart = 0
    const result = await this.once(
      server,
      options.connections,
      options.durationSeconds,
      await options.spec(),
      async () => {
        cpuAtStart = server.cpuMs()
        timeAtStart = performance.now()
        await sampler.begin()
      },
    )
    const cpuMs = server.cpuMs() - cpuAtStart
    const wallMs = performance.now() - timeAtStart
    const others = await sampler.end()
    const memory = server.memory()
    // Requests cut off at the end still run; their memory belongs to this run's peak.
    await waitUntilIdle(server)
    const peakRssMB = server.memory().peakRssMB
    return {
      ...result,
      ...others,
      cpuMsPerRequest: result.requests > 0 ? cpuMs / result.requests : 0,
      cpuCores: wallMs > 0 ? cpuMs / wallMs : 0,
      rssAfterMB: memory.rssMB,
      peakRssMB,
    }
  }

  private once(
    server: ServerProcess,
    connections: number,
    seconds: number,
    spec: LoadSpec,
    onStart?: () => Promise<void>,
  ): Promise<RunResult> {
    const request: RunRequest = { type: 'run', url: server.url, connections, seconds, spec }
    return new Promise((resolve, reject) => {
      let started: Promise<void> = Promise.resolve()
      const onExit = (code: number | null) => reject(new Error(`The load worker exited (${code})`))
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'measuring') {
          started = onStart?.() ?? Promise.resolve()
          return
        }
        this.worker.off('message', onMessage)
        this.worker.off('exit', onExit)
        if (message.type === 'error') return reject(new Error(message.message))
        started.then(() => resolve(message.result), reject)
      }
      this.worker.on('message', onMessage)
      this.worker.once('exit', onExit)
      this.worker.send(request)
    })
  }

  close() {
    this.worker.disconnect()
  }
}
