// A transaction client for work that needs nothing but SQL of its own (a form save:
// records/write.ts's updateOwnColumns), over Database.sqlTransaction, past Prisma's interactive
// transaction. It answers $queryRaw and $executeRaw (as tagged templates or with a Prisma.sql) and
// $queryRawUnsafe; anything else (a model's delegate…) throws NeedsPrismaTransaction, on which
// live/after-commit.ts's publishingTransaction rolls back and runs the work again in Prisma's.
import { Prisma, type SqlQuery } from '@minsheng/db'
import type { Tx } from './registry.ts'

/** The work reached for more of Prisma's client than a SQL-only transaction offers. */
export class NeedsPrismaTransaction extends Error {
  constructor(what: string) {
    super(`${what} needs Prisma's transaction`)
    this.name = 'NeedsPrismaTransaction'
  }
}

type Statement = [Prisma.Sql | TemplateStringsArray, ...unknown[]]

/** A statement as Prisma's raw methods take it: a tagged template, or a Prisma.sql. */
const statementOf = ([first, ...values]: Statement) =>
  first instanceof Prisma.Sql ? first : Prisma.sql(first, ...values)

export function sqlOnlyClient(query: SqlQuery): Tx {
  const run = (statement: Prisma.Sql) => query(statement.text, statement.values)
  const client = {
    $queryRaw: async (...statement: Statement) => (await run(statementOf(statement))).rows,
    $executeRaw: async (...statement: Statement) => (await run(statementOf(statement))).rowCount,
    $queryRawUnsafe: async (sql: string, ...values: unknown[]) => (await query(sql, values)).rows,
  }
  return new Proxy(client, {
    get(target, key) {
      if (key in target) return target[key as keyof typeof target]
      // Not a thenable, and silent to inspection.
      if (key === 'then' || typeof key === 'symbol') return undefined
      throw new NeedsPrismaTransaction(String(key))
    },
  })
}
