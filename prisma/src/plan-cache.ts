// A cache of Prisma query plans, keyed on the query's shape rather than its values.
// Prisma 6.19's client compiles every query from its JSON form to a plan in WebAssembly, with no
// cache of its own (Prisma 7 adds one): on the bench's list query that compilation was a fifth of
// the hub's CPU time. Keyed on the whole JSON, a cache only helps when the same values come again;
// real traffic sends other ids, divisions and cursors every time.
//
// So the values of filters and writes (scalars under `where`, `cursor`, `having` and `data`) become
// placeholders —
// the compiler accepts `{ $type: 'Param' }` there and leaves `{ prisma__type: 'param' }` nodes in
// the plan — and the plan of that shape is compiled once. For each request, a copy of the plan
// gets the request's values where the placeholders were (the executor would resolve a
// placeholder to the same raw value: Prisma's client always runs plans with no placeholder values).
//
// Safety: a shape is only cached after the compiler has shown, on the first request of that shape,
// that the plan with placeholders and the values filled in equals the plan compiled from the
// values themselves (up to how an integer parameter is written, see canonical()); otherwise that
// shape is cached by its full JSON as before. Only values that
// cannot change a plan's structure are placeholders: strings, and integers within PostgreSQL's
// `integer` range (their JSON type is part of the shape), and in a write's `data` a field's date
// or Json value (an audit event's changes and snapshot) as a whole; null, booleans, lists, dates
// in filters, decimals, `take`, `skip`, `orderBy`, `mode`, `has` and selections stay in the key.
//
// Writes (create, update, upsert, delete of one or many) are cached the same way: values made when
// a row is written are not made at compile time — the plan holds a generator call (`now` for
// @updatedAt and @default(now()), likewise uuid/cuid) that the executor evaluates per run — and the
// check above would refuse a shape whose plan held any other value of its own. A list under `data`
// (createMany's rows, a scalar list's value) stays in the key: its length shapes the SQL.
//
// One cache per compiler, and every PrismaClient has its own compiler: a plan names its schema
// ("public"."Hospital"), so clients of different PostgreSQL schemas never share plans.
/// <reference path="./query-compiler.d.ts" />
import { isDeepStrictEqual } from 'node:util'
import { QueryCompiler } from '@prisma/client/runtime/query_compiler_bg.postgresql.mjs'

const MAX_PLANS = 500
const MAX_KEY_LENGTH = 16_000
/** Raw statements are keyed on their SQL, which is the hub's own and of a few shapes: a form save's is over 16 KB. */
const MAX_RAW_LENGTH = 256_000
/** The actions whose plans are cached (raw SQL and anything else compile each time, as before). */
const CACHED_ACTION =
  /"action":"(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|aggregate|groupBy|count|createOne|updateOne|updateMany|upsertOne|deleteOne|deleteMany)"/
/** Argument subtrees whose scalar leaves are values (everything else in a query is its shape). */
const VALUE_ARGUMENTS = new Set(['where', 'cursor', 'having', 'data'])
/**
 * Keys inside those subtrees whose values stay in the key. `mode` shapes the SQL; a placeholder in
 * `has` (a scalar list holding a value, e.g. a division among a record's ancestors) compiles to
 * another plan than the value does, so every shape with one was found unsafe and compiled anew:
 * kept as a value, a list within a county has a plan per county, its pages share it.
 */
const STRUCTURAL_KEYS = new Set(['mode', 'has'])
/**
 * Lists of conditions inside those subtrees: their items are filters whose values are values (a
 * keyset page's where is `AND: [list's conditions, OR: [after the cursor's values…]]`). Other
 * lists (`in`, `has`…) stay in the key: the list's length and items shape the SQL.
 */
const CONDITION_LISTS = new Set(['AND', 'OR', 'NOT'])
const INT4 = 2_147_483_647
const PLACEHOLDER_NAME = /^p\d+[sij]$/

type Plan = unknown
type Path = (string | number)[]

