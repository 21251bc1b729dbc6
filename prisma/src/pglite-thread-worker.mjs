// The embedded database's own thread (see pglite-thread.ts): it owns the PGlite, and answers the
// hub's thread with the raw bytes PostgreSQL wrote for each wire-protocol message it is sent.
// Plain JavaScript so that Node runs it as it is, from the sources (tests) and beside the bundle.
import { parentPort } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'

/** @type {PGlite} */
let pglite

/** What an error carries across the thread boundary: its kind, text and the codes callers read. */
const plainError = (error) => ({
  name: error?.name ?? 'Error',
  message: error?.message ?? String(error),
  stack: error?.stack,
  code: error?.code,
  errno: error?.errno,
})

const operations = {
  async open({ dataDir, loadDataDir }) {
    pglite = new PGlite(dataDir, {
      // Extensions the migrations create must be loaded into the WebAssembly build up front.
      extensions: { pg_trgm },
      ...(loadDataDir ? { loadDataDir } : {}),
    })
    await pglite.waitReady
  },
  /** The bytes PostgreSQL wrote, in one buffer handed over to the hub's thread without a copy. */
  async exec({ message, syncToFs }) {
    const chunks = []
    await pglite.execProtocolRawStream(message, {
      syncToFs,
      // A chunk is a view of WebAssembly memory, reused by the next write: copied as it comes.
      onRawData: (chunk) => chunks.push(chunk.slice()),
    })
    const bytes = chunks.length === 1 ? chunks[0] : joined(chunks)
    return { value: bytes, transfer: [bytes.buffer] }
  },
  dumpDataDir: async ({ compression }) => ({ value: await pglite.dumpDataDir(compression) }),
  close: async () => ({ value: await pglite.close() }),
}

/**
 * The chunks in one new buffer of its own. Not Buffer.concat: for small results it returns a slice
 * of Node's shared pool, which handing over (transferring) would take from every other user.
 */
function joined(chunks) {
  const bytes = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}

parentPort.on('message', async ({ id, operation, args }) => {
  try {
    const { value, transfer } = (await operations[operation](args)) ?? {}
    parentPort.postMessage({ id, value }, transfer ?? [])
  } catch (error) {
    parentPort.postMessage({ id, error: plainError(error) })
  }
})
