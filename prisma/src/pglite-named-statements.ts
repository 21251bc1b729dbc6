// Named prepared statements on the embedded database, as prepared-statements.ts gives them to
// PostgreSQL. PGlite's query() sends every statement unnamed — parse, describe, bind, describe,
// execute, sync — so the WebAssembly PostgreSQL parses, analyses and plans the same text on every
// request: planning was 1.3 of the by-id read's 3.2 ms on the bench's 100k fill (EXPLAIN
// GENERIC_PLAN), 0.9 of 3.2 ms for the nested read. A text seen HOT_AFTER times is parsed once
// under a name (at most MAX_NAMED, the same StatementNames as the pool's) and then only bound and
// executed — bind, describe, execute and sync in one call into PGlite instead of six calls — and
// PostgreSQL's plan cache does the rest. Every other statement goes as the unnamed one in two calls
// (parse and describe; then bind, describe, execute and sync): each call is a round trip to the
// embedded database's thread (pglite-thread.ts), and a list page's custom plan took six.
//
// The adapter (pglite-prisma-adapter) calls `query` on the PGlite it is given and on the
// transactions it opens; the wrapper answers those two, as PGlite's own query does (the same
// locks, result parsing and sync to the file system), and hands everything else to PGlite.
// PGlite 0.5's execProtocolStream, _runExclusiveQuery and _runExclusiveTransaction are what its
// query() is made of; the lockfile pins the version, and the suite (all of it on the embedded
// database) checks every answer.
import { type PGlite, parse, protocol, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite'
import { StatementNames } from './prepared-statements.ts'

type Query = (text: string, params?: unknown[], options?: QueryOptions) => Promise<Results>

/** What PGlite 0.5 does a query with; public in its typings, underscored as internal. */
interface PGliteInternals {
  _checkReady(): Promise<void>
  _runExclusiveQuery<T>(run: () => Promise<T>): Promise<T>
  _runExclusiveTransaction<T>(run: () => Promise<T>): Promise<T>
}

/** PostgreSQL's unnamed statement: replaced by the next parse, planned for its values every time. */
const UNNAMED = ''

/** PGlite, and a query that is always planned for its values (the unnamed statement). */
export type NamedSession = PGlite & { queryUnnamed: Query }

/**
 * PGlite with named statements for the texts it is asked again and again (see above). Every other
 * statement goes as the unnamed one, in two calls (parse and describe; bind, execute and sync)
 * rather than PGlite's six.
 */
export function withNamedStatements(pglite: PGlite): NamedSession {
  const names = new StatementNames()
  /** Parameter types of each statement prepared so far, by name. */
  const prepared = new Map<string, number[]>()
  const internals = pglite as unknown as PGliteInternals
  const step = (message: Uint8Array) => pglite.execProtocolStream(message, { syncToFs: false })

  /** Parses and describes the statement in one call; `''` is the unnamed statement, never kept. */
  async function prepare(name: string, text: string, options: QueryOptions | undefined) {
    const messages = await step(
      concatenated(
        protocol.serialize.parse({ name, text, types: options?.paramTypes }),
        protocol.serialize.describe({ type: 'S', name }),
      ),
    )
    const types = parse.parseDescribeStatementResults(messages)
    if (name !== UNNAMED) prepared.set(name, types)
    return types
  }

  async function execute(name: string, text: string, params: unknown[], options: QueryOptions | undefined) {
    let synced = false
    try {
      const types = (name !== UNNAMED && prepared.get(name)) || (await prepare(name, text, options))
      const values = params.map((value, i) => serialized(pglite, options, types[i] as number, value))
      // One call into PGlite for the four messages (it reads them all, as a server reads a pipeline).
      const messages = await step(
        concatenated(
          protocol.serialize.bind({ statement: name, values }),
          protocol.serialize.describe({ type: 'P' }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ),
      )
      synced = true
      return parse.parseResults(messages, pglite.parsers, options)[0] as Results
    } finally {
      // After an error PostgreSQL skips what follows until a sync (one more is harmless).
      if (!synced) await step(protocol.serialize.sync())
    }
  }

  /** A statement (named, or `UNNAMED`), under the lock PGlite's own query takes. */
  const run = (
    name: string,
    text: string,
    params: unknown[],
    options: QueryOptions | undefined,
    inTransaction: boolean,
  ) =>
    internals._runExclusiveQuery(async () => {
      try {
        const result = await execute(name, text, params, options)
        // As PGlite's query: written through to the data directory unless a transaction is open.
        if (!inTransaction) await pglite.syncToFs()
        return result
      } catch (error) {
        // A statement whose result type changed (its table changed under it) goes unnamed for good.
        if (name !== UNNAMED && names.failed(text, error)) prepared.delete(name)
        throw error
      }
    })

  /** The text's name once it is hot; until then (and without parameters) the unnamed statement. */
  const nameOf = (text: string, params: unknown[] | undefined) =>
    (params && params.length > 0 ? names.nameFor(text) : undefined) ?? UNNAMED

  /** Outside a transaction: waits for an open one to finish first, as PGlite's query does. */
  const query = async (name: string, text: string, params?: unknown[], options?: QueryOptions) => {
    if (options?.blob) return pglite.query(text, params, options)
    await internals._checkReady()
    return internals._runExclusiveTransaction(() => run(name, text, params ?? [], options, false))
  }

  return new Proxy(pglite, {
    get(target, property) {
      if (property === 'query') {
        return (text: string, params?: unknown[], options?: QueryOptions) =>
          query(nameOf(text, params), text, params, options)
      }
      if (property === 'queryUnnamed') {
        return (text: string, params?: unknown[], options?: QueryOptions) => query(UNNAMED, text, params, options)
      }
      if (property === 'transaction') {
        return <T>(callback: (tx: Transaction) => Promise<T>) =>
          target.transaction((tx) =>
            callback(
              withQuery(tx, (text, params, options) => {
                if (tx.closed) throw new Error('Transaction is closed')
                if (options?.blob) return tx.query(text, params, options)
                return run(nameOf(text, params), text, params ?? [], options, true)
              }),
            ),
          )
      }
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  }) as NamedSession
}

/** The transaction with another `query`. */
function withQuery(tx: Transaction, query: Query): Transaction {
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'query') return query
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** A parameter as PGlite's query writes it: its type's serializer, else its text. */
function serialized(pglite: PGlite, options: QueryOptions | undefined, type: number, value: unknown) {
  if (value == null) return null
  const serializer = options?.serializers?.[type] ?? pglite.serializers[type]
  return serializer ? serializer(value) : String(value)
}

function concatenated(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