interface Shape {
  plan: Plan
  /** Where each placeholder sits in the plan, and which value fills it. */
  slots: { path: Path; param: number; type: string }[]
}

interface PlanCache {
  /**
   * Plans by the JSON of the query with its values replaced by placeholders, and the enum values
   * among them: the compiler casts an enum given as a value but not one given as a placeholder, so
   * those stay values (the second key names them, a few shapes per enum field).
   */
  shapes: Map<string, Shape>
  enums: Map<string, number[]>
  /** Plans by the query's full JSON: queries whose shape could not be cached (see above). */
  plans: Map<string, Plan>
  /** Shapes the compiler did not reproduce with placeholders. */
  unsafe: Set<string>
  /** Raw SQL plans by their SQL and parameter types; null: the compiler's plan did not carry the values as given. */
  raw: Map<string, RawPlan | null>
  stats: PlanCacheStats
}

/** The plan of a raw statement: the SQL, the parameters' types and the values, which vary. */
interface RawPlan {
  type: string
  args: { type: string; sql: string; args: unknown[]; argTypes: unknown }
}

export interface PlanCacheStats {
  /** Requests answered by a plan of the same shape (other values). */
  shapeHits: number
  /** Requests answered by a plan of the very same JSON. */
  exactHits: number
  compiled: number
  /** Shapes found not to be safely parameterisable (cached by their values instead). */
  unsafeShapes: number
}

type Compile = (this: object, request: string) => Plan
const caches = new WeakMap<object, PlanCache>()
/** Every cache's stats, for allPlanCacheStats (the compilers themselves are private to the clients). */
const everyStats = new Set<PlanCacheStats>()
let installed = false
let enabled = true

function cacheOf(compiler: object): PlanCache {
  let cache = caches.get(compiler)
  if (!cache) {
    cache = {
      shapes: new Map(),
      enums: new Map(),
      plans: new Map(),
      unsafe: new Set(),
      raw: new Map(),
      stats: { shapeHits: 0, exactHits: 0, compiled: 0, unsafeShapes: 0 },
    }
    caches.set(compiler, cache)
    everyStats.add(cache.stats)
  }
  return cache
}

/** Least recently used goes first: a hit moves to the end, the first key is dropped when full. */
function touch<V>(map: Map<string, V>, key: string, value: V) {
  map.delete(key)
  map.set(key, value)
  if (map.size > MAX_PLANS) map.delete(map.keys().next().value as string)
}

/**
 * A Json field's value written by a create or update (an audit event's changes and snapshot): one
 * placeholder for the whole value, which the plan carries as its JSON text.
 */
class JsonValue {
  constructor(readonly value: object) {}
}

/** Operators of a write's `data` (atomic updates, nested writes): an object holding one is not a Json value. */
const WRITE_OPERATORS = new Set([
  'set',
  'increment',
  'decrement',
  'multiply',
  'divide',
  'push',
  'unset',
  'create',
  'createMany',
  'connect',
  'connectOrCreate',
  'disconnect',
  'delete',
  'deleteMany',
  'update',
  'updateMany',
  'upsert',
])

/** An object under `data` that can only be a Json field's value (the compiler's check confirms it). */
function isJsonValue(node: unknown): node is object {
  if (node === null || typeof node !== 'object' || Array.isArray(node) || '$type' in node) return false
  return Object.keys(node).every((key) => !WRITE_OPERATORS.has(key))
}

/** A DateTime written by a create or update (`submittedAt: new Date()`), in the protocol's form. */
function isDateTime(node: unknown): node is { $type: 'DateTime'; value: string } {
  const date = node as { $type?: unknown; value?: unknown } | null
  return typeof date === 'object' && date !== null && date.$type === 'DateTime' && typeof date.value === 'string'
}

/** The placeholder's type letter: a string, an integer, or a Json value. */
const suffixOf = (value: unknown) => (value instanceof JsonValue ? 'j' : typeof value === 'string' ? 's' : 'i')

/** Whether a value becomes a placeholder (otherwise it is part of the shape). */
function parameterisable(value: unknown): boolean {
  if (typeof value === 'string') return true
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= INT4
}

