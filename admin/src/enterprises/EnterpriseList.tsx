import { ReferenceField, TextField, TextInput } from 'react-admin'
import { FigureField } from '../common/FigureField.tsx'
import { dateFilters, divisionFilter, rangeFilters, referenceFilter, searchFilter } from '../common/filters.tsx'
import { HubList } from '../common/pages.tsx'

const filters = [
  searchFilter('Enterprise'),
  divisionFilter(),
  referenceFilter('parkId', 'industrialParks'),
  <TextInput key="sector" source="sector" />,
  ...rangeFilters('employees', 'jobCapacity', 'averageMonthlyWage'),
  ...dateFilters('openedOn'),
]

export default function EnterpriseList() {
  return (
    <HubList filters={filters}>
      <TextField source="nameZh" />
      <ReferenceField source="divisionId" reference="divisions" link="show" sortable={false} />
      <ReferenceField source="parkId" reference="industrialParks" link="show" sortable={false} />
      <TextField source="sector" />
      <FigureField source="employees" textAlign="right" />
      <FigureField source="jobCapacity" textAlign="right" />
      <FigureField source="averageMonthlyWage" textAlign="right" />
    </HubList>
  )
}
