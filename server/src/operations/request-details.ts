// Tells the access log what only the GraphQL pipeline knows: the operation, who asked, and from
// where. At debug level it also logs the operation's variables, with secrets scrubbed.
import type { GraphQLError } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Actor } from '../auth/actor.ts'
import { classifyError } from '../plugins/error-codes.ts'
import { clientAddress } from '../plugins/hardening/rate-limit.ts'
import { rowsIn } from '../rules/usage.ts'
import type { Logger } from './logger.ts'
import { redactSecrets } from './redaction.ts'
import { currentRequest } from './request-context.ts'

export function actorIdOf(actor: Actor | undefined): string | undefined {
  if (actor?.kind === 'user') return `user:${actor.userId}`
  if (actor?.kind === 'key') return `key:${actor.keyId}`
  return undefined
}

/** `trustProxyHops` as for rate limits: behind a proxy the client is who the proxy says it is. */
export function useRequestDetails(logger: Logger, trustProxyHops: number): Plugin {
  return {
    onParams({ params }) {
      const details = currentRequest()
      if (details && params.operationName) details.operationName = params.operationName
    },
    // What a key's use counts (key-usage.ts): the response's error codes and records. Records are
    // counted for a key's requests only, the ones whose use is kept: counting walks the whole answer.
    onResultProcess({ result }) {
      const details = currentRequest()
      if (
        !details ||
        Array.isArray(result) ||
        !result ||
        typeof result !== 'object' ||
        !('errors' in result || 'data' in result)
      ) {
        return
      }
      const single = result as { errors?: readonly GraphQLError[]; data?: unknown }
      details.errorCodes = (single.errors ?? []).map((error) => classifyError(error))
      if (details.keyId !== undefined) details.rows = rowsIn(single.data)
    },
    onExecute({ args }) {
      const details = currentRequest()
      if (!details) return
      const context = args.contextValue as { actor?: Actor; request: Request; clientAddress?: string }
      details.operationName ??= args.operationName ?? operationNameOf(args.document)
      details.actorId = actorIdOf(context.actor)
      details.clientAddress = clientAddress(context.request, context.clientAddress, trustProxyHops)
      if (logger.isLevelEnabled('debug')) {
        logger.debug(
          { operationName: details.operationName, variables: redactSecrets(args.variableValues) },
          'operation',
        )
      }
    },
  }
}

function operationNameOf(document: { definitions: readonly { kind: string; name?: { value: string } }[] }) {
  const operations = document.definitions.filter((definition) => definition.kind === 'OperationDefinition')
  return operations.length === 1 ? operations[0]?.name?.value : undefined
}
