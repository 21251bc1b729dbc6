import { ReferenceField, SelectField, TextField } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { divisionFilter, enumFilter, referenceFilter, searchFilter } from '../common/filters.tsx'
import { HubList } from '../common/pages.tsx'

const filters = [
  searchFilter('Division'),
  divisionFilter(),
  enumFilter('level', 'DivisionLevel'),
  referenceFilter('parentId', 'divisions'),
]

export default function DivisionList() {
  return (
    <HubList
      filters={filters}
      sort={{ field: 'code', order: 'ASC' }}
      quickFilter={{ source: 'level', enumName: 'DivisionLevel' }}
    >
      <TextField source="nameZh" />
      <TextField source="nameEn" />
      <TextField source="code" />
      <SelectField source="level" choices={enumChoices('DivisionLevel')} sortable={false} />
      <ReferenceField source="parentId" reference="divisions" link="show" sortable={false} />
    </HubList>
  )
}
