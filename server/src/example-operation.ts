/** The operation GraphiQL opens with: what a partner would run first. */
export const EXAMPLE_OPERATION = `# Minsheng Hub · 民生数据枢纽 — an example a partner system would run.
# Hospitals with their planned beds and where each figure comes from,
# then care facilities in 绥江县 (Suijiang County) and the city at a glance;
# below it, review, period locks, "as of" reads and the incremental sync a partner runs
# nightly (choose the operation to run).
query CityAtAGlance {
  hospitals(first: 5, orderBy: [{ field: PLANNED_BEDS, direction: DESC }]) {
    totalCount
    nodes {
      id
      nameZh
      nameEn
      role
      plannedBeds
      specialtyCentres
      division { nameZh code }
      citations { field statedAs qualifier quote source { nameZh file } }
    }
  }
  careFacilities(first: 10, search: "福兴") {
    totalCount
    nodes { nameZh kind peopleServed prices { minAge priceYuan unitZh } }
  }
  overview {
    relocatedPopulation
    parkDirectJobs
    hospitalPlannedBeds
    careFacilitiesByKind { kind count }
  }
}

# Review before publication (operators). The queue of change sets you may review:
query ReviewQueue {
  changeSets(first: 20, where: { reviewable: true }) {
    totalCount
    nodes {
      id version origin note authorName submittedAt changeCount
      changes { action recordType fields record { id } }
    }
  }
}

# Approve one (a reviewer other than its author); rejectChangeSet takes a required reason.
mutation ApproveChangeSet($id: ID!, $version: Int!) {
  approveChangeSet(id: $id, version: $version, reason: "与卫健委名录核对无误") { status reviewerName }
}

# Lock a published reporting period (reviewers, admins); unlockPeriod needs an admin and a reason.
mutation LockPeriod {
  lockPeriod(input: { year: 2024, reason: "2024 年数据已发布" }) { id period lockedByName }
}

# The published figures as they stood at a past moment, exactly as a partner read them then.
query LastYearAsOf {
  overview(asOf: "2025-12-31T16:00:00Z") { hospitalCount hospitalPlannedBeds relocatedPopulation }
  hospitals(first: 5, asOf: "2025-12-31T16:00:00Z") { totalCount nodes { nameZh plannedBeds version } }
}

# Incremental sync (增量同步): store \`nextCursor\`, pass it as $after next time.
# Where \`record\` is null (trashed, purged, moved out), remove the record from your copy.
query ChangesSince($after: String) {
  changes(after: $after, first: 100) {
    edges {
      node {
        action
        recordType
        recordId
        version
        changedFields
        record { id ... on Hospital { nameZh plannedBeds openBeds } ... on School { nameZh seats } }
      }
    }
    pageInfo { hasNextPage }
    nextCursor
  }
}
`
