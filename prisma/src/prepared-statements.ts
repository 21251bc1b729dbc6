// Named prepared statements for the SQL the hub sends again and again. Prisma's PostgreSQL adapter
// sends every query as an unnamed statement, so PostgreSQL parses, analyses and plans the same text
// on every request: measured on the bench's 100k fill, a list page cost 3.4–4.9 ms of the server's
// time unnamed and 2.6–2.9 ms named, its count 3.7–5.1 → 2.4–2.7 ms. pg prepares a statement once
// per connection when the query carries a `name`; this client gives one to each text seen often.
//
// Bounded: only texts seen HOT_AFTER times are named, and at most MAX_NAMED per pool, so a
// connection holds at most that many statements however varied the SQL (IN lists of every length).
// Off with `preparedStatements: false` (DATABASE_PREPARED_STATEMENTS=off) behind a pooler in
// transaction mode that does not carry prepared statements across its connections.
//
// PostgreSQL plans a prepared statement again by itself when a table under it changes, but refuses
// to run it when its result's columns changed ("cached plan must not change result type", after
// another instance migrated): that text is sent unnamed from then on, so one request fails, not
// every later one on that connection.
import pg from 'pg'

export const HOT_AFTER = 3
export const MAX_NAMED = 256
/** Texts counted before the counts start again (the names given stay). */
const MAX_COUNTED = 2_000
/** PostgreSQL's feature_not_supported: what a prepared statement whose result type changed answers. */
const RESULT_TYPE_CHANGED = '0A000'

/** The names one pool gives: shared by its connections, so a text has the same name on each. */
export class StatementNames {
  private readonly names = new Map<string, string>()
  private readonly seen = new Map<string, number>()
  /** Texts whose prepared statement stopped working: sent unnamed for good. */
  private readonly unnamed = new Set<string>()

  /** The statement's name, once its text is hot; undefined until then (and for texts past the cap). */
  nameFor(text: string): string | undefined {
    const named = this.names.get(text)
    if (named || this.names.size + this.unnamed.size >= MAX_NAMED || this.unnamed.has(text)) return named
    const count = (this.seen.get(text) ?? 0) + 1
    if (count < HOT_AFTER) {
      if (this.seen.size >= MAX_COUNTED) this.seen.clear()
      this.seen.set(text, count)
      return undefined
    }
    this.seen.delete(text)
    const name = `hub_${this.names.size + this.unnamed.size + 1}`
    this.names.set(text, name)
    return name
  }

  /** The text's statement failed in a way a new plan would not: stop naming it (true when so). */
  failed(text: string, error: unknown): boolean {
    if ((error as { code?: unknown } | null)?.code !== RESULT_TYPE_CHANGED || !this.names.delete(text)) return false
    this.unnamed.add(text)
    return true
  }
}

interface QueryConfigLike {
  text?: unknown
  name?: unknown
  values?: unknown
}

/**
 * A pg Client class that names hot parameterised queries. Only queries given as a config object with
 * values (Prisma's, the extended protocol) are named; plain strings (BEGIN, COMMIT, SET …) are not.
 */
export function preparingClient(names: StatementNames): typeof pg.Client {
  return class PreparingClient extends pg.Client {
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded query signature cannot be restated
    override query(config: any, ...rest: any[]): any {
      const query = config as QueryConfigLike | null
      if (
        query &&
        typeof query === 'object' &&
        typeof query.text === 'string' &&
        query.name === undefined &&
        Array.isArray(query.values)
      ) {
        const text = query.text
        const name = names.nameFor(text)
        if (name) {
          // biome-ignore lint/suspicious/noExplicitAny: see above
          const result = (super.query as any)({ ...query, name }, ...rest)
          // Prisma's adapter passes no callback: pg answers with a promise.
          if (result instanceof Promise) {
            return result.catch((error: unknown) => {
              names.failed(text, error)
              throw error
            })
          }
          return result
        }
      }
      // biome-ignore lint/suspicious/noExplicitAny: see above
      return (super.query as any)(config, ...rest)
    }
  }
}
