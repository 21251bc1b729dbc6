// Refuses request bodies above a size with 413 PAYLOAD_TOO_LARGE: at once when Content-Length says
// so, and while reading otherwise (chunked bodies, or a client that sends more than it announced).
import type { Plugin } from 'graphql-yoga'
import { refusal } from './errors.ts'

// The rest of the body is not read: the connection cannot carry another request and is closed.
const tooLarge = (limit: number) =>
  refusal(
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${limit} bytes.`,
    { status: 413, headers: { connection: 'close' } },
    { limit },
  )

/** The body, cut off with a PAYLOAD_TOO_LARGE error once more than `limit` bytes have arrived. */
function limitedBody(body: ReadableStream<Uint8Array>, limit: number, Transform: typeof TransformStream) {
  let received = 0
  return body.pipeThrough(
    new Transform({
      transform(chunk, controller) {
        received += chunk.byteLength
        if (received > limit) controller.error(tooLarge(limit))
        else controller.enqueue(chunk)
      },
    }),
  )
}

export function useBodyLimit(limit: number): Plugin {
  return {
    // Runs after the request parsers have been chosen and before any of them reads the body.
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const announced = request.headers.get('content-length')
      if (announced !== null && Number(announced) > limit) throw tooLarge(limit)
      if (!requestParser || !request.body) return
      const parse = requestParser
      // Node's own streams need Node's TransformStream; whatwg-node's need its ponyfill.
      const Transform = request.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream
      setRequestParser((incoming) =>
        parse(
          new fetchAPI.Request(incoming.url, {
            method: incoming.method,
            headers: incoming.headers,
            signal: incoming.signal,
            body: limitedBody(incoming.body as ReadableStream<Uint8Array>, limit, Transform),
            duplex: 'half',
          } as RequestInit),
        ),
      )
    },
  }
}
