// The partner's side of the wire: one typed `request` that posts a generated document (its text,
// or only its hash for a key bound to trusted operations) with the key, and says clearly what went
// wrong when the hub answers with errors instead of data.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { type DocumentNode, print } from 'graphql'
import { operationHash } from './operation-hash.ts'

/** One error as the hub reports it (`extensions.code` is the stable part: UNAUTHENTICATED, FORBIDDEN, …). */
export interface HubErrorDetail {
  message: string
  path?: (string | number)[]
  extensions?: { code?: string } & Record<string, unknown>
}

/** The hub refused or failed the operation; `codes` are the errors' `extensions.code`. */
export class HubError extends Error {
  override name = 'HubError'
  constructor(
    readonly operationName: string,
    readonly status: number,
    readonly errors: HubErrorDetail[],
  ) {
    super(
      `${operationName}: the hub answered ${status} with ${errors
        .map((e) => (e.extensions?.code ? `${e.extensions.code}: ${e.message}` : e.message))
        .join('; ')}`,
    )
  }

  get codes(): string[] {
    return this.errors.map((e) => e.extensions?.code ?? 'UNKNOWN')
  }
}

/** Variables are optional only for operations that take none. */
type VariablesOf<V> = Record<string, never> extends V ? [variables?: V] : [variables: V]

export interface HubClient {
  request<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    ...variables: VariablesOf<Variables>
  ): Promise<Result>
}

export interface HubClientOptions {
  /** The hub's GraphQL endpoint, e.g. `https://hub.example.gov.cn/graphql`. */
  url: string
  /** The key's secret (`mh_key_…`), sent as `Authorization: Bearer`. */
  key: string
  /**
   * Send only each operation's hash (`extensions.persistedQuery`), never its text: what a key bound
   * to trusted operations requires (docs/partners.md, section 3). The admin registers
   * src/operations.graphql for the key first.
   */
  trusted?: boolean
  fetch?: typeof globalThis.fetch
}

/** Worked out once per document: printing and hashing are not free, the documents never change. */
function once(compute: (document: DocumentNode) => string) {
  const known = new WeakMap<DocumentNode, string>()
  return (document: DocumentNode) => {
    let value = known.get(document)
    if (value === undefined) {
      value = compute(document)
      known.set(document, value)
    }
    return value
  }
}
const textOf = once(print)
const hashOf = once(operationHash)

function operationNameOf(document: DocumentNode): string {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition' && definition.name) return definition.name.value
  }
  return 'operation'
}

export function hubClient({ url, key, trusted = false, fetch = globalThis.fetch }: HubClientOptions): HubClient {
  return {
    async request(document, ...[variables]) {
      const operationName = operationNameOf(document)
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${key}`,
        },
        body: JSON.stringify(
          trusted
            ? {
                variables: variables ?? {},
                extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(document) } },
              }
            : { query: textOf(document), operationName, variables: variables ?? {} },
        ),
      })
      const text = await response.text()
      let body: { data?: unknown; errors?: HubErrorDetail[] }
      try {
        body = JSON.parse(text)
      } catch {
        // A proxy's error page, or not the hub at all.
        throw new HubError(operationName, response.status, [{ message: `not a GraphQL answer: ${text.slice(0, 200)}` }])
      }
      if (body.errors?.length) throw new HubError(operationName, response.status, body.errors)
      if (!response.ok || body.data == null) {
        throw new HubError(operationName, response.status, [{ message: 'no data in the answer' }])
      }
      return body.data as never
    },
  }
}
