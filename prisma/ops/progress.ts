// Progress of a long export or import on stderr, at most once a second, so stdout stays the report.

const INTERVAL_MS = 1_000

export function progressReporter(verb: string, total: number, write = (text: string) => process.stderr.write(text)) {
  let done = 0
  let last = Date.now()
  return {
    add(rows: number, table: string) {
      done += rows
      const now = Date.now()
      if (now - last < INTERVAL_MS) return
      last = now
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100
      write(`${verb}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} rows (${percent}%), ${table}\n`)
    },
  }
}
