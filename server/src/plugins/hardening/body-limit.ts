// Refuses request bodies above a size with 413 PAYLOAD_TOO_LARGE: at once when Content-Length says
// so, and while reading otherwise (chunked bodies).
// Ordinary operations get a small limit; only importRecords, sent by a signed-in editor, may carry
// a large body (the rows of a CSV file). Before the caller is known, a request without the session
// cookie is held to the small limit as it is read; one with it may be read up to the large limit,
// and is held to the small one once its operation and caller are known.
import { type DocumentNode, Kind } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { isEditor } from '../../auth/permissions.ts'
import type { Context } from '../../builder.ts'
import { hasSessionCookie } from '../cors.ts'
import { selectedOperation } from './argument-values.ts'
import { refusal } from './errors.ts'

export interface BodyLimits {
  /** Bytes of any operation's body. */
  ordinary: number
  /** Bytes of an import's body, sent by a signed-in editor. */
  import: number
}

// The rest of the body is not read: the connection cannot carry another request and is closed.
const tooLarge = (limit: number) =>
  refusal(
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${limit} bytes.`,
    { status: 413, headers: { connection: 'close' } },
    { limit },
  )

const DIGITS = /^\d+$/

/** Root fields whose requests may be large. */
const LARGE_BODY_FIELDS = new Set(['importRecords'])

/** The body, cut off with a PAYLOAD_TOO_LARGE error once more than `limit` bytes have arrived. */
function limitedBody(
  body: ReadableStream<Uint8Array>,
  limit: number,
  Transform: typeof TransformStream,
  onSize: (bytes: number) => void,
) {
  let received = 0
  return body.pipeThrough(
    new Transform({
      transform(chunk, controller) {
        received += chunk.byteLength
        onSize(received)
        if (received > limit) controller.error(tooLarge(limit))
        else controller.enqueue(chunk)
      },
    }),
  )
}

export function useBodyLimit(limits: BodyLimits): Plugin {
  const sizes = new WeakMap<Request, number>()
  return {
    // Runs after the request parsers have been chosen and before any of them reads the body.
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const limit = hasSessionCookie(request) ? Math.max(limits.import, limits.ordinary) : limits.ordinary
      const announced = request.headers.get('content-length')
      if (announced !== null) {
        if (Number(announced) > limit) throw tooLarge(limit)
        sizes.set(request, Number(announced))
      }
      if (!requestParser || !request.body) return
      // A body with a valid Content-Length (and no Transfer-Encoding) is exactly that long: Node's
      // HTTP parser reads no more for it, the bytes after it being the next request. Nothing to count,
      // and no stream to pipe it through (2 % of a small read's CPU, the pipe and its abort included).
      if (announced !== null && DIGITS.test(announced) && !request.headers.has('transfer-encoding')) return
      const parse = requestParser
      // Node's own streams need Node's TransformStream; whatwg-node's need its ponyfill.
      const Transform = request.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream
      setRequestParser((incoming) =>
        parse(
          new fetchAPI.Request(incoming.url, {
            method: incoming.method,
            headers: incoming.headers,
            signal: incoming.signal,
            body: limitedBody(incoming.body as ReadableStream<Uint8Array>, limit, Transform, (bytes) =>
              sizes.set(request, Math.max(bytes, sizes.get(request) ?? 0)),
            ),
            duplex: 'half',
          } as RequestInit),
        ),
      )
    },
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as unknown as Context
      if ((sizes.get(context.request) ?? 0) <= limits.ordinary) return
      const operation = selectedOperation(args.document as DocumentNode, args.operationName)
      const onlyImports =
        operation?.operation === 'mutation' &&
        operation.selectionSet.selections.every(
          (selection) => selection.kind === Kind.FIELD && LARGE_BODY_FIELDS.has(selection.name.value),
        )
      if (onlyImports && isEditor(context.actor)) return
      setResultAndStopExecution({ errors: [tooLarge(limits.ordinary)] })
    },
  }
}
