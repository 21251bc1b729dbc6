import { DateField, ReferenceField, TextField } from 'react-admin'
import { FigureField } from '../common/FigureField.tsx'
import { dateFilters, divisionFilter, rangeFilters, referenceFilter, searchFilter } from '../common/filters.tsx'
import { HubList } from '../common/pages.tsx'

const filters = [
  searchFilter('Community'),
  divisionFilter(),
  referenceFilter('settlementId', 'settlements'),
  ...rangeFilters('relocatedPopulation', 'households', 'elderly', 'children'),
  ...dateFilters('openedOn'),
]

export default function CommunityList() {
  return (
    <HubList filters={filters}>
      <TextField source="nameZh" />
      <ReferenceField source="divisionId" reference="divisions" link="show" sortable={false} />
      <ReferenceField source="settlementId" reference="settlements" link="show" sortable={false} />
      <FigureField source="relocatedPopulation" textAlign="right" />
      <FigureField source="households" textAlign="right" />
      <FigureField source="elderly" textAlign="right" />
      <FigureField source="children" textAlign="right" />
      <DateField source="openedOn" />
    </HubList>
  )
}
