// A cache of Prisma query plans for reads. Prisma 6.19's client compiles every query from its JSON
// form to a plan in WebAssembly, with no cache of its own (Prisma 7 adds one): on the bench's list
// query that compilation was a fifth of the hub's CPU time. A plan is a pure function of the query's
// JSON (values included) and the schema, so the same read asked again can reuse it.
//
// Only reads are cached: a write's plan may hold values made at compile time (e.g. @updatedAt).
// The cache is bounded (least recently used out) and skips very large queries.
/// <reference path="./query-compiler.d.ts" />
import { QueryCompiler } from '@prisma/client/runtime/query_compiler_bg.postgresql.mjs'

const MAX_PLANS = 500
const MAX_KEY_LENGTH = 16_000
const READ_ACTION =
  /"action":"(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|aggregate|groupBy|count)"/

type Compile = (this: unknown, request: string) => unknown
const plans = new Map<string, unknown>()
let installed = false

/** Wraps the compiler once per process; every client (and PGlite or PostgreSQL) shares the cache. */
export function cacheReadPlans() {
  if (installed) return
  installed = true
  const prototype = QueryCompiler.prototype
  const compile: Compile = prototype.compile
  prototype.compile = function cachedCompile(request: string) {
    if (request.length > MAX_KEY_LENGTH || !READ_ACTION.test(request.slice(0, 200))) {
      return compile.call(this, request)
    }
    const cached = plans.get(request)
    if (cached !== undefined) {
      // Most recently used goes last, so the first key is the one to drop.
      plans.delete(request)
      plans.set(request, cached)
      return cached
    }
    const plan = compile.call(this, request)
    plans.set(request, plan)
    if (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value as string)
    return plan
  }
}
