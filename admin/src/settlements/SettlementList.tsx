import { DateField, ReferenceField, TextField } from 'react-admin'
import { FigureField } from '../common/FigureField.tsx'
import { dateFilters, divisionFilter, rangeFilters, searchFilter } from '../common/filters.tsx'
import { HubList } from '../common/pages.tsx'

const filters = [
  searchFilter('Settlement'),
  divisionFilter(),
  ...rangeFilters('relocatedPopulation', 'households'),
  ...dateFilters('openedOn'),
]

export default function SettlementList() {
  return (
    <HubList filters={filters}>
      <TextField source="nameZh" />
      <ReferenceField source="divisionId" reference="divisions" link="show" sortable={false} />
      <FigureField source="relocatedPopulation" textAlign="right" />
      <FigureField source="households" textAlign="right" />
      <FigureField source="elderly" textAlign="right" />
      <FigureField source="children" textAlign="right" />
      <DateField source="openedOn" />
    </HubList>
  )
}
