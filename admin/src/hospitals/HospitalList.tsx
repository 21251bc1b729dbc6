import { DateField, ReferenceField, SelectField, TextField } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { FigureField } from '../common/FigureField.tsx'
import { dateFilters, divisionFilter, enumFilter, rangeFilters, searchFilter } from '../common/filters.tsx'
import { HubList } from '../common/pages.tsx'

const filters = [
  searchFilter('Hospital'),
  divisionFilter(),
  enumFilter('role', 'HospitalRole'),
  ...rangeFilters('plannedBeds', 'openBeds'),
  ...dateFilters('openedOn'),
]

export default function HospitalList() {
  return (
    <HubList filters={filters} quickFilter={{ source: 'role', enumName: 'HospitalRole' }}>
      <TextField source="nameZh" />
      <ReferenceField source="divisionId" reference="divisions" link="show" sortable={false} />
      <SelectField source="role" choices={enumChoices('HospitalRole')} sortable={false} />
      <TextField source="grade" sortable={false} />
      <FigureField source="plannedBeds" textAlign="right" />
      <FigureField source="openBeds" textAlign="right" />
      <DateField source="openedOn" />
    </HubList>
  )
}
