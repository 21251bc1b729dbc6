// A multi-row write for the fault tests: importRecords of schools, all in one transaction.
import type { HubProcess } from './hub-process.ts'

export const IMPORT = `mutation ($type: RecordType!, $rows: [JSON!]!, $dryRun: Boolean) {
  importRecords(recordType: $type, rows: $rows, dryRun: $dryRun) { applied created errors { row field message } }
}`

/** `count` new schools named `<prefix><n>` in the first division the answer names. */
export function schoolRows(divisions: { body: { data?: Record<string, any> | null } }, count: number, prefix: string) {
  const divisionId = divisions.body.data?.divisions.nodes[0].id
  if (!divisionId) throw new Error(`no division: ${JSON.stringify(divisions.body)}`)
  return Array.from({ length: count }, (_, i) => ({
    nameZh: `${prefix}${i + 1}`,
    stage: 'PRIMARY',
    divisionId,
    seats: 100 + i,
  }))
}

export async function schoolsNamed(hub: HubProcess, prefix: string): Promise<number> {
  const { body } = await hub.gql('query ($prefix: String!) { schools(search: $prefix) { totalCount } }', { prefix })
  if (!body.data) throw new Error(JSON.stringify(body))
  return body.data.schools.totalCount
}
