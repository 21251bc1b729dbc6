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
  searchFilter('CareFacility'),
  divisionFilter(),
  enumFilter('kind', 'CareFacilityKind'),
  enumFilter('targetGroup', 'CareTargetGroup'),
  referenceFilter('settlementId', 'settlements'),
  referenceFilter('communityId', 'communities'),
  ...rangeFilters('peopleServed', 'floorAreaM2'),
  ...dateFilters('openedOn'),
]

export default function CareFacilityList() {
  return (
    <HubList filters={filters} quickFilter={{ source: 'kind', enumName: 'CareFacilityKind' }}>
      <TextField source="nameZh" />
      <ReferenceField source="divisionId" reference="divisions" link="show" sortable={false} />
      <SelectField source="kind" choices={enumChoices('CareFacilityKind')} sortable={false} />
      <SelectField source="targetGroup" choices={enumChoices('CareTargetGroup')} sortable={false} />
      <FigureField source="peopleServed" textAlign="right" />
      <FigureField source="floorAreaM2" textAlign="right" />
      <DateField source="openedOn" />
    </HubList>
  )
}