/**
 * The query with the values of its filters replaced by numbered placeholders, and those values.
 * Relation selections carry arguments of their own (`selection.x.arguments.where`), so the whole
 * query is walked.
 */
export function parameterise(query: unknown): { shape: unknown; values: unknown[] } {
  const values: unknown[] = []
  const placeholder = (value: unknown) => {
    values.push(value)
    // The value's type is part of the shape (an integer and a string may compile differently).
    return { $type: 'Param', value: `p${values.length - 1}${suffixOf(value)}` }
  }
  const jsonPlaceholder = (value: object) => {
    values.push(new JsonValue(value))
    return { $type: 'Param', value: `p${values.length - 1}j` }
  }
  /** A field's value in a write's `data`: a date or a Json value is one value too. */
  const fieldValue = (node: unknown): unknown => {
    if (isDateTime(node)) return placeholder(node.value)
    if (isJsonValue(node)) return jsonPlaceholder(node)
    return inValues(node)
  }
  const inValues = (node: unknown, isData = false): unknown => {
    if (parameterisable(node)) return placeholder(node)
    if (node === null || typeof node !== 'object' || Array.isArray(node) || '$type' in node) return node
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(node)) {
      if (STRUCTURAL_KEYS.has(key)) out[key] = inner
      else if (CONDITION_LISTS.has(key) && Array.isArray(inner)) out[key] = inner.map((item) => inValues(item))
      else out[key] = isData ? fieldValue(inner) : inValues(inner)
    }
    return out
  }
  const walk = (node: unknown, parent: string | undefined): unknown => {
    if (node === null || typeof node !== 'object') return node
    if (Array.isArray(node)) return node.map((item) => walk(item, undefined))
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(node)) {
      out[key] = parent === 'arguments' && VALUE_ARGUMENTS.has(key) ? inValues(inner, key === 'data') : walk(inner, key)
    }
    return out
  }
  return { shape: walk(query, undefined), values }
}

/** Where the compiler left each placeholder in the plan. */
function findSlots(plan: Plan): Shape['slots'] {
  const slots: Shape['slots'] = []
  const visit = (node: unknown, path: Path) => {
    if (node === null || typeof node !== 'object') return
    const param = node as { prisma__type?: string; prisma__value?: { name?: string; type?: string } }
    // Only the placeholders (p0s, p1i, p2j…): a generated value's parameter (`@generated$row0$at`
    // for a @default(now()) column) stays in the plan, for the executor to evaluate per run.
    if (param.prisma__type === 'param' && PLACEHOLDER_NAME.test(param.prisma__value?.name ?? '')) {
      const { name = '', type = '' } = param.prisma__value ?? {}
      slots.push({ path, param: Number.parseInt(name.slice(1), 10), type })
      return
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i], [...path, i])
    } else {
      for (const [key, inner] of Object.entries(node)) visit(inner, [...path, key])
    }
  }
  visit(plan, [])
  return slots
}

/** A copy of the plan with the values where the placeholders were; untouched branches are shared. */
function fill(shape: Shape, values: unknown[]): Plan {
  const copied = new Set<unknown>()
  const root = copyOf(shape.plan)
  copied.add(root)
  for (const { path, param } of shape.slots) {
    let node = root as Record<string | number, unknown>
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i] as string | number
      let child = node[key]
      if (!copied.has(child)) {
        child = copyOf(child)
        copied.add(child)
        node[key] = child
      }
      node = child as Record<string | number, unknown>
    }
    const value = values[param]
    node[path[path.length - 1] as string | number] = value instanceof JsonValue ? JSON.stringify(value.value) : value
  }
  return root
}

/**
 * A plan with its integer parameters written one way. The compiler writes an integer it was given
 * as a value as a string typed `bigint` ("42"), and one it fills from a placeholder as the number
 * typed by its field (42, `int`); PostgreSQL receives the same parameter either way.
 */
