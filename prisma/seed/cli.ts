// Seeds the database the server uses: PostgreSQL when DATABASE_URL is a postgresql:// URL, otherwise
// the embedded database in DATA_DIR (default: <repo>/data).
import path from 'node:path'
import { openDatabase } from '../src/index.ts'
import { SEEDED_MODELS, seed } from './index.ts'

const url = process.env.DATABASE_URL
const database = /^postgres(ql)?:\/\//.test(url ?? '')
  ? await openDatabase({ databaseUrl: url })
  : await openDatabase({ dataDir: process.env.DATA_DIR ?? path.resolve(import.meta.dirname, '../../data') })

try {
  const summary = await seed(database.prisma)
  for (const model of SEEDED_MODELS) console.log(`${model.padEnd(22)}${summary.rows[model]}`)
  console.log(`written: ${summary.created} created, ${summary.updated} updated, ${summary.deleted} deleted`)
} finally {
  await database.close()
}
