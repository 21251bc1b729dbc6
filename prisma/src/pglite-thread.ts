// The embedded database on a thread of its own. PGlite runs PostgreSQL in WebAssembly on the
// thread that calls it, so on the hub's one thread every statement's execution took turns with
// GraphQL, Prisma and the sockets (a list page: 4.3 ms of the hub's thread embedded against 0.74
// on PostgreSQL), while the machine's second core idled. Here a worker thread owns the PGlite
// (pglite-thread-worker.mjs) and executes wire-protocol messages; this side is PGlite's own
// BasePGlite — query, exec, transaction, parsers — over that thread, with the same two locks
// PGlite takes, so callers (the Prisma adapter, named statements, migrations, dumps) see a PGlite.
// One data directory still takes one PGlite: the thread runs one statement at a time, as before,
// but while it does the hub's thread serves other requests.
//
// PGlite's own PGliteWorker is made for browser tabs: it elects a leader over BroadcastChannel and
// navigator.locks (absent from Node 20) and its worker side listens on a web worker's globals, not
// on worker_threads' parentPort; what it shares with this file is BasePGlite, used here too.

import path from 'node:path'
import { Worker } from 'node:worker_threads'
import {
  type DebugLevel,
  type ExecProtocolOptions,
  type ExecProtocolResult,
  Mutex,
  type PGlite,
  PGlite as PGliteClass,
  protocol,
} from '@electric-sql/pglite'

type BackendMessage = Parameters<Parameters<InstanceType<typeof protocol.Parser>['parse']>[1]>[0]
type DatabaseError = InstanceType<typeof protocol.messages.DatabaseError>

const WORKER_FILE = path.join(import.meta.dirname, 'pglite-thread-worker.mjs')

interface PlainError {
  name: string
  message: string
  stack?: string
  code?: string
  errno?: number
}

/** WebAssembly's own error class (the package's TypeScript library does not declare WebAssembly). */
const WasmRuntimeError = (globalThis as unknown as { WebAssembly: { RuntimeError: ErrorConstructor } }).WebAssembly
  .RuntimeError

/** An error from the database's thread as it was there: its kind, text and codes. */
function revived(plain: PlainError): Error {
  // WebAssembly's abort keeps its class: it is how a damaged data directory shows (startup-errors.ts).
  const error = plain.name === 'RuntimeError' ? new WasmRuntimeError(plain.message) : new Error(plain.message)
  error.name = plain.name
  if (plain.stack) error.stack = plain.stack
  return Object.assign(
    error,
    plain.code === undefined ? {} : { code: plain.code },
    plain.errno === undefined ? {} : { errno: plain.errno },
  )
}

// BasePGlite is PGlite's and PGliteWorker's common part; its module is not among the package's
// exports, so it is reached through PGlite's prototype chain.
const BasePGlite = Object.getPrototypeOf(PGliteClass) as abstract new () => PGlite

export interface ThreadOptions {
  loadDataDir?: Blob | File
}

/** A PGlite whose PostgreSQL runs on its own thread; opened with `PGliteThread.open`. */
export class PGliteThread extends (BasePGlite as unknown as abstract new () => object) {
  debug: DebugLevel = 0
  readonly waitReady: Promise<void>
  #worker: Worker
  #calls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  #lastCall = 0
  #queryMutex = new Mutex()
  #transactionMutex = new Mutex()
  #parser = new protocol.Parser()
  #ready = false
  #closed = false

