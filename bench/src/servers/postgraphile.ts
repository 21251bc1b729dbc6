// PostGraphile v5 (amber preset + connection filter) over the same database, as its own process.
//   DATABASE_URL=postgresql://… PORT=… node --import tsx src/servers/postgraphile.ts
import { createServer } from 'node:http'
import pg from 'pg'
import { postgraphile } from 'postgraphile'
import { makePgService } from 'postgraphile/adaptors/pg'
import { grafserv } from 'postgraphile/grafserv/node'
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber'
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter'
import { countStatements } from './statement-counter.ts'

const port = Number(process.env.PORT ?? 5678)
// Same pool size as the hub's default (DATABASE_POOL_SIZE=10).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
const counter = countStatements(pool)

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  // `divisionByDivisionId: { ancestorIds: { contains: [id] } }` needs relation and array filters.
  schema: { connectionFilterRelations: true, connectionFilterArrays: true },
}
const pgl = postgraphile(preset)
const serv = pgl.createServ(grafserv)
await pgl.getSchema()
// createHandler is deprecated only because it cannot add websockets, which the bench does not use.
const handle = serv.createHandler()
const server = createServer((request, response) => {
  if (!counter.handle(request, response)) handle(request, response)
})
server.listen(port, '127.0.0.1', () => console.log(`ready http://127.0.0.1:${port}/graphql`))

process.once('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
  Promise.allSettled([pgl.release(), pool.end()]).then(() => process.exit(0))
})
