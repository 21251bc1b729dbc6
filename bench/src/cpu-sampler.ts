// What else used the machine during a measured run: the whole machine's busy time from /proc/stat,
// minus the server under test, the load generator and the PostgreSQL backends of the bench
// database. This machine is shared (other sessions run their test suites on it), so each run
// records how much CPU others took, and how much the hypervisor stole.
import { readFileSync } from 'node:fs'
import { cpuMsOf } from './processes.ts'

export interface OtherLoad {
  /** Cores busy with processes other than server, load generator and the bench's backends. */
  othersCores: number
  /** Cores the hypervisor took (steal time). */
  stealCores: number
  /** Cores the bench database's PostgreSQL backends used. */
  postgresCores: number
}

const TICK_MS = 10

function machineTicks() {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number)
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields
  return { busy: user + nice + system + irq + softirq, steal }
}

function safeCpuMs(pid: number) {
  try {
    return cpuMsOf(pid)
  } catch {
    return undefined
  }
}

export class CpuSampler {
  private start?: {
    at: number
    machine: ReturnType<typeof machineTicks>
    own: number
    backends: Map<number, number>
  }

  constructor(
    /** The server under test and the load generator. */
    private ownPids: () => number[],
    /** The PostgreSQL backends serving the bench database. */
    private backendPids: () => Promise<number[]>,
  ) {}

  private own() {
    return this.ownPids().reduce((sum, pid) => sum + (safeCpuMs(pid) ?? 0), 0)
  }

  private async backends() {
    const out = new Map<number, number>()
    for (const pid of await this.backendPids()) {
      const ms = safeCpuMs(pid)
      if (ms !== undefined) out.set(pid, ms)
    }
    return out
  }

  async begin() {
    const backends = await this.backends()
    this.start = { at: performance.now(), machine: machineTicks(), own: this.own(), backends }
  }

  async end(): Promise<OtherLoad> {
    const start = this.start
    if (!start) throw new Error('CpuSampler.end() before begin()')
    const backends = await this.backends()
    const machine = machineTicks()
    const wallMs = performance.now() - start.at
    let postgresMs = 0
    for (const [pid, ms] of backends) postgresMs += ms - (start.backends.get(pid) ?? 0)
    const busyMs = (machine.busy - start.machine.busy) * TICK_MS
    const ownMs = this.own() - start.own
    return {
      othersCores: Math.max(0, (busyMs - ownMs - postgresMs) / wallMs),
      stealCores: ((machine.steal - start.machine.steal) * TICK_MS) / wallMs,
      postgresCores: postgresMs / wallMs,
    }
  }
}
