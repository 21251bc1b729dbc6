import { ReferenceField, SelectField, TextField, TextInput } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { divisionFilter, enumFilter, searchFilter } from '../common/filters.tsx'
import { HubList } from '../common/pages.tsx'
import { LatestValueField } from './LatestValueField.tsx'

const filters = [
  searchFilter('Indicator'),
  divisionFilter(),
  <TextInput key="code" source="code" />,
  enumFilter('scale', 'UnitScale'),
]

export default function IndicatorList() {
  return (
    <HubList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
      <TextField source="nameZh" />
      <TextField source="code" />
      <ReferenceField source="divisionId" reference="divisions" link="show" sortable={false} />
      <LatestValueField source="latest" sortable={false} />
      <SelectField source="scale" choices={enumChoices('UnitScale')} sortable={false} />
      <TextField source="unitZh" sortable={false} />
    </HubList>
  )
}
