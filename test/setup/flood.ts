// Many requests at once from another process, as an outside load tool sends them: within the test's
// own process, the client and the hub would take turns on one thread and never overlap.
import { spawn } from 'node:child_process'

export interface FloodAnswer {
  status: number
  retryAfter: string | null
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, any> }[] }
}

const CLIENT = `
const { url, headers, body, count } = JSON.parse(process.argv[1])
const answers = await Promise.all(Array.from({ length: count }, async () => {
  const response = await fetch(url, { method: 'POST', headers, body })
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() }
}))
process.stdout.write(JSON.stringify(answers))
`

/** POSTs `body` to `url` `count` times at once from a child process; the answers in order. */
export function flood(url: string, headers: Record<string, string>, body: unknown, count: number) {
  return new Promise<FloodAnswer[]>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', CLIENT, JSON.stringify({ url, headers, body: JSON.stringify(body), count })],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`flood exited ${code}`))))
  })
}
