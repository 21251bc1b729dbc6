// Lists of records as Relay connections: the root list of each family and the nested lists from a
// record to its related records, with the same filters, search, sort, page limits and keyset cursors
// (pages.ts). plugin-prisma's own connections position a page at the cursor record's current state,
// which loses records when that record changes; these read the page through a `where` on the sort
// values the cursor carries, and still load what the selection needs in the list's one query.
/* biome-ignore-all lint/suspicious/noExplicitAny: field names come from the family description (see registry.ts) */
import { getRefFromModel, queryFromInfo } from '@pothos/plugin-prisma'
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql'
import { builder, type Context, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.ts'
import { readDb } from '../db.ts'
import { readingArgs } from '../governance/args.ts'
import type { CursorScope } from './cursors.ts'
import { cursorScope, type ListArgs, listArgs, pageDescription, prismaWhereFor } from './list-args.ts'
import { connectionOf, type PageArgs, type PagePlan, planPage } from './pages.ts'
import { delegateOf, type Family, family } from './registry.ts'
import { combineWhere } from './where.ts'

type ConnectionArgs = ListArgs & PageArgs
const SIZES = { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE }

/** The list's order and the page the arguments ask for; BAD_USER_INPUT for bad page arguments. */
export function pageOf(f: Family, args: ConnectionArgs, ctx: Context): { scope: CursorScope; plan: PagePlan } {
  const scope = cursorScope(f, args.orderBy)
  return { scope, plan: planPage(scope, args, SIZES, ctx.locale) }
}

/** The columns a row needs for its cursor, whatever the selection asks for. */
const cursorColumns = (scope: CursorScope) => Object.fromEntries(scope.keys.map((key) => [key.field, true]))

/** Prisma arguments of the page's rows: the list's conditions, the part between the cursors, the order. */
const pageQuery = (f: Family, args: ConnectionArgs, plan: PagePlan, ctx: Context) => ({
  where: combineWhere(prismaWhereFor(f, args, ctx), plan.where),
  orderBy: plan.orderBy,
  take: plan.take,
  skip: plan.skip,
})

const NODE_PATHS = [['nodes'], ['edges', 'node']]

/** Whether the selection of the connection asks for nothing but its total count. */
function countOnly(selectionSet: SelectionSetNode | undefined) {
  return (selectionSet?.selections ?? []).every(
    (s) => s.kind === Kind.FIELD && (s.name.value === 'totalCount' || s.name.value === '__typename'),
  )
}

const totalCountField = (t: any) => ({
  totalCount: t.int({
    description: 'Records in the whole list, on all pages.',
    resolve: (connection: { totalCount: () => number | Promise<number> }) => connection.totalCount(),
  }),
})

const connectionTypeOptions = (typename: string) => ({
  description: `A page of ${typename} records, with the total count of the whole list.`,
  fields: totalCountField,
})
const edgeTypeOptions = (typename: string) => ({ description: `A ${typename} in a page, with its cursor.` })

const EMPTY_CONNECTION = {
  edges: [],
  totalCount: () => 0,
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
}

/** A nested connection from a record to its related records of another family, with the same arguments. */
export function relatedRecords(t: any, relation: string, targetTypename: string, description: string) {
  const target = () => family(targetTypename)
  return t.connection(
    {
      type: getRefFromModel(targetTypename, builder as never),
      description: `${description} ${pageDescription}`,
      // A list of records the caller may not read looks like an empty list.
      authScopes: { readType: targetTypename },
      unauthorizedResolver: () => EMPTY_CONNECTION,
      args: listArgs(t, target()),
      extensions: {
        // What plugin-prisma's own relatedConnection does: the page (and its count) loads inside
        // the parent's query. The selection tells whether the rows or the count are asked for.
        pothosPrismaSelect: (
          args: ConnectionArgs,
          ctx: Context,
          nestedQuery: (query: unknown, path: unknown) => { select?: Record<string, unknown> },
          getSelection: (path: string[]) => FieldNode | null,
        ) => {
          let page: ReturnType<typeof pageOf>
          try {
            page = pageOf(target(), args, ctx)
          } catch {
            // Bad page arguments: load nothing; the resolver reports them on this field.
            return { select: {} }
          }
          const wantsCount = getSelection(['totalCount']) != null
          const wantsRows = !countOnly(getSelection([])?.selectionSet)
          const query = pageQuery(target(), args, page.plan, ctx)
          const nested = wantsRows
            ? nestedQuery(query, {
                getType: () => targetTypename,
                paths: NODE_PATHS.map((path) => path.map((name) => ({ name }))),
              })
            : undefined
          return {
            select: {
              ...(wantsCount
                ? { _count: { select: { [relation]: { where: prismaWhereFor(target(), args, ctx) } } } }
                : {}),
              ...(nested
                ? { [relation]: { ...nested, select: { ...cursorColumns(page.scope), ...nested.select } } }
                : {}),
            },
          }
        },
      },
      resolve: (parent: any, args: ConnectionArgs, ctx: Context) => {
        const { scope, plan } = pageOf(target(), args, ctx)
        return connectionOf(scope, plan, args, parent[relation] ?? [], () => parent._count?.[relation] ?? 0)
      },
    },
    connectionTypeOptions(targetTypename),
    edgeTypeOptions(targetTypename),
  )
}

export function addRootConnection(f: Family) {
  builder.queryField(f.options.plural, (t: any) =>
    t.connection(
      {
        type: getRefFromModel(f.typename, builder as never),
        authScopes: { readType: f.typename },
        description: `${f.options.description} ${pageDescription} Use cursors (first/after, last/before) or \`offset\` with \`first\` for numbered pages.`,
        args: {
          ...listArgs(t, f),
          offset: t.arg.int({
            description: 'Records to skip before the page (page-based clients); only with `first`, not with cursors.',
          }),
          ...readingArgs(t),
        },
        resolve: async (_parent: unknown, args: ConnectionArgs, ctx: Context, info: GraphQLResolveInfo) => {
          const { scope, plan } = pageOf(f, args, ctx)
          const totalCount = () => delegateOf(readDb(ctx), f).count({ where: prismaWhereFor(f, args, ctx) })
          if (info.fieldNodes.every((node) => countOnly(node.selectionSet))) {
            return connectionOf(scope, plan, args, [], totalCount)
          }
          const query = queryFromInfo({
            context: ctx,
            info,
            typeName: f.typename,
            select: cursorColumns(scope),
            paths: NODE_PATHS,
          })
          const rows = await delegateOf(readDb(ctx), f).findMany({ ...query, ...pageQuery(f, args, plan, ctx) })
          return connectionOf(scope, plan, args, rows, totalCount)
        },
      },
      connectionTypeOptions(f.typename),
      edgeTypeOptions(f.typename),
    ),
  )
}
