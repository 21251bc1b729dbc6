// Trusted operations per key (受信操作): an admin registers a .graphql document for a key; each
// operation in it (with the fragments it uses) is parsed and validated against the schema once,
// then stored by the SHA-256 of its text. A key with any such operations may run only those, by
// hash (`extensions.persistedQuery.sha256Hash`, as Apollo's persisted queries send it); keys
// without keep today's behaviour. Anyone else may run a registered operation by its hash too.
import { createHash } from 'node:crypto'
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  validate,
  visit,
} from 'graphql'
import { db } from '../db.ts'
import type { Locale } from '../plugins/locale.ts'
import type { Actor } from './actor.ts'

export interface PreparedOperation {
  name: string | null
  document: string
  hash: string
}

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex')

/** The fragments an operation uses, directly or through other fragments. */
function fragmentsUsed(root: DefinitionNode, fragments: Map<string, FragmentDefinitionNode>) {
  const used = new Map<string, FragmentDefinitionNode>()
  const walk = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value
        const fragment = fragments.get(name)
        if (fragment && !used.has(name)) {
          used.set(name, fragment)
          walk(fragment)
        }
      },
    })
  walk(root)
  return [...used.values()]
}

const text = {
  cannotRegister: { en: 'The operations cannot be registered:', zh: '无法登记这些操作：' },
  noOperation: { en: 'The document holds no operation.', zh: '文档中没有任何操作。' },
  mutation: {
    en: 'Partner keys only read: register queries (or subscriptions), not mutations.',
    zh: '合作方密钥只能读取数据，请登记查询（或订阅），不能登记变更（mutation）。',
  },
}

/**
 * Each operation of a document, on its own with its fragments, printed and hashed; refuses a
 * document that does not parse or fit the schema, and mutations (keys only read). graphql-js's own
 * messages (a syntax error, a field the schema does not have) are in English in either language.
 */
export function prepareOperations(schema: GraphQLSchema, source: string, locale: Locale): PreparedOperation[] {
  const invalid = (messages: string[]) => invalidDocument(messages, locale)
  let document: DocumentNode
  try {
    document = parse(source)
  } catch (error) {
    throw invalid([(error as Error).message])
  }
  const errors = validate(schema, document)
  if (errors.length > 0) throw invalid(errors.map((error) => error.message))
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )
  if (operations.length === 0) throw invalid([text.noOperation[locale]])
  if (operations.some((operation) => operation.operation === 'mutation')) throw invalid([text.mutation[locale]])
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  )
  return operations.map((operation) => {
    const text = print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsUsed(operation, fragments)] })
    return { name: operation.name?.value ?? null, document: text, hash: sha256Hex(text) }
  })
}

function invalidDocument(messages: string[], locale: Locale) {
  const message =
    locale === 'zh'
      ? `${text.cannotRegister.zh}${messages.join(' ')}`
      : `${text.cannotRegister.en} ${messages.join(' ')}`
  return new GraphQLError(message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      fieldErrors: messages.map((message) => ({ field: 'document', code: 'invalid', message })),
    },
  })
}

// Parsed once per process: a registered document never changes (a new text is a new hash).
const parsed = new Map<number, DocumentNode>()

/** The registered operation with this hash the caller may run: a key's own, or any for others. */
export async function trustedDocument(hash: string, actor: Actor | undefined): Promise<DocumentNode | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null
  const found = await db().trustedOperation.findFirst({
    where: { hash, ...(actor?.kind === 'key' ? { apiKeyId: actor.keyId } : {}) },
    select: { id: true, document: true },
  })
  if (!found) return null
  let document = parsed.get(found.id)
  if (!document) {
    document = parse(found.document)
    parsed.set(found.id, document)
  }
  return document
}
