import { openDatabase } from '@minsheng/db'
import { seed } from '@minsheng/db/seed'
import { classifyDatabaseError } from '../../server/src/records/errors.ts'
const url = process.argv[2]
const d = await openDatabase(url ? { databaseUrl: url } : { dataDir: 'memory://' })
await seed(d.prisma)
try {
  await d.prisma.$transaction(async (tx) => { await tx.division.deleteMany({ where: { id: 10 } }) })
} catch (e: any) {
  console.log('name', e.name, 'code', e.code, 'meta', JSON.stringify(e.meta), 'cause', e.cause, Object.keys(e))
  console.log('classified', classifyDatabaseError(e))
}
await d.close()
