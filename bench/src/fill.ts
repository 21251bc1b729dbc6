// Child process: fills one database (PostgreSQL URL or PGlite data directory) with the real seed
// and the synthetic generator, refreshes the planner's statistics, and prints the counts and the
// ids the scenarios use as one JSON line.
//   tsx src/fill.ts --size 100000 (--url postgresql://… | --data-dir DIR)
import { parseArgs } from 'node:util'
import { openDatabase } from '@minsheng/db'
import { seed } from '@minsheng/db/seed'
import { seedSynthetic } from '@minsheng/db/synthetic'
import type { Fixtures } from './fixtures.ts'

const { values } = parseArgs({
  options: { url: { type: 'string' }, 'data-dir': { type: 'string' }, size: { type: 'string', default: '100000' } },
})

const started = performance.now()
const database = values.url
  ? await openDatabase({ databaseUrl: values.url, pool: { max: 2, statementTimeoutMillis: 600_000 } })
  : await openDatabase({ dataDir: values['data-dir'] })
const opened = performance.now()
await seed(database.prisma)
const seeded = performance.now()
const counts = await seedSynthetic(database.prisma, { size: Number(values.size) })
const generated = performance.now()
// Freshly loaded tables have no statistics until autovacuum gets to them; without these the
// planner picks nested loops over thousands of rows (measured: list query 100 ms instead of 6 ms).
if (database.pglite) await database.pglite.exec('VACUUM ANALYZE')
else await database.prisma.$executeRawUnsafe('VACUUM ANALYZE')
const analyzed = performance.now()

const one = async <T>(sql: string) => ((await database.prisma.$queryRawUnsafe(sql)) as T[])[0] as T
const many = async <T>(sql: string) => (await database.prisma.$queryRawUnsafe(sql)) as T[]
// The county with the most elderly canteens (镇雄县 with the default seed), the hospital with the
// most citations, and synthetic hospitals for the update scenario (one per connection).
const county = await one<{ id: number; nameZh: string }>(`
  SELECT d.id, d."nameZh" FROM "Division" d
  WHERE d.level = 'COUNTY'
  ORDER BY (SELECT count(*) FROM "CareFacility" c JOIN "Division" x ON x.id = c."divisionId"
            WHERE x."ancestorIds" @> ARRAY[d.id] AND c.kind = 'ELDERLY_CANTEEN') DESC, d.id
  LIMIT 1`)
const hospital = await one<{ id: number; nameZh: string; citations: bigint }>(`
  SELECT h.id, h."nameZh", count(c.id) AS citations FROM "Hospital" h
  LEFT JOIN "Citation" c ON c."hospitalId" = h.id
  GROUP BY h.id ORDER BY count(c.id) DESC, h.id LIMIT 1`)
const updatable = await many<{ id: number }>(`
  SELECT id FROM "Hospital" WHERE id <> ${hospital.id} AND note LIKE '合成数据%' ORDER BY id LIMIT 64`)
const fixtures: Fixtures = {
  county: { id: county.id, nameZh: county.nameZh },
  hospital: { id: hospital.id, nameZh: hospital.nameZh, citations: Number(hospital.citations) },
  updateHospitalIds: updatable.map((row) => row.id),
}
await database.close()

const ms = (from: number, to: number) => Math.round(to - from)
console.log(
  JSON.stringify({
    counts,
    fixtures,
    timings: {
      openMs: ms(started, opened),
      seedMs: ms(opened, seeded),
      syntheticMs: ms(seeded, generated),
      analyzeMs: ms(generated, analyzed),
      totalMs: ms(started, analyzed),
    },
  }),
)