  private constructor(dataDir: string, options: ThreadOptions) {
    super()
    this.#worker = new Worker(WORKER_FILE)
    this.#worker.on('message', ({ id, value, error }) => {
      const call = this.#calls.get(id)
      this.#calls.delete(id)
      if (this.#calls.size === 0) this.#worker.unref()
      if (error) call?.reject(revived(error))
      else call?.resolve(value)
    })
    // A thread that stops (WebAssembly aborted, out of memory) fails what waits on it, and every later call.
    this.#worker.on('error', (error) => this.#failAll(error))
    this.#worker.on('exit', (code) =>
      this.#failAll(new Error(`The embedded database's thread stopped (exit code ${code}).`)),
    )
    this.waitReady = (async () => {
      await this.#call('open', { dataDir, loadDataDir: options.loadDataDir })
      // Ready first, as PGlite is: the array types are read with a query, which waits until ready.
      this.#ready = true
      await (this as unknown as PGlite)._initArrayTypes()
    })()
  }

  /** Opens `dataDir` (or `memory://`) on a new thread, ready to query. */
  static async open(dataDir: string, options: ThreadOptions = {}): Promise<PGlite> {
    if (/^[a-z-]+:\/\//.test(dataDir) && !dataDir.startsWith('memory://')) {
      throw new Error(`The embedded database opens a directory or memory://, not ${dataDir}.`)
    }
    const db = new PGliteThread(dataDir, options)
    try {
      await db.waitReady
    } catch (error) {
      await db.#worker.terminate()
      throw error
    }
    return db as unknown as PGlite
  }

  get ready() {
    return this.#ready && !this.#closed
  }

  get closed() {
    return this.#closed
  }

  #failAll(error: Error) {
    this.#closed = true
    for (const call of this.#calls.values()) call.reject(error)
    this.#calls.clear()
  }

  #call<T>(operation: string, args: Record<string, unknown> = {}): Promise<T> {
    if (this.#closed && operation !== 'close') return Promise.reject(new Error('PGlite is closed'))
    const id = ++this.#lastCall
    return new Promise<T>((resolve, reject) => {
      // The thread keeps the process alive while it has work, as a socket with a request out does,
      // and not when idle: a script that ends without closing the database still ends.
      if (this.#calls.size === 0) this.#worker.ref()
      this.#calls.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.#worker.postMessage({ id, operation, args })
    })
  }

  async execProtocolRaw(message: Uint8Array, { syncToFs = true }: ExecProtocolOptions = {}): Promise<Uint8Array> {
    return this.#call<Uint8Array>('exec', { message, syncToFs })
  }

  async execProtocolRawStream(
    message: Uint8Array,
    { syncToFs = true, onRawData }: ExecProtocolOptions & { onRawData: (data: Uint8Array) => void },
  ): Promise<void> {
    onRawData(await this.execProtocolRaw(message, { syncToFs }))
  }

  /** The messages PostgreSQL answered, as PGlite's own execProtocolStream gives them. */
  async execProtocolStream(
    message: Uint8Array,
    { syncToFs, throwOnError = true, onNotice }: ExecProtocolOptions = {},
  ): Promise<BackendMessage[]> {
    const bytes = await this.execProtocolRaw(message, { syncToFs })
    const results: BackendMessage[] = []
    let databaseError: DatabaseError | undefined
    this.#parser.parse(bytes, (msg) => {
      // As PGlite: the first error is thrown, and nothing after it kept.
      if (databaseError) return
      if (msg instanceof protocol.messages.DatabaseError && throwOnError) databaseError = msg
      else if (msg instanceof protocol.messages.NoticeMessage) onNotice?.(msg)
      results.push(msg)
    })
    if (databaseError) {
      this.#parser = new protocol.Parser()
      throw databaseError
    }
    return results
  }

  async execProtocol(message: Uint8Array, options: ExecProtocolOptions = {}): Promise<ExecProtocolResult> {
    const data = await this.execProtocolRaw(message, options)
    const messages: BackendMessage[] = []
    new protocol.Parser().parse(data, (msg) => messages.push(msg))
    return { messages, data } as ExecProtocolResult
  }

  /**
   * Nothing to do: on Node, PGlite's file systems (a directory, `memory://`) write through as
   * PostgreSQL writes, and their syncToFs is empty (only the browser's IndexedDB one copies). Asking
   * the thread anyway cost a round trip after every statement outside a transaction.
   */
  syncToFs(): Promise<void> {
    return Promise.resolve()
  }

  dumpDataDir(compression?: 'auto' | 'gzip' | 'none'): Promise<File | Blob> {
    return this._runExclusiveQuery(() => this.#call('dumpDataDir', { compression }))
  }

  async close() {
    if (this.#closed) return
    await this.#transactionMutex.runExclusive(() =>
      this.#queryMutex.runExclusive(async () => {
        try {
          await this.#call('close')
        } finally {
          this.#closed = true
          await this.#worker.terminate()
        }
      }),
    )
  }

  async _checkReady() {
    if (this.#closed) throw new Error('PGlite is closed')
    if (!this.#ready) await this.waitReady
  }

  _runExclusiveQuery<T>(run: () => Promise<T>): Promise<T> {
    return this.#queryMutex.runExclusive(run)
  }

  _runExclusiveTransaction<T>(run: () => Promise<T>): Promise<T> {
    return this.#transactionMutex.runExclusive(run)
  }

  // Files attached to a query (COPY … FROM '/dev/blob') are not used by the hub.
  async _handleBlob(blob?: Blob) {
    if (blob) throw new Error('Files attached to a query are not supported on the embedded database’s thread.')
  }

  async _getWrittenBlob() {
    return undefined
  }

  async _cleanupBlob() {}

  async listen(): Promise<never> {
    throw new Error('LISTEN is not supported on the embedded database’s thread.')
  }

  async unlisten(): Promise<void> {}

  onNotification() {
    return () => {}
  }

  offNotification() {}
}
