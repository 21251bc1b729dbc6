import { DateField, ReferenceField, TextField } from 'react-admin'
import { FigureField } from '../common/FigureField.tsx'
import { dateFilters, divisionFilter, rangeFilters, searchFilter } from '../common/filters.tsx'
import { HubList } from '../common/pages.tsx'

const filters = [
  searchFilter('IndustrialPark'),
  divisionFilter(),
  ...rangeFilters('directJobs', 'settledEnterprises', 'areaMu'),
  ...dateFilters('openedOn'),
]

export default function IndustrialParkList() {
  return (
    <HubList filters={filters}>
      <TextField source="nameZh" />
      <ReferenceField source="divisionId" reference="divisions" link="show" sortable={false} />
      <FigureField source="phase" textAlign="right" />
      <FigureField source="areaMu" textAlign="right" />
      <FigureField source="directJobs" textAlign="right" />
      <FigureField source="settledEnterprises" textAlign="right" />
      <DateField source="openedOn" />
    </HubList>
  )
}
