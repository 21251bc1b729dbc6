import type { Prisma, PrismaClient } from '../../generated/client/client.ts'

/** The tables the generator fills, with Prisma's own input type for a row of each. */
interface Rows {
  Division: Prisma.DivisionCreateManyInput
  Settlement: Prisma.SettlementCreateManyInput
  Community: Prisma.CommunityCreateManyInput
  IndustrialPark: Prisma.IndustrialParkCreateManyInput
  Enterprise: Prisma.EnterpriseCreateManyInput
  Hospital: Prisma.HospitalCreateManyInput
  School: Prisma.SchoolCreateManyInput
  CareFacility: Prisma.CareFacilityCreateManyInput
  CarePrice: Prisma.CarePriceCreateManyInput
  Indicator: Prisma.IndicatorCreateManyInput
  IndicatorObservation: Prisma.IndicatorObservationCreateManyInput
  Citation: Prisma.CitationCreateManyInput
}

// Prisma fills @updatedAt itself rather than the database, so a direct insert must set it.
const WITHOUT_UPDATED_AT: ReadonlySet<keyof Rows> = new Set(['CarePrice', 'Citation'])
const ROWS_PER_STATEMENT = 5_000

/**
 * Inserts rows, typed as Prisma's CreateManyInput, in statements of 5,000, each sending the rows as one
 * JSON parameter that `jsonb_populate_recordset` turns into the table's own row type. The database
 * assigns ids and the other defaults; `returning` names columns to read back besides `id`, in input
 * order.
 *
 * Why not `createManyAndReturn`: Prisma 6.19's query interpreter spends about half a millisecond per
 * row building the statement (twice that with a query-log listener), so 100,000 rows took over a
 * minute on PostgreSQL; one JSON parameter a statement takes a few seconds.
 */
export async function insertRows<T extends keyof Rows, K extends keyof Rows[T] & string = never>(
  prisma: Pick<PrismaClient, '$queryRawUnsafe'>,
  table: T,
  rows: readonly Rows[T][],
  returning: readonly K[] = [],
): Promise<({ id: number } & Pick<Rows[T], K>)[]> {
  const columns = new Set<string>()
  for (const row of rows) for (const column of Object.keys(row)) columns.add(column)
  const list = [...columns].map((column) => `"${column}"`).join(', ')
  const touched = WITHOUT_UPDATED_AT.has(table) ? '' : ', "updatedAt"'
  const now = WITHOUT_UPDATED_AT.has(table) ? '' : ', now()'
  const sql =
    `INSERT INTO "${table}" (${list}${touched}) SELECT ${list}${now} ` +
    `FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb) ` +
    `RETURNING ${['id', ...returning].map((column) => `"${column}"`).join(', ')}`
  const out: ({ id: number } & Pick<Rows[T], K>)[] = []
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT)
    const returned = await prisma.$queryRawUnsafe<({ id: number } & Pick<Rows[T], K>)[]>(sql, JSON.stringify(batch))
    if (returned.length !== batch.length) {
      throw new Error(`Inserted ${batch.length} rows into ${table} but the database returned ${returned.length}`)
    }
    out.push(...returned)
  }
  return out
}
