import type PrismaTypes from '@minsheng/db/pothos-types'
import { getDatamodel } from '@minsheng/db/pothos-types'
import SchemaBuilder from '@pothos/core'
import PrismaPlugin from '@pothos/plugin-prisma'
import RelayPlugin from '@pothos/plugin-relay'
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
    nodesOnConnection: { description: 'The records of this page, without edges.' },
    nodeQueryOptions: { description: 'Fetches any record by its global ID.' },
    nodesQueryOptions: { description: 'Fetches records by global IDs, in the same order; unknown IDs give null.' },
    pageInfoTypeOptions: { description: 'Where this page sits in the whole list.' },
    nodeTypeOptions: { description: 'A record with a global ID.' },
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
