import type PrismaTypes from '@minsheng/db/pothos-types'
import { getDatamodel } from '@minsheng/db/pothos-types'
import SchemaBuilder from '@pothos/core'
import PrismaPlugin from '@pothos/plugin-prisma'
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay'
import {
  DateResolver,
  DateTimeResolver,
  LatitudeResolver,
  LongitudeResolver,
  NonNegativeIntResolver,
} from 'graphql-scalars'
import { db } from './db.ts'
import { DecimalScalar } from './records/decimal.ts'

export interface Context {
  /** Language the caller prefers for messages (from Accept-Language). */
  locale: 'zh' | 'en'
}

export const MAX_PAGE_SIZE = 200

/** Types `node(id:)` can return; filled as the record types are defined. */
export const nodeTypes = new Set<string>()
const isNodeType = (typename: string) => nodeTypes.has(typename)
export const DEFAULT_PAGE_SIZE = 20

export const builder = new SchemaBuilder<{
  Context: Context
  PrismaTypes: PrismaTypes
  DefaultFieldNullability: false
  Scalars: {
    Date: { Input: Date; Output: Date | string }
    DateTime: { Input: Date; Output: Date | string }
    Decimal: { Input: string; Output: { toString(): string } | string | number }
    Latitude: { Input: number; Output: number | string | { toString(): string } }
    Longitude: { Input: number; Output: number | string | { toString(): string } }
    NonNegativeInt: { Input: number; Output: number }
  }
}>({
  plugins: [PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: () => db(),
    dmmf: getDatamodel(),
    // Descriptions in GraphiQL come from the /// comments in schema.prisma.
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    // A resolver that forgets to pass `query` to Prisma would cause N+1 loading: fail loudly.
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // A malformed global ID finds nothing, like an unknown one, instead of failing the request.
    decodeGlobalID: (globalID) => {
      try {
        return decodeGlobalID(globalID)
      } catch {
        return { typename: '', id: '' }
      }
    },
    idFieldOptions: { description: 'Global ID of the record: opaque, stable, usable with `node(id:)`.' },
    nodeTypeOptions: { description: 'A record with a global ID.' },
    nodeQueryOptions: {
      description: 'Fetches any record by its global ID; null when there is none.',
      args: { id: { description: 'Global ID of the record.' } },
      resolve: (_root, args, _ctx, _info, resolveNode) => (isNodeType(args.id.typename) ? resolveNode(args.id) : null),
    },
    nodesQueryOptions: {
      description: 'Fetches records by global IDs, in the same order; null for each ID that finds none.',
      args: { ids: { description: 'Global IDs of the records.' } },
      resolve: async (_root, args, _ctx, _info, resolveNodes) => {
        const known = args.ids.filter((id) => isNodeType(id.typename))
        const found = await resolveNodes(known)
        return args.ids.map((id) => (isNodeType(id.typename) ? found[known.indexOf(id)] : null)) as never
      },
    },
    pageInfoTypeOptions: { description: 'Where a page sits in the whole list.' },
    hasNextPageFieldOptions: { description: 'Whether records follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether records precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first record of the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last record of the page; pass it as `after`.' },
    cursorFieldOptions: { description: 'Opaque position of this record in the list.' },
    nodeFieldOptions: { description: 'The record.' },
    edgesFieldOptions: { description: 'The records of this page with their cursors.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the whole list.' },
    nodesOnConnection: { description: 'The records of this page, without edges.' },
    firstArgOptions: { description: `Records from the start (or after \`after\`); at most ${MAX_PAGE_SIZE}.` },
    afterArgOptions: { description: 'Cursor after which the page starts.' },
    lastArgOptions: { description: `Records from the end (or before \`before\`); at most ${MAX_PAGE_SIZE}.` },
    beforeArgOptions: { description: 'Cursor before which the page ends.' },
    defaultConnectionTypeOptions: { description: 'A page of records.' },
    defaultEdgeTypeOptions: { description: 'A record in a page, with its cursor.' },
  },
})

builder.addScalarType('Date', DateResolver)
builder.addScalarType('DateTime', DateTimeResolver)
builder.addScalarType('Latitude', LatitudeResolver)
builder.addScalarType('Longitude', LongitudeResolver)
builder.addScalarType('NonNegativeInt', NonNegativeIntResolver)
builder.addScalarType('Decimal', DecimalScalar)

builder.queryType({ description: 'Read the public-service records of the city.' })
builder.mutationType({ description: 'Change the records. Every change is validated; errors carry `extensions.code`.' })

export const SortDirection = builder.enumType('SortDirection', {
  description: 'Order of a sort.',
  values: {
    ASC: { value: 'asc', description: 'Smallest first; empty values last.' },
    DESC: { value: 'desc', description: 'Largest first; empty values last.' },
  } as const,
})
