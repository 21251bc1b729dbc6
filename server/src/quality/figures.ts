// Rules on a record's own figures and on figures that must add up across records.
import { issue, type QualityIssue } from './rules.ts'

interface Ref {
  recordType: string
  recordId: number
  divisionId?: number
}

const n = (value: number) => value.toLocaleString('en')

/** Communities' relocated residents add up to no more than their settlement's. */
export function communityResidentsWithinSettlement(
  settlement: Ref & { nameZh: string; relocatedPopulation: number | null },
  communities: readonly { relocatedPopulation: number | null }[],
): QualityIssue[] {
  if (settlement.relocatedPopulation == null) return []
  const sum = communities.reduce((total, community) => total + (community.relocatedPopulation ?? 0), 0)
  if (sum <= settlement.relocatedPopulation) return []
  const { nameZh, relocatedPopulation: own, ...ref } = settlement
  return [
    issue(
      'COMMUNITY_RESIDENTS_EXCEED_SETTLEMENT',
      ref,
      {
        zh: `${nameZh}各社区搬迁人口合计 ${n(sum)} 人，超过安置区的 ${n(own)} 人。`,
        en: `The communities of ${nameZh} count ${n(sum)} relocated residents, more than the settlement's ${n(own)}.`,
      },
      'relocatedPopulation',
    ),
  ]
}

/** An enterprise employs no more people than it has jobs for. */
export function employeesWithinJobCapacity(
  enterprise: Ref & { employees: number | null; jobCapacity: number | null },
): QualityIssue[] {
  const { employees, jobCapacity, ...ref } = enterprise
  if (employees == null || jobCapacity == null || employees <= jobCapacity) return []
  return [
    issue(
      'EMPLOYEES_EXCEED_JOB_CAPACITY',
      ref,
      {
        zh: `在岗 ${n(employees)} 人，超过岗位容量 ${n(jobCapacity)} 个。`,
        en: `${n(employees)} employees, more than its ${n(jobCapacity)} jobs.`,
      },
      'employees',
    ),
  ]
}

/** A hospital has no more open beds than planned ones. */
export function openBedsWithinPlanned(
  hospital: Ref & { openBeds: number | null; plannedBeds: number | null },
): QualityIssue[] {
  const { openBeds, plannedBeds, ...ref } = hospital
  if (openBeds == null || plannedBeds == null || openBeds <= plannedBeds) return []
  return [
    issue(
      'OPEN_BEDS_EXCEED_PLANNED',
      ref,
      {
        zh: `开放床位 ${n(openBeds)} 张，超过规划的 ${n(plannedBeds)} 张。`,
        en: `${n(openBeds)} open beds, more than the ${n(plannedBeds)} planned.`,
      },
      'openBeds',
    ),
  ]
}
