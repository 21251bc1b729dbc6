import { openDatabase } from '@minsheng/db'
import { graphql } from 'graphql'
import { useDatabase } from './src/db.ts'
import { schema } from './src/schema/index.ts'

const database = await openDatabase({ dataDir: 'memory://' })
useDatabase(database)
const run = async (source: string) => {
  const r = await graphql({ schema, source, contextValue: { locale: 'en' } })
  console.log(
    JSON.stringify(r.data),
    r.errors?.map((e) => [e.message, e.originalError?.stack?.split('\n').slice(0, 6).join('\n')]),
  )
}
await run('mutation { createDivision(input:{nameZh:"昭通市", level: CITY, code:"530600"}) { id nameZh version } }')
await run('{ divisions(first: 5) { totalCount nodes { id nameZh code level } } }')
await database.close()
