import { DateField, ReferenceField, SelectField, TextField } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { FigureField } from '../common/FigureField.tsx'
import {
  dateFilters,
  divisionFilter,
  enumFilter,
  rangeFilters,
  referenceFilter,
  searchFilter,
} from '../common/filters.tsx'
import { HubList } from '../common/pages.tsx'

const filters = [
  searchFilter('School'),
  divisionFilter(),
  enumFilter('stage', 'SchoolStage'),
  referenceFilter('settlementId', 'settlements'),
  ...rangeFilters('seats'),
  ...dateFilters('openedOn'),
]

export default function SchoolList() {
  return (
    <HubList filters={filters} quickFilter={{ source: 'stage', enumName: 'SchoolStage' }}>
      <TextField source="nameZh" />
      <ReferenceField source="divisionId" reference="divisions" link="show" sortable={false} />
      <SelectField source="stage" choices={enumChoices('SchoolStage')} sortable={false} />
      <FigureField source="seats" textAlign="right" />
      <ReferenceField source="settlementId" reference="settlements" link="show" sortable={false} />
      <DateField source="openedOn" />
    </HubList>
  )
}
