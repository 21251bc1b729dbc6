// Lists of records as Relay connections: the root list of each family and the nested lists from a
// record to its related records, with the same filters, search, sort and page limits.
/* biome-ignore-all lint/suspicious/noExplicitAny: field names come from the family description (see registry.ts) */
import { builder, type Context, DEFAULT_PAGE_SIZE } from '../builder.ts'
import { readDb } from '../db.ts'
import { readingArgs } from '../governance/args.ts'
import {
  checkPageArgs,
  type ListArgs,
  listArgs,
  pageDescription,
  prismaWhereFor,
  refuseOversizedPages,
} from './list-args.ts'
import { delegateOf, type Family, family } from './registry.ts'
import { toPrismaOrderBy } from './where.ts'

/** A nested connection from a record to its related records of another family, with the same arguments. */
export function relatedRecords(t: any, relation: string, targetTypename: string, description: string) {
  const target = () => family(targetTypename)
  return t.relatedConnection(
    relation,
    {
      description: `${description} ${pageDescription}`,
      // A list of records the caller may not read looks like an empty list.
      authScopes: { readType: targetTypename },
      unauthorizedResolver: () => EMPTY_CONNECTION,
      cursor: 'id',
      totalCount: true,
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: refuseOversizedPages,
      args: {
        where: t.arg({ type: target().whereRef, description: 'Only records meeting these conditions.' }),
        search: t.arg.string({ description: 'Text contained in the Chinese or English name, ignoring case.' }),
        orderBy: t.arg({ type: [target().orderByRef], description: 'Sort keys; the id breaks ties.' }),
      },
      query: (args: ListArgs) => ({
        where: prismaWhereFor(target(), args),
        orderBy: toPrismaOrderBy(target().fields, args.orderBy),
      }),
    },
    connectionTypeOptions(targetTypename),
    edgeTypeOptions(targetTypename),
  )
}

const EMPTY_CONNECTION = {
  edges: [],
  totalCount: 0,
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
}

const connectionTypeOptions = (typename: string) => ({
  description: `A page of ${typename} records, with the total count of the whole list.`,
})
const edgeTypeOptions = (typename: string) => ({ description: `A ${typename} in a page, with its cursor.` })

export function addRootConnection(f: Family) {
  builder.queryField(f.options.plural, (t: any) =>
    t.prismaConnection(
      {
        type: f.typename,
        cursor: 'id',
        authScopes: { readType: f.typename },
        description: `${f.options.description} ${pageDescription} Use cursors (first/after, last/before) or \`offset\` with \`first\` for numbered pages.`,
        defaultSize: DEFAULT_PAGE_SIZE,
        maxSize: refuseOversizedPages,
        args: {
          ...listArgs(t, f),
          offset: t.arg.int({ description: 'Records to skip before the page (page-based clients); not with cursors.' }),
          ...readingArgs(t),
        },
        totalCount: (_parent: unknown, args: ListArgs, ctx: Context) =>
          delegateOf(readDb(ctx), f).count({ where: prismaWhereFor(f, args) }),
        resolve: (query: any, _parent: unknown, args: ListArgs & { offset?: number | null }, ctx: Context) => {
          checkPageArgs(args as never)
          const skip = query.cursor ? query.skip : (args.offset ?? 0)
          return delegateOf(readDb(ctx), f).findMany({
            ...query,
            skip,
            where: prismaWhereFor(f, args),
            orderBy: toPrismaOrderBy(f.fields, args.orderBy),
          })
        },
      },
      connectionTypeOptions(f.typename),
      edgeTypeOptions(f.typename),
    ),
  )
}
