// The review queue (待审核): sets awaiting the operator's review, the longest waiting first, by
// division, author and age; several approved at once from the list.
import {
  Datagrid,
  DateField,
  List,
  NumberField,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  useTranslate,
} from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { divisionFilter } from '../common/filters.tsx'
import { BulkApproveButton } from '../governance/reviewActions.tsx'
import { AGE_CHOICES } from '../providers/operators/changeSets.ts'

function useFilters() {
  const translate = useTranslate()
  return [
    divisionFilter(),
    <TextInput key="authorName" source="authorName" alwaysOn />,
    <SelectInput
      key="olderThanDays"
      source="olderThanDays"
      alwaysOn
      choices={AGE_CHOICES.map((days) => ({
        id: days,
        name: translate('hub.review.olderThan', { smart_count: days }),
      }))}
    />,
  ]
}

export default function ReviewList() {
  return (
    <List filters={useFilters()} sort={{ field: 'submittedAt', order: 'ASC' }} perPage={25} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={<BulkApproveButton />}>
        <DateField source="submittedAt" showTime />
        <TextField source="authorName" />
        <TextField source="note" emptyText="—" sortable={false} />
        <SelectField source="origin" choices={enumChoices('ChangeSetOrigin')} sortable={false} />
        <NumberField source="changeCount" sortable={false} />
      </Datagrid>
    </List>
  )
}