function canonical(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node
  if (Array.isArray(node)) return node.map(canonical)
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(node)) out[key] = canonical(inner)
  const { args, argTypes } = out as { args?: unknown; argTypes?: unknown }
  if (Array.isArray(args) && Array.isArray(argTypes) && args.length === argTypes.length) {
    out.args = args.map((arg, i) => (isIntegerArgument(arg, argTypes[i]) ? Number(arg) : arg))
    out.argTypes = argTypes.map((type, i) =>
      isIntegerArgument(args[i], type) ? { ...(type as object), scalarType: 'integer' } : type,
    )
  }
  return out
}

function isIntegerArgument(arg: unknown, type: unknown): boolean {
  const { arity, scalarType } = (type ?? {}) as { arity?: string; scalarType?: string }
  if (arity !== 'scalar' || (scalarType !== 'int' && scalarType !== 'bigint')) return false
  return typeof arg === 'number' ? Number.isInteger(arg) : typeof arg === 'string' && /^-?\d{1,10}$/.test(arg)
}

function copyOf(node: unknown): unknown {
  return Array.isArray(node) ? [...node] : { ...(node as object) }
}

/** The placeholder of value `index` as it appears in a shape's JSON. */
const placeholderJson = (index: number, value: unknown) =>
  JSON.stringify({ $type: 'Param', value: `p${index}${suffixOf(value)}` })

/** The shape's JSON with the values at `inline` written in place of their placeholders. */
function inlined(key: string, values: unknown[], inline: number[]): string {
  let out = key
  for (const index of inline) out = out.replace(placeholderJson(index, values[index]), JSON.stringify(values[index]))
  return out
}

function compileByShape(cache: PlanCache, compile: (request: string) => Plan, request: string): Plan {
  const parsed = JSON.parse(request) as unknown
  const { shape: shapeQuery, values } = parameterise(parsed)
  if (values.length === 0) return compileExact(cache, compile, request)
  const general = JSON.stringify(shapeQuery)
  const enums = cache.enums.get(general)
  const key = enums ? inlined(general, values, enums) : general
  const shape = enums && cache.shapes.get(key)
  if (shape) {
    cache.stats.shapeHits += 1
    touch(cache.shapes, key, shape)
    return fill(shape, values)
  }
  if (cache.unsafe.has(general)) return compileExact(cache, compile, request)
  // First of its shape: compile with placeholders (enums as values) and from the values; cache
  // the shape only if the two plans agree.
  const exact = compile(request)
  cache.stats.compiled += 1
  const candidate = enums
    ? withEnums(tryCompile(compile, key, values.length - enums.length), enums)
    : learnEnums(compile, general, values)
  if (candidate && isDeepStrictEqual(canonical(fill(candidate.shape, values)), canonical(exact))) {
    touch(cache.enums, general, candidate.enums)
    touch(cache.shapes, inlined(general, values, candidate.enums), candidate.shape)
  } else {
    cache.unsafe.add(general)
    cache.stats.unsafeShapes += 1
    if (cache.unsafe.size > MAX_PLANS) cache.unsafe.delete(cache.unsafe.values().next().value as string)
    touch(cache.plans, request, exact)
  }
  return exact
}

const withEnums = (shape: Shape | undefined, enums: number[]) => (shape ? { shape, enums } : undefined)

/** Compiles a shape; undefined when the compiler refuses it or leaves out a placeholder. */
function tryCompile(compile: (request: string) => Plan, key: string, placeholders: number): Shape | undefined {
  try {
    const plan = compile(key)
    const slots = findSlots(plan)
    return new Set(slots.map((slot) => slot.param)).size === placeholders ? { plan, slots } : undefined
  } catch {
    return undefined
  }
}

/** Compiles the general shape to see which placeholders are enums, then the shape with those as values. */
function learnEnums(compile: (request: string) => Plan, general: string, values: unknown[]) {
  const first = tryCompile(compile, general, values.length)
  if (!first) return undefined
  const enums = [...new Set(first.slots.filter((slot) => slot.type === 'Enum').map((slot) => slot.param))]
  if (enums.length === 0) return { shape: first, enums }
  return withEnums(tryCompile(compile, inlined(general, values, enums), values.length - enums.length), enums)
}

