// The hash by which the hub knows a trusted operation (docs/partners.md, section 3, "The hash"):
// the SHA-256, in hex, of graphql's `print` of a document holding the operation first, then the
// fragments it uses, each once, in depth-first order of first use (a fragment's own fragments come
// right after it). Written here rather than taken from the hub: a partner has only this rule, and
// the hub's tests (test/api/partner-client.test.ts) check that both sides compute the same hash.
import { createHash } from 'node:crypto'
import {
  type ASTNode,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  print,
  visit,
} from 'graphql'

export interface CanonicalOperation {
  name: string | null
  /** The text the hub stores and hashes. */
  text: string
  sha256Hash: string
}

/** The fragments a definition uses, directly or through other fragments, in depth-first order of first use. */
function fragmentsUsed(root: ASTNode, fragments: Map<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>()
  const walk = (node: ASTNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value)
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment)
          walk(fragment)
        }
      },
    })
  walk(root)
  return [...used.values()]
}

const isOperation = (d: DefinitionNode): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION
const isFragment = (d: DefinitionNode): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION

/** Each operation of a document (a parsed .graphql file, or a generated typed document) in the hub's canonical form. */
export function canonicalOperations(document: DocumentNode): CanonicalOperation[] {
  const fragments = new Map(document.definitions.filter(isFragment).map((f) => [f.name.value, f]))
  return document.definitions.filter(isOperation).map((operation) => {
    const text = print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsUsed(operation, fragments)] })
    return { name: operation.name?.value ?? null, text, sha256Hash: createHash('sha256').update(text).digest('hex') }
  })
}

/** The hash of a generated document's (only) operation. */
export function operationHash(document: DocumentNode): string {
  const [operation, ...others] = canonicalOperations(document)
  if (!operation || others.length > 0) throw new Error('A trusted request sends exactly one operation.')
  return operation.sha256Hash
}
