import type PrismaTypes from '@minsheng/db/pothos-types'
import SchemaBuilder from '@pothos/core'
import DataloaderPlugin from '@pothos/plugin-dataloader'
import PrismaPlugin from '@pothos/plugin-prisma'
import RelayPlugin from '@pothos/plugin-relay'
import ScopeAuthPlugin from '@pothos/plugin-scope-auth'
import { GraphQLError } from 'graphql'
import {
  DateResolver,
  DateTimeResolver,
  JSONResolver,
  LatitudeResolver,
  LongitudeResolver,
  NonNegativeIntResolver,
} from 'graphql-scalars'
import type { Actor } from './auth/actor.ts'
import { canRead, canReadRestricted, isAdmin, isEditor, isReviewer } from './auth/permissions.ts'
import type { SessionPolicy } from './auth/sessions.ts'
import { datamodel } from './datamodel.ts'
import { readDb } from './db.ts'
import type { Reading } from './governance/reading.ts'
import type { RateLimitReader } from './plugins/hardening/rate-limit.ts'
import { DecimalScalar } from './records/decimal.ts'
import { userInputError } from './records/errors.ts'
import { parseGlobalId } from './records/ids.ts'

export interface AuthSettings {
  /** Anonymous callers may read public fields. */
  publicRead: boolean
  session: SessionPolicy
}

export interface GovernanceSettings {
  /** Changes wait for a reviewer before partners see them (REVIEW=on); otherwise they are published at once. */
  review: boolean
}

export interface Context {
  /** Language the caller prefers for messages (from Accept-Language). */
  locale: 'zh' | 'en'
  actor: Actor
  /** Also in the X-Request-Id response header and in audit events. */
  requestId: string
  request: Request
  /** The caller's network address (for login throttling and rate limits). */
  clientAddress?: string
  auth: AuthSettings
  governance: GovernanceSettings
  /** Which copy of the records the request reads (governance/reading.ts). */
  reading: Reading
  /** The rate limit's counters, read without charging (absent when the hub counts nothing). */
  rateLimits?: RateLimitReader
}

export const MAX_PAGE_SIZE = 200

/** Types `node(id:)` can return; filled as the record types are defined. */
export const nodeTypes = new Set<string>()

const text = {
  signIn: {
    en: 'Sign in or send an API key (Authorization: Bearer …) to use the hub.',
    zh: '请先登录，或发送 API 密钥（Authorization: Bearer …），再使用本系统。',
  },
  // The console's words for it too (hub.errors.forbidden).
  forbidden: { en: 'You are not allowed to do this.', zh: '您没有权限进行此操作。' },
  notAGlobalId: {
    en: (value: string) => `${value} is not a global ID of this hub.`,
    zh: (value: string) => `${value} 不是本系统的全局 ID。`,
  },
  notAGlobalIdField: { en: 'Not a global ID', zh: '不是全局 ID' },
}

/** Who may not do what they asked: UNAUTHENTICATED for someone not signed in, else FORBIDDEN. */
export function refusal(ctx: Context) {
  return ctx.actor.kind === 'anonymous'
    ? new GraphQLError(text.signIn[ctx.locale], { extensions: { code: 'UNAUTHENTICATED' } })
    : new GraphQLError(text.forbidden[ctx.locale], { extensions: { code: 'FORBIDDEN' } })
}

export const DEFAULT_PAGE_SIZE = 20

export const builder = new SchemaBuilder<{
  Context: Context
  PrismaTypes: PrismaTypes
  AuthScopes: {
    /** May read records of this type. */
    readType: string
    /** May read restricted fields. */
    restricted: boolean
    editor: boolean
    /** Reviews change sets (reviewers and admins). */
    reviewer: boolean
    admin: boolean
    /** A signed-in operator of any role. */
    operator: boolean
  }
  DefaultFieldNullability: false
  Scalars: {
    Date: { Input: Date; Output: Date | string }
    DateTime: { Input: Date; Output: Date | string }
    Decimal: { Input: string; Output: { toString(): string } | string | number }
    Latitude: { Input: number; Output: number | string | { toString(): string } }
    Longitude: { Input: number; Output: number | string | { toString(): string } }
    NonNegativeInt: { Input: number; Output: number }
    JSON: { Input: unknown; Output: unknown }
  }
}>({
  // Scope-auth first, so its checks wrap the resolvers the other plugins build.
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, DataloaderPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({
      readType: (typename: string) => canRead(ctx.actor, typename, ctx.auth.publicRead),
      restricted: canReadRestricted(ctx.actor),
      editor: isEditor(ctx.actor),
      reviewer: isReviewer(ctx.actor),
      admin: isAdmin(ctx.actor),
      operator: ctx.actor.kind === 'user',
    }),
    unauthorizedError: (_parent, context) => refusal(context),
  },
  defaultFieldNullability: false,
  prisma: {
    // Each request reads the copy it asked for: working, published, or published as of a moment.
    client: (ctx) => readDb(ctx),
    dmmf: datamodel(),
    // Descriptions come from each family's field descriptions (server/src/schema/<record>.ts); the
    // /// comments in schema.prisma are for readers of the data model.
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // A resolver that forgets to pass `query` to Prisma would cause N+1 loading: fail loudly.
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // A malformed global ID is the caller's mistake, said clearly; a well-formed one that finds
    // nothing answers null (node) or NOT_FOUND (mutations).
    decodeGlobalID: (globalID, ctx) => {
      const parsed = parseGlobalId(globalID)
      if (!parsed) {
        const locale = ctx?.locale ?? 'en'
        throw userInputError(text.notAGlobalId[locale](JSON.stringify(globalID.slice(0, 100))), [
          { field: 'id', code: 'invalid_id', message: text.notAGlobalIdField[locale] },
        ])
      }
      return { typename: parsed.typename, id: String(parsed.id) }
    },
    idFieldOptions: { description: 'Global ID of the record: opaque, stable, usable with `node(id:)`.' },
    nodeTypeOptions: { description: 'A record with a global ID.' },
    // node and nodes take the reading arguments of every record read (schema/node.ts).
    nodeQueryOptions: false,
    nodesQueryOptions: false,
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
builder.addScalarType('JSON', JSONResolver, { description: 'Any JSON value.' })

builder.queryType({ description: 'Read the public-service records of the city.' })
builder.mutationType({ description: 'Change the records. Every change is validated; errors carry `extensions.code`.' })

export const SortDirection = builder.enumType('SortDirection', {
  description: 'Order of a sort.',
  values: {
    ASC: { value: 'asc', description: 'Smallest first; empty values last.' },
    DESC: { value: 'desc', description: 'Largest first; empty values last.' },
  } as const,
})
