import { DateField, TextField, TextInput } from 'react-admin'
import { dateFilters, searchFilter } from '../common/filters.tsx'
import { HubList } from '../common/pages.tsx'

const filters = [
  searchFilter('Source'),
  <TextInput key="publisher" source="publisher" />,
  ...dateFilters('publishedOn'),
]

export default function SourceList() {
  return (
    <HubList filters={filters}>
      <TextField source="nameZh" />
      <TextField source="publisher" />
      <DateField source="publishedOn" />
      <TextField source="file" />
    </HubList>
  )
}
