// Child process that generates the load with autocannon, so the orchestrator's own work does not
// share an event loop with it. Receives one run at a time over IPC (a warm-up or a measured run);
// says when it starts (so the parent can sample CPU time) and sends the result. Every response
// body is checked: a 200 that carries `errors` is a failure.
import autocannon from 'autocannon'
import { UPDATE_OPEN_BEDS_BELOW } from './fixtures.ts'
import type { LoadSpec } from './scenarios.ts'

export interface RunRequest {
  type: 'run'
  url: string
  connections: number
  seconds: number
  spec: LoadSpec
}

export interface RunResult {
  requests: number
  durationSeconds: number
  rps: number
  latencyMs: { p50: number; p99: number; mean: number; max: number }
  non2xx: number
  /** Responses with status 200 whose body holds `errors`. */
  graphqlErrors: number
  socketErrors: number
  timeouts: number
  errorSamples: string[]
  bytesPerResponse: number
}

export type WorkerMessage =
  | { type: 'measuring' }
  | { type: 'result'; result: RunResult }
  | { type: 'error'; message: string }

interface Tally {
  graphqlErrors: number
  samples: string[]
}

function send(message: WorkerMessage) {
  process.send?.(message)
}

function value(body: unknown, path: string[]): unknown {
  let at = body
  for (const key of path) at = (at as Record<string, unknown> | null)?.[key]
  return at
}

type Hospitals = { id: string | number; version: number | null }[]

function requestsFor(spec: LoadSpec, tally: Tally, hospitals: Hospitals): autocannon.Request[] {
  const noteErrors = (status: number, body: string) => {
    if (status === 200 && body.includes('"errors"')) {
      tally.graphqlErrors += 1
      if (tally.samples.length < 3) tally.samples.push(body.slice(0, 500))
    } else if (status !== 200 && tally.samples.length < 3) {
      tally.samples.push(`${status}: ${body.slice(0, 500)}`)
    }
  }
  const headers = { 'content-type': 'application/json', ...(spec.kind === 'update' ? spec.headers : {}) }
  const base = { method: 'POST' as const, headers }
  switch (spec.kind) {
    case 'static':
      return [{ ...base, body: spec.body, onResponse: noteErrors }]
    case 'rotate': {
      // One turn for every connection together, so the pool is walked in its order.
      let turn = 0
      const { bodies } = spec
      return [
        {
          ...base,
          setupRequest: (request) => ({ ...request, body: bodies[turn++ % bodies.length] }),
          onResponse: noteErrors,
        },
      ]
    }
    case 'cold': {
      let counter = 0
      const { bodies } = spec
      return [
        {
          ...base,
          setupRequest: (request) => ({
            ...request,
            body: (bodies[counter % bodies.length] as string).replace('__ALIAS__', `q${++counter}`),
          }),
          onResponse: noteErrors,
        },
      ]
    }
    case 'update': {
      // `slot` is deep-copied into every connection's own request, so it remembers the hospital
      // of that connection; the context lives from setupRequest to the matching onResponse.
      let assigned = 0
      return [
        {
          ...base,
          slot: {},
          setupRequest: (request, context) => {
            const slot = (request as unknown as { slot: { hospital?: number } }).slot
            slot.hospital ??= assigned++ % hospitals.length
            const hospital = hospitals[slot.hospital] as (typeof hospitals)[number]
            ;(context as { hospital?: number }).hospital = slot.hospital
            const variables: Record<string, unknown> = {
              id: hospital.id,
              openBeds: Math.floor(Math.random() * UPDATE_OPEN_BEDS_BELOW),
            }
            if (spec.versionPath) variables.version = hospital.version
            return { ...request, body: JSON.stringify({ query: spec.query, variables }) }
          },
          onResponse: (status, body, context) => {
            noteErrors(status, body)
            if (status !== 200 || !spec.versionPath) return
            const json = JSON.parse(body) as { errors?: { extensions?: { currentVersion?: unknown } }[] }
            // A CONFLICT still counts as a failure, but carries the current version: follow it.
            const version = value(json, spec.versionPath) ?? json.errors?.[0]?.extensions?.currentVersion
            const hospital = hospitals[(context as { hospital?: number }).hospital ?? -1]
            if (hospital && typeof version === 'number') hospital.version = version
          },
        } as autocannon.Request,
      ]
    }
  }
}

async function run(request: RunRequest, seconds: number, tally: Tally, hospitals: Hospitals) {
  const url = new URL(request.url)
  const requests = requestsFor(request.spec, tally, hospitals).map((r) => ({ ...r, path: url.pathname }))
  return autocannon({
    url: url.origin,
    connections: request.connections,
    duration: seconds,
    pipelining: 1,
    timeout: 30,
    requests,
  })
}

process.on('message', async (message: RunRequest) => {
  if (message.type !== 'run') return
  try {
    const hospitals = message.spec.kind === 'update' ? message.spec.hospitals.map((h) => ({ ...h })) : []
    const tally: Tally = { graphqlErrors: 0, samples: [] }
    send({ type: 'measuring' })
    const result = await run(message, message.seconds, tally, hospitals)
    const requests = result.requests.total
    send({
      type: 'result',
      result: {
        requests,
        durationSeconds: result.duration,
        rps: requests / result.duration,
        latencyMs: {
          p50: result.latency.p50,
          p99: result.latency.p99,
          mean: result.latency.average,
          max: result.latency.max,
        },
        non2xx: result.non2xx,
        graphqlErrors: tally.graphqlErrors,
        socketErrors: result.errors,
        timeouts: result.timeouts,
        errorSamples: tally.samples,
        bytesPerResponse: requests > 0 ? result.throughput.total / requests : 0,
      },
    })
  } catch (error) {
    send({ type: 'error', message: (error as Error).stack ?? String(error) })
  }
})
