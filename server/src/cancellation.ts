// Work done for a request stops when the request is over: when its execution timeout passes or its
// client goes away, the next query any resolver (or a transaction it runs) asks of the database is
// refused instead of sent — the same way readingFromPrimary's rule reaches every call without
// threading a flag through each resolver. A statement already running on PostgreSQL ends at its
// statement_timeout (no longer than the execution timeout).
//
// The embedded database runs in this thread and answers through promises alone: a request issuing
// query after query never lets a timer fire or another request in (not even /health). So the
// deadline is checked against the clock, not left to a timer, and a query waits for the event loop
// to take a turn when it has not had one for a while.
import { AsyncLocalStorage } from 'node:async_hooks'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Database, PrismaClient } from '@minsheng/db'

export interface Budget {
  signal: AbortSignal
  /** Epoch milliseconds after which the work is stopped. */
  deadline: number
  /** Stops the work (aborts `signal` with the timeout's reason); called once the deadline has passed. */
  expire(): void
}

const budgets = new AsyncLocalStorage<Budget>()

/** Runs `work` so that database queries made on its behalf stop with its budget. */
export function runCancellable<T>(budget: Budget, work: () => T): T {
  return budgets.run(budget, work)
}

function checkBudget() {
  const budget = budgets.getStore()
  if (!budget) return
  if (!budget.signal.aborted && Date.now() >= budget.deadline) budget.expire()
  budget.signal.throwIfAborted()
}

/** How long the event loop may go without a turn before a query waits for one. */
const MAX_TURN_MS = 20
let lastTurn = Date.now()
setInterval(() => {
  lastTurn = Date.now()
}, MAX_TURN_MS / 2).unref()

/** Throws for a stopped request; lets the event loop take a turn first when it has had none for a while. */
async function beforeQuery() {
  checkBudget()
  if (Date.now() - lastTurn > MAX_TURN_MS) {
    await nextTurn()
    lastTurn = Date.now()
    checkBudget()
  }
}

/** The client, refusing to start a query (model, raw, or in a transaction) for a stopped request. */
export function cancellableClient(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        await beforeQuery()
        return query(args)
      },
    },
  }) as unknown as PrismaClient
}

/** The database with both of its clients, and the reads and transactions sent past them, cancellable; the rest as it is. */
export function cancellableDatabase(database: Database): Database {
  return {
    ...database,
    prisma: cancellableClient(database.prisma),
    primary: cancellableClient(database.primary),
    async readRows(sql, params, options) {
      await beforeQuery()
      return database.readRows(sql, params, options)
    },
    sqlTransaction: (work) =>
      database.sqlTransaction((query) =>
        work(async (sql, params) => {
          await beforeQuery()
          return query(sql, params)
        }),
      ),
  }
}
