/** The operation GraphiQL opens with: what a partner would run first. */
export const EXAMPLE_OPERATION = `# Minsheng Hub · 民生数据枢纽 — an example a partner system would run.
# Hospitals with their planned beds and where each figure comes from,
# then care facilities in 绥江县 (Suijiang County) and the city at a glance.
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
`
