/** The operation GraphiQL opens with: what a partner would run first. */
export const EXAMPLE_OPERATION = `# Minsheng Hub · 民生数据枢纽 — an example a partner system would run.
# Hospitals with their planned beds and where each figure comes from,
# then care facilities in 绥江县 (Suijiang County) and the city at a glance;
# below it, the incremental sync a partner runs nightly (choose the operation to run).
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