function compileExact(cache: PlanCache, compile: (request: string) => Plan, request: string): Plan {
  const cached = cache.plans.get(request)
  if (cached !== undefined) {
    cache.stats.exactHits += 1
    touch(cache.plans, request, cached)
    return cached
  }
  const plan = compile(request)
  cache.stats.compiled += 1
  touch(cache.plans, request, plan)
  return plan
}

const RAW_ACTION = /^\{"action":"(queryRaw|executeRaw)"/

/**
 * Raw SQL ($queryRaw, $executeRaw: the hub's own statements — a record read by its ID, the write
 * path's CTEs) compiles to the SQL, the parameters' types and their values. Its plan is kept per
 * SQL and parameter types when every parameter is a string, an integer of PostgreSQL's `integer`
 * range or a null (its place is part of the key), and when, the first time, the compiler's plan carried those values as they were
 * given; each request gets the plan with its own values.
 */
function compileRaw(cache: PlanCache, compile: (request: string) => Plan, request: string): Plan {
  const parsed = JSON.parse(request) as { query?: { arguments?: { query?: unknown; parameters?: unknown } } }
  const { query: sql, parameters } = parsed.query?.arguments ?? {}
  const values = typeof parameters === 'string' ? (JSON.parse(parameters) as unknown) : undefined
  const types = Array.isArray(values) ? values.map(rawParameterType) : undefined
  if (typeof sql !== 'string' || !types || types.includes(undefined)) return compileExact(cache, compile, request)
  const key = `${request.slice(0, request.indexOf('"query":'))}${types.join('')}\u0000${sql}`
  const cached = cache.raw.get(key)
  if (cached) {
    cache.stats.shapeHits += 1
    touch(cache.raw, key, cached)
    return { type: cached.type, args: { ...cached.args, args: values } }
  }
  const plan = compile(request) as RawPlan
  cache.stats.compiled += 1
  if (cached === undefined) {
    const carriesValues = plan?.args?.type === 'rawSql' && isDeepStrictEqual(plan.args.args, values)
    if (!carriesValues) cache.stats.unsafeShapes += 1
    touch(cache.raw, key, carriesValues ? plan : null)
  }
  return plan
}

function rawParameterType(value: unknown): 's' | 'i' | 'n' | undefined {
  if (typeof value === 'string') return 's'
  if (value === null) return 'n'
  if (Number.isInteger(value) && Math.abs(value as number) <= INT4) return 'i'
  return undefined
}

/** Wraps the compiler once per process; each compiler (each PrismaClient) has its own cache. */
export function cacheReadPlans() {
  if (installed) return
  installed = true
  const prototype = QueryCompiler.prototype as unknown as { compile: Compile }
  const original = prototype.compile
  prototype.compile = function cachedCompile(this: object, request: string) {
    if (enabled && request.length <= MAX_RAW_LENGTH && RAW_ACTION.test(request)) {
      return compileRaw(cacheOf(this), (r) => original.call(this, r), request)
    }
    if (!enabled || request.length > MAX_KEY_LENGTH || !CACHED_ACTION.test(request.slice(0, 200))) {
      return original.call(this, request)
    }
    return compileByShape(cacheOf(this), (r) => original.call(this, r), request)
  }
}

/** For tests: compile every query afresh while false. */
export function setPlanCacheEnabled(on: boolean) {
  enabled = on
}

/** For tests and the bench: what every client's cache has done so far, added up. */
export function allPlanCacheStats(): PlanCacheStats {
  const total: PlanCacheStats = { shapeHits: 0, exactHits: 0, compiled: 0, unsafeShapes: 0 }
  for (const stats of everyStats) {
    total.shapeHits += stats.shapeHits
    total.exactHits += stats.exactHits
    total.compiled += stats.compiled
    total.unsafeShapes += stats.unsafeShapes
  }
  return total
}
