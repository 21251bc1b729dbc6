// The HTTP ceiling: plain node:http reading the request body and answering a constant JSON body.
//   PORT=… node --import tsx src/servers/ceiling.ts
import { createServer } from 'node:http'

const port = Number(process.env.PORT ?? 5679)
const body = JSON.stringify({ data: { ok: true } })

const server = createServer((request, response) => {
  request.resume()
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    response.end(body)
  })
})
server.listen(port, '127.0.0.1', () => console.log(`ready http://127.0.0.1:${port}/graphql`))

process.once('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
  process.exit(0)
})
